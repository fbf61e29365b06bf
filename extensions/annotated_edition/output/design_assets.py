"""sphinx-design where readers gain from it, and its weight only there.

The edition uses sphinx-design (when its conf.py lists it)'s cards and grids (the landing page's way into the edition).  Its
stylesheet and tab script are registered for every page; this drops them from pages whose doctree has
no sphinx-design component, so essay pages keep their weight.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

ASSETS = ("sphinx-design.min.css", "design-tabs.js")


def uses_design(doctree: nodes.document | None) -> bool:
    if doctree is None:
        return False
    return any(c.startswith("sd-") for node in doctree.findall(nodes.Element) for c in node.get("classes", []))


def drop_unused_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if uses_design(doctree):
        return
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [f for f in context[key] if not str(getattr(f, "filename", f)).endswith(ASSETS)]


def setup_design_assets(app: Sphinx) -> None:
    """sphinx-design is the edition's choice (``extensions`` in its ``conf.py``), not a requirement: without it
    nothing here applies."""
    app.connect("html-page-context", drop_unused_assets)
