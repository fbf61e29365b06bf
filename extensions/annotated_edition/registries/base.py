"""Registries of things the essays mention (events, people): roles, mentions and backlinks.

A registry is a kind of record defined by a directive on some page (``{event} ID``, ``{person} ID``)
and referred to by a role of the same name, ``{event}`id``` or ``{event}`essay words <id>```.
Mentions are collected while reading (once paragraphs and notes have their anchors), never while
writing, so they survive ``-j``; "Mentioned in" backlinks and the print index are made from them by
post-transforms that run before Sphinx resolves references.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..core import priorities
from ..core.doctree import ancestor, cited_keys, link
from ..core.domain import get_domain
from ..core.generated import FillPlaceholders
from ..core.i18n import _, text_name
from ..core.messages import EntryError, warn
from ..core.names import SLUG, anchor
from ..core.nodes import factcheck_note
from ..core.records import MentionRecord
from ..core.registry import Registry, mentions_of, register, registries

WIKIDATA = re.compile(r"Q[1-9][0-9]*")


class mentions_placeholder(nodes.General, nodes.Element):
    """Replaced by the "Mentioned in" links of one record when the page is written."""


class RegistryDirective(SphinxDirective):
    """``{role} ID`` with options and a cited body: one entry of a registry, with its backlinks.

    Subclasses say which options they take (:meth:`fields`, raising :class:`EntryError`) and how
    the entry's facts are shown (:meth:`facts`); checking, recording and layout are shared.
    """

    required_arguments = 1
    has_content = True
    registry: Registry
    #: Options every registry takes: an authority identifier, only where it has been verified.
    common_options = {"wikidata": directives.unchanged}

    def fields(self) -> dict[str, Any]:
        raise NotImplementedError

    def facts(self, record: dict[str, Any]) -> list[nodes.Node]:
        raise NotImplementedError

    def needs_citation(self, record: dict[str, Any]) -> bool:
        return True

    def run(self) -> list[nodes.Node]:
        location, role, record_id = self.get_location(), self.registry.role, self.arguments[0]
        if not SLUG.fullmatch(record_id):
            warn(
                role,
                f"{role} id {record_id!r} is not a lowercase slug.",
                "use letters, digits and hyphens, e.g. `treaty-1950`.",
                location,
            )
            return []
        try:
            record = {"id": record_id, **self.fields(), "wikidata": self.wikidata(), "line": self.lineno}
        except EntryError as error:
            warn(role, f"{role} {record_id!r} {error.problem}", error.fix, location)
            return self.reject(record_id)
        body = nodes.container(classes=[f"edition-{role}-body"])
        body += self.parse_content_to_nodes()
        if self.needs_citation(record) and not cited_keys(body):
            warn(
                role,
                f"{role} {record_id!r} cites no source.",
                "cite at least one work, e.g. {cite:p}`luthi2008`.",
                location,
            )
            return self.reject(record_id)
        record["cites"] = cited_keys(body)  # for the bibliography's "Cited in"
        record["summary"] = first_sentence(body)  # the line a mention's preview shows
        get_domain(self.env).add(self.registry.records, self.env.docname, record)
        box = nodes.container(classes=["edition-entry", f"edition-{role}"])
        box += nodes.rubric(text=self.registry.title(record), classes=["edition-entry-title"])
        box.extend(self.facts(record))
        if record["wikidata"]:
            box += authority(record["wikidata"])
        box += body
        box += mentions_placeholder(kind=role, target=record_id)
        return [nodes.target("", "", ids=[anchor(role, record_id)]), box]

    def wikidata(self) -> str:
        value = one_line(self.options.get("wikidata"))
        if value and not WIKIDATA.fullmatch(value):
            raise EntryError(
                f"has the Wikidata id {value!r}, which is not of the form Q123.",
                "copy the item's id (Q followed by digits) from its Wikidata page, or leave `:wikidata:` out; never guess one.",
            )
        return value

    def reject(self, record_id: str) -> list[nodes.Node]:
        """Keep a refused entry's id, so references to it do not add "unknown id" to the one real message."""
        get_domain(self.env).add(
            self.registry.records, self.env.docname, {"id": record_id, "line": self.lineno, "rejected": True}
        )
        return [nodes.target("", "", ids=[anchor(self.registry.role, record_id)])]


def authority(qid: str) -> nodes.paragraph:
    """ "Wikidata: Q855", linked to the item."""
    para = nodes.paragraph(classes=["edition-authority"])
    para += nodes.emphasis(text=_("Wikidata: "))
    para += nodes.reference("", qid, refuri=f"https://www.wikidata.org/wiki/{qid}")
    return para


SUMMARY_LENGTH = 200  # characters of an entry a preview shows at most


