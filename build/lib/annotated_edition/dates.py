"""EDTF dates (Library of Congress Extended Date/Time Format) for events: parsing, words, sorting."""

from __future__ import annotations

import calendar
import functools
import re
import time

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

QUALIFIERS = {"?": "uncertain", "~": "approximate", "%": "uncertain and approximate"}


class DateError(ValueError):
    pass


@functools.lru_cache(maxsize=4096)
def parse(value: str) -> tuple[str, str]:
    """Check *value* is EDTF; return (start, end) as ISO days for sorting and JSON-LD.

    Cached: the EDTF grammar is slow (milliseconds a date), and a registry repeats dates."""
    try:
        parsed = parse_edtf(value)
    except (EDTFParseException, ValueError, TypeError) as err:
        raise DateError(str(err)) from None
    return time.strftime("%Y-%m-%d", parsed.lower_strict()), time.strftime("%Y-%m-%d", parsed.upper_strict())


def _words(part: str) -> str:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([?~%])?", part)
    if not match:
        return part
    year, month, day, qualifier = match.groups()
    text = year
    if month:
        text = f"{calendar.month_name[int(month)]} {year}"
    if day:
        text = f"{int(day)} {text}"
    return f"{text} ({QUALIFIERS[qualifier]})" if qualifier else text


def in_words(value: str) -> str:
    """``1958-08-23/1958-10-06`` → ``23 August 1958 – 6 October 1958``."""
    return " – ".join(_words(part) for part in value.split("/"))


def edtf_part(value: str, index: int) -> str:
    """The ISO form of the start (0) or end (1) of an EDTF value, at its own precision."""
    parts = value.split("/")
    return re.sub(r"[?~%]", "", parts[min(index, len(parts) - 1)])
