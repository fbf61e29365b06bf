"""Events: a registry of dated events that the essays and notes refer to with ``{event}``.

``{event} ID`` defines an event (EDTF ``:date:``, ``:title:``, optional ``:place:``, a cited body);
roles, mentions and backlinks are the generic registry machinery of :mod:`.base`.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx

from ..core import dates
from ..core.i18n import N_
from ..core.messages import EntryError
from ..core.names import anchor
from ..core.registry import Registry, TeiMapping
from .base import RegistryDirective, add_registry, one_line

EXAMPLES = (
    "1950-02-14, 1960-07, 1958, 1958-08-23/1958-10-06, 1960-21 (spring 1960; 22 summer, 23 autumn, 24 winter), "
    "1960-07? (uncertain) or 1960~ (approximate)"
)


def event_anchor(event_id: str) -> str:
    return anchor("event", event_id)


class EventDirective(RegistryDirective):
    option_spec = {
        **RegistryDirective.common_options,
        "date": directives.unchanged,
        "title": directives.unchanged,
        "place": directives.unchanged,
    }

    def fields(self) -> dict[str, Any]:
        title = one_line(self.options.get("title"))
        if not title:
            raise EntryError("has no title.", "add `:title: What happened`.")
        date = self.options.get("date", "").strip()
        try:
            start, end = dates.parse(date)
        except dates.DateError as error:
            if error.reason:
                raise EntryError(
                    f"has the date {date!r}, which {error.reason}.",
                    f"give a day, month or year, or a range of two ({EXAMPLES}); say in the body what is uncertain.",
                ) from None
            plain = dates.suggestion(date)
            if plain:
                raise EntryError(
                    f"has the date {date!r}, which is written in words, not in EDTF.", f"write it as {plain}."
                ) from None
            raise EntryError(f"has the date {date!r}, which is not an EDTF date.", f"write e.g. {EXAMPLES}.") from None
        return {"title": title, "date": date, "start": start, "end": end, "place": one_line(self.options.get("place"))}

    def facts(self, record: dict[str, Any]) -> list[nodes.Node]:
        facts = nodes.paragraph(classes=["edition-event-date"])
        facts += nodes.strong(text=dates.in_words(record["date"]))
        if record["place"]:
            facts += nodes.Text(f" · {record['place']}")
        return [facts]


def tei_dates(record: dict[str, Any]) -> dict[str, str]:
    """EDTF to TEI's W3C date attributes: exact ends as @when/@from/@to, qualified ones as bounds."""
    parts = record["date"].split("/")
    if all(dates.w3c(part) for part in parts):
        return {"when": parts[0]} if len(parts) == 1 else {"from": parts[0], "to": parts[1]}
    return {"notBefore": record.get("start", ""), "notAfter": record.get("end", "")}


EVENTS = Registry(
    role="event",
    records="events",
    index_heading=N_("Events"),
    title=lambda record: record["title"],
    tooltip=lambda record: f"{record['title']} ({dates.in_words(record['date'])})",
    sort_name=lambda record: record["title"],
    tei=TeiMapping("listEvent", "event", "label", "title", tei_dates),
)


def setup_events(app: Sphinx) -> None:
    add_registry(app, EVENTS, EventDirective)
