"""EDTF dates (Library of Congress Extended Date/Time Format) for events: parsing, words, sorting.

The edition shows a subset of EDTF: a day, a month or a year, optionally uncertain (``?``),
approximate (``~``) or both (``%``); a season, quarter, third or half of a year (EDTF's "months" 21–41,
``1960-21`` is spring 1960); and ranges of two such dates.  Every date in the subset has a defined form
in words, a span of days (for sorting and the timeline: a season covers its three months, winter runs
from December into the next year) and a form in months for JSON-LD.  Other EDTF (open or unknown ends,
unspecified digits, sets, times) is refused with the reason, never drawn by guesswork: EDTF reads
``1950-02-14/`` as "end unknown" and a library would draw it to 1960.  Plain-language dates ("Spring
1960", "14 Feb 1950") are refused with the EDTF spelling to use.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from edtf import parse_edtf

from .i18n import N_, _, current_language

#: The years a date may name: a policy, not a limit of EDTF.  Years such as 0001 or 9999 are placeholders or
#: typing slips in an edition of modern history, and a season of 9999 would end in a year no calendar can write.
FIRST_YEAR, LAST_YEAR = 1000, 2999
QUALIFIERS = {"?": N_("uncertain"), "~": N_("approximate"), "%": N_("uncertain and approximate")}
#: A date the edition can show: YYYY, YYYY-MM or YYYY-MM-DD, then an optional qualifier.
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
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
    if not match:
        return "uses a form of EDTF the edition cannot show (a set, a time, a long or negative year, or a qualifier inside the date)"
    year, month, day, _ = match.groups()
    if not FIRST_YEAR <= int(year) <= LAST_YEAR:
        return f"is in the year {year}, outside the years {FIRST_YEAR}–{LAST_YEAR} the edition shows (a typing slip, or a placeholder)"
    if month and day and (int(month) > 12 or int(day) > calendar.monthrange(int(year), int(month))[1]):
        return f"names a day that {year}-{month} does not have"
    return None


#: EDTF's divisions of a year (its "months" 21–41): words, first and last month, and whether the last month
#: falls in the next year (winter).  Level 1 seasons are read as the northern hemisphere's, as EDTF's own
#: examples do.
DIVISIONS: dict[int, tuple[str, int, int, int]] = {
    21: (N_("spring {y}"), 3, 5, 0),
    22: (N_("summer {y}"), 6, 8, 0),
    23: (N_("autumn {y}"), 9, 11, 0),
    24: (N_("winter {y}–{n}"), 12, 2, 1),
    25: (N_("spring {y} (northern hemisphere)"), 3, 5, 0),
    26: (N_("summer {y} (northern hemisphere)"), 6, 8, 0),
    27: (N_("autumn {y} (northern hemisphere)"), 9, 11, 0),
    28: (N_("winter {y}–{n} (northern hemisphere)"), 12, 2, 1),
    29: (N_("spring {y} (southern hemisphere)"), 9, 11, 0),
    30: (N_("summer {y}–{n} (southern hemisphere)"), 12, 2, 1),
    31: (N_("autumn {y} (southern hemisphere)"), 3, 5, 0),
    32: (N_("winter {y} (southern hemisphere)"), 6, 8, 0),
    33: (N_("first quarter of {y}"), 1, 3, 0),
    34: (N_("second quarter of {y}"), 4, 6, 0),
    35: (N_("third quarter of {y}"), 7, 9, 0),
    36: (N_("fourth quarter of {y}"), 10, 12, 0),
    37: (N_("first third of {y}"), 1, 4, 0),
    38: (N_("second third of {y}"), 5, 8, 0),
    39: (N_("last third of {y}"), 9, 12, 0),
    40: (N_("first half of {y}"), 1, 6, 0),
    41: (N_("second half of {y}"), 7, 12, 0),
}


def w3c(part: str) -> bool:
    """Whether one end of a date is a W3C date as written (a year, month or day, with no qualifier or season)."""
    match = POINT.fullmatch(part)
    return bool(match) and not match[4] and (not match[2] or int(match[2]) <= 12)


def months(part: str) -> tuple[str, str]:
    """The first and last month (``YYYY-MM``) a date of the subset covers."""
    year, month, _, _ = POINT.fullmatch(part).groups()
    number = int(year)
    if not month:
        return f"{year}-01", f"{year}-12"
    if int(month) <= 12:
        return f"{year}-{month}", f"{year}-{month}"
    _, first, last, later = DIVISIONS[int(month)]
    return f"{year}-{first:02d}", f"{number + later:04d}-{last:02d}"


def bounds(part: str) -> tuple[str, str]:
    """The first and last day a date of the subset covers, as ISO days."""
    year, month, day, _ = POINT.fullmatch(part).groups()
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    first, last = months(part)
    end_year, end_month = int(last[:4]), int(last[5:])
    return f"{first}-01", f"{last}-{calendar.monthrange(end_year, end_month)[1]:02d}"


@functools.lru_cache(maxsize=4096)
def parse(value: str) -> tuple[str, str]:
    """Check *value*; return (start, end) as ISO days for sorting and JSON-LD.

    Cached: the EDTF grammar is slow (milliseconds a date), and a registry repeats dates."""
    try:
        parse_edtf(value)  # valid EDTF; the edition's own reading of its subset gives the days
    except Exception:  # the EDTF library raises several kinds of error on bad input
        raise DateError() from None
    reasons = [reason for reason in map(unsupported, value.split("/")) if reason]
    if reasons:
        raise DateError(reasons[0])
    parts = value.split("/")
    (start, first_end), (last_start, end) = bounds(parts[0]), bounds(parts[-1])
    if end < first_end or last_start < start:  # 1937-24/1937-12: December 1937 ends before winter 1937–38 does
        raise DateError("ends before it starts")
    return start, end


@functools.lru_cache(maxsize=32)
def babel_locale(language: str) -> Locale | None:
    """Babel's locale for a document language ("de", "pt-BR"); None for English and unknown languages."""
    if language.split("-")[0] == "en":
        return None
    try:
        return Locale.parse(language.replace("_", "-"), sep="-")
    except (UnknownLocaleError, ValueError):
        return None


