"""Sphinx's EPUB 3 builder, with what EPUB Accessibility 1.1 asks of a book and DAISY Ace checks.

Sphinx writes content documents without a language, its package document without accessibility
metadata (and with "unknown" for an unset description or contributor), and a navigation document whose
table of contents has no ``doc-toc`` role and no landmarks.  This builder adds them:

- ``lang`` and ``xml:lang`` on every content document (the project's ``language``);
- ``schema:accessMode``, ``accessModeSufficient``, ``accessibilityFeature``, ``accessibilityHazard`` and
  ``accessibilitySummary`` (``edition_accessibility_summary``) in ``content.opf``;
- the documents of ``edition_epub_nonlinear`` (an editors' guide, say) taken out of the reading order
  (``linear="no"``: still in the contents, but not between the chapters a reader pages through);
- ``tabindex="0"`` on preformatted blocks (code in the editors' guide), which may scroll sideways on a
  reading system's narrow page: a keyboard can then reach and scroll them (axe's scrollable-region-focusable);
- ``role="doc-toc"`` on the table of contents and a hidden ``landmarks`` list (where the text
  starts; the navigation document itself is not a spine item, so it cannot be a landmark).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.epub3 import HTML_TAG, Epub3Builder

#: What every book of the edition is: text with its structure (no meaning carried by images alone,
#: no sound, no motion).  An image in the content adds the visual access mode.
FEATURES = ("structuralNavigation", "tableOfContents", "readingOrder")
HAZARDS = ("none",)
IMAGE = re.compile(r'href="(?!_static/)[^"]*" media-type="image/')  # the theme's own icons are not content


class EditionEpub3Builder(Epub3Builder):
    def init(self) -> None:
        super().init()
        language = escape(self.config.language or "en")
        self.html_tag = HTML_TAG.replace(">", f' lang="{language}" xml:lang="{language}">', 1)

    def build_content(self) -> None:
        super().build_content()
        path = Path(self.outdir, "content.opf")
        opf = path.read_text(encoding="utf-8")
        opf = re.sub(r"\s*<dc:(description|contributor)>unknown</dc:\1>", "", opf)  # Sphinx's placeholders
        opf = opf.replace("  </metadata>", self.accessibility_metadata(opf) + "  </metadata>", 1)
        for docname in self.config.edition_epub_nonlinear:
            item = re.search(rf'<item id="([^"]+)" href="{re.escape(docname)}{re.escape(self.out_suffix)}"', opf)
            if item:
                opf = opf.replace(f'<itemref idref="{item[1]}" />', f'<itemref idref="{item[1]}" linear="no" />')
        path.write_text(opf, encoding="utf-8")

    def accessibility_metadata(self, opf: str) -> str:
        modes = ["textual", "visual"] if IMAGE.search(opf) else ["textual"]
        lines = [f'<meta property="schema:accessMode">{mode}</meta>' for mode in modes]
        lines.append('<meta property="schema:accessModeSufficient">textual</meta>')
        lines += [f'<meta property="schema:accessibilityFeature">{feature}</meta>' for feature in FEATURES]
        lines += [f'<meta property="schema:accessibilityHazard">{hazard}</meta>' for hazard in HAZARDS]
        summary = escape(self.config.edition_accessibility_summary)
        lines.append(f'<meta property="schema:accessibilitySummary">{summary}</meta>')
        return "".join(f"  {line}\n" for line in lines)

    def build_navigation_doc(self) -> None:
        super().build_navigation_doc()
        path = Path(self.outdir, "nav.xhtml")
        nav = path.read_text(encoding="utf-8").replace('<nav epub:type="toc">', '<nav epub:type="toc" role="doc-toc">')
        start = escape(self.config.root_doc + self.out_suffix)
        landmarks = (
            '<nav epub:type="landmarks" hidden="hidden" aria-label="Landmarks"><ol>'
            f'<li><a epub:type="bodymatter" href="{start}">Start of text</a></li></ol></nav>\n  </body>'
        )
        path.write_text(nav.replace("</body>", landmarks, 1), encoding="utf-8")


def focusable_preformatted(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if isinstance(app.builder, EditionEpub3Builder) and isinstance(context.get("body"), str):
        context["body"] = context["body"].replace("<pre>", '<pre tabindex="0">')


def setup_epub(app: Sphinx) -> None:
    app.add_builder(EditionEpub3Builder, override=True)
    app.connect("html-page-context", focusable_preformatted)
