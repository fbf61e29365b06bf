"""Doctree helpers used across the extension: walking up the tree, and links to another page.

Generated pages (register, backlinks, timeline, corrections, agreement) are filled by post-transforms that
run before Sphinx resolves references, so they compute their links themselves, from the builder that is
writing, as Sphinx's own ``ReferencesResolver`` reaches it: one way to make a link, here.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.environment import BuildEnvironment

from .compat import parse_citation_targets, writing_builder


def ancestor(node: nodes.Node, kinds: type | tuple[type, ...]) -> nodes.Element | None:
    """The nearest ancestor of *node* (not itself) that is one of *kinds*, or None."""
    parent = node.parent
    while parent is not None and not isinstance(parent, kinds):
        parent = parent.parent
    return parent


def address(env: BuildEnvironment, todoc: str, anchor: str = "", query: str = "") -> str:
    """``../register.html?verdict=x#anchor``: *anchor* on *todoc*, seen from the page being written."""
    uri = writing_builder(env).get_relative_uri(env.docname, todoc)
    return uri + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")


def link(env: BuildEnvironment, todoc: str, anchor: str, content: str | nodes.Node, **attributes) -> nodes.reference:
    """A reference node to *anchor* on *todoc*, showing *content*."""
    child = nodes.Text(content) if isinstance(content, str) else content
    return nodes.reference("", "", child, internal=True, refuri=address(env, todoc, anchor), **attributes)


def cited_keys(node: nodes.Element) -> list[str]:
    """The bibliography keys cited in *node* (sphinxcontrib-bibtex ``cite`` roles), in order."""
    keys: list[str] = []
    for ref in node.findall(addnodes.pending_xref):
        if ref.get("refdomain") == "cite":
            keys += [t.key for t in parse_citation_targets(ref["reftarget"]) if t.key not in keys]
    return keys
