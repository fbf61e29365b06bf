"""The fidelity check: the reading text of an essay document equals its witness minus paratext.

Runs as the last transform of every read document (after smartquotes and after the notes have
marked their claims), so it checks exactly what will be written.  Only whitespace is normalised.
Differences are aligned paragraph by paragraph, so a dropped or merged paragraph is reported once,
where it happened, instead of as a cascade of mismatches.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..core import priorities
from ..core.domain import get_domain
from ..core.messages import warn
from ..core.records import FidelityRecord
from .essay import WITNESS_KEY, essay_paragraphs, witnesses
from .manifest import LineRange, Witness, WitnessParagraph, normalise
from .nodes import Editorial, paratext_block

FIX = "restore the witness's words exactly (sources/ is the reference); editorial additions belong in directives or subsections."


def reading_text(node: nodes.Node) -> str:
    """The essay words in *node*: its text minus everything the editors added."""
    if isinstance(node, Editorial):
        return ""
    if isinstance(node, nodes.Text):
        return str(node)
    return "".join(reading_text(child) for child in node.children)


def first_difference(witness: str, edition: str) -> str:
    """Describe where two texts first differ, in words, with a little context."""
    w_words, e_words = witness.split(), edition.split()
    index = next(
        (i for i, (a, b) in enumerate(zip(w_words, e_words, strict=False)) if a != b), min(len(w_words), len(e_words))
    )
    start = max(0, index - 3)

    def excerpt(words: list[str]) -> str:
        shown = " ".join(words[start : index + 4])
        return f"“{shown}”" if shown else "nothing"

    return f"at word {index + 1} the witness has {excerpt(w_words)} but the edition has {excerpt(e_words)}"


class CheckFidelity(SphinxTransform):
    default_priority = priorities.FIDELITY

    def apply(self) -> None:
        for box in self.document.findall(nodes.container):
            witness = witnesses(self.env).get(box.get(WITNESS_KEY, ""))
            if witness is not None:
                self.check(box, witness)

    def check(self, box: nodes.container, witness: Witness) -> None:
        edited = essay_paragraphs(box)
        texts = [normalise(reading_text(p)) for p in edited]
        source = [p.text for p in witness.paragraphs]
        matcher = difflib.SequenceMatcher(a=source, b=texts, autojunk=False)
        faithful = all(tag == "equal" for tag, *_ in matcher.get_opcodes())
        domain = get_domain(self.env)
        if (
            domain.essay(self.env.docname) is not None
        ):  # the exports anchor notes on the witness only when the text is its
            domain.add("fidelity", self.env.docname, FidelityRecord(faithful))
        for tag, w1, w2, e1, e2 in matcher.get_opcodes():
            if tag == "equal":
                self.check_lines(witness, witness.paragraphs[w1:w2], edited[e1:e2])
                continue
            if tag == "replace" and w2 - w1 == e2 - e1:
                for offset in range(w2 - w1):
                    self.report(
                        witness,
                        witness.paragraphs[w1 + offset],
                        edited[e1 + offset],
                        first_difference(source[w1 + offset], texts[e1 + offset]),
                    )
            elif tag == "delete":
                missing = witness.paragraphs[w1]
                anchor = edited[e1] if e1 < len(edited) else box
                warn(
                    "fidelity",
                    f"{self.name(witness)}: witness paragraph {missing.number} (line {missing.line}, "
                    f"“{' '.join(missing.text.split()[:8])} …”) is missing from the edition"
                    + (f" ({w2 - w1} paragraphs)" if w2 - w1 > 1 else "")
                    + ".",
                    FIX,
                    anchor,
                )
            elif tag == "insert":
                warn("fidelity", f"{self.name(witness)}: edition ¶{e1 + 1} is not in the witness.", FIX, edited[e1])
            else:
                lines = ", ".join(str(p.line) for p in witness.paragraphs[w1:w2])
                self.report(
                    witness,
                    witness.paragraphs[w1],
                    edited[e1],
                    f"edition ¶{e1 + 1}–{e2} do not match witness paragraphs on lines {lines} "
                    f"(paragraphs merged or split?); "
                    + first_difference(" ".join(source[w1:w2]), " ".join(texts[e1:e2])),
                )
        self.check_title(box, witness)
        self.check_paratext(box, witness)

    def check_lines(self, witness: Witness, expected: list[WitnessParagraph], edited: list[nodes.paragraph]) -> None:
        """An essay paragraph's lines in the source file are the witness's lines, byte for byte: links and
        notes stand apart ({mentions}, {factcheck}), so any change to an essay line is a fidelity problem."""
        source = self.document.get("source") or str(self.env.doc2path(self.env.docname))
        lines = Path(source).read_text(encoding="utf-8", errors="replace").split("\n")
        for paragraph, para in zip(expected, edited, strict=True):
            count = next(
                k
                for k in range(1, len(witness.lines) - paragraph.line + 2)
                if normalise(" ".join(witness.lines[paragraph.line - 1 : paragraph.line - 1 + k])) == paragraph.text
            )
            want = list(witness.lines[paragraph.line - 1 : paragraph.line - 1 + count])
            have = lines[para.line - 1 : para.line - 1 + count] if para.line else []
            if have != want:
                warn(
                    "fidelity",
                    f"{self.name(witness)}: the line of ¶{para['edition-paragraph']} in this file is not witness line "
                    f"{paragraph.line} as it stands (a role, a note marker or an edit inside an essay line).",
                    "copy the line back from the witness; link essay words with a {mentions} block after the "
                    "paragraph, never inside it.",
                    para,
                )

    def name(self, witness: Witness) -> str:
        return f"fidelity to {witness.path.name}"

    def report(self, witness: Witness, expected: WitnessParagraph, para: nodes.paragraph, detail: str) -> None:
        number = para.get("edition-paragraph", "?")
        warn(
            "fidelity",
            f"{self.name(witness)}: ¶{number} differs from witness line {expected.line}: {detail}.",
            FIX,
            para,
        )

    def check_title(self, box: nodes.container, witness: Witness) -> None:
        if witness.title_line is None:
            return
        expected = normalise(witness.lines[witness.title_line - 1])
        title = box.parent.next_node(nodes.title)
        actual = normalise(title.astext()) if title else ""
        if actual != expected:
            warn(
                "fidelity",
                f"{self.name(witness)}: the essay's heading is “{actual}” but witness line "
                f"{witness.title_line} is its title “{expected}”.",
                "use the witness's title as the heading.",
                title or box,
            )

    def check_paratext(self, box: nodes.container, witness: Witness) -> None:
        """Every recorded paratext range is shown, once, after the right essay paragraph."""
        seen: dict[str, int] = {}
        count = 0
        for child in box.parent.children:
            if type(child) is nodes.paragraph:
                count += 1
            elif isinstance(child, paratext_block):
                rng = LineRange.parse(child["lines"])
                expected = sum(1 for p in witness.paragraphs if p.line < rng.first)
                if child["lines"] in seen:
                    warn(
                        "paratext", f"paratext lines {rng} are shown twice.", "remove one {paratext} directive.", child
                    )
                elif count != expected:
                    warn(
                        "paratext",
                        f"paratext lines {rng} stand after ¶{count} here but after ¶{expected} in the witness.",
                        f"move the {{paratext}} directive to just after ¶{expected}.",
                        child,
                    )
                seen[child["lines"]] = count
        for paratext in witness.paratext:
            if str(paratext.lines) not in seen:
                after = sum(1 for p in witness.paragraphs if p.line < paratext.lines.first)
                warn(
                    "paratext",
                    f"paratext lines {paratext.lines} ({paratext.kind}) of {witness.path.name} are not shown; "
                    "paratext is kept on record, never dropped.",
                    f"add ```{{paratext}} {paratext.lines.first}-{paratext.lines.last}``` after ¶{after} (directly in the essay's section).",
                    box,
                )


def setup_fidelity(app: Sphinx) -> None:
    app.add_transform(CheckFidelity)
