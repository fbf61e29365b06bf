"""Small doctree helpers used across the extension."""

from __future__ import annotations

from docutils import nodes


def ancestor(node: nodes.Node, kinds: type | tuple[type, ...]) -> nodes.Element | None:
    """The nearest ancestor of *node* (not itself) that is one of *kinds*, or None."""
    parent = node.parent
    while parent is not None and not isinstance(parent, kinds):
        parent = parent.parent
    return parent
