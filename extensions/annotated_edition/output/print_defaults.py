"""A print edition that needs no settings: XeLaTeX and fonts that TeX Live itself ships.

The extension's LaTeX (verdict symbols such as ✓ and ⇄, the witnesses' own characters) needs a Unicode
engine, and Sphinx's default for XeLaTeX asks for the FreeFont family, which a TeX installation need
not have.  So an edition that chooses neither gets ``latex_engine = "xelatex"`` and Latin Modern
(fontspec's default, part of TeX Live); the verdict symbols come from DejaVu Sans when it is installed.
An edition that sets ``latex_engine`` to pdflatex or platex is told, at its line in ``conf.py``.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from ..core import priorities
from ..core.compat import set_in_conf
from ..core.configuration import conf_location
from ..core.messages import warn

UNICODE_ENGINES = ("xelatex", "lualatex")
#: Nothing to load: fontspec's default is Latin Modern, which TeX Live ships.
DEFAULT_FONTS = "% annotated_edition: fontspec's default fonts (Latin Modern, part of TeX Live)\n"


def print_defaults(app: Sphinx, config: Config) -> None:
    if not set_in_conf(config, "latex_engine"):
        config.latex_engine = "xelatex"
    elif config.latex_engine not in UNICODE_ENGINES:
        warn(
            "config",
            f"latex_engine is {config.latex_engine!r}, but the edition's print output needs a Unicode engine "
            "(its verdict symbols and the witnesses' characters).",
            'set latex_engine = "xelatex" (or remove the line: it is the default with this extension).',
            conf_location(app.confdir, "latex_engine"),
        )
    elements = config.latex_elements or {}
    if config.latex_engine in UNICODE_ENGINES and "fontpkg" not in elements:
        config.latex_elements = {**elements, "fontpkg": DEFAULT_FONTS}


def setup_print_defaults(app: Sphinx) -> None:
    app.connect("config-inited", print_defaults, priority=priorities.CONFIG_VALUES)
