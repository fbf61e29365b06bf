"""An annotated digital edition for Sphinx: witnesses reproduced word for word, with fact-check notes."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .bibliography.checks import setup_bibcheck
from .bibliography.evidence import setup_evidence
from .bibliography.files import setup_bibfiles
from .bibliography.latex import setup_latex_bibliography
from .bibliography.locators import setup_locators
from .bibliography.short_labels import setup_sources_short
from .bibliography.style import setup_bibstyle
from .bibliography.text import setup_text_bibliography
from .bibliography.works_cited import setup_works_cited
from .core.configuration import setup_configuration
from .core.domain import setup_domain
from .core.freshness import setup_freshness
from .core.i18n import setup_i18n
from .core.parallel import setup_parallel
from .exports import setup_exports
from .notes.actions import setup_actions
from .notes.anchoring import setup_anchoring
from .notes.citation_groups import setup_citation_groups
from .notes.directives import setup_notes
from .notes.mentions import setup_mentions
from .notes.output import setup_notes_output
from .output.a11y import setup_a11y
from .output.assets import setup_static_assets
from .output.design_assets import setup_design_assets
from .output.epub import setup_epub
from .output.print_defaults import setup_print_defaults
from .output.reading import setup_reading
from .output.search import setup_search
from .output.works_index import setup_works_index
from .pages.cited_in import setup_cited_in
from .pages.previews import setup_previews
from .pages.register import setup_register
from .pages.timeline import setup_timeline
from .pages.verdict_summary import setup_verdict_summary
from .policy.characters import setup_invisible
from .policy.confinement import setup_confinement
from .policy.encoding import setup_encoding
from .policy.parsers import setup_parsers
from .policy.rules import setup_policy
from .policy.urls import setup_safe_urls
from .registries.base import setup_registry
from .registries.event_order import setup_event_order
from .registries.events import setup_events
from .registries.people import setup_people
from .verdicts.agreement import setup_agreement
from .verdicts.corrections import setup_corrections
from .verdicts.coverage import setup_coverage
from .verdicts.releases import setup_releases
from .verdicts.vocabulary import setup_vocabulary
from .witnesses.essay import setup_essay
from .witnesses.fidelity import setup_fidelity
from .witnesses.nodes import setup_nodes

__version__ = "0.1.0"

PARTS = (
    setup_configuration,
    setup_i18n,
    setup_parallel,
    setup_confinement,
    setup_invisible,
    setup_encoding,
    setup_parsers,
    setup_safe_urls,
    setup_policy,
    setup_bibfiles,
    setup_bibstyle,
    setup_nodes,
    setup_domain,
    setup_vocabulary,
    setup_essay,
    setup_notes,
    setup_mentions,
    setup_releases,
    setup_anchoring,
    setup_corrections,
    setup_notes_output,
    setup_actions,
    setup_fidelity,
    setup_register,
    setup_verdict_summary,
    setup_freshness,
    setup_registry,
    setup_events,
    setup_event_order,
    setup_people,
    setup_timeline,
    setup_previews,
    setup_works_cited,
    setup_cited_in,
    setup_sources_short,
    setup_bibcheck,
    setup_locators,
    setup_evidence,
    setup_citation_groups,
    setup_coverage,
    setup_agreement,
    setup_latex_bibliography,
    setup_text_bibliography,
    setup_exports,
    setup_a11y,
    setup_epub,
    setup_works_index,
    setup_static_assets,
    setup_reading,
    setup_search,
    setup_design_assets,
    setup_print_defaults,
)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("sphinxcontrib.bibtex")
    for setup_part in PARTS:
        setup_part(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 7}
