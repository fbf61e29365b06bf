"""Small repairs to the HTML that Sphinx, docutils and the theme produce, where it breaks ARIA rules.

- Toctree captions carry ``role="heading"`` without the ``aria-level`` that role requires.
- docutils marks bibliography entries ``role="doc-biblioentry"``, deprecated in DPUB-ARIA 1.1 and not
  allowed as the children of its own ``role="list"``: they are list items.
Applied to the page body and, if the theme provides one, its navigation tree (furo).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

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


def setup_a11y(app: Sphinx) -> None:
    app.connect("html-page-context", repair, priority=priorities.A11Y_REPAIRS)
