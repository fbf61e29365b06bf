"""Does a note's evidence cover what it says?  Each work records the years it covers.

Every bibliography entry carries ``coverage``, an EDTF interval of the years the work covers (for
example ``coverage = "1956/1966"``; :mod:`..bibliography.checks` requires it).  After reading, two
things are reported at the note:

- a sentence of the note that cites works and names years (or links events) lying wholly outside the
  coverage of every work cited in that sentence: those citations cannot be the evidence for it (the
  sentences and what they name are found by :mod:`..notes.statements`).  A sentence is compared in
  whole years: a cable of 31 October 1962 is evidence for what it says of the crisis that ended on the
  28th, and a report of December 1959 is not evidence for 1958;
- an event the note links outside every sentence-level finding, lying outside the coverage of every
  work the note cites.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core import dates
from ..core.compat import bib_entries
from ..core.domain import get_domain
from ..core.messages import warn
from ..core.records import NoteRecord, StatementRecord
from ..core.registry import valid

FIX = "cite a work whose coverage includes {what}, or correct a `coverage` field in bib/ if it is wrong."


def coverage(entry) -> tuple[str, str] | None:
    """The (start, end) days a bibliography entry covers, or None if it gives no valid coverage."""
    try:
        return dates.parse(entry.fields.get("coverage", "").strip())
    except dates.DateError:
        return None


def outside(spans: list[tuple[str, str]], start: str, end: str) -> bool:
    """Whether the days *start*-*end* lie wholly outside every span."""
    return all(last < start or first > end for first, last in spans)


def spans_of(keys, entries) -> dict[str, tuple[str, str]] | None:
    """Key -> coverage of the cited works known; None when one lacks a valid coverage (reported by the
    bibliography check) or none is known."""
    spans = {key: coverage(entries[key]) for key in keys if key in entries}
    return None if not spans or None in spans.values() else spans


def works(spans: dict[str, tuple[str, str]], entries) -> str:
    return "; ".join(f"{key} ({entries[key].fields['coverage']})" for key in spans)


def check_statement(docname: str, note: NoteRecord, statement: StatementRecord, events: dict, entries) -> set[str]:
    """Report the sentence if it names years or events no work cited in it covers; return those events."""
    spans = spans_of(statement.keys, entries)
    if spans is None:
        return set()
    by_year = [(first[:4], last[:4]) for first, last in spans.values()]  # a sentence speaks in years
    years = [year for year in statement.years if outside(by_year, f"{year:04d}", f"{year:04d}")]
    linked = [
        e for e in statement.events if e in events and outside(by_year, events[e]["start"][:4], events[e]["end"][:4])
    ]
    if not years and not linked:
        return set()
    named = [*map(str, years), *(f"the event {e} ({dates.in_words(events[e]['date'])})" for e in linked)]
    warn(
        "coverage",
        f"the sentence “{statement.text}” names {', '.join(named)}, which no work cited in it covers: "
        f"{works(spans, entries)}.",
        FIX.format(what="what the sentence names, in that sentence"),
        (docname, note.line),
    )
    return set(linked)


def check_coverage(app: Sphinx, env: BuildEnvironment) -> None:
    domain = get_domain(env)
    entries = bib_entries(env)
    events = {record["id"]: record for record in valid(domain.records("events"))}
    for docname in domain.essays():
        linked: dict[str, list[str]] = {}
        for mention in domain.mentions(docname):
            if mention.kind == "event" and mention.target in events:
                linked.setdefault(mention.anchor, []).append(mention.target)
        for note in domain.notes(docname):
            reported: set[str] = set()
            for statement in note.statements:
                reported |= check_statement(docname, note, statement, events, entries)
            spans = spans_of(note.keys, entries)
            if spans is None:
                continue
            for event_id in dict.fromkeys(linked.get(note.id, [])):
                event = events[event_id]
                if event_id not in reported and outside(list(spans.values()), event["start"], event["end"]):
                    warn(
                        "coverage",
                        f"the note links the event {event_id} ({dates.in_words(event['date'])}), which no work it "
                        f"cites covers: {works(spans, entries)}.",
                        FIX.format(what="the event"),
                        (docname, note.line),
                    )


def setup_coverage(app: Sphinx) -> None:
    app.connect("env-check-consistency", check_coverage)
