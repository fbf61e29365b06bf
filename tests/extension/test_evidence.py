"""Evidence a reader can follow: locators, the evidence share and coverage per cited sentence (test-evidence)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from test_fidelity import replace
from test_incremental import edit, sphinx

from annotated_edition.bibliography.evidence import Evidence, evidence
from annotated_edition.bibliography.locators import is_locator, ranges
from annotated_edition.notes.statements import sentences
from conftest import REPO, require_module

DATA = REPO / "tests" / "data"
NOTE_LINE = "Both led their states in 1950 {cite:p}`{see}luthi2008{pp. 12–15}`."


@pytest.mark.parametrize(
    "locator",
    ["p. 112", "pp. 112–15", "pp. 12-15", "ch. 3", "doc. 199", "§ 4", "para. 7", "art. 2", "p. xiv", "ch. 3, pp. 40–42"],
)
def test_locator_forms_accepted(locator: str) -> None:
    assert is_locator(locator)


@pytest.mark.parametrize("text", ["page 12", "12", "p.12", "pp 12–15", "chapter 3", "p. 12; p. 14", "p. 12,p. 14"])
def test_other_post_text_refused(text: str) -> None:
    assert not is_locator(text)


def test_each_part_of_a_locator_is_a_cited_range() -> None:
    assert ranges("ch. 3, pp. 40–42") == [("chapter", "ch. 3"), ("page", "pp. 40–42")]


def test_sentences_are_not_cut_after_abbreviations_or_initials() -> None:
    text = "See p. 3 and J. L. Gaddis, ed. 1997. In 1962 it ended. Then “Quoted. Text” stayed."
    found = [text[a:b] for a, b in sentences(text)]
    assert found == ["See p. 3 and J. L. Gaddis, ed. 1997.", "In 1962 it ended.", "Then “Quoted. Text” stayed."]


def test_clean_root_builds_without_warnings(build) -> None:
    result = build("evidence")
    assert result.warning_lines() == []


def test_register_csv_tei_and_annotations_carry_the_locator(build) -> None:
    result = build("evidence")
    register = result.page("register")
    assert "Lüthi 2008</a>, pp. 12–15" in register
    assert "Westad 1998</a>, ch. 2" in register
    assert re.search(r"Radchenko 2009</a></p>", register)  # a citation without locator is shown as before
    rows = list(csv.DictReader(io.StringIO((result.outdir / "_data" / "register.csv").read_text(encoding="utf-8"))))
    assert [row["locators"] for row in rows] == ["luthi2008 pp. 12–15;westad1998 ch. 2", "", ""]
    tei = (result.outdir / "_data" / "essay.tei.xml").read_text(encoding="utf-8")
    assert '<citedRange unit="page">pp. 12–15</citedRange>' in tei
    assert '<citedRange unit="chapter">ch. 2</citedRange>' in tei
    annotations = json.loads((result.outdir / "_data" / "essay.annotations.jsonld").read_text(encoding="utf-8"))
    bodies = [a["body"][0]["value"] for a in annotations["first"]["items"] if a["motivation"] == "assessing"]
    assert "pp. 12–15" in bodies[0]


def test_tei_with_cited_ranges_is_valid_tei_all(build) -> None:
    etree = require_module("lxml.etree")
    result = build("evidence")
    schema = etree.RelaxNG(etree.parse(str(DATA / "tei_all.rng")))
    document = etree.parse(str(result.outdir / "_data" / "essay.tei.xml"))
    assert schema.validate(document), schema.error_log


def test_the_evidence_share_is_counted_and_printed(build) -> None:
    result = build("evidence")
    assert evidence(result.app.env) == Evidence(followed=2, notes=3)  # a locator; a document; neither
    assert "Evidence: 2 of 3 notes (67 %) cite a primary document or carry a locator" in result.app._status.getvalue()


def test_no_document_files_means_locators_alone_count(build) -> None:
    result = build("evidence", edition_document_bibfiles=[])
    assert evidence(result.app.env) == Evidence(followed=1, notes=3)


def test_a_sentence_naming_years_its_works_do_not_cover_is_reported(build) -> None:
    later = NOTE_LINE + " After 1960 and in 1964 Mao repaid the debts early {cite:p}`westad1998`."
    result = build("evidence", edits={"docs/essay.md": replace(NOTE_LINE, later)})
    lines = result.warning_lines()
    assert len(lines) == 1, lines
    assert re.search(r"essay\.md:13: WARNING: the sentence “After 1960 and in 1964 Mao repaid the debts early\.” "
                     r"names 1964, which no work cited in it covers: westad1998 \(1945/1963\)\.", lines[0]), lines


def test_an_event_linked_in_a_sentence_its_works_do_not_cover_is_reported(build) -> None:
    edits = {"bib/refs.bib": replace("coverage = {1945/1963}", "coverage = {1955/1963}")}
    lines = build("evidence", edits=edits).warning_lines()
    assert len(lines) == 1, lines
    found = "names 1950, the event treaty-1950 (14 February 1950), which no work cited in it covers: westad1998"
    assert found in lines[0]


def test_the_same_years_covered_by_one_of_the_works_cited_pass(build) -> None:
    both = "After 1960 Mao repaid the debts early {cite:p}`westad1998,luthi2008`."
    result = build("evidence", edits={"docs/essay.md": replace(NOTE_LINE, NOTE_LINE + " " + both)})
    assert result.warning_lines() == []


def test_documents_come_first_and_each_entry_says_where_it_is_cited(build) -> None:
    html = build("evidence").page("bibliography")
    documents, scholarship = html.index(">Documents<"), html.index(">Scholarship<")
    assert documents < html.index('id="cite-doc1950-treaty"') < scholarship < html.index('id="cite-luthi2008"')
    treaty = html[html.index('id="cite-doc1950-treaty"') : html.index('id="cite-luthi2008"')]
    assert (
        '<em>Cited in: </em>Essay 1, <a class="reference internal" href="essay.html#stalin-in-1950">note 2</a>; '
        'Events: <a class="reference internal" href="events.html#event-treaty-1950">' in treaty
    )
    assert '<a class="reference external" href="https://example.org/treaty">' in treaty  # the URL, linked
    assert '<a class="reference external" href="https://doi.org/10.5555/example-doi">' in html  # the DOI, linked
    assert html.count('id="cite-luthi2008"') == 1  # two bibliographies, no repeated id


def test_a_collection_is_an_edited_book(build) -> None:
    result = build("evidence")
    assert "Westad, Odd\u00a0Arne, editor. <em>Brothers in Arms" in result.page("bibliography")
    assert "Westad 1998</a>, ch. 2" in result.page("register")  # labelled and sorted by its editor


def test_a_collection_with_an_author_is_refused(build) -> None:
    edits = {"bib/refs.bib": replace("  editor    = {Westad, Odd Arne},", "  author = {Westad, Odd Arne},")}
    lines = build("evidence", edits=edits).warning_lines()
    message = r"refs\.bib:\d+: WARNING: westad1998: a @collection has editors, not an author"
    assert any(re.search(message, line) for line in lines), lines


EVIDENCE_EDITS = {
    "add-locator": ("docs/essay.md", "{cite:p}`radchenko2009`", "{cite:p}`radchenko2009{p. 7}`"),
    "cite-elsewhere": ("docs/essay.md", "{cite:p}`radchenko2009`", "{cite:p}`luthi2008,radchenko2009`"),
    "relabel-note": ("docs/essay.md", ":verdict: imprecise\n", ":verdict: imprecise\n:label: treaty-text\n"),
    "retitle-event": ("docs/events.md", ":title: Sino-Soviet Treaty", ":title: The Sino-Soviet Treaty"),
    "page-cites": ("docs/index.md", "edition\n", "edition\n\nSee {cite:p}`luthi2008`.\n"),
}


@pytest.mark.parametrize("case", sorted(EVIDENCE_EDITS))
def test_incremental_equals_clean(copy_root, tmp_path, case: str) -> None:
    project = copy_root("evidence")
    incremental = tmp_path / "incremental"
    sphinx(project, incremental)
    before = evidence_pages(incremental)
    relpath, old, new = EVIDENCE_EDITS[case]
    edit(project / relpath, old, new)
    sphinx(project, incremental)
    sphinx(project, tmp_path / "clean", "-E")
    after = evidence_pages(incremental)
    assert after == evidence_pages(tmp_path / "clean")
    assert after != before


def test_a_changed_verdict_leaves_the_bibliography_alone(copy_root, tmp_path) -> None:
    project = copy_root("evidence")
    out = tmp_path / "out"
    sphinx(project, out)
    written = (out / "bibliography.html").stat().st_mtime_ns
    edit(project / "docs/essay.md", ":verdict: imprecise", ":verdict: inaccurate")
    sphinx(project, out)
    assert (out / "bibliography.html").stat().st_mtime_ns == written


def evidence_pages(out) -> dict[str, str]:
    found = {page: (out / f"{page}.html").read_text(encoding="utf-8") for page in ("essay", "register", "bibliography")}
    return found | {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "_data").rglob("*.*"))}
