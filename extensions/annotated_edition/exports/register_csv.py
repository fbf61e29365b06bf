"""The register as CSV, one row per note, for spreadsheets and pandas."""

from __future__ import annotations

import csv
import io

from .model import EssayData

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
                )
            )
    return out.getvalue()
