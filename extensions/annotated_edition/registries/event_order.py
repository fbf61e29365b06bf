"""The events registry keeps the order its guide promises: by date, under year headings that cover them.

A page of ``{event}`` entries may group them under headings that are years or ranges of years
("## 1954–1957"); each entry must stand under the heading whose years include its start, and entries
follow one another by date.  Both are checked when the page is read, at the entry's line.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..core import priorities
from ..core.domain import get_domain
from ..core.messages import warn
from ..core.registry import valid

YEARS = re.compile(r"(\d{4})(?:\s*[–—-]\s*(\d{4}))?")


class CheckEventOrder(SphinxTransform):
    default_priority = priorities.EVENT_ORDER

    def apply(self) -> None:
        records = valid(get_domain(self.env).data["events"].get(self.env.docname, []))
        if not records:
            return
        by_anchor = {f"event-{record['id']}": record for record in records}
        for previous, record in zip(records, records[1:], strict=False):
            if record["start"] < previous["start"]:
                warn(
                    "event",
                    f"event {record['id']!r} ({record['date']}) stands after {previous['id']!r} ({previous['date']}), "
                    "but the registry is in date order.",
                    f"move it above {previous['id']!r} (line {previous['line']}), under the heading for its year.",
                    (self.env.docname, record["line"]),
                )
                break
        for section in self.document.findall(nodes.section):
            title = section.next_node(nodes.title)
            years = YEARS.fullmatch(title.astext().strip()) if title else None
            if years is None:
                continue
            first, last = int(years[1]), int(years[2] or years[1])
            for node in section.findall(nodes.Element):  # the entry's anchor: its target's, or moved onto its box
                record = next((by_anchor[i] for i in node.get("ids", []) if i in by_anchor), None)
                if record and not first <= int(record["start"][:4]) <= last:
                    warn(
                        "event",
                        f"event {record['id']!r} ({record['date']}) stands under the heading “{title.astext()}” "
                        f"(line {title.line}), which does not cover its date.",
                        "move it under the heading whose years include its start, or add such a heading "
                        "(## YYYY or ## YYYY–YYYY) in date order.",
                        (self.env.docname, record["line"]),
                    )


def setup_event_order(app: Sphinx) -> None:
    app.add_transform(CheckEventOrder)
