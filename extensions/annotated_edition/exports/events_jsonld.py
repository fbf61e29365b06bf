"""schema.org ``Event`` JSON-LD for every event, on the page that holds the timeline.

Dates at their own precision (a season as its first and last month: schema.org has no seasons), the
place, and ``sameAs`` the event's Wikidata item where one was verified.  Embedded through
:mod:`.jsonld`, so no title can end the ``<script>`` early.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from ..core import dates
from ..core.domain import get_domain
from ..core.i18n import language
from ..core.names import site_base
from ..core.registry import valid
from ..registries.events import event_anchor
from .jsonld import add_to_head


def add_event_json_ld(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """schema.org ``Event`` data for every event, on the page that holds the timeline."""
    domain = get_domain(app.env)
    if pagename not in (docname for docname, _ in domain.pages("timeline")):
        return
    base = site_base(app.config)
    data = []
    for docname, records in sorted(domain.data["events"].items()):
        for record in valid(records):
            item = {
                "@context": "https://schema.org",
                "@type": "Event",
                "name": record["title"],
                "inLanguage": language(app.config),
                "startDate": dates.edtf_part(record["date"], 0),
                "url": f"{base}{app.builder.get_target_uri(docname)}#{event_anchor(record['id'])}",
            }
            end = dates.edtf_part(record["date"], 1)
            if end != item["startDate"]:  # a range, or a season (its first and last month)
                item["endDate"] = end
            if record.get("wikidata"):
                item["sameAs"] = f"https://www.wikidata.org/wiki/{record['wikidata']}"
            if record["place"]:
                item["location"] = {"@type": "Place", "name": record["place"]}
            data.append(item)
    add_to_head(context, data)
