"""Small repairs to the HTML that Sphinx, docutils and the theme produce, where it breaks ARIA rules.

- Toctree captions carry ``role="heading"`` without the ``aria-level`` that role requires.
- docutils marks bibliography entries ``role="doc-biblioentry"``, deprecated in DPUB-ARIA 1.1 and not
  allowed as the children of its own ``role="list"``: they are list items.
Applied to the page body and, if the theme provides one, its navigation tree (furo).

- furo wraps each table in a ``div`` and copies the table's attributes onto it, ids included, so that a
  table's id (Sphinx requires one on every titled table) appears twice on the page: the wrapper loses it.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core import priorities

REPAIRS = (
    ('<p class="caption" role="heading">', '<p class="caption" role="heading" aria-level="2">'),
    ('role="doc-biblioentry"', 'role="listitem"'),
)
PARTS = ("body", "furo_navigation_tree", "toc")


def repair(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    for part in PARTS:
        html = context.get(part)
        if isinstance(html, str):
            for old, new in REPAIRS:
                html = html.replace(old, new)
            context[part] = html


class DropCopiedTableIds(SphinxPostTransform):
    """A wrapper keeps no id its own table carries (the id stays where it was written: on the table)."""

    formats = ("html",)
    default_priority = priorities.TABLE_WRAPPER_IDS

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            tables = [child for child in wrapper.children if isinstance(child, nodes.table)]
            if tables:
                wrapper["ids"] = [i for i in wrapper["ids"] if all(i not in table["ids"] for table in tables)]


def setup_a11y(app: Sphinx) -> None:
    app.add_post_transform(DropCopiedTableIds)
    app.connect("html-page-context", repair, priority=priorities.A11Y_REPAIRS)
