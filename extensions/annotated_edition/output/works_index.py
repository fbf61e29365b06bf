"""In print, every citation of a work indexes it ("Works cited", then its author–year label), so that the
book's index lists the pages where each work is cited, beside the events and people named.

A citation inside a note is indexed just before the note, as registry mentions are (see
:class:`..registries.base.IndexMentions`): LaTeX reads a footnote's text as a macro argument.
"""

from __future__ import annotations

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinxcontrib.bibtex.citation_target import parse_citation_targets

from ..bibliography.short_labels import short_label
from ..core import priorities
from ..core.doctree import ancestor
from ..notes.directives import factcheck_note

HEADING = "Works cited"


class IndexCitedWorks(SphinxPostTransform):
    default_priority = priorities.GENERATED_PAGES  # before sphinxcontrib-bibtex resolves the citations (10)
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        entries = self.env.domains["cite"].bibdata.data.entries
        for ref in list(self.document.findall(addnodes.pending_xref)):
            if ref.get("refdomain") != "cite":
                continue
            keys = [target.key for target in parse_citation_targets(ref["reftarget"]) if target.key in entries]
            if not keys:
                continue
            index = [("single", f"{HEADING}; {short_label(self.env, key)}", "", "", None) for key in keys]
            note = ancestor(ref, factcheck_note)
            anchor = note if note is not None else ref
            anchor.parent.insert(anchor.parent.index(anchor), addnodes.index(entries=index, inline=note is None))


def setup_works_index(app: Sphinx) -> None:
    app.add_post_transform(IndexCitedWorks)
