"""The note nodes that rooms other than ``notes`` read: verdicts, registries and exports find notes by them.

``{factcheck}`` and ``{sic}`` (:mod:`..notes.directives`) leave these in the doctree; their output for
each builder is :mod:`..notes.output`.
"""

from __future__ import annotations

from docutils import nodes


class annotation(nodes.General, nodes.Element):
    """Base for notes anchored to a quote in the essay paragraph before them."""


class factcheck_note(annotation):
    """A fact-check: verdict, explanation and citations about one claim."""


class sic_note(annotation):
    """A transcription slip kept as written, with the intended reading."""
