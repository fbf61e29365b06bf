"""Doctree helpers used across the extension: walking up the tree, and links to another page.

Generated pages (register, backlinks, timeline, corrections, agreement) are filled by post-transforms that
run before Sphinx resolves references, so they compute their links themselves, from the builder that is
writing, as Sphinx's own ``ReferencesResolver`` reaches it: one way to make a link, here.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.environment import BuildEnvironment

from .compat import CitationTarget, parse_citation_targets, writing_builder


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


def citation_targets(ref: nodes.Element) -> list[CitationTarget]:
    """The keys one ``cite`` role names, each with its pre- and post-text ({see}key{p. 112}); none for other nodes."""
    if not isinstance(ref, addnodes.pending_xref) or ref.get("refdomain") != "cite":
        return []
    return list(parse_citation_targets(ref["reftarget"]))


def cited_targets(node: nodes.Element) -> list[CitationTarget]:
    """Every citation in *node*, in order (a key cited twice is there twice)."""
    return [target for ref in node.findall(addnodes.pending_xref) for target in citation_targets(ref)]


def cited_keys(node: nodes.Element) -> list[str]:
    """The bibliography keys cited in *node* (sphinxcontrib-bibtex ``cite`` roles), in order."""
    return list(dict.fromkeys(target.key for target in cited_targets(node)))


def cited_locators(node: nodes.Element) -> dict[str, tuple[str, ...]]:
    """Key -> the locators (the post-texts, "p. 112") it is cited with in *node*; keys cited without one are absent."""
    found: dict[str, tuple[str, ...]] = {}
    for target in cited_targets(node):
        if target.post.strip() and target.post.strip() not in found.get(target.key, ()):
            found[target.key] = (*found.get(target.key, ()), target.post.strip())
    return found
