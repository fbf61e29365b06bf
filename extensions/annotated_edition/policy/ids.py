"""The edition's own anchor namespaces, which no editor's target or snapshot address may take.

The build makes anchors of its own: ``p<N>`` for essay paragraphs, ``note-<N>`` for old note numbers,
``claim-…`` and ``ref-…`` for ClaimReview and references, ``cite-…`` for works cited, ``event-…``,
``person-…`` and ``correction-…`` for registers and the log, ``edition-…`` for generated boxes.  An
editor's ``(claim-1)=`` would make two elements with one id, and a link would land on the wrong one.
"""

from __future__ import annotations

import re

PARAGRAPH = re.compile(r"p\d+")
RESERVED = re.compile(r"p\d+|note-\d+|(?:claim|ref|cite|event|person|correction|edition)-.*")


def reserved(anchor: str) -> bool:
    return bool(RESERVED.fullmatch(anchor.lower()))
