"""Short author–year labels for bibliography keys, linked to their full entry when one is printed.

Used by generated pages (the register) that list sources without running the ``cite`` role.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core.compat import bib_entries, citations
from ..core.doctree import link, writing_builder
from .style import surnames


def short_label(env: BuildEnvironment, key: str) -> str:
    """ "Lüthi 2008": the bibliography style's own label where the work is in a bibliography ("Roberts
    2006a" and "Roberts 2006b" stay apart), else author and year; worked out once per entry and build."""
    labels = env.edition_short_labels
    if key not in labels:
        citation = next((c for c in citations(env) if c.key == key), None)
        entry = bib_entries(env).get(key)
        if citation is not None:
            labels[key] = citation.formatted_entry.label
        else:
            labels[key] = key if entry is None else f"{surnames(entry)} {entry.fields.get('year', 'n.d.')}"
    return labels[key]


def forget_labels(app: Sphinx, env: BuildEnvironment) -> None:
    """A new build may have a changed .bib file: start the labels afresh (before any page is written)."""
    env.edition_short_labels = {}


def setup_sources_short(app: Sphinx) -> None:
    app.connect("env-updated", forget_labels)


def short_source(env: BuildEnvironment, key: str) -> nodes.Node:
    """The key's short label, as a link to its bibliography entry where one exists (on the page being written)."""
    label = short_label(env, key)
    citation = next((c for c in citations(env) if c.key == key), None)
    if citation is None or writing_builder(env).format == "latex":
        return nodes.Text(label)  # LaTeX moves bibliography entries; its register lists sources unlinked
    return link(env, citation.bibliography_key.docname, citation.citation_id, label)
