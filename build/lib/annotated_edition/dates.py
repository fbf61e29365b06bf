"""EDTF dates (Library of Congress Extended Date/Time Format) for events: parsing, words, sorting.

The edition shows a subset of EDTF: a day, a month or a year, optionally uncertain (``?``),
approximate (``~``) or both (``%``), and ranges of two such dates.  Every date in the subset has a
defined form in words, on the timeline and in JSON-LD.  Other EDTF (open or unknown ends, unspecified
digits, seasons, sets, times) is refused with the reason, never drawn by guesswork: EDTF reads
``1950-02-14/`` as "end unknown" and a library would draw it to 1960.
"""

from __future__ import annotations

import calendar
import functools
import re
import time

from edtf import parse_edtf

QUALIFIERS = {"?": "uncertain", "~": "approximate", "%": "uncertain and approximate"}
#: A date the edition can show: YYYY, YYYY-MM or YYYY-MM-DD, then an optional qualifier.
POINT = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([?~%])?")


class DateError(ValueError):
    """*value* is not EDTF (``reason`` is None) or is EDTF the edition does not show (``reason`` says why)."""

    def __init__(self, reason: str | None = None) -> None:
        super().__init__(reason or "not EDTF")
        self.reason = reason


def unsupported(part: str) -> str | None:
    """Why one end of a valid EDTF date is outside the subset the edition shows, or None if it is inside."""
    match = POINT.fullmatch(part)
    if part in ("", ".."):
        return "has an open or unknown end"
    if "X" in part:
        return "has unspecified digits (X)"
    if match and match[2] and int(match[2]) > 12:
        return "is a season (month numbers 21–41), which the edition cannot show yet"
    if match and match[1] == "0000":
        return "is in the year 0"
    if not match:
        return "uses a form of EDTF the edition cannot show (a set, a time, a long or negative year, or a qualifier inside the date)"
    return None


def iso(moment: time.struct_time) -> str:
    """``YYYY-MM-DD`` with four year digits (``strftime`` drops the zeros of a year before 1000)."""
    return f"{moment.tm_year:04d}-{moment.tm_mon:02d}-{moment.tm_mday:02d}"


@functools.lru_cache(maxsize=4096)
def parse(value: str) -> tuple[str, str]:
    """Check *value*; return (start, end) as ISO days for sorting and JSON-LD.

    Cached: the EDTF grammar is slow (milliseconds a date), and a registry repeats dates."""
    try:
        parsed = parse_edtf(value)
    except Exception:  # the EDTF library raises several kinds of error on bad input
        raise DateError() from None
    reasons = [reason for reason in map(unsupported, value.split("/")) if reason]
    if reasons:
        raise DateError(reasons[0])
    start, end = iso(parsed.lower_strict()), iso(parsed.upper_strict())
    if end < start:
        raise DateError("ends before it starts")
    return start, end


def _words(part: str) -> str:
    year, month, day, qualifier = POINT.fullmatch(part).groups()
    text = year
    if month:
        text = f"{calendar.month_name[int(month)]} {year}"
    if day:
        text = f"{int(day)} {text}"
    return f"{text} ({QUALIFIERS[qualifier]})" if qualifier else text


def in_words(value: str) -> str:
    """``1958-08-23/1958-10-06`` → ``23 August 1958 – 6 October 1958`` (for a date :func:`parse` accepted)."""
    return " – ".join(_words(part) for part in value.split("/"))


def edtf_part(value: str, index: int) -> str:
    """The ISO form of the start (0) or end (1) of an EDTF value, at its own precision."""
    parts = value.split("/")
    return re.sub(r"[?~%]", "", parts[min(index, len(parts) - 1)])
