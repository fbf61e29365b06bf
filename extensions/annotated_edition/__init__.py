"""An annotated digital edition for Sphinx: witnesses reproduced word for word, with fact-check notes."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .domain import setup_domain
from .essay import setup_essay
from .fidelity import setup_fidelity
from .nodes import setup_nodes
from .static_assets import setup_static_assets

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    for setup_part in (setup_nodes, setup_domain, setup_essay, setup_fidelity, setup_static_assets):
        setup_part(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
