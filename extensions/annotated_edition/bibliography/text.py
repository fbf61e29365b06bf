"""The bibliography in plain text: each entry a plain paragraph opening with its label.

Sphinx's text writer indents an entry's text by the width of its label; the edition's author-year
labels of corporate authors ("Central Committee of the Communist Party of the Soviet Union 1959") are
wider than the page, and the writer then stops with a negative line width.  The label goes into the
entry's first paragraph instead, as ``[label] text``.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core import priorities


class LabelsInline(SphinxPostTransform):
    default_priority = priorities.TEXT_BIBLIOGRAPHY
    formats = ("text",)

    def run(self, **kwargs) -> None:
        for citation in list(self.document.findall(nodes.citation)):
            label = next(iter(citation.findall(nodes.label)), None)
            paragraph = next(iter(citation.findall(nodes.paragraph)), None)
            if label is None or paragraph is None:
                continue
            paragraph.insert(0, nodes.Text(f"[{label.astext()}] "))
            citation.replace_self([child for child in citation.children if child is not label])


def setup_text_bibliography(app: Sphinx) -> None:
    app.add_post_transform(LabelsInline)
