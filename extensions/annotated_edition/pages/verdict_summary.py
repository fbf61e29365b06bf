"""``{verdict-summary}``: at the top of an essay, what its notes found, before the essay itself.

The counts are words and symbols (never colour alone); each links to the register, filtered to this
essay and that verdict (the register's script reads ``?verdict=``; without it the link still lands on
the essay's list).  Below them stand the essay's most consequential findings, each linked to its note:
the notes the editors flagged ``:key:``, or, where none is flagged, the notes of the gravest verdicts
(lowest rating), in the order of the essay.  Counted when the page is written, from the domain's
records of this essay.
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
from ..core.i18n import _, language
from ..core.records import NoteRecord
from ..notes.output import body_anchor as note_anchor
from ..notes.output import lemma
from .register import essay_anchor, register_page

MOST_FINDINGS = 5  # flagged notes shown at most
FALLBACK_FINDINGS = 3  # notes of the gravest verdicts shown when none is flagged


class summary_placeholder(nodes.General, nodes.Element):
    """Replaced by the summary when the page is written."""


def in_a_sentence(label: str, config: object) -> str:
    """A verdict's label within a sentence: lower case in English ("2 accurate"); as written in languages that
    capitalise nouns, or whose labels an edition wrote ("2 Im Text")."""
    return label.lower() if language(config).split("-")[0] == "en" else label


class VerdictSummaryDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        return [summary_placeholder(docname=self.env.docname)]  # in print every page is written as the root


def key_findings(notes: list[NoteRecord], verdicts: dict[str, dict]) -> list[NoteRecord]:
    """The flagged notes (at most five); else the three of the lowest rating below the top, in essay order."""
    flagged = [note for note in notes if note.key]
    if flagged:
        return flagged[:MOST_FINDINGS]
    top = max((entry.get("rating", 0) for entry in verdicts.values()), default=0)
    graded = [note for note in notes if verdicts.get(note.verdict, {}).get("rating", top) < top]
    gravest = sorted(graded, key=lambda note: (verdicts[note.verdict]["rating"], note.number))[:FALLBACK_FINDINGS]
    return sorted(gravest, key=lambda note: note.number)


class FillVerdictSummary(FillPlaceholders):
    placeholder = summary_placeholder

    def fill(self, placeholder: nodes.Element) -> nodes.Node:
        """The notes of the page the summary stands on (in print, not the page being written: the whole book)."""
        essay = placeholder["docname"]
        notes = get_domain(self.env).notes(essay)
        box = nodes.container(classes=["edition-verdict-summary"])
        box += nodes.rubric(text=_("What the notes found"))
        box += self.counts(essay, Counter(note.verdict for note in notes))
        findings = key_findings(notes, self.config.edition_verdicts)
        if findings:
            box += nodes.paragraph(text=_("The most consequential:"), classes=["edition-findings-lead"])
            box += self.findings(findings)
        return box

    def counts(self, essay: str, counts: Counter) -> nodes.paragraph:
        builder = writing_builder(self.env)
        register = register_page(self.env)
        para = nodes.paragraph(text=_("%(count)d claims checked: ") % {"count": sum(counts.values())})
        shown = [(name, entry) for name, entry in self.config.edition_verdicts.items() if counts[name]]
        for i, (name, entry) in enumerate(shown):
            para += nodes.Text("; " if i else "")
            words = [
                nodes.inline(text=f"{entry['symbol']} ", classes=["edition-verdict-symbol"]),
                nodes.Text(f"{counts[name]} {in_a_sentence(entry['label'], self.config)}"),
            ]
            if register and builder.format == "html":
                query = urlencode({"verdict": name})
                uri = address(self.env, register, essay_anchor(essay), query)
                para += nodes.reference("", "", *words, internal=True, refuri=uri, classes=[f"edition-verdict-{name}"])
            else:
                para.extend(words)
        para += nodes.Text(".")
        return para

    def findings(self, findings: list[NoteRecord]) -> nodes.bullet_list:
        """One line a finding: verdict (symbol and word), the claim's lemma linked to its note, its ¶."""
        builder = writing_builder(self.env)
        html = builder.format == "html"
        target = note_anchor if builder.name != "epub" else (lambda note_id: note_id)  # EPUB notes are asides
        items = nodes.bullet_list(classes=["edition-findings"])
        for note in findings:
            entry = self.config.edition_verdicts[note.verdict]
            para = nodes.paragraph()
            para += nodes.inline(
                text=f"{entry['symbol']} {entry['label']}",
                classes=["edition-verdict-badge", f"edition-verdict-{note.verdict}"],
            )
            para += nodes.Text(" ")
            claim = nodes.Text(f"“{lemma(note.quote)}”")
            if html:
                para += nodes.reference(
                    "", "", claim, internal=True, refuri=f"#{target(note.id)}", classes=["edition-finding-link"]
                )
            else:  # print and EPUB: the note's number says where to look
                para += claim
            para += nodes.Text(
                " " + _("(¶%(paragraph)d, note %(number)d)") % {"paragraph": note.paragraph, "number": note.number}
            )
            items += nodes.list_item("", para)
        return items


def setup_verdict_summary(app: Sphinx) -> None:
    app.add_node(summary_placeholder)
    app.add_directive("verdict-summary", VerdictSummaryDirective)
    app.add_post_transform(FillVerdictSummary)
