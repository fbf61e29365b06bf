"""People the essays name (typically historians cited without a source), and how surely they are identified.

``{person} ID`` defines an entry: ``:name:`` in index form ("Gaddis, John Lewis"), ``:works:`` the
bibliography keys of the works the essay most plausibly means, ``:attribution:`` how confidently
(a configured vocabulary, ``edition_attributions``), and a body saying who the person is and why.
The ``{person}`` role marks where an essay or a note names them, with the essay's own words.
A ``{attribution-scale}`` directive prints the vocabulary, so the definitions are never restated.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective

from ..bibliography.files import damaged_keys
from ..core import priorities
from ..core.compat import bib_entries
from ..core.defaults import DEFAULT_ATTRIBUTIONS
from ..core.i18n import N_, _
from ..core.messages import EntryError, closest
from ..core.registry import Registry, TeiMapping
from ..verdicts.vocabulary import REQUIRED_KEYS as VERDICT_KEYS
from ..verdicts.vocabulary import check_entries, scale, translate_defaults
from .base import RegistryDirective, add_registry, one_line

REQUIRED_KEYS = {key: VERDICT_KEYS[key] for key in ("label", "symbol", "definition")}


def display_name(index_name: str) -> str:
    """ "Gaddis, John Lewis" -> "John Lewis Gaddis"; a bare surname stays as it is."""
    last, _, first = index_name.partition(",")
    return f"{first.strip()} {last.strip()}".strip()


def split_keys(text: str | None) -> list[str]:
    return [key for key in (part.strip() for part in (text or "").replace(";", ",").split(",")) if key]


class PersonDirective(RegistryDirective):
    option_spec = {
        **RegistryDirective.common_options,
        "name": directives.unchanged,
        "works": directives.unchanged,
        "attribution": directives.unchanged,
    }

    def fields(self) -> dict[str, Any]:
        name = one_line(self.options.get("name"))
        if not name:
            raise EntryError("has no name.", "add `:name: Surname, Forenames` (the form used in the index).")
        attributions = self.config.edition_attributions
        attribution = one_line(self.options.get("attribution"))  # optional: an edition may not grade names
        if attribution and attribution not in attributions:
            raise EntryError(
                f"has the attribution {attribution!r}, which is not in edition_attributions.",
                f"use one of {', '.join(attributions)} ({closest(attribution, list(attributions))}).",
            )
        works = split_keys(self.options.get("works"))
        entries = bib_entries(self.env)
        unknown = [key for key in works if key not in entries and key not in damaged_keys(self.env)]
        if unknown:
            raise EntryError(
                f"lists the unknown work {unknown[0]!r}.",
                f"add it to a .bib file in bib/ or fix the key ({closest(unknown[0], list(entries))}).",
            )
        if not works and attribution and attribution != "unidentified":
            raise EntryError(
                "lists no works.",
                "add `:works: key1, key2` (keys from bib/), or use "
                "`:attribution: unidentified` and say in the body what was searched.",
            )
        return {"name": name, "works": works, "attribution": attribution}

    def needs_citation(self, record: dict[str, Any]) -> bool:
        return not record["works"]  # the works listed are the sources

    def facts(self, record: dict[str, Any]) -> list[nodes.Node]:
        if not record["attribution"]:
            return self.works(record)
        entry = self.config.edition_attributions[record["attribution"]]
        line = nodes.paragraph(classes=["edition-person-attribution", f"edition-attribution-{record['attribution']}"])
        line += nodes.emphasis(text=_("Attribution: "))
        line += nodes.inline(text=f"{entry['symbol']} ", classes=["edition-verdict-symbol"])
        line += nodes.strong(text=entry["label"])
        line += nodes.Text(f". {entry['definition']}")
        return [line, *self.works(record)]

    def works(self, record: dict[str, Any]) -> list[nodes.Node]:
        if not record["works"]:
            return []
        cites = "; ".join(f"{{cite:t}}`{key}`" for key in record["works"])
        works = self.parse_text_to_nodes(_("*Works in the apparatus:* {cites}.").format(cites=cites))
        for para in works:
            para["classes"].append("edition-person-works")
        return works


class AttributionScale(SphinxDirective):
    """``{attribution-scale}``: the configured attribution levels as a definition list."""

    def run(self) -> list[nodes.Node]:
        return [scale(self.config.edition_attributions, "edition-attribution-scale")]


def translate_attributions(app: Sphinx, config: Config) -> None:
    translate_defaults(config, "edition_attributions", DEFAULT_ATTRIBUTIONS)


def check_attributions(app: Sphinx) -> None:
    check_entries(app, "edition_attributions", REQUIRED_KEYS, DEFAULT_ATTRIBUTIONS, "DEFAULT_ATTRIBUTIONS")


PEOPLE = Registry(
    role="person",
    records="people",
    index_heading=N_("Historians and authors named"),
    title=lambda record: display_name(record["name"]),
    tooltip=lambda record: display_name(record["name"]),
    sort_name=lambda record: record["name"],
    tei=TeiMapping("listPerson", "person", "persName", "name"),
)


def setup_people(app: Sphinx) -> None:
    app.add_directive("attribution-scale", AttributionScale)
    add_registry(app, PEOPLE, PersonDirective)
    app.connect("config-inited", translate_attributions, priority=priorities.CONFIG_VALUES)
    app.connect("builder-inited", check_attributions)
