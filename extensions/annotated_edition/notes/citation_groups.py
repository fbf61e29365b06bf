"""One parenthesis per group of citations: ``{cite:p}`a,b``` gives "(Westad 2003; Lüthi 2008)".

Two parenthetical citations side by side (``{cite:p}`a`; {cite:p}`b```) print "(Westad 2003); (Lüthi
2008)", which no style guide allows; the build reports them where they stand, with the merged form.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..core import priorities
from ..core.messages import warn

SEPARATOR = re.compile(r"\s*[;,]?\s*")


def parenthetical(node: nodes.Node) -> bool:
    return isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "cite" and node.get("reftype") == "p"


def line_of(node: nodes.Node) -> int | None:
    while node is not None and node.line is None:
        node = node.parent
    return node.line if node is not None else None


class AdjacentCitations(SphinxTransform):
    default_priority = priorities.CITATION_GROUPS

    def apply(self) -> None:
        for first in list(self.document.findall(parenthetical)):
            between = first.next_node(descend=False, siblings=True)
            second = between.next_node(descend=False, siblings=True) if isinstance(between, nodes.Text) else between
            if second is None or not parenthetical(second):
                continue
            if isinstance(between, nodes.Text) and not SEPARATOR.fullmatch(str(between)):
                continue
            keys = f"{first['reftarget']},{second['reftarget']}"
            warn(
                "citation",
                f"two parenthetical citations stand side by side ({first['reftarget']} and {second['reftarget']}), "
                "which prints “(…); (…)”.",
                f"cite them in one role: {{cite:p}}`{keys}`.",
                (self.env.docname, line_of(first)),
            )


def setup_citation_groups(app: Sphinx) -> None:
    app.add_transform(AdjacentCitations)
