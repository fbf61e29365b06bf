"""Previews of registry entries where an essay names them, and a way round the registry pages.

A mention in an essay paragraph (an event, a person) shows, on hover, focus and tap, the entry's title
and date and the first sentence of its body, with a link to the full entry.  The preview is plain HTML
and CSS (the script only makes a first tap on a touch screen show it rather than follow the link); it is
hidden from assistive technology, which reads the link's own title, so the essay is not read twice.

A registry page (the events) opens with a line of links to its year headings.
"""

from __future__ import annotations

import re
from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core import priorities
from ..core.doctree import address, ancestor
from ..core.domain import get_domain
from ..core.i18n import _
from ..core.names import anchor
from ..core.registry import registries
from ..registries.base import registry_refs


class MentionPreviews(SphinxPostTransform):
    """Wrap each essay mention with a preview of its entry (before references are resolved)."""

    default_priority = priorities.MENTION_PREVIEWS
    builders = ("html", "dirhtml", "singlehtml")  # not EPUB, whose reading systems have their own pop-ups

    def run(self, **kwargs) -> None:
        domain = get_domain(self.env)
        known = registries(self.env)
        for ref in list(registry_refs(self.env, self.document)):
            para = ancestor(ref, nodes.paragraph)
            if para is None or "edition-paragraph" not in para:
                continue  # only the essay's own words: a note's links are already in the apparatus
            registry = known[ref["reftype"]]
            found = domain.index(registry.records, "id").get(ref["reftarget"])
            if not found or found[1].get("rejected"):
                continue  # reported where it is written
            docname, record = found
            uri = address(self.env, docname, anchor(registry.role, record["id"]))
            summary = f" {escape(record['summary'])}" if record.get("summary") else ""
            preview = nodes.raw(
                "",
                f'<span class="edition-preview" aria-hidden="true"><strong>{escape(registry.tooltip(record))}</strong>'
                f'{summary} <a href="{escape(uri)}" tabindex="-1">{escape(_("Full entry"))}</a></span>',
                format="html",
            )
            wrapper = nodes.inline(classes=["edition-mention", f"edition-mention-{registry.role}"])
            ref.replace_self(wrapper)
            wrapper += [ref, preview]


class RegistryContents(SphinxPostTransform):
    """A registry page's year (or other) headings as one line of links under its title (HTML)."""

    default_priority = priorities.MENTION_PREVIEWS
    formats = ("html",)

    def run(self, **kwargs) -> None:
        domain = get_domain(self.env)
        if not any(self.env.docname in domain.data.get(r.records, {}) for r in registries(self.env).values()):
            return
        top = next(iter(self.document.findall(nodes.section)), None)
        if top is None:
            return
        headings = [s for s in top.children if isinstance(s, nodes.section) and s["ids"]]
        if len(headings) < 2:
            return
        line = nodes.paragraph(classes=["edition-registry-contents"])
        line += nodes.strong(text=_("Jump to:") + " ")
        for i, section in enumerate(headings):
            line += nodes.Text(" · " if i else "")
            title = section.next_node(nodes.title)
            target = next((i for i in reversed(section["ids"]) if not re.fullmatch(r"id\d+", i)), section["ids"][0])
            line += nodes.reference("", title.astext() if title else target, internal=True, refid=target)
        title = top.next_node(nodes.title)
        top.insert(top.index(title) + 1 if title is not None and title.parent is top else 0, line)


def setup_previews(app: Sphinx) -> None:
    app.add_post_transform(MentionPreviews)
    app.add_post_transform(RegistryContents)
