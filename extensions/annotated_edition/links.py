"""Links from the page being written to an anchor on another page, for every builder (one way to make them).

Generated pages (register, backlinks, timeline, corrections, agreement) are filled by post-transforms that
run before Sphinx resolves references, so they compute their links themselves, from the builder that is
writing, as Sphinx's own ``ReferencesResolver`` reaches it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment


def writing_builder(env: BuildEnvironment) -> Builder:
    return env._app.builder  # as Sphinx's ReferencesResolver does (env.app is deprecated)


def address(env: BuildEnvironment, todoc: str, anchor: str = "", query: str = "") -> str:
    """``../register.html?verdict=x#anchor``: *anchor* on *todoc*, seen from the page being written."""
    uri = writing_builder(env).get_relative_uri(env.docname, todoc)
    return uri + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")


def link(env: BuildEnvironment, todoc: str, anchor: str, content: str | nodes.Node, **attributes) -> nodes.reference:
    """A reference node to *anchor* on *todoc*, showing *content*."""
    child = nodes.Text(content) if isinstance(content, str) else content
    return nodes.reference("", "", child, internal=True, refuri=address(env, todoc, anchor), **attributes)
