"""Offsets in a witness file: where a paragraph's words stand, in code points from the file's start.

Notes and mentions record their place as offsets in a paragraph's whitespace-normalised text (the text
the fidelity check compares); this maps them onto the witness file as published, so a Web Annotation's
``TextPositionSelector`` slices the file to exactly the quoted words.
"""

from __future__ import annotations

from ..notes.anchoring import normalised_index
from ..witnesses.manifest import Witness, normalise


class WitnessText:
    def __init__(self, witness: Witness) -> None:
        self.text = "\n".join(witness.lines)  # the file, decoded: lines were split on "\n"
        starts, at = [], 0
        for line in witness.lines:
            starts.append(at)
            at += len(line) + 1
        self.paragraphs: dict[int, tuple[int, str, list[int]]] = {}
        for paragraph in witness.paragraphs:
            count = next(
                k
                for k in range(1, len(witness.lines) + 1)
                if normalise(" ".join(witness.lines[paragraph.line - 1 : paragraph.line - 1 + k])) == paragraph.text
            )
            raw = "\n".join(witness.lines[paragraph.line - 1 : paragraph.line - 1 + count])
            norm, index = normalised_index(raw)
            self.paragraphs[paragraph.number] = (starts[paragraph.line - 1], raw, index)

    def raw(self, paragraph: int) -> str:
        """The paragraph as the file has it."""
        return self.paragraphs[paragraph][1]

    def local(self, paragraph: int, span: tuple[int, int]) -> tuple[int, int]:
        """A normalised span as offsets within the paragraph's raw text."""
        _, _, index = self.paragraphs[paragraph]
        return index[span[0]], index[span[1] - 1] + 1

    def position(self, paragraph: int, span: tuple[int, int]) -> tuple[int, int]:
        """A normalised span as (start, end) code-point offsets in the whole file."""
        first = self.paragraphs[paragraph][0]
        start, end = self.local(paragraph, span)
        return first + start, first + end

    def quote(self, start: int, end: int, reach: int = 32) -> dict[str, str]:
        """``exact`` with enough ``prefix`` and ``suffix`` to occur exactly once in the file."""
        exact = self.text[start:end]
        while True:
            prefix, suffix = self.text[max(0, start - reach) : start], self.text[end : end + reach]
            if self.text.count(prefix + exact + suffix) == 1 or reach > len(self.text):
                return {"exact": exact, "prefix": prefix, "suffix": suffix}
            reach *= 2
