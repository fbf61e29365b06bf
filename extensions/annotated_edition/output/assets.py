"""Ship the extension's CSS, JavaScript and LaTeX style with the package.

Files are copied into the output directory when the builder starts (as sphinx-design does), rather
than by adding to ``html_static_path``: changing a config value at run time would make every
incremental build look like a config change, and ``add_static_dir`` only exists from Sphinx 9.1.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"
CSS = "annotated-edition.css"
JS = "annotated-edition.js"
ICON = "annotated-edition-icon.svg"  # the favicon, unless the edition sets html_favicon
READING_CSS = "annotated-edition-reading.css"  # web pages only: EPUB checkers refuse :has() and selector lists
STY = "annotatededition.sty"


def copy_assets(app: Sphinx) -> None:
    if app.builder.format == "html":
        target = Path(app.outdir, "_static")
        target.mkdir(parents=True, exist_ok=True)
        for name in (CSS, JS, ICON):
            shutil.copyfile(STATIC / name, target / name)
        if app.builder.name != "epub":
            shutil.copyfile(STATIC / READING_CSS, target / READING_CSS)
            app.add_css_file(READING_CSS)
    elif app.builder.format == "latex":
        Path(app.outdir).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(STATIC / STY, Path(app.outdir, STY))


def setup_static_assets(app: Sphinx) -> None:
    app.add_css_file(CSS)
    app.add_js_file(JS, loading_method="defer")
    app.add_latex_package(STY.removesuffix(".sty"))
    app.connect("builder-inited", copy_assets)
