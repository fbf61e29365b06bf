"""The edition's records, typed: what reading a page finds and everything after it reads.

Records are plain dataclasses (they are pickled with the environment and copied between parallel
workers), kept per document in the ``edition`` domain and read through its methods
(:meth:`~.domain.EditionDomain.notes`, :meth:`~.domain.EditionDomain.essay`, …).  A registry's entries
(events, people, any registry an edition adds) are dicts of the fields that registry defines.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class EssayRecord:
    """A document that reproduces a witness."""

    witness: str
    title: str
    paragraphs: int
    lines: list[int]  # the source line of each essay paragraph
    faithful: bool = True  # set by the fidelity check: the text is its witness's


@dataclass
class NoteRecord:
    """A fact-check, anchored: its stable address, claim, verdict and sources."""

    id: str
    label: str
    number: int
    verdict: str
    quote: str
    paragraph: int
    keys: list[str]
    line: int
    fingerprint: str
    span: tuple[int, int]  # the claim in the paragraph's whitespace-normalised text
    modified: str | None = None  # the date of its latest correction
    key: bool = False  # flagged `:key:`: among the essay's most consequential findings


@dataclass
class SicRecord:
    """A transcription slip kept as written."""

    paragraph: int
    quote: str
    reading: str
    span: tuple[int, int]


@dataclass
class MentionRecord:
    """A place where a registry entry is named: an essay paragraph (with the words' span) or a note."""

    kind: str  # the registry's role: "event", "person"
    target: str
    anchor: str  # "p3" or the note's address
    label: str
    span: tuple[int, int] | None = None


@dataclass
class PageRecord:
    """A generated page (register, timeline, corrections, agreement) and the kinds of record it shows."""

    page: str
    depends: list[str]
    lists: bool = False  # a register that lists notes, not only counts them
    path: str = ""  # the data file it reads (the agreement's readings), read once when the page is
    rows: tuple = ()  # and what it found there
