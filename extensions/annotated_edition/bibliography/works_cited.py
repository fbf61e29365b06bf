"""``{works-cited}``: the works cited on one page, as a short bibliography at its end.

Built from sphinxcontrib-bibtex's own records (the citation references read from the page, and the
entries it formatted for the full bibliography), so the per-essay list and the full bibliography
can never disagree.  The list is ordinary paragraphs, not ``citation`` nodes: Sphinx's LaTeX writer
moves citation nodes to the end of the book, and sphinxcontrib-bibtex warns about a key listed in
two bibliographies.  The list is made when the page is written, and :mod:`..core.freshness` rewrites every
page that cites a changed .bib entry, so it never goes stale.
"""

from __future__ import annotations

from docutils import nodes
from pybtex.plugin import find_plugin
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from ..core import priorities
from ..core.compat import bibliographies, citation_refs, citations
from ..core.doctree import link, writing_builder
from ..core.generated import FillPlaceholders
from ..core.messages import warn


class works_cited_placeholder(nodes.General, nodes.Element):
    """Replaced by the list of works cited on the page when it is written."""


class WorksCitedDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        return [works_cited_placeholder(docname=self.env.docname, line=self.lineno)]


class FillWorksCited(FillPlaceholders):
    default_priority = priorities.WORKS_CITED
    placeholder = works_cited_placeholder
    backend = find_plugin("pybtex.backends", "docutils")()

    def fill(self, placeholder: nodes.Element) -> nodes.Node:
        builder = writing_builder(self.env)
        docname = placeholder["docname"]
        keys = self.env.edition_cited_by_page.get(docname, set())
        listed = {}
        for citation in citations(self.env):
            if citation.key in keys and bibliographies(self.env)[citation.bibliography_key].list_ == "citation":
                listed.setdefault(citation.key, citation)
        if not listed:
            warn(
                "works-cited",
                "no work is cited on this page, so its list of works cited would be empty.",
                "remove the {works-cited} directive, or cite works with {cite:p}`key`; the page also needs "
                "a {bibliography} somewhere in the edition that lists them.",
                (docname, placeholder["line"]),
            )
        items = nodes.bullet_list(classes=["edition-works-cited"])
        for citation in sorted(listed.values(), key=lambda c: c.formatted_entry.label.casefold()):
            para = nodes.paragraph()
            label = nodes.strong(text=citation.formatted_entry.label)
            if builder.format == "latex":  # bibliography entries are not link targets in LaTeX
                para += label
            else:
                para += link(self.env, citation.bibliography_key.docname, citation.citation_id, label)
            para += nodes.Text(" ")
            para += citation.formatted_entry.text.render(self.backend)
            items += nodes.list_item("", para)
        return items


def index_citations(app: Sphinx, env: BuildEnvironment) -> None:
    """Keys cited on each page, gathered once per build (not once per page, which grows as pages × citations)."""
    cited: dict[str, set[str]] = {}
    for ref in citation_refs(env):
        cited.setdefault(ref.docname, set()).update(target.key for target in ref.targets)
    env.edition_cited_by_page = cited


def setup_works_cited(app: Sphinx) -> None:
    app.add_node(works_cited_placeholder)
    app.add_directive("works-cited", WorksCitedDirective)
    app.add_post_transform(FillWorksCited)
    app.connect("env-updated", index_citations)
