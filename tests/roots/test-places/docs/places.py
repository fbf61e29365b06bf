"""A places registry, written as another edition would write it: one module, nothing edited elsewhere."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx

from annotated_edition.core.messages import EntryError
from annotated_edition.core.registry import Registry, TeiMapping
from annotated_edition.registries.base import RegistryDirective, add_registry, one_line


class PlaceDirective(RegistryDirective):
    option_spec = {**RegistryDirective.common_options, "name": directives.unchanged}

    def fields(self) -> dict[str, Any]:
        name = one_line(self.options.get("name"))
        if not name:
            raise EntryError("has no name.", "add `:name: Moscow`.")
        return {"name": name}

    def facts(self, record: dict[str, Any]) -> list[nodes.Node]:
        return []


PLACES = Registry(
    role="place",
    records="places",
    index_heading="Places",
    title=lambda record: record["name"],
    tooltip=lambda record: record["name"],
    sort_name=lambda record: record["name"],
    tei=TeiMapping("listPlace", "place", "placeName", "name"),
)


def setup(app: Sphinx) -> dict[str, Any]:
    add_registry(app, PLACES, PlaceDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