def first_sentence(body: nodes.Element) -> str:
    """The body's first sentence as plain text, citations and bare registry ids left out."""
    text = []
    for node in body.findall(nodes.Text):
        ref = ancestor(node, addnodes.pending_xref)
        if ref is not None and (ref.get("refdomain") == "cite" or not ref.get("refexplicit")):
            continue
        text.append(str(node))
    plain = re.sub(r"\(\s*[,;]?\s*\)", "", " ".join("".join(text).split()))
    plain = re.sub(r"\s+([,.;:])", r"\1", plain)
    match = re.match(r"(.+?[.!?])(?:\s|$)", plain)
    sentence = match.group(1) if match else plain
    return (
        sentence
        if len(sentence) <= SUMMARY_LENGTH
        else sentence[:SUMMARY_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    )


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


class RegistryRole(XRefRole):
    """``{role}`id``` or ``{role}`words <id>```, resolved by the ``edition`` domain."""

    innernodeclass = nodes.inline  # essay words stay in the essay's type, not as code

    def __init__(self, role: str) -> None:
        super().__init__()
        self.role = role

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.refdomain, self.reftype = "edition", self.role
        self.classes = [f"edition-{self.role}-ref"]
        return self.create_xref_node()


def registry_refs(env: BuildEnvironment, document: nodes.Node):
    known = registries(env)
    for ref in document.findall(addnodes.pending_xref):
        if ref.get("refdomain") == "edition" and ref.get("reftype") in known:
            yield ref


class CollectMentions(SphinxTransform):
    """Record where each registry entry is referred to: an essay paragraph, or a note."""

    default_priority = priorities.MENTIONS

    def apply(self) -> None:
        domain = get_domain(self.env)
        essay = domain.essay(self.env.docname)
        for ref in registry_refs(self.env, self.document):
            place = self.place(ref, essay.title if essay else None)
            if place:
                domain.add("mentions", self.env.docname, MentionRecord(ref["reftype"], ref["reftarget"], *place))

    @staticmethod
    def place(ref: nodes.Element, essay: str | None) -> tuple[str, str, tuple[int, int] | None] | None:
        """(anchor, label, span) of the note or essay paragraph a reference stands in (the nearer), or None."""
        node = ancestor(ref, (factcheck_note, nodes.paragraph))
        while isinstance(node, nodes.paragraph) and "edition-paragraph" not in node:  # a paragraph of a note
            node = ancestor(node, (factcheck_note, nodes.paragraph))
        if isinstance(node, factcheck_note) and "id" in node:
            return node["id"], f"{essay}, note {node['number']} (¶{node['paragraph']})", None
        if isinstance(node, nodes.paragraph):
            number = node["edition-paragraph"]
            return f"p{number}", f"{essay}, ¶{number}", ref.get("edition-span")
        return None


class FillMentions(FillPlaceholders):
    placeholder = mentions_placeholder

    def prepare(self) -> None:
        self.by_kind = {kind: mentions_of(self.env, kind) for kind in registries(self.env)}

    def fill(self, placeholder: nodes.Element) -> nodes.Node:
        mentions = self.by_kind[placeholder["kind"]].get(placeholder["target"], [])
        para = nodes.paragraph(classes=["edition-mentions"])
        para += nodes.emphasis(text=_("Mentioned in: "))
        if not mentions:
            para += nodes.Text(_("no {text} or note yet.").format(text=text_name(self.config)))
        for i, (docname, record) in enumerate(mentions):
            para += nodes.Text("; " if i else "")
            para += link(self.env, docname, record.anchor, record.label)
        return para


class IndexMentions(SphinxPostTransform):
    """In print, every mention becomes an index entry ("Events", then the title), so the book's index
    lists the pages where each event and person is named.

    A mention inside a note is indexed just before the note, not inside it: LaTeX reads a footnote's
    text as a macro argument, which changes the spacing of commands such as ``\\sphinxhyphen{}`` in the
    sort key, and makeindex would then list the same title twice.
    """

    default_priority = priorities.GENERATED_PAGES
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        domain = get_domain(self.env)
        for ref in list(registry_refs(self.env, self.document)):
            if CollectMentions.place(ref, None) is None:
                continue  # only mentions in the essays and their notes are indexed
            registry = registries(self.env)[ref["reftype"]]
            found = domain.index(registry.records, "id").get(ref["reftarget"])
            if not found or found[1].get("rejected"):
                continue
            entry = [("single", f"{_(registry.index_heading)}; {registry.sort_name(found[1])}", "", "", None)]
            note = ancestor(ref, factcheck_note)
            anchor_node = note if note is not None else ref
            anchor_node.parent.insert(
                anchor_node.parent.index(anchor_node), addnodes.index(entries=entry, inline=note is None)
            )


def check_duplicates(app: Sphinx, env: BuildEnvironment) -> None:
    domain = get_domain(env)
    for registry in registries(env).values():
        for docname, record, first in domain.duplicates(registry.records, "id"):
            warn(
                registry.role,
                f"{registry.role} id {record['id']!r} is defined twice (also in {first}).",
                f"{registry.role} ids are unique across the edition: rename or remove one.",
                (docname, record["line"]),
            )


def add_registry(app: Sphinx, registry: Registry, directive: type[RegistryDirective]) -> None:
    """Everything a registry needs, from its declaration: its directive, its role, its place in the table."""
    directive.registry = registry
    register(app, registry)
    app.add_directive(registry.role, directive)
    app.add_role(registry.role, RegistryRole(registry.role))


def setup_registry(app: Sphinx) -> None:
    app.add_node(mentions_placeholder)
    app.add_transform(CollectMentions)
    app.add_post_transform(FillMentions)
    app.add_post_transform(IndexMentions)
    app.connect("env-check-consistency", check_duplicates)
