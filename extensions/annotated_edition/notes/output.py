"""How notes, claims and markers are written by each builder.

HTML: the claim's own words are a link to its note (``<mark>`` where they already stand in a link), and
a numbered ``doc-noteref`` link follows them; the note is a ``<details>`` element right after the
paragraph, whose summary shows number, verdict symbol and word and the claim, so it is readable without
JavaScript and keyboard-operable by default.  Both links point into the note's body
(``#ref-ID-body``): following a link into a closed ``<details>`` opens it, so without JavaScript one
click still opens the note; the script keeps the address at the note's own ``#ID``.
LaTeX: the marker is ``\\footnotemark`` and the note a ``\\footnotetext`` carrying the verdict.
Text: notes are numbered blocks after their paragraph.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator
from sphinx.writers.text import TextTranslator

from ..core import priorities
from ..core.doctree import ancestor
from ..core.i18n import _
from ..core.nodes import factcheck_note
from ..witnesses.nodes import skip
from .actions import note_actions
from .anchoring import claim, noteref, sic_marker


def verdict_entry(translator: object, name: str) -> dict:
    return translator.config.edition_verdicts[name]


def note_number(translator: HTML5Translator, node: factcheck_note) -> str:
    return translator.encode(_("Note {number}").format(number=node["number"]))


def lemma(quote: str, longest: int = 8) -> str:
    """The claim's words as a critical edition's lemma: in full when short, else its first five and last
    two words around an ellipsis ("In the 1950s the … the split")."""
    words = quote.split()
    if len(words) <= longest:
        return quote
    return " ".join(words[:5]).rstrip(",;:") + " … " + " ".join(words[-2:])


# HTML -------------------------------------------------------------------------------------------


def body_anchor(note_id: str) -> str:
    """The anchor inside a note's body that its claim and marker link to (see the module's docstring)."""
    return f"ref-{note_id}-body"


def claim_tag(node: claim) -> str:
    """``a`` for words that open their note, ``mark`` where they stand in a link already (a mention)."""
    inside_link = ancestor(node, nodes.reference) is not None
    return "mark" if inside_link or not node.get("refid") else "a"


def visit_claim_html(self: HTML5Translator, node: claim) -> None:
    tag = "mark" if self.builder.name == "epub" else claim_tag(node)
    attributes = {"href": f"#{body_anchor(node['refid'])}", "data-note": node["refid"]} if tag == "a" else {}
    if tag == "a" and f"claim-{node['refid']}" not in node["ids"]:
        attributes["tabindex"] = "-1"  # a claim split by other claims or links is one stop for the keyboard
    self.body.append(self.starttag(node, tag, "", **attributes))


def depart_claim_html(self: HTML5Translator, node: claim) -> None:
    self.body.append(f"</{'mark' if self.builder.name == 'epub' else claim_tag(node)}>")


def visit_noteref_html(self: HTML5Translator, node: noteref) -> None:
    if self.builder.name == "epub":
        visit_noteref_epub(self, node)
    entry, verdict, refid = (
        verdict_entry(self, node["verdict"]),
        self.encode(node["verdict"]),
        self.encode(node["refid"]),
    )
    spoken = _("(note %(number)s: %(verdict)s)") % {"number": node["number"], "verdict": entry["label"]}
    self.body.append(
        f'<a class="edition-noteref edition-verdict-{verdict}" href="#{body_anchor(refid)}" role="doc-noteref" '
        f'id="ref-{refid}" aria-controls="{refid}" data-note="{refid}">'
        f'<sup>{self.encode(entry["symbol"])}{node["number"]}<span class="edition-visually-hidden"> '
        f"{self.encode(spoken)}</span></sup></a>"
    )
    raise nodes.SkipNode


def visit_sic_html(self: HTML5Translator, node: sic_marker) -> None:
    self.body.append(f' <span class="edition-sic">[<i>sic</i>: {self.encode(node["reading"])}]</span>')
    raise nodes.SkipNode


def visit_factcheck_html(self: HTML5Translator, node: factcheck_note) -> None:
    if self.builder.name == "epub":
        return visit_factcheck_epub(self, node)
    entry = verdict_entry(self, node["verdict"])
    legacy = "".join(
        f'<span id="{self.encode(anchor)}"></span>' for anchor in node["ids"][1:]
    )  # addresses of earlier releases
    self.body.append(
        f'<details class="edition-note edition-verdict-{self.encode(node["verdict"])}" id="{self.encode(node["id"])}">'
        f"<summary>{legacy}"
        f'<span class="edition-note-number">{note_number(self, node)}</span> '
        f'<span class="edition-verdict-badge"><span aria-hidden="true">{self.encode(entry["symbol"])}</span> '
        f'{self.encode(entry["label"])}</span> '
        + ('<span class="edition-provisional-badge">provisional</span> ' if node.get("provisional") else "")
        + f'<q class="edition-note-claim">{self.encode(node["quote"])}</q>'
        f'</summary><div class="edition-note-body" id="{body_anchor(self.encode(node["id"]))}" role="doc-footnote" '
        f'aria-label="{note_number(self, node)}">'
    )


def depart_factcheck_html(self: HTML5Translator, node: factcheck_note) -> None:
    if self.builder.name == "epub":
        return self.body.append("</aside>\n")
    self.body.append(
        note_actions(self, node)
        + f'<p class="edition-backlink"><a href="#ref-{self.encode(node["id"])}" role="doc-backlink">'
        + self.encode(_("Back to ¶{number}").format(number=node["paragraph"]))
        + "</a></p></div></details>\n"
    )


# LaTeX ------------------------------------------------------------------------------------------


def visit_claim_latex(self: LaTeXTranslator, node: claim) -> None:
    for anchor in node["ids"]:
        self.body.append(self.hypertarget(anchor, anchor=False))


def depart_claim_latex(self: LaTeXTranslator, node: claim) -> None:
    pass


def visit_noteref_latex(self: LaTeXTranslator, node: noteref) -> None:
    self.body.append(r"\footnotemark[%d]" % node["number"])
    raise nodes.SkipNode


def visit_sic_latex(self: LaTeXTranslator, node: sic_marker) -> None:
    self.body.append(r"\,[\textit{sic}: %s]" % self.encode(node["reading"]))
    raise nodes.SkipNode


def visit_factcheck_latex(self: LaTeXTranslator, node: factcheck_note) -> None:
    entry = verdict_entry(self, node["verdict"])
    self.body.append(
        r"\footnotetext[%d]{%s%s]\ \textbf{%s.}\ "
        % (
            node["number"],
            self.hypertarget(node["id"], anchor=False),
            self.encode(lemma(node["quote"])),
            self.encode(entry["label"]),
        )
    )
    self.in_footnote += 1


def depart_factcheck_latex(self: LaTeXTranslator, node: factcheck_note) -> None:
    self.in_footnote -= 1
    self.body.append("}\n")


# EPUB (the HTML visitors hand over): notes are EPUB footnotes, shown by reading systems as pop-ups -----


def visit_noteref_epub(self: HTML5Translator, node: noteref) -> None:
    entry = verdict_entry(self, node["verdict"])
    self.body.append(
        f'<a epub:type="noteref" role="doc-noteref" class="edition-noteref" href="#{node["refid"]}" id="ref-{node["refid"]}">'
        f"<sup>{self.encode(entry['symbol'])}{node['number']}</sup></a>"
    )
    raise nodes.SkipNode


def visit_factcheck_epub(self: HTML5Translator, node: factcheck_note) -> None:
    entry = verdict_entry(self, node["verdict"])
    self.body.append(
        f'<aside epub:type="footnote" role="doc-footnote" class="edition-note" id="{node["id"]}"><p class="edition-note-lemma">'
        f"{node['number']}. {self.encode(lemma(node['quote']))}] <strong>{self.encode(entry['label'])}.</strong></p>"
    )


# Text -------------------------------------------------------------------------------------------


def visit_noteref_text(self: TextTranslator, node: noteref) -> None:
    self.add_text(f"[{node['number']}]")
    raise nodes.SkipNode


def visit_sic_text(self: TextTranslator, node: sic_marker) -> None:
    self.add_text(f" [sic: {node['reading']}]")
    raise nodes.SkipNode


def visit_factcheck_text(self: TextTranslator, node: factcheck_note) -> None:
    entry = verdict_entry(self, node["verdict"])
    self.new_state(4)
    self.add_text(f"[{node['number']}] {lemma(node['quote'])}] {entry['label']}.")
    self.end_state(first="")
    self.new_state(4)


def depart_factcheck_text(self: TextTranslator, node: factcheck_note) -> None:
    self.end_state()


class GroupPassages(SphinxPostTransform):
    """HTML only: wrap each essay paragraph and its notes, so CSS can set the notes beside it."""

    default_priority = priorities.PARAGRAPH_GROUPS
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for para in list(self.document.findall(nodes.paragraph)):
            if "edition-paragraph" not in para or not isinstance(
                para.next_node(descend=False, siblings=True), factcheck_note
            ):
                continue
            parent, index = para.parent, para.parent.index(para)
            group = nodes.container(classes=["edition-passage"])
            members = [para]
            for sibling in parent.children[index + 1 :]:
                if not isinstance(sibling, factcheck_note):
                    break
                members.append(sibling)
            for member in members:
                parent.remove(member)
            group.extend(members)
            parent.insert(index, group)


def passthrough(self: object, node: nodes.Element) -> None:
    pass


def setup_notes_output(app: Sphinx) -> None:
    app.add_post_transform(GroupPassages)
    app.add_node(
        claim,
        html=(visit_claim_html, depart_claim_html),
        latex=(visit_claim_latex, depart_claim_latex),
        text=(passthrough, passthrough),
        man=(passthrough, passthrough),
        texinfo=(passthrough, passthrough),
    )
    app.add_node(
        noteref,
        html=(visit_noteref_html, None),
        latex=(visit_noteref_latex, None),
        text=(visit_noteref_text, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_node(
        sic_marker,
        html=(visit_sic_html, None),
        latex=(visit_sic_latex, None),
        text=(visit_sic_text, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_node(
        factcheck_note,
        html=(visit_factcheck_html, depart_factcheck_html),
        latex=(visit_factcheck_latex, depart_factcheck_latex),
        text=(visit_factcheck_text, depart_factcheck_text),
        man=(skip, None),
        texinfo=(skip, None),
    )