def _words(part: str, language: str) -> str:
    year, month, day, qualifier = POINT.fullmatch(part).groups()
    locale = babel_locale(language)
    text = year
    if month and int(month) > 12:
        text = _(DIVISIONS[int(month)][0]).format(y=year, n=f"{(int(year) + 1) % 100:02d}")
    elif day and locale:
        text = format_date(datetime.date(int(year), int(month), int(day)), "long", locale=locale)
    elif month and locale:
        text = format_skeleton("yMMMM", datetime.date(int(year), int(month), 1), locale=locale)
    elif month:
        text = f"{calendar.month_name[int(month)]} {year}"
    if day and not locale:
        text = f"{int(day)} {text}"
    return f"{text} ({_(QUALIFIERS[qualifier])})" if qualifier else text


def in_words(value: str, language: str | None = None) -> str:
    """``1958-08-23/1958-10-06`` → ``23 August 1958 – 6 October 1958`` (for a date :func:`parse` accepted), in
    the document's *language* (German: ``23. August 1958 – 6. Oktober 1958``)."""
    return " – ".join(_words(part, language or current_language()) for part in value.split("/"))


def edtf_part(value: str, index: int) -> str:
    """The ISO form of the start (0) or end (1) of an EDTF value, at its own precision; a season as the first
    or last month it covers (schema.org dates have no seasons)."""
    parts = value.split("/")
    part = re.sub(r"[?~%]", "", parts[min(index, len(parts) - 1)])
    month = POINT.fullmatch(part)[2]
    return months(part)[min(index, 1)] if month and int(month) > 12 else part


MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name
}
PLAIN_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


def suggestion(value: str) -> str | None:
    """The EDTF spelling of a plain-language date ("Spring 1960" → ``1960-21``), if it is one."""
    words = value.replace(",", " ").replace(".", " ").lower().split()
    if len(words) == 2 and words[0] in PLAIN_SEASONS and words[1].isdigit():
        return f"{int(words[1]):04d}-{PLAIN_SEASONS[words[0]]}"
    if len(words) == 2 and words[0] in MONTHS and words[1].isdigit():
        return f"{int(words[1]):04d}-{MONTHS[words[0]]:02d}"
    if len(words) == 3 and words[1] in MONTHS and words[0].isdigit() and words[2].isdigit():
        return f"{int(words[2]):04d}-{MONTHS[words[1]]:02d}-{int(words[0]):02d}"
    if len(words) == 3 and words[0] in MONTHS and words[1].isdigit() and words[2].isdigit():
        return f"{int(words[2]):04d}-{MONTHS[words[0]]:02d}-{int(words[1]):02d}"
    return None
