"""An annotated digital edition for Sphinx: witnesses reproduced word for word, with fact-check notes."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .a11y import setup_a11y
from .agreement import setup_agreement
from .allow_list import setup_allow_list
from .anchoring import setup_anchoring
from .bibcheck import setup_bibcheck
from .bibfiles import setup_bibfiles
from .bibstyle import setup_bibstyle
from .citation_groups import setup_citation_groups
from .configuration import setup_configuration
from .confinement import setup_confinement
from .corrections import setup_corrections
from .coverage import setup_coverage
from .design_assets import setup_design_assets
from .domain import setup_domain
from .essay import setup_essay
from .event_order import setup_event_order
from .events import setup_events
from .exports import setup_exports
from .fidelity import setup_fidelity
from .freshness import setup_freshness
from .invisible import setup_invisible
from .latex_bibliography import setup_latex_bibliography
from .mentions import setup_mentions
from .nodes import setup_nodes
from .notes import setup_notes
from .notes_output import setup_notes_output
from .parsers import setup_parsers
from .people import setup_people
from .policy import setup_policy
from .register import setup_register
from .registry import setup_registry
from .releases import setup_releases
from .safe_urls import setup_safe_urls
from .sources_short import setup_sources_short
from .static_assets import setup_static_assets
from .timeline import setup_timeline
from .verdict_summary import setup_verdict_summary
from .vocabulary import setup_vocabulary
from .works_cited import setup_works_cited

__version__ = "0.1.0"

PARTS = (
    setup_configuration,
    setup_confinement,
    setup_invisible,
    setup_allow_list,
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
    setup_fidelity,
    setup_register,
    setup_verdict_summary,
    setup_freshness,
    setup_registry,
    setup_events,
    setup_event_order,
    setup_people,
    setup_timeline,
    setup_works_cited,
    setup_sources_short,
    setup_bibcheck,
    setup_citation_groups,
    setup_coverage,
    setup_agreement,
    setup_latex_bibliography,
    setup_exports,
    setup_a11y,
    setup_static_assets,
    setup_design_assets,
)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("sphinxcontrib.bibtex")
    for setup_part in PARTS:
        setup_part(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 6}
