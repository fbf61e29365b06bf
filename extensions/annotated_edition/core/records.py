"""The edition's records, typed: what reading a page finds and everything after it reads.

Records are plain frozen dataclasses (they are pickled with the environment and copied between parallel
workers), never changed once made: a later finding about a record is a record of its own (the fidelity
check's) or is computed when it is read (a note's latest correction, from the log).  They are kept per document in the ``edition`` domain and read through its methods
(:meth:`~.domain.EditionDomain.notes`, :meth:`~.domain.EditionDomain.essay`, …).  A registry's entries
(events, people, any registry an edition adds) are dicts of the fields that registry defines.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EssayRecord:
    """A document that reproduces a witness."""

    witness: str
    title: str
    paragraphs: int
    lines: list[int]  # the source line of each essay paragraph


@dataclass(frozen=True)
class FidelityRecord:
    """The fidelity check's finding for an essay page: its text is its witness's (the exports need it)."""

    faithful: bool


@dataclass(frozen=True)
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
    key: bool = False  # flagged `:key:`: among the essay's most consequential findings


@dataclass(frozen=True)
class SicRecord:
    """A transcription slip kept as written."""

    paragraph: int
    quote: str
    reading: str
    span: tuple[int, int]


@dataclass(frozen=True)
class MentionRecord:
    """A place where a registry entry is named: an essay paragraph (with the words' span) or a note."""

    kind: str  # the registry's role: "event", "person"
    target: str
    anchor: str  # "p3" or the note's address
    label: str
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class PageRecord:
    """A generated page (register, timeline, corrections, agreement) and the kinds of record it shows."""

    page: str
    depends: list[str]
    lists: bool = False  # a register that lists notes, not only counts them
    path: str = ""  # the data file it reads (the agreement's readings), read once when the page is
    rows: tuple = ()  # and what it found there
