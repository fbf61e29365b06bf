"""Every message the extension can give an editor, walked through one by one.

Each case breaks the tiny test edition in one way and checks the message: it names the file (and the
line, where there is one), says what is wrong, says how to fix it ("Fix: …"), comes without a
traceback, and is the only edition warning the mistake causes (no cascade).  A last test reads the
extension's source and fails if a ``warn(…)`` call or an ``EntryError`` has no case here, so a new
message cannot be added without being walked through.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from test_corrections import READINGS, SNAPSHOT
from test_fidelity import replace
from test_hostile import HOSTILE

from annotated_edition.verdicts.vocabulary import DEFAULT_VERDICTS
from conftest import REPO

ESSAY, EVENTS, PEOPLE, BIB, MANIFEST = (
    "docs/essay.md",
    "docs/events.md",
    "docs/people.md",
    "bib/refs.bib",
    "sources/manifest.toml",
)
SOURCE = REPO / "extensions" / "annotated_edition"


def append(text: str) -> Callable[[str], str]:
    return lambda old: old + text


@dataclass(frozen=True)
class Case:
    site: tuple[str, str]  # (module, words of the call in its source) that gives the message
    edits: dict[str, Callable[[str], str]]
    problem: str  # what the message must say is wrong
    fix: str  # and part of how to fix it
    where: str = r"essay\.md:\d+"  # the location it must name
    conf: dict = field(default_factory=dict)
    alone: bool = True  # False where later checks rightly report what the refused input left behind


NOTE = "```{factcheck} The third paragraph\n:verdict: accurate\n\nIt is {cite:p}`luthi2008`.\n```\n"
THIRD = "The third paragraph ends the essay.\n"
RELEASED = {"docs/releases/0.1.json": lambda _: json.dumps(SNAPSHOT)}
AGREEMENT = {
    "docs/readings.csv": lambda _: READINGS,
    "docs/agreement.md": lambda _: "---\norphan: true\n---\n# Agreement\n\n```{verdict-agreement} readings.csv\n```\n",
}
CASES: dict[str, Case] = {
    # notes
    "missing-verdict": Case(
        ("notes/directives.py", "fact-check without a verdict"),
        {ESSAY: replace(":verdict: accurate\n:label", ":label")},
        "fact-check without a verdict",
        "add `:verdict:` with one of",
    ),
    "unknown-verdict": Case(
        ("notes/directives.py", "unknown verdict"),
        {ESSAY: replace(":verdict: accurate\n:label", ":verdict: acurate\n:label")},
        "unknown verdict 'acurate'",
        "did you mean 'accurate'",
    ),
    "label-not-slug": Case(
        ("notes/directives.py", "is not a lowercase slug"),
        {ESSAY: replace(":label: mao-stalin", ":label: Mao Stalin")},
        "label 'Mao Stalin' is not a lowercase slug",
        "use letters, digits and hyphens",
    ),
    "label-reserved": Case(
        ("notes/directives.py", "is reserved"),
        {ESSAY: replace(":label: mao-stalin", ":label: p3")},
        "label 'p3' is reserved",
        "choose a descriptive label",
    ),
    "no-citation": Case(
        ("notes/directives.py", "fact-check without a citation"),
        {ESSAY: replace("<treaty-1950>` {cite:p}`luthi2008`.", "<treaty-1950>`.")},
        "fact-check without a citation",
        "cite at least one source",
    ),
    "unknown-key": Case(
        ("bibliography/checks.py", "unknown citation key"),
        {ESSAY: replace("{cite:p}`luthi2008`", "{cite:p}`luthi2009`")},
        "unknown citation key 'luthi2009'",
        "did you mean 'luthi2008'",
    ),
    "raw-html": Case(
        ("policy/rules.py", "raw HTML or a `raw` directive is not allowed"),
        {ESSAY: replace("{cite:p}`luthi2008`.", "{cite:p}`luthi2008`.\n\n<script>alert(1)</script>")},
        "raw HTML or a `raw` directive is not allowed",
        "write plain MyST",
    ),
    "sic-without-reading": Case(
        ("notes/directives.py", "{sic} without a reading"),
        {ESSAY: replace(":reading: paragraph naming\n", "")},
        "{sic} without a reading",
        "add `:reading:`",
    ),
    # anchoring
    "not-after-paragraph": Case(
        ("notes/anchoring.py", "a note must come right after"),
        {
            ESSAY: replace(
                "An editorial paragraph in a subsection is not essay text.",
                "```{factcheck} text\n:verdict: accurate\n\nX {cite:p}`luthi2008`.\n```",
            )
        },
        "a note must come right after the essay paragraph",
        "move it below",
    ),
    "quote-not-found": Case(
        ("notes/anchoring.py", "is not in the paragraph before the note"),
        {ESSAY: replace("{factcheck} names Mao and Stalin", "{factcheck} names Mao and Lenin")},
        "the quote “names Mao and Lenin” is not in the paragraph",
        "closest passage",
    ),
    "ambiguous-quote": Case(
        ("notes/anchoring.py", "times in"),
        {ESSAY: replace(THIRD, THIRD + "\n" + NOTE.replace("The third paragraph", "e"))},
        "occurs",
        ":occurrence: N",
    ),
    "occurrence-too-high": Case(
        ("notes/anchoring.py", ":occurrence: {occurrence} but"),
        {ESSAY: replace(THIRD, THIRD + "\n" + NOTE.replace(":verdict:", ":occurrence: 3\n:verdict:"))},
        ":occurrence: 3 but “The third paragraph” occurs 1 time(s)",
        "use a number from 1 to 1",
    ),
    "duplicate-label-in-page": Case(
        ("notes/anchoring.py", "is used twice in this document"),
        {ESSAY: replace(":verdict: imprecise\n", ":verdict: imprecise\n:label: mao-stalin\n")},
        "the label 'mao-stalin' is used twice in this document: the note at line 16, its first use, has it",
        "give this note a label of its own",
    ),
    "duplicate-address": Case(
        ("notes/anchoring.py", "is already taken in this document"),
        {
            ESSAY: replace(
                "```{sic}",
                "```{factcheck} Stalin in 1950.\n:verdict: accurate\n\nYes {cite:p}`luthi2008`.\n```\n\n```{sic}",
            )
        },
        "this note's address #stalin-in-1950 (the first words of its quote) is already taken",
        "give the note a `:label:` of its own",
    ),
    # release snapshots and the corrections log
    "snapshot-unreadable": Case(
        ("verdicts/releases.py", "not readable: {err.problem}"),
        {"docs/releases/0.1.json": lambda _: "{not json"},
        "the release snapshot is not readable",
        "restore it from git",
        where=r"releases/0\.1\.json",
    ),
    "corrections-not-toml": Case(
        ("verdicts/corrections.py", 'warn("correction", err.problem, err.fix'),
        {**RELEASED, "docs/corrections.toml": lambda _: "[[correction]\n"},
        "corrections.toml is not valid TOML",
        "fix the syntax",
        where=r"corrections\.toml",
    ),
    "correction-entry": Case(
        ("verdicts/corrections.py", "correction {number}:"),
        {
            **RELEASED,
            "docs/corrections.toml": lambda _: (
                '[[correction]]\ndate = "2026-01-02"\nessay = "essay"\nnote = 7\nchange = "text"\nwhy = "x"\n'
            ),
        },
        "correction 1: release 0.1 has no note 7 in 'essay'",
        "see the comments at the top of corrections.toml",
        where=r"corrections\.toml:4",  # the line of `note`
    ),
    "correction-unlogged-removal": Case(
        ("verdicts/corrections.py", "is gone, but the corrections log"),
        {
            **RELEASED,
            ESSAY: replace(
                "```{factcheck} Stalin in 1950\n:verdict: imprecise\n\nOverlaps the first claim {cite:p}`radchenko2009`; see {person}`luthi`.\n```\n",
                "",
            ),
        },
        "the note on “Stalin in 1950” (note 2 of ¶2 in release 0.1, #stalin-in-1950) is gone",
        'change = "removed"',
    ),
    "correction-unlogged-verdict": Case(
        ("verdicts/corrections.py", "this note's verdict was"),
        {**RELEASED, ESSAY: replace(":verdict: imprecise", ":verdict: inaccurate")},
        "this note's verdict was imprecise in release 0.1 and is now inaccurate",
        'change = "verdict", was = "imprecise", now = "inaccurate"',
    ),
    "coverage": Case(
        ("verdicts/coverage.py", "), which no work it \""),
        {
            BIB: replace("coverage = {1949/1966}", "coverage = {1956/1966}"),
            ESSAY: replace("<treaty-1950>` {cite:p}`luthi2008`.", "<treaty-1950>`. So says {cite:t}`luthi2008`."),
        },
        "the note links the event treaty-1950 (14 February 1950), which no work it cites covers",
        "cite a work whose coverage includes the event",
    ),
    "coverage-statement": Case(
        ("verdicts/coverage.py", "which no work cited in it"),
        {BIB: replace("coverage = {1949/1966}", "coverage = {1956/1966}")},
        "names 1950, the event treaty-1950 (14 February 1950), which no work cited in it covers: luthi2008 (1956/1966)",
        "cite a work whose coverage includes what the sentence names",
    ),
    "locator": Case(
        ("bibliography/locators.py", "is not one the edition reads"),
        {ESSAY: replace("{cite:p}`luthi2008`.", "{cite:p}`{see}luthi2008{page 12}`.")},
        "the locator 'page 12' of the citation of luthi2008 is not one the edition reads",
        "`pp. 112–15`",
        where=r"essay\.md:20",
    ),
    "locator-as-pre-text": Case(
        ("bibliography/locators.py", "where only words such as"),
        {ESSAY: replace("{cite:p}`luthi2008`.", "{cite:p}`{p. 12}luthi2008`.")},
        "'p. 12' stands before the key luthi2008",
        "luthi2008{p. 12}",
        where=r"essay\.md:20",
    ),
    "coverage-missing": Case(
        ("bibliography/checks.py", 'f"{key}: {problem}"'),
        {BIB: replace(" coverage = {1962/1967},", "")},
        "radchenko2009: the entry lacks `coverage`",
        "EDTF interval",
        where=r"refs\.bib:\d+",
    ),
    "agreement-unreadable": Case(
        ("verdicts/agreement.py", "cannot read the second readings"),
        {**AGREEMENT, "docs/readings.csv": lambda _: "note,verdict\n"},
        "cannot read the second readings readings.csv (the columns must be",
        "give a CSV file with the columns",
        where=r"agreement\.md:\d+",
    ),
    "agreement-row": Case(
        ("verdicts/agreement.py", "problem, fix, at(path, r.line)"),
        {
            **AGREEMENT,
            "docs/readings.csv": lambda text: READINGS.replace(
                "accurate,accurate,accurate", "accurate,accurate,acurate"
            ),
        },
        "'acurate' is not a verdict",
        "use one of accurate",
        where=r"readings\.csv:2",
    ),
    "agreement-missing-row": Case(
        ("verdicts/agreement.py", "is provisional: it has no second reading"),
        {**AGREEMENT, "docs/readings.csv": lambda text: READINGS.rsplit("essay,stalin", 1)[0]},
        "the note #stalin-in-1950 is provisional: it has no second reading",
        "add its row to readings.csv",
        conf={"edition_release_check": True},  # `make release-check`; a preview shows the note as provisional
    ),
    "adjacent-citations": Case(
        ("notes/citation_groups.py", "stand side by side"),
        {
            ESSAY: replace(
                "<treaty-1950>` {cite:p}`luthi2008`.", "<treaty-1950>` {cite:p}`luthi2008`; {cite:p}`radchenko2009`."
            )
        },
        "two parenthetical citations stand side by side (luthi2008 and radchenko2009)",
        "cite them in one role: {cite:p}`luthi2008,radchenko2009`",
    ),
    "mention-not-a-mention": Case(
        ("notes/mentions.py", "is not a mention"),
        {ESSAY: replace(THIRD, THIRD + "\n```{mentions}\nthe third paragraph\n```\n")},
        "'the third paragraph' is not a mention",
        "write one a line: {event}`essay words <event-id>`",
    ),
    "mention-into-a-link": Case(
        ("notes/mentions.py", "run into a link already"),
        {
            ESSAY: replace(
                "The second paragraph names Mao and Stalin in 1950.\n",
                "The second paragraph names Mao and Stalin in 1950.\n\n```{mentions}\n{event}`Mao and Stalin <treaty-1950>`\n"
                "{person}`Stalin in 1950 <luthi>`\n```\n",
            )
        },
        "the words “Mao and Stalin” run into a link already in the paragraph",
        "mention words that stand in plain essay text",
    ),
    "essay-line-changed": Case(
        ("witnesses/fidelity.py", "in this file is not witness line"),
        {ESSAY: replace("Mao and Stalin in 1950.\n", "{event}`Mao and Stalin <treaty-1950>` in 1950.\n")},
        "the line of ¶2 in this file is not witness line 7",
        "link essay words with a {mentions} block",
    ),
    "wikidata-form": Case(
        ("registries/base.py", "which is not of the form Q123"),
        {EVENTS: replace(":place: Moscow\n", ":place: Moscow\n:wikidata: wd:Q1\n")},
        "event 'treaty-1950' has the Wikidata id 'wd:Q1', which is not of the form Q123",
        "never guess one",
        where=r"events\.md:\d+",
        alone=False,
    ),
    "notes-out-of-order": Case(
        ("notes/anchoring.py", "follow the order of their quotes"),
        {
            ESSAY: replace(
                "```{sic} paragraph names",
                "```{factcheck} The second paragraph\n:verdict: accurate\n\nIt is {cite:p}`luthi2008`.\n```\n\n```{sic} paragraph names",
            )
        },
        "this note's quote comes earlier in ¶2 than the quote of the note at line 23",
        "move this note above the note at line 23",
    ),
    "events-out-of-order": Case(
        ("registries/event_order.py", "but the registry is in date order"),
        {
            EVENTS: append(
                "\n```{event} stalin-death\n:date: 1953-03-05\n:title: Death of Stalin\n\nHe died {cite:p}`luthi2008`.\n```\n"
            )
        },
        "event 'stalin-death' (1953-03-05) stands after 'split' (1960-07/1963-07), but the registry is in date order",
        "move it above 'split' (line 11)",
        where=r"events\.md:\d+",
    ),
    "event-under-wrong-heading": Case(
        ("registries/event_order.py", "which does not cover its date"),
        {EVENTS: replace("```{event} split", "## 1950\n\n```{event} split")},
        "event 'split' (1960-07/1963-07) stands under the heading “1950”",
        "move it under the heading whose years include its start",
        where=r"events\.md:\d+",
    ),
    "label-is-a-heading": Case(
        ("notes/anchoring.py", "is used twice in this document"),
        {ESSAY: replace(":label: mao-stalin", ":label: editors-section")},
        "the label 'editors-section' is used twice in this document: the heading “Editors’ section” at line",
        "give this note a label of its own",
    ),
    "duplicate-label-in-edition": Case(
        ("pages/register.py", "is also used in"),
        {
            "docs/essay2.md": append(
                "---\norphan: true\n---\n# A Short Essay\n\n```{witness} tiny\n```\n\n"
                "```{paratext} 3\n```\n\nThe first paragraph’s words, with a straight 'quote' kept.\n\n"
                "The second paragraph names Mao and Stalin in 1950.\n\n"
                "```{factcheck} names Mao\n:verdict: accurate\n:label: mao-stalin\n\n"
                "X {cite:p}`luthi2008`.\n```\n\n" + THIRD
            )
        },
        "the label 'mao-stalin' is also used in",
        "labels are unique across the edition",
        where=r"essay2?\.md:\d+",
    ),
    # witnesses and paratext
    "manifest-invalid": Case(
        ("witnesses/essay.py", "the witness manifest is not valid"),
        {MANIFEST: replace('paragraphs = "blank-line"', 'paragraphs = "blank lines"')},
        "the witness manifest is not valid",
        "see the manifest format in the extension's guide",
        where=r"manifest\.toml",
        alone=False,
    ),
    "unknown-witness": Case(
        ("witnesses/essay.py", "unknown witness"),
        {ESSAY: replace("{witness} tiny", "{witness} tinny")},
        "unknown witness 'tinny'",
        "did you mean 'tiny'",
        alone=False,
    ),
    "second-witness": Case(
        ("witnesses/essay.py", "only one witness"),
        {ESSAY: replace("```{cite-this}", "```{witness} tiny\n```\n\n```{cite-this}")},
        "a document can reproduce only one witness",
        "remove the second {witness}",
    ),
    "paratext-outside-essay": Case(
        ("witnesses/essay.py", "{paratext} outside an essay"),
        {EVENTS: append("\n```{paratext} 3\n```\n")},
        "{paratext} outside an essay document",
        "put a {witness} directive before it",
        where=r"events\.md:\d+",
    ),
    "paratext-bad-range": Case(
        ("witnesses/essay.py", '"paratext", f"{err}."'),
        {ESSAY: replace("{paratext} 3", "{paratext} 3-x")},
        "'3-x' is not a line range",
        "give the range exactly as in the manifest",
        alone=False,
    ),
    "paratext-unrecorded": Case(
        ("witnesses/essay.py", "are not a recorded paratext range"),
        {ESSAY: replace("{paratext} 3", "{paratext} 2")},
        "lines 2 are not a recorded paratext range",
        "use one of the manifest's ranges",
        alone=False,
    ),
    "anchor-taken": Case(
        ("witnesses/essay.py", "is already used in this document"),
        {ESSAY: replace("An editorial paragraph", "(p1)=\nAn editorial paragraph")},
        "the anchor 'p1' is already used",
        "rename the label",
    ),
    # fidelity
    "paragraph-missing": Case(
        ("witnesses/fidelity.py", "witness paragraph {missing.number}"),
        {ESSAY: replace(THIRD, "")},
        "witness paragraph 3 (line 9",
        "restore the witness's words exactly",
    ),
    "paragraph-extra": Case(
        ("witnesses/fidelity.py", "is not in the witness"),
        {ESSAY: replace(THIRD, THIRD + "\nAn extra one.\n")},
        "edition ¶4 is not in the witness",
        "editorial additions belong in directives",
    ),
    "paragraph-differs": Case(
        ("witnesses/fidelity.py", "differs from witness line"),
        {ESSAY: replace("paragraph’s words, with", "paragraph’s word, with")},
        "¶1 differs from witness line 5: at word 4 the witness has “The first paragraph’s words",
        "restore the witness's words exactly",
    ),
    "heading-differs": Case(
        ("witnesses/fidelity.py", "the essay's heading is"),
        {ESSAY: replace("# A Short Essay", "# A Shorter Essay")},
        "the essay's heading is “A Shorter Essay”",
        "use the witness's title",
    ),
    "paratext-twice": Case(
        ("witnesses/fidelity.py", "are shown twice"),
        {ESSAY: replace("```{paratext} 3\n```\n", "```{paratext} 3\n```\n\n```{paratext} 3\n```\n")},
        "paratext lines 3 are shown twice",
        "remove one {paratext} directive",
    ),
    "paratext-moved": Case(
        ("witnesses/fidelity.py", "stand after"),
        {
            ESSAY: replace(
                "```{paratext} 3\n```\n\nThe first paragraph’s words, with a straight 'quote' kept.\n",
                "The first paragraph’s words, with a straight 'quote' kept.\n\n```{paratext} 3\n```\n",
            )
        },
        "stand after ¶1 here but after ¶0 in the witness",
        "move the {paratext} directive",
    ),
    "paratext-dropped": Case(
        ("witnesses/fidelity.py", "are not shown"),
        {ESSAY: replace("```{paratext} 3\n```\n", "")},
        "paratext lines 3 (advertising) of witness.txt are not shown",
        "add ```{paratext} 3-3``` after ¶0",
    ),
    # registries: events and people
    "id-not-slug": Case(
        ("registries/base.py", "is not a lowercase slug"),
        {EVENTS: replace("{event} split", "{event} The_Split")},
        "event id 'The_Split' is not a lowercase slug",
        "use letters, digits and hyphens",
        where=r"events\.md:\d+",
    ),
    "event-no-title": Case(
        ("registries/events.py", "has no title"),
        {EVENTS: replace(":title: The split\n", "")},
        "event 'split' has no title",
        "add `:title:",
        where=r"events\.md:\d+",
    ),
    "event-bad-date": Case(
        ("registries/events.py", "which is not an EDTF date"),
        {EVENTS: replace(":date: 1950-02-14", ":date: c. 1950")},
        "has the date 'c. 1950', which is not an EDTF date",
        "1958-08-23/1958-10-06",
        where=r"events\.md:\d+",
    ),
    "event-date-in-words": Case(
        ("registries/events.py", "which is written in words"),
        {EVENTS: replace(":date: 1950-02-14", ":date: 14 Feb 1950")},
        "has the date '14 Feb 1950', which is written in words, not in EDTF",
        "write it as 1950-02-14",
        where=r"events\.md:\d+",
    ),
    "event-no-citation": Case(
        ("registries/base.py", "cites no source"),
        {EVENTS: replace(" {cite:p}`radchenko2009`", "")},
        "event 'split' cites no source",
        "cite at least one work",
        where=r"events\.md:\d+",
    ),
    "unknown-event": Case(
        ("core/registry.py", "unknown {registry.role}"),
        {ESSAY: replace("<treaty-1950>", "<treaty-1905>")},
        "unknown event 'treaty-1905'",
        "did you mean 'treaty-1950'",
    ),
    "duplicate-event": Case(
        ("registries/base.py", "is defined twice"),
        {EVENTS: replace("{event} split", "{event} treaty-1950")},
        "event id 'treaty-1950' is defined twice",
        "rename or remove one",
        where=r"events\.md:\d+",
    ),
    "person-no-name": Case(
        ("registries/people.py", "has no name"),
        {PEOPLE: replace(":name: Lüthi, Lorenz M.\n", "")},
        "person 'luthi' has no name",
        ":name: Surname",
        where=r"people\.md:\d+",
    ),
    "person-attribution": Case(
        ("registries/people.py", "which is not in edition_attributions"),
        {PEOPLE: replace(":attribution: identified", ":attribution: certain")},
        "has the attribution 'certain'",
        "use one of identified, probable",
        where=r"people\.md:\d+",
    ),
    "person-unknown-work": Case(
        ("registries/people.py", "lists the unknown work"),
        {PEOPLE: replace(":works: luthi2008", ":works: luthi2009")},
        "lists the unknown work 'luthi2009'",
        "did you mean 'luthi2008'",
        where=r"people\.md:\d+",
    ),
    "person-no-works": Case(
        ("registries/people.py", "lists no works"),
        {PEOPLE: replace(":works: luthi2008\n", "")},
        "person 'luthi' lists no works",
        ":attribution: unidentified",
        where=r"people\.md:\d+",
    ),
    # bibliography
    "bib-entry": Case(
        ("bibliography/checks.py", 'f"{key}: {problem}"'),
        {BIB: replace("  year      = {2008},", "  year      = {2008},\n  isbn = {0-691-13590-1},")},
        "luthi2008: the ISBN '0-691-13590-1' fails its check digit",
        "copy the ISBN again",
        where=r"refs\.bib:1",
    ),
    "bib-edited-book": Case(
        ("bibliography/checks.py", 'f"{key}: {problem}"'),
        {BIB: replace("  author    = {Lüthi, Lorenz M.},", "  editor    = {Lüthi, Lorenz M.},")},
        "luthi2008: the @book has editors but no author",
        "make an edited volume a @collection",
        where=r"refs\.bib:1",
    ),
    "bib-tex-markup": Case(
        ("bibliography/checks.py", 'f"{key}: {problem}"'),
        {BIB: replace("{Princeton University Press}", "{Princeton A\\\\&M Press}")},
        "luthi2008: the field publisher has the TeX markup `\\\\`",
        "write an ampersand as \\&",
        where=r"refs\.bib:1",
    ),
    "bib-uncited": Case(
        ("bibliography/checks.py", "is cited nowhere"),
        {
            BIB: append(
                "\n@book{unused2000,\n  author = {Nobody, A.},\n  title = {Unused},\n"
                "  publisher = {P},\n  year = {2000},\n  coverage = {2000},\n}\n"
            )
        },
        "unused2000 is cited nowhere",
        "or remove the entry",
        where=r"refs\.bib:17",
    ),
    "bib-name-forms": Case(
        ("bibliography/checks.py", "is written"),
        {
            BIB: replace(
                "@book{radchenko2009,",
                "@book{luthi2010,\n  author = {Lüthi, L. M.},\n  title = {Other},\n"
                "  publisher = {P},\n  year = {2010},\n  coverage = {1962/1967},\n}\n\n@book{radchenko2009,",
            ),
            EVENTS: replace("{cite:p}`radchenko2009`", "{cite:p}`radchenko2009,luthi2010`"),
        },
        "the name 'Lüthi, L. M.' is written 'Lüthi, Lorenz M.' in luthi2008",
        "write each person's name the same way",
        where=r"refs\.bib:\d+",
    ),
    "bib-unsorted": Case(
        ("bibliography/checks.py", "comes after"),
        {
            BIB: lambda text: (
                text[text.index("@book{radchenko2009") :] + "\n" + text[: text.index("@book{radchenko2009")]
            )
        },
        "luthi2008 comes after radchenko2009",
        "move the entry to its place",
        where=r"refs\.bib:\d+",
    ),
    "register-unknown-essay": Case(
        ("pages/register.py", "is not an essay of this edition"),
        {"docs/register-essay.md": replace(":essay: essay", ":essay: esay")},
        "'esay' is not an essay of this edition",
        "did you mean 'essay'",
        where=r"register-essay\.md:\d+",
    ),
    "works-cited-empty": Case(
        ("bibliography/works_cited.py", "no work is cited on this page"),
        {"docs/register.md": append("\n```{works-cited}\n```\n")},
        "no work is cited on this page",
        "remove the {works-cited} directive",
        where=r"register\.md:\d+",
    ),
    # configuration
    "config-verdicts": Case(
        ("verdicts/vocabulary.py", "check_entries(app,"),
        {},
        "edition_verdicts['odd'] lacks symbol, rating, definition",
        "see DEFAULT_VERDICTS",
        where=r"conf\.py",
        conf={
            "edition_verdicts": {
                "accurate": {"label": "A", "symbol": "✓", "rating": 5, "definition": "d"},
                "imprecise": {"label": "I", "symbol": "≈", "rating": 4, "definition": "d"},
                "odd": {"label": "Odd"},
            }
        },
    ),
    "config-entry-lacks": Case(
        ("verdicts/vocabulary.py", "lacks {"),
        {},
        "edition_verdicts['odd'] lacks symbol, rating, definition. Notes using it are refused.",
        "give every entry label, symbol, rating, definition",
        where=r"conf\.py",
        conf={"edition_verdicts": {**DEFAULT_VERDICTS, "odd": {"label": "Odd"}}},
    ),
    "config-entry-name": Case(
        ("verdicts/vocabulary.py", "has the entry name"),
        {},
        "edition_verdicts has the entry name 'Not a slug'",
        "lowercase letters, digits and hyphens",
        where=r"conf\.py",
        conf={"edition_verdicts": {**DEFAULT_VERDICTS, "Not a slug": DEFAULT_VERDICTS["accurate"]}},
    ),
    "config-entry-not-dict": Case(
        ("verdicts/vocabulary.py", "not a dict"),
        {},
        "edition_verdicts['accurate'] is 'yes', not a dict. The default entry is used instead.",
        "give it the keys label, symbol, rating, definition",
        where=r"conf\.py",
        conf={"edition_verdicts": {**DEFAULT_VERDICTS, "accurate": "yes"}},
    ),
    "config-correction-link": Case(
        ("notes/actions.py", "not a place to send corrections"),
        {},
        "edition_correction_link is 'jira', which is not a place to send corrections",
        'write "github" or "gitlab"',
        where=r"conf\.py",
        conf={"edition_correction_link": "jira"},
    ),
    "bib-no-bibliography-page": Case(
        ("bibliography/checks.py", "but no {{bibliography}} lists it"),
        {"docs/bibliography.md": lambda _: "# Bibliography\n\nNo directive here.\n"},
        "'luthi2008' is cited, but no {bibliography} lists it",
        "add a page with a {bibliography} directive",
        alone=False,  # the list of works cited on the essay's page is then empty too
    ),
    "config-latex-engine": Case(
        ("output/print_defaults.py", "needs a Unicode engine"),
        {},
        "latex_engine is 'pdflatex', but the edition's print output needs a Unicode engine",
        'set latex_engine = "xelatex"',
        where=r"conf\.py",
        conf={"latex_engine": "pdflatex"},
    ),
    "bib-file-missing": Case(
        ("bibliography/files.py", "does not exist"),
        {},
        "the bibliography file",
        "correct bibtex_bibfiles in conf.py",
        where=r"conf\.py:\d+",
        conf={"bibtex_bibfiles": ["../bib/refs.bib", "../bib/missing.bib"]},
    ),
    "document-bibfile-unread": Case(
        ("bibliography/evidence.py", "which is not one of bibtex_bibfiles"),
        {},
        "edition_document_bibfiles names '../bib/documents.bib', which is not one of bibtex_bibfiles",
        "add the file to bibtex_bibfiles too",
        where=r"conf\.py",
        conf={"edition_document_bibfiles": ["../bib/documents.bib"]},
    ),
    "config-attributions": Case(
        ("registries/people.py", "check_entries(app,"),
        {},
        "edition_attributions['odd'] lacks symbol, definition",
        "see DEFAULT_ATTRIBUTIONS",
        where=r"conf\.py",
        conf={
            "edition_attributions": {
                "identified": {"label": "I", "symbol": "●", "definition": "d"},
                "unidentified": {"label": "U", "symbol": "○", "definition": "d"},
                "odd": {"label": "Odd"},
            }
        },
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_message(build, name: str) -> None:
    case = CASES[name]
    result = build("essay", edits=case.edits, **case.conf)
    edition = [line for line in result.warning_lines() if "[edition." in line]
    matches = [line for line in edition if case.problem in line]
    assert matches, edition
    message = matches[0]
    assert re.search(case.where + r"\S*: WARNING: ", message), message
    assert "Fix: " in message and case.fix in message.split("Fix: ", 1)[1], message
    if case.alone:
        assert len(edition) == 1, edition  # one mistake, one message
    assert "Traceback" not in result.warnings


def message_sites() -> list[tuple[str, str]]:
    """Every call that reports an editor's mistake: warn(...) and raise EntryError(...), with its source text."""
    sites = []
    sources = sorted(SOURCE.rglob("*.py"))
    assert len(sources) > 40, "the extension's modules were not found"
    for path in sources:
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in {"warn", "EntryError", "check_entries"}:
                segment = ast.get_source_segment(source, node) or ""
                module = path.relative_to(SOURCE).as_posix()
                if (
                    module == "core/messages.py"
                    or "error.problem" in segment
                    or (module == "verdicts/vocabulary.py" and node.func.id == "warn")
                ):
                    continue  # generic reporters: their messages come from the EntryError and check_entries sites
                sites.append((module, segment))
    return sites


