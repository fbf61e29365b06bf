"""Placeholder, then fill: how every generated part of a page is made (register, timeline, backlinks, …).

A directive leaves a placeholder node where the part belongs; once every page is read, a
post-transform that runs before Sphinx resolves references (:data:`.priorities.GENERATED_PAGES`)
replaces each placeholder with the part, made from the domain's records.  References in the part are
then resolved like any other, in every builder, LaTeX included.  :class:`FillPlaceholders` is that
post-transform; a generated part says which placeholder it fills and how.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import priorities


class FillPlaceholders(SphinxPostTransform):
    """Replace each :attr:`placeholder` of the page being written with what :meth:`fill` makes of it."""

    default_priority = priorities.GENERATED_PAGES
    placeholder: ClassVar[type[nodes.Element]]

    def run(self, **kwargs) -> None:
        found = list(self.document.findall(self.placeholder))
        if not found:
            return
        self.prepare()
        for node in found:
            node.replace_self(self.fill(node))

    def prepare(self) -> None:
        """Work out, once for the page being written, what all its placeholders share."""

    def fill(self, placeholder: nodes.Element) -> nodes.Node | list[nodes.Node]:
        raise NotImplementedError
