"""The essay's own nodes (paragraph numbers, paratext) and their output for every builder.

Nodes that derive from :class:`Editorial` are the editors' additions inside essay paragraphs; the
fidelity check leaves their text out when it compares an essay with its witness.  The notes' nodes are
made in :mod:`..notes.directives` and :mod:`..notes.anchoring` and written by :mod:`..notes.output`, one module per node family.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator
from sphinx.writers.text import TextTranslator

from ..core.i18n import _


class Editorial:
    """Marker base: text inside such a node is not essay text."""


class paragraph_number(Editorial, nodes.Inline, nodes.Element):
    """The ¶N marker and permalink at the start of an essay paragraph."""


class paratext_block(nodes.General, nodes.Element):
    """Witness lines that are not essay text, shown collapsed and clearly labelled."""


def witness_lines(text: str, classes: list[str]) -> nodes.line_block:
    """Lines of a witness as quoted prose, one line each, in the text face (not code: they wrap, and print and
    extract as the words they are), kept out of smart-quote processing so that they stay as written."""
    block = nodes.line_block(classes=classes, support_smartquotes=False)
    block.extend(nodes.line(line, line) for line in text.split("\n"))
    return block


def visit_paragraph_number_html(self: HTML5Translator, node: paragraph_number) -> None:
    n = node["number"]
    title, word = self.encode(_("Permalink to paragraph {number}").format(number=n)), self.encode(_("Paragraph"))
    self.body.append(
        f'<a class="edition-pnum" href="#p{n}" title="{title}">'
        f'<span class="edition-visually-hidden">{word} </span>¶{n}</a> '
    )
    raise nodes.SkipNode


def visit_paragraph_number_latex(self: LaTeXTranslator, node: paragraph_number) -> None:
    n = node["number"]
    self.body.append(self.hypertarget(f"p{n}", anchor=False) + r"\editionpnum{%d}" % n)
    raise nodes.SkipNode


def visit_paragraph_number_text(self: TextTranslator, node: paragraph_number) -> None:
    self.add_text(f"[¶{node['number']}] ")
    raise nodes.SkipNode


def visit_paratext_html(self: HTML5Translator, node: paratext_block) -> None:
    self.body.append(f'<details class="edition-paratext"><summary>{self.encode(node["summary"])}</summary>')


def depart_paratext_html(self: HTML5Translator, node: paratext_block) -> None:
    self.body.append("</details>\n")


def visit_paratext_latex(self: LaTeXTranslator, node: paratext_block) -> None:
    self.body.append(r"\begin{editionparatext}{%s}" % self.encode(node["summary"]) + "\n")


def depart_paratext_latex(self: LaTeXTranslator, node: paratext_block) -> None:
    self.body.append("\\end{editionparatext}\n")


def visit_paratext_text(self: TextTranslator, node: paratext_block) -> None:
    self.new_state(0)
    self.add_text(f"[{node['summary']}]")
    self.end_state()


def depart_paratext_text(self: TextTranslator, node: paratext_block) -> None:
    pass


def skip(self: object, node: nodes.Element) -> None:
    raise nodes.SkipNode


def setup_nodes(app: Sphinx) -> None:
    app.add_node(
        paragraph_number,
        html=(visit_paragraph_number_html, None),
        latex=(visit_paragraph_number_latex, None),
        text=(visit_paragraph_number_text, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_node(
        paratext_block,
        html=(visit_paratext_html, depart_paratext_html),
        latex=(visit_paratext_latex, depart_paratext_latex),
        text=(visit_paratext_text, depart_paratext_text),
        man=(skip, None),
        texinfo=(skip, None),
    )
