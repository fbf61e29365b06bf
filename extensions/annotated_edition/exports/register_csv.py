"""The register as CSV, one row per note, for spreadsheets and pandas."""

from __future__ import annotations

import csv
import io

from .model import EssayData

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell(value: object) -> object:
    """A cell no spreadsheet runs: text opening as a formula would (``=``, ``+``, ``-``, ``@``, a tab or a line
    end, and their full-width forms) is prefixed with an apostrophe, the OWASP rule for CSV injection."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_START):
        return "'" + value
    return value


#: ``locators``: ``key locator`` for each key cited with one ("luthi2008 p. 112;westad1998 ch. 3"), in the order
#: of ``cited``.
COLUMNS = ("essay", "paragraph", "note", "number", "claim", "verdict", "cited", "url", "locators")


def register(essays: list[EssayData]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for essay in essays:
        for note in essay.notes:
            writer.writerow(
                map(
                    cell,
                    (
                        essay.docname,
                        note.paragraph,
                        note.id,
                        note.number,
                        note.quote,
                        note.verdict,
                        ";".join(note.keys),
                        f"{essay.url}#{note.id}",
                        ";".join(f"{key} {locator}" for key in note.keys for locator in note.locators.get(key, ())),
                    ),
                )
            )
    return out.getvalue()
