"""What a registry declares, and the table of registries a Sphinx application has.

A registry (events, people, places, …) is a kind of record defined by a directive on some page and
referred to by a role of the same name.  Its :class:`Registry` declaration is the one place that says
everything other rooms need to know of it: the content policy allows its directive and role, freshness
watches its records, print indexes its mentions, TEI lists its entries and Web Annotation identifies
its mentions, all from this declaration, so a new registry is one module in ``registries/`` and no
edit anywhere else.  The directive, roles and backlinks themselves are :mod:`..registries.base`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from .compat import application
from .messages import closest, warn
from .names import anchor
from .records import MentionRecord


@dataclass(frozen=True)
class TeiMapping:
    """How a registry's entries appear in TEI: ``<listEvent><event><label>``, ``<rs type="event">``."""

    list_element: str  # listEvent, listPerson, listPlace
    entry_element: str  # event, person, place
    name_element: str  # the element holding the entry's name: label, persName, placeName
    name_field: str  # the record field it holds
    #: Further attributes of the entry element from its record (an event's dates as @when/@from/@to).
    attributes: Callable[[dict[str, Any]], dict[str, str]] | None = None


@dataclass(frozen=True)
class Registry:
    role: str  # the directive and role name, also the anchor prefix: "event" -> #event-<id>
    records: str  # the domain's record kind
    index_heading: str  # the print index groups entries under this word
    title: Callable[[dict[str, Any]], str]  # link text when the role gives none
    tooltip: Callable[[dict[str, Any]], str]
    sort_name: Callable[[dict[str, Any]], str]  # the index entry
    tei: TeiMapping

    @property
    def names(self) -> tuple[str, str]:
        """The directive and role names editors write: the content policy allows them."""
        return self.role, self.role


def registries(env: BuildEnvironment) -> dict[str, Registry]:
    """The registries this Sphinx application defines, by role: kept on the app, not the Python process,
    so two applications in one process (tests) never share them."""
    return getattr(application(env), "edition_registries", {})


def register(app: Sphinx, registry: Registry) -> None:
    if not hasattr(app, "edition_registries"):
        app.edition_registries = {}
    app.edition_registries[registry.role] = registry


def valid(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries that were accepted (a refused entry keeps its id, marked ``rejected``)."""
    return [record for record in records if not record.get("rejected")]


def mentions_of(env: BuildEnvironment, kind: str) -> dict[str, list[tuple[str, MentionRecord]]]:
    """``{target: [(docname, mention), …]}`` for one registry, in document then source order."""
    found: dict[str, list[tuple[str, MentionRecord]]] = {}
    for docname, records in sorted(env.domains["edition"].data["mentions"].items()):
        for record in records:
            if record.kind == kind:
                found.setdefault(record.target, []).append((docname, record))
    return found


def resolve(
    registry: Registry,
    records: dict[str, tuple[str, dict[str, Any]]],
    env: BuildEnvironment,
    fromdocname: str,
    builder,
    target: str,
    node: nodes.Element,
    contnode: nodes.Element,
) -> nodes.Element:
    """Resolve ``{role}`id``` to the registry entry, or report an unknown id with the closest ones."""
    if target not in records:
        pages = sorted({str(env.doc2path(docname, False)) for docname, _ in records.values()}) or ["any page"]
        warn(
            registry.role,
            f"unknown {registry.role} {target!r}.",
            f"use an id defined with {{{registry.role}}} in {', '.join(pages)} ({closest(target, list(records))}).",
            node,
        )
        return contnode
    docname, record = records[target]
    if record.get("rejected"):  # already reported where it is defined
        return make_refnode(builder, fromdocname, docname, anchor(registry.role, target), contnode)
    if not node.get("refexplicit"):
        contnode = nodes.inline("", registry.title(record), classes=[f"edition-{registry.role}-ref"])
    return make_refnode(
        builder, fromdocname, docname, anchor(registry.role, target), contnode, registry.tooltip(record)
    )
