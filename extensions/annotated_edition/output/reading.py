"""An essay page for reading: the essay first, its apparatus one click away; every page described.

On an essay's HTML page the witness description, the citation box and the Data box move into one
collapsed "About this text" block placed after the findings (``{verdict-summary}``), so that the
title, the headnote and what the notes found come first and the essay's first paragraph is on the
first screen; the licence is given once, in the citation box.  Two reading options follow the
findings: highlighting claims by verdict, and reading without notes (¶ numbers stay).  They are
checkboxes that CSS alone obeys (``:has()``), so they work without JavaScript; the script remembers them.

Every HTML page gets a ``<meta name="description">`` (an essay's headnote, else the page's first
paragraph) and, unless ``html_favicon`` is set, the edition's icon.
"""

from __future__ import annotations

import re
from html import escape, unescape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core import priorities
from ..core.i18n import _
from ..exports import data_box
from ..witnesses.essay import WITNESS_KEY
from .assets import ICON

DESCRIPTION_LENGTH = 160  # what search engines show of a description


class about_block(nodes.General, nodes.Element):
    """The collapsed "About this text" block of an essay page (HTML only)."""


def visit_about_html(self, node: about_block) -> None:
    self.body.append(
        f'<details class="edition-about"><summary>{escape(_("About this text"))}'
        f'<span class="edition-about-hint"> — {escape(_("the witness and its checksum, how to cite, data, licence"))}'
        "</span></summary>"
    )


def depart_about_html(self, node: about_block) -> None:
    self.body.append("</details>\n")


def reading_options() -> nodes.raw:
    """Two checkboxes the stylesheet obeys; grouped and labelled for assistive technology."""
    options = (
        ("edition-option-highlight", _("Highlight claims by verdict")),
        ("edition-option-plain", _("Read without notes")),
    )
    boxes = "".join(
        f'<label for="{name}"><input type="checkbox" id="{name}" class="edition-option"> {escape(label)}</label>'
        for name, label in options
    )
    html = (
        f'<div class="edition-reading-options" role="group" aria-label="{escape(_("Reading options"))}">{boxes}</div>'
    )
    return nodes.raw("", html, format="html")


class EssayFirst(SphinxPostTransform):
    """Gather an essay page's boxes into "About this text" and add the reading options after the findings."""

    default_priority = priorities.ESSAY_FIRST
    builders = ("html", "dirhtml", "singlehtml")  # not EPUB: a book has no page furniture to fold away

    def run(self, **kwargs) -> None:
        witness = next((box for box in self.document.findall(nodes.container) if WITNESS_KEY in box), None)
        if witness is None:
            return
        section = witness.parent
        boxes = [
            child
            for child in section.children
            if isinstance(child, data_box) or "edition-cite" in child.get("classes", []) or child is witness
        ]
        position = section.index(witness)
        about = about_block()
        for box in boxes:
            if isinstance(box, data_box) and len(boxes) > 1:
                box["licence"] = False  # the citation box states it
            section.remove(box)
            about += box
        summary = next((c for c in section.children if "edition-verdict-summary" in c.get("classes", [])), None)
        position = section.index(summary) + 1 if summary is not None else min(position, len(section))
        section.insert(position, [reading_options(), about])


def first_sentences(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """*text* on one line, cut after the last whole sentence (or word) within *limit* characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = cut.rfind(". ")
    return cut[: end + 1] if end > limit // 2 else cut[: cut.rfind(" ")].rstrip(",;:") + "…"


def description(doctree: nodes.document) -> str:
    """An essay's headnote, else the first paragraph standing directly in a section of the page."""
    for node in doctree.findall(nodes.Element):
        if "edition-headnote" in node.get("classes", []):
            para = next(iter(node.findall(nodes.paragraph)), None)
            if para is not None:
                return first_sentences(para.astext())
    for para in doctree.findall(nodes.paragraph):
        if isinstance(para.parent, nodes.section) and "edition-paragraph" not in para:
            return first_sentences(para.astext())
    return ""


def describe_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if doctree is not None and app.builder.name != "epub":
        title = unescape(re.sub(r"<[^>]*>", "", context.get("title") or ""))  # the page title, as HTML
        text = description(doctree) or " — ".join(dict.fromkeys(part for part in (title, app.config.project) if part))
        context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{escape(text)}" />'
    if not context.get("favicon_url"):
        context["favicon_url"] = ICON  # made relative to the page by Sphinx's own handler, which runs next


def setup_reading(app: Sphinx) -> None:
    app.add_node(about_block, html=(visit_about_html, depart_about_html))
    app.add_post_transform(EssayFirst)
    app.connect("html-page-context", describe_page, priority=priorities.PAGE_DESCRIPTION)
