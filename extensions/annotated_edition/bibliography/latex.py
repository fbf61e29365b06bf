"""In print, the bibliography stays where its ``{bibliography}`` directive is.

Sphinx's LaTeX builder gathers every citation of the book into one ``thebibliography`` node at the
very end (its ``BibliographyTransform``, priority 750), which leaves the bibliography chapter empty
and puts the entries after whatever comes last.  One transform marks the containers
sphinxcontrib-bibtex filled with citations before that happens; another gives each of them its own
entries back from the gathered list, so that a page with two bibliographies (documents, then
scholarship) prints each under its heading.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core import priorities
from ..core.compat import thebibliography

MARK = "edition-bibliography"


class MarkBibliography(SphinxPostTransform):
    default_priority = priorities.LATEX_BIBLIOGRAPHY_BEFORE
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for citation in self.document.findall(nodes.citation):
            citation.parent[MARK] = [*citation.parent.get(MARK, []), *citation["ids"]]


class MoveBibliography(SphinxPostTransform):
    default_priority = priorities.LATEX_BIBLIOGRAPHY_AFTER
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        gathered = next(iter(self.document.findall(thebibliography)), None)
        places = [node for node in self.document.findall(nodes.Element) if node.get(MARK)]
        if gathered is None or not places:
            return
        gathered.parent.remove(gathered)
        by_id = {i: citation for citation in gathered.children for i in citation.get("ids", [])}
        for place in places:  # each {bibliography} (Documents, Scholarship, …) gets its own entries back
            own = [by_id.pop(i) for i in place[MARK] if i in by_id]
            if own:
                place += thebibliography("", *own)
        left = [c for c in gathered.children if any(i in by_id for i in c.get("ids", []))]
        if left:  # citations of no {bibliography} (a footnote-style list): where they were all put before
            places[0] += thebibliography("", *left)


def setup_latex_bibliography(app: Sphinx) -> None:
    app.add_post_transform(MarkBibliography)
    app.add_post_transform(MoveBibliography)
