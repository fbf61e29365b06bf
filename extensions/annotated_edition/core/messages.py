"""One way to report an editor's mistake: where it is, what is wrong, how to fix it.

Every message goes through :func:`warn`, so all of them carry a location and a fix-it hint, share
the ``edition`` warning type (``suppress_warnings = ["edition.<subtype>"]`` can silence one kind),
and turn into build failures under ``-W``.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from sphinx.util import logging

logger = logging.getLogger("annotated_edition")


def warn(subtype: str, problem: str, fix: str, location: Any) -> None:
    """Log *problem* at *location* (a node, a ``(docname, line)`` pair, or :func:`at` for other files) with *fix*."""
    logger.warning("%s Fix: %s", problem, fix, location=location, type="edition", subtype=subtype)


def at(path: Path | str, line: int | None) -> str:
    """The location of a line in a file that is not a document (a .bib file, the manifest, conf.py).

    Sphinx takes a location without a colon for a document name and adds a source suffix to it, so the
    line is always given (the first, when no better one is known)."""
    return f"{path}:{line or 1}"


def similarity(word: str, candidate: str) -> float:
    """Spelling similarity, plus credit for whole words shared by hyphenated ids ("suez-crisis" is nearer
    "suez-1956" than "cuban-missile-crisis"), most for a shared first word."""
    ours = set(re.split(r"[-_\s]+", word))
    theirs = re.split(r"[-_\s]+", candidate)
    shared = [token for token in theirs if token in ours and len(token) > 2]
    first = 0.15 if theirs[0] in ours and len(theirs[0]) > 2 else 0.0
    return difflib.SequenceMatcher(None, word, candidate).ratio() + 0.25 * len(shared) + first


def closest(word: str, candidates: list[str]) -> str:
    """A hint naming the closest candidate, or listing a few when none is close."""
    best = max(candidates, key=lambda candidate: similarity(word, candidate), default=None)
    if best is not None and similarity(word, best) >= 0.6:
        return f"did you mean {best!r}?"
    shown = ", ".join(sorted(candidates)[:8])
    return f"known: {shown}" + (", …" if len(candidates) > 8 else "") if candidates else "none are defined yet"


class EntryError(Exception):
    """A mistake found in an editor's input: what is wrong, and how to fix it; raised or collected, then warned."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem, self.fix = problem, fix
