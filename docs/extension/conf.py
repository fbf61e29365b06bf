"""The adopters' guide of the annotated_edition extension: a small Sphinx project of its own.

Build it with ``sphinx-build -W -b html docs/extension _build/extension``.  It is kept apart from the
edition (``exclude_patterns`` there), since it documents the extension for any edition.
"""

project = "sphinx-annotated-edition: the adopters' guide"
author = "the editors"
copyright = "2026, the editors"
language = "en"
extensions = ["myst_parser"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_theme = "alabaster"
