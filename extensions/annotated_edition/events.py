"""Events: a registry of dated events, ``{event}`` cross-references, and "Mentioned in" backlinks.

``{event} ID`` defines an event (EDTF ``:date:``, ``:title:``, optional ``:place:``, a cited body).
The ``event`` role refers to one.  Mentions are collected while reading (in a transform, once
paragraphs and notes have their anchors), never while writing, so they survive ``-j``; the
backlinks are filled in by a post-transform from the domain's records.
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from . import dates
from .domain import EditionDomain, get_domain
from .messages import closest, warn
from .notes import cited_keys, factcheck_note

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class mentions_placeholder(nodes.General, nodes.Element):
    """Replaced by the "Mentioned in" links of one event when the page is written."""


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


class EventDirective(SphinxDirective):
    required_arguments = 1
    has_content = True
    option_spec = {"date": directives.unchanged, "title": directives.unchanged, "place": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        event_id = self.arguments[0]
        if not SLUG.fullmatch(event_id):
            warn("event", f"event id {event_id!r} is not a lowercase slug.", "use letters, digits and hyphens, "
                 "e.g. `treaty-1950`.", location)
            return []
        title = " ".join(self.options.get("title", "").split())
        if not title:
            warn("event", f"event {event_id!r} has no title.", "add `:title: What happened`.", location)
            return []
        date = self.options.get("date", "").strip()
        try:
            start, end = dates.parse(date)
        except dates.DateError:
            warn("event", f"event {event_id!r}: {date!r} is not an EDTF date.",
                 "write e.g. 1950-02-14, 1960-07, 1958, 1958-08-23/1958-10-06, 1960-07? (uncertain) or 1960~.",
                 location)
            return []
        body = nodes.container(classes=["edition-event-body"])
        body += self.parse_content_to_nodes()
        if not cited_keys(body):
            warn("event", f"event {event_id!r} cites no source.", "cite at least one work, e.g. {cite:p}`luthi2008`.",
                 location)
            return []
        place = " ".join(self.options.get("place", "").split())
        get_domain(self.env).add("events", self.env.docname, {
            "id": event_id, "title": title, "date": date, "start": start, "end": end, "place": place,
            "line": self.lineno,
        })
        target = nodes.target("", "", ids=[event_anchor(event_id)])
        box = nodes.container(classes=["edition-event"])
        box += nodes.rubric(text=title, classes=["edition-event-title"])
        facts = nodes.paragraph(classes=["edition-event-date"])
        facts += nodes.strong(text=dates.in_words(date))
        if place:
            facts += nodes.Text(f" · {place}")
        box += facts
        box += body
        box += mentions_placeholder(event=event_id)
        return [target, box]


class EventRole(XRefRole):
    """``{event}`id``` or ``{event}`words <id>```, resolved by the ``edition`` domain."""

    innernodeclass = nodes.inline  # essay words stay in the essay's type, not as code

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.refdomain, self.reftype = "edition", "event"
        self.classes = ["edition-event-ref"]
        return self.create_xref_node()


class CollectMentions(SphinxTransform):
    """Record where each event is referenced: an essay paragraph, or a note (and its paragraph)."""

    default_priority = 810  # after anchoring (800): notes and paragraphs have their ids

    def apply(self) -> None:
        domain = get_domain(self.env)
        essay = domain.data["essays"].get(self.env.docname, [{}])[0].get("title")
        for ref in self.document.findall(addnodes.pending_xref):
            if ref.get("refdomain") != "edition" or ref.get("reftype") != "event":
                continue
            place = self.place(ref, essay)
            if place:
                domain.add("mentions", self.env.docname, {"event": ref["reftarget"], **place})

    def place(self, ref: nodes.Element, essay: str | None) -> dict | None:
        node = ref.parent
        while node is not None:
            if isinstance(node, factcheck_note) and "id" in node:
                return {"anchor": node["id"], "label": f"{essay}, note {node['number']} (¶{node['paragraph']})"}
            if isinstance(node, nodes.paragraph) and "edition-paragraph" in node:
                return {"anchor": f"p{node['edition-paragraph']}", "label": f"{essay}, ¶{node['edition-paragraph']}"}
            node = node.parent
        return None


class FillMentions(SphinxPostTransform):
    default_priority = 5

    def run(self, **kwargs) -> None:
        placeholders = list(self.document.findall(mentions_placeholder))
        if not placeholders:
            return
        builder = self.env._app.builder  # as Sphinx's ReferencesResolver does
        by_event: dict[str, list[tuple[str, dict]]] = {}
        for docname, records in sorted(get_domain(self.env).data["mentions"].items()):
            for record in records:
                by_event.setdefault(record["event"], []).append((docname, record))
        for placeholder in placeholders:
            mentions = by_event.get(placeholder["event"], [])
            para = nodes.paragraph(classes=["edition-event-mentions"])
            para += nodes.emphasis(text="Mentioned in: ")
            if not mentions:
                para += nodes.Text("no essay or note yet.")
            for i, (docname, record) in enumerate(mentions):
                para += nodes.Text("; " if i else "")
                uri = builder.get_relative_uri(self.env.docname, docname) + "#" + record["anchor"]
                para += nodes.reference("", record["label"], internal=True, refuri=uri)
            placeholder.replace_self(para)


def resolve_event(env: BuildEnvironment, fromdocname: str, builder, target: str, node, contnode):
    events = get_domain(env).index("events", "id")
    if target not in events:
        warn("event", f"unknown event {target!r}.", f"use an id from the events registry ({closest(target, list(events))}).",
             node)
        return contnode
    docname, record = events[target]
    if not node.get("refexplicit"):
        contnode = nodes.inline("", record["title"], classes=["edition-event-ref"])
    return make_refnode(builder, fromdocname, docname, event_anchor(target), contnode,
                        f"{record['title']} ({dates.in_words(record['date'])})")


def check_duplicate_events(app: Sphinx, env: BuildEnvironment) -> None:
    for docname, record, first in get_domain(env).duplicates("events", "id"):
        warn("event", f"event id {record['id']!r} is defined twice (also in {first}).",
             "event ids are unique across the edition: rename or remove one.", (docname, record["line"]))


def setup_events(app: Sphinx) -> None:
    app.add_node(mentions_placeholder)
    app.add_directive("event", EventDirective)
    app.add_role("event", EventRole())
    EditionDomain.resolvers["event"] = resolve_event
    app.add_transform(CollectMentions)
    app.add_post_transform(FillMentions)
    app.connect("env-check-consistency", check_duplicate_events)
