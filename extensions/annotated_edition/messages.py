"""One way to report an editor's mistake: where it is, what is wrong, how to fix it.

Every message goes through :func:`warn`, so all of them carry a location and a fix-it hint, share
the ``edition`` warning type (``suppress_warnings = ["edition.<subtype>"]`` can silence one kind),
and turn into build failures under ``-W``.
"""

from __future__ import annotations

import difflib
from typing import Any

from sphinx.util import logging

logger = logging.getLogger("annotated_edition")


def warn(subtype: str, problem: str, fix: str, location: Any) -> None:
    """Log *problem* at *location* (a node, a docname, or a ``(docname, line)`` pair) with *fix*."""
    logger.warning("%s Fix: %s", problem, fix, location=location, type="edition", subtype=subtype)


def closest(word: str, candidates: list[str]) -> str:
    """A hint naming the closest candidate, or listing a few when none is close."""
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.5)
    if match:
        return f"did you mean {match[0]!r}?"
    shown = ", ".join(sorted(candidates)[:8])
    return f"known: {shown}" + (", …" if len(candidates) > 8 else "") if candidates else "none are defined yet"
