"""``{verdict-summary}``: at the top of an essay, how many of its claims got each verdict.

The counts are words and symbols (never colour alone); each links to the register, filtered to this
essay and that verdict (the register's script reads ``?verdict=``; without it the link still lands on
the essay's list).  Counted when the page is written, from the domain's records of this essay.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..core.doctree import address, writing_builder
from ..core.domain import get_domain
from ..core.generated import FillPlaceholders
from .register import essay_anchor, register_page


class summary_placeholder(nodes.General, nodes.Element):
    """Replaced by the summary when the page is written."""


class VerdictSummaryDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        return [summary_placeholder(docname=self.env.docname)]  # in print every page is written as the root


class FillVerdictSummary(FillPlaceholders):
    placeholder = summary_placeholder

    def fill(self, placeholder: nodes.Element) -> nodes.Node:
        """The counts of the notes of the page the summary stands on (in print not the page being written)."""
        essay = placeholder["docname"]
        builder = writing_builder(self.env)
        counts = Counter(n.verdict for n in get_domain(self.env).notes(essay))
        register = register_page(self.env)
        box = nodes.container(classes=["edition-verdict-summary"])
        box += nodes.rubric(text="Verdicts in this essay")
        para = nodes.paragraph(text=f"{sum(counts.values())} claims checked: ")
        shown = [(name, entry) for name, entry in self.config.edition_verdicts.items() if counts[name]]
        for i, (name, entry) in enumerate(shown):
            para += nodes.Text("; " if i else "")
            words = [
                nodes.inline(text=f"{entry['symbol']} ", classes=["edition-verdict-symbol"]),
                nodes.Text(f"{counts[name]} {entry['label'].lower()}"),
            ]
            if register and builder.format == "html":
                query = urlencode({"verdict": name})
                uri = address(self.env, register, essay_anchor(essay), query)
                para += nodes.reference("", "", *words, internal=True, refuri=uri, classes=[f"edition-verdict-{name}"])
            else:
                para.extend(words)
        para += nodes.Text(".")
        box += para
        return box


def setup_verdict_summary(app: Sphinx) -> None:
    app.add_node(summary_placeholder)
    app.add_directive("verdict-summary", VerdictSummaryDirective)
    app.add_post_transform(FillVerdictSummary)
