"""Where each work is cited: "Cited in: Essay 1, note 3, note 12; Events: …; Method", under its bibliography entry.

A reader who opens the bibliography can go from a work to every note, registry entry and page that
cites it.  Notes are named by essay and number (as in the register), registry entries by their title,
other pages by their title.  The list is added to each entry sphinxcontrib-bibtex formats (after its
post-transform, before references are resolved); the bibliography page depends on "citations", the
digest :mod:`..core.freshness` makes of every note's, entry's and page's citations, so it is rewritten
when one of them changes (not when a verdict does) and an incremental build equals a clean one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinxcontrib.bibtex.nodes import bibliography as bibliography_node

from ..core import priorities
from ..core.doctree import link
from ..core.domain import get_domain
from ..core.names import anchor
from ..core.records import PageRecord
from ..core.registry import registries, valid


@dataclass(frozen=True)
class Place:
    group: str  # "Essay 1", "Events", "Method"
    docname: str
    anchor: str  # "" for a page as a whole
    text: str  # "note 3", an entry's title; "" for a page


def title(env: BuildEnvironment, docname: str) -> str:
    return env.titles[docname].astext() if docname in env.titles else docname


def citing_places(env: BuildEnvironment) -> dict[str, list[Place]]:
    """Key -> every place it is cited: notes, then registry entries, then other pages, in document order."""
    domain = get_domain(env)
    found: dict[str, list[Place]] = defaultdict(list)
    covered: set[tuple[str, str]] = set()  # (docname, key) cited from a note or an entry
    for number, docname in enumerate(domain.essays(), 1):
        for note in sorted(domain.notes(docname), key=lambda n: n.number):
            for key in note.keys:
                found[key].append(Place(f"Essay {number}", docname, note.id, f"note {note.number}"))
                covered.add((docname, key))
    for registry in registries(env).values():
        for docname, records in sorted(domain.data.get(registry.records, {}).items()):
            for record in valid(records):
                for key in dict.fromkeys([*record.get("cites", []), *record.get("works", [])]):
                    where = anchor(registry.role, record["id"])
                    found[key].append(Place(title(env, docname), docname, where, registry.title(record)))
                    covered.add((docname, key))
    pages: dict[str, set[str]] = defaultdict(set)
    for ref in env.domains["cite"].citation_refs:
        for target in ref.targets:
            if (ref.docname, target.key) not in covered:
                pages[target.key].add(ref.docname)
    for key, docnames in pages.items():
        found[key] += [Place(title(env, docname), docname, "", "") for docname in sorted(docnames)]
    return found


def cited_in(env: BuildEnvironment, places: list[Place]) -> nodes.paragraph:
    """ "Cited in: Essay 1, note 3, note 12; Events: Treaty …; Method." with a link for each place."""
    para = nodes.paragraph(classes=["edition-cited-in"])
    para += nodes.emphasis(text="Cited in: ")
    groups: dict[tuple[str, str], list[Place]] = {}
    for place in places:
        groups.setdefault((place.group, place.docname), []).append(place)
    for index, ((group, docname), members) in enumerate(groups.items()):
        para += nodes.Text("; " if index else "")
        items = [member for member in members if member.text]
        if not items:
            para += link(env, docname, "", group)
            continue
        para += nodes.Text(group + (", " if group.startswith("Essay ") else ": "))
        for number, member in enumerate(items):
            para += nodes.Text(", " if number else "")
            para += link(env, docname, member.anchor, member.text)
    para += nodes.Text(".")
    return para


class AddCitedIn(SphinxPostTransform):
    """After sphinxcontrib-bibtex made the page's entries (priority 5): each gets its "Cited in" line."""

    default_priority = priorities.CITED_IN
    formats = ("html",)

    def run(self, **kwargs) -> None:
        cite = self.env.domains["cite"]
        keys = {c.citation_id: c.key for c in cite.citations if c.bibliography_key.docname == self.env.docname}
        entries = [node for node in self.document.findall(nodes.citation) if set(node["ids"]) & keys.keys()]
        if not entries:
            return
        places = citing_places(self.env)
        for node in entries:
            key = keys[next(i for i in node["ids"] if i in keys)]
            if places.get(key):
                node += cited_in(self.env, places[key])


def note_bibliography_page(app: Sphinx, doctree: nodes.document) -> None:
    """A page with a bibliography shows where its entries are cited: it depends on every note, entry and citation."""
    if next(iter(doctree.findall(bibliography_node)), None) is None:
        return
    get_domain(app.env).add("pages", app.env.docname, PageRecord("cited-in", ["citations"]))


def setup_cited_in(app: Sphinx) -> None:
    app.connect("doctree-read", note_bibliography_page)
    app.add_post_transform(AddCitedIn)