def test_every_message_is_walked_through() -> None:
    """Each message has a case here or among test_hostile's refusals, and each case names one message."""
    sites = message_sites()
    cases = {**CASES, **{name: case for name, case in HOSTILE.items() if case.site}}
    uncovered = [
        site
        for site in sites
        if not any(m == site[0] and words in site[1] for m, words in (case.site for case in cases.values()))
    ]
    assert uncovered == [], "give each of these messages a case in CASES (or in test_hostile's HOSTILE)"
    for name, case in cases.items():
        matching = [site for site in sites if site[0] == case.site[0] and case.site[1] in site[1]]
        assert len(matching) == 1, (name, matching)


def test_every_mistake_in_a_note_is_reported_in_one_run(build) -> None:
    """Verdict, label, citation and quote: four independent mistakes, four messages, each at its own line."""
    edits = {
        ESSAY: lambda text: replace(":verdict: accurate\n:label: mao-stalin", ":verdict: acurate\n:label: p3")(
            replace("<treaty-1950>` {cite:p}`luthi2008`.", "<treaty-1950>`.")(
                replace("```{factcheck} names Mao and Stalin", "```{factcheck} names Mao and Lenin")(text)
            )
        )
    }
    edition = [line for line in build("essay", edits=edits).warning_lines() if "[edition." in line]
    assert len(edition) == 4, edition
    assert any(re.search(r"essay\.md:17: .*unknown verdict 'acurate'", line) for line in edition)  # the :verdict: line
    assert any(re.search(r"essay\.md:18: .*label 'p3' is reserved", line) for line in edition)  # the :label: line
    assert any(re.search(r"essay\.md:16: .*fact-check without a citation", line) for line in edition)
    assert any("the quote “names Mao and Lenin” is not in the paragraph" in line for line in edition)


def test_a_note_below_the_wrong_paragraph_is_told_where_its_words_are(build) -> None:
    stray = NOTE.replace("The third paragraph", "The first paragraph’s words")
    lines = build("essay", edits={ESSAY: replace(THIRD, THIRD + "\n" + stray)}).warning_lines()
    assert any("the words are in ¶1: move the note below ¶1" in line for line in lines), lines
