"""Does a note's evidence cover its events?  Each work records the years it covers.

Every bibliography entry carries ``coverage``, an EDTF interval of the years the work covers (for
example ``coverage = "1956/1966"``; :mod:`..bibliography.checks` requires it).  After reading, a note that links an
event lying wholly outside the coverage of every work the note cites is reported at the note: its
citations cannot be the evidence for that event.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core.compat import bib_entries
from ..core import dates
from ..core.domain import get_domain
from ..core.messages import warn
from ..core.registry import valid


def coverage(entry) -> tuple[str, str] | None:
    """The (start, end) days a bibliography entry covers, or None if it gives no valid coverage."""
    try:
        return dates.parse(entry.fields.get("coverage", "").strip())
    except dates.DateError:
        return None


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
            spans = {key: coverage(entries[key]) for key in note.keys if key in entries}
            if not spans or None in spans.values():
                continue  # an entry without coverage is reported by the bibliography check
            for event_id in dict.fromkeys(linked.get(note.id, [])):
                event = events[event_id]
                if all(end < event["start"] or start > event["end"] for start, end in spans.values()):
                    works = "; ".join(f"{key} ({entries[key].fields['coverage']})" for key in spans)
                    warn(
                        "coverage",
                        f"the note links the event {event_id} ({dates.in_words(event['date'])}), which no work it "
                        f"cites covers: {works}.",
                        "cite a work whose coverage includes the event, or correct a `coverage` field in bib/ if it is wrong.",
                        (docname, note.line),
                    )


def setup_coverage(app: Sphinx) -> None:
    app.connect("env-check-consistency", check_coverage)
