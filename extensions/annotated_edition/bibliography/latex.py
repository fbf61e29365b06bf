"""In print, the bibliography stays where its ``{bibliography}`` directive is.

Sphinx's LaTeX builder gathers every citation of the book into one ``thebibliography`` node at the
very end (its ``BibliographyTransform``, priority 750), which leaves the bibliography chapter empty
and puts the entries after whatever comes last.  One transform marks the containers
sphinxcontrib-bibtex filled with citations before that happens; another moves the gathered list
into the first of them.
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
            citation.parent[MARK] = True


class MoveBibliography(SphinxPostTransform):
    default_priority = priorities.LATEX_BIBLIOGRAPHY_AFTER
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        gathered = next(iter(self.document.findall(thebibliography)), None)
        place = next((node for node in self.document.findall(nodes.Element) if node.get(MARK)), None)
        if gathered is not None and place is not None:
            gathered.parent.remove(gathered)
            place += gathered


def setup_latex_bibliography(app: Sphinx) -> None:
    app.add_post_transform(MarkBibliography)
    app.add_post_transform(MoveBibliography)
