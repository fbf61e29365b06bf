"""Verdicts that hold up: stable note addresses, release snapshots and the corrections log, coverage of
the works cited, and the second readings with their agreement figures."""

from __future__ import annotations

import json
import re

import pytest
from test_fidelity import replace

from annotated_edition.verdicts.agreement import kappa
from conftest import ROOTS

ESSAY, BIB = "docs/essay.md", "bib/refs.bib"
NOTE_2 = "```{factcheck} Stalin in 1950\n:verdict: imprecise\n"
SNAPSHOT = json.loads((ROOTS / "test-releases" / "docs" / "releases" / "0.1.json").read_text(encoding="utf-8"))
CORRECTION = """[[correction]]
date = "2026-02-03"
essay = "essay"
note = 2
change = "verdict"
was = "imprecise"
now = "inaccurate"
why = "The second reading found the date wrong, not loose."
"""


def edition_warnings(result) -> list[str]:
    return [line for line in result.warning_lines() if "[edition." in line]


def note_ids(html: str) -> list[str]:
    return re.findall(r'<details class="edition-note[^"]*" id="([^"]+)"', html)


def test_addresses_do_not_move_when_a_note_is_added_above(build) -> None:
    before = ["mao-stalin", "stalin-in-1950"]  # as test_notes builds them
    first = "The first paragraph’s words, with a straight 'quote' kept.\n"
    new = "\n```{factcheck} The first paragraph’s words\n:verdict: accurate\n\nTrue {cite:p}`luthi2008`.\n```\n"
    after = build("essay", edits={ESSAY: replace(first, first + new)})
    ids = note_ids(after.page("essay"))
    assert ids == ["the-first-paragraphs-words", *before]  # a new first note; the others keep their address
    assert re.search(r'<span class="edition-note-number">Note 3</span>', after.page("essay"))  # the number moved


def test_two_notes_with_the_same_address_ask_for_a_label(build) -> None:
    twin = "\n```{factcheck} Stalin in 1950.\n:verdict: accurate\n\nYes {cite:p}`luthi2008`.\n```\n"
    result = build("essay", edits={ESSAY: replace("```{sic}", twin.lstrip() + "\n```{sic}")})
    assert any("address #stalin-in-1950" in line and "`:label:`" in line for line in edition_warnings(result))


def test_links_of_release_0_1_land_on_the_same_note(build) -> None:
    html = build("releases").page("essay")
    note = re.search(r'<details[^>]* id="stalin-in-1950"><summary>(.*?)</summary>', html, re.S).group(1)
    assert '<span id="note-2"></span>' in note
    assert html.count('id="note-2"') == 1


def test_an_unlogged_verdict_change_is_refused_at_the_note(build) -> None:
    result = build("releases", edits={ESSAY: replace(NOTE_2, NOTE_2.replace("imprecise", "inaccurate"))})
    lines = edition_warnings(result)
    assert len(lines) == 1 and re.search(r"essay\.md:\d+: WARNING: this note's verdict was imprecise", lines[0])
    assert 'change = "verdict", was = "imprecise", now = "inaccurate"' in lines[0]


def test_a_logged_correction_shows_on_the_note_the_log_and_in_claimreview(build) -> None:
    edits = {
        "docs/corrections.toml": lambda _: CORRECTION,
        ESSAY: replace(NOTE_2, NOTE_2.replace("imprecise", "inaccurate")),
    }
    result = build("releases", edits=edits)
    assert edition_warnings(result) == []
    essay = result.page("essay")
    assert (
        '<a class="reference internal" href="corrections.html#correction-1">Corrected on 3 February 2026</a>' in essay
    )
    reviews = json.loads(re.search(r'<script type="application/ld\+json">(\[.*?\])</script>', essay, re.S).group(1))
    assert {r["@id"].split("#")[1]: r.get("dateModified") for r in reviews} == {
        "mao-stalin": None,
        "stalin-in-1950": "2026-02-03",
    }
    log = result.page("corrections")
    assert 'id="correction-1"' in log and 'href="essay.html#stalin-in-1950"' in log
    assert "verdict changed from Imprecise to Inaccurate" in log and "found the date wrong" in log
    # grouped: a heading line for the date, the essay's title over its entries
    assert re.search(
        r'<p class="edition-corrections-date rubric">3 February 2026</p>\s*<p class="edition-corrections-essay"><strong>A Short Essay</strong> \(1\)</p>',
        log,
    )


REMOVED = {
    ESSAY: replace(NOTE_2 + "\nOverlaps the first claim {cite:p}`radchenko2009`; see {person}`luthi`.\n```\n", "")
}


def test_a_removed_note_needs_an_entry(build) -> None:
    removed = REMOVED
    lines = edition_warnings(build("releases", edits=removed))
    assert len(lines) == 1 and "“Stalin in 1950” (note 2 of ¶2 in release 0.1" in lines[0]
    assert re.search(r"essay\.md:\d+: WARNING", lines[0]) and 'change = "removed"' in lines[0]


def test_a_logged_removal_is_accepted(build) -> None:
    entry = 'date = "2026-02-03"\nessay = "essay"\nnote = 2\nchange = "removed"\nwhy = "Duplicated note 1."\n'
    logged = {**REMOVED, "docs/corrections.toml": lambda _: "[[correction]]\n" + entry}
    assert edition_warnings(build("releases", edits=logged)) == []


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (CORRECTION.replace("note = 2", "note = 9"), "release 0.1 has no note 9 in 'essay'"),
        (CORRECTION.replace('change = "verdict"', 'change = "tone"'), "`change = 'tone'`; use one of"),
        (CORRECTION.replace("2026-02-03", "3 Feb 2026"), '`date = "3 Feb 2026"` is not a date'),
        (CORRECTION.replace('why = "The second reading found the date wrong, not loose."', ""), "`why` is missing"),
    ],
)
def test_a_bad_log_entry_is_located_in_the_log(build, entry: str, problem: str) -> None:
    result = build("releases", edits={"docs/corrections.toml": lambda _: "# log\n\n" + entry})
    lines = [line for line in edition_warnings(result) if problem in line]
    assert lines and re.search(r"corrections\.toml:[3-9]: WARNING: correction 1:", lines[0]), edition_warnings(result)


def test_a_note_whose_works_do_not_cover_its_event_is_reported(build) -> None:
    narrow = {BIB: replace("coverage = {1949/1966}", "coverage = {1956/1966}")}
    lines = edition_warnings(build("essay", edits=narrow))
    (line,) = lines  # the sentence that names the year and links the event is the one reported
    assert re.search(r"essay\.md:\d+: WARNING: the sentence “Both led their states in 1950", line)
    assert "1950" in line and "luthi2008 (1956/1966)" in line


def test_a_work_covering_the_event_is_enough(build) -> None:
    assert edition_warnings(build("essay")) == []  # the root's luthi2008 covers 1949/1966


def test_every_work_states_its_coverage(build) -> None:
    lines = edition_warnings(build("essay", edits={BIB: replace(" coverage = {1962/1967},", "")}))
    assert len(lines) == 1 and "radchenko2009: the entry lacks `coverage`" in lines[0] and "refs.bib:" in lines[0]


def test_kappa() -> None:
    assert kappa([("a", "a"), ("b", "b")]) == 1.0
    assert kappa([("a", "b"), ("b", "a")]) == -1.0
    assert abs(kappa([("a", "a")] * 20 + [("a", "b")] * 5 + [("b", "a")] * 10 + [("b", "b")] * 15) - 0.4) < 1e-9


READINGS = (ROOTS / "test-agreement" / "docs" / "readings.csv").read_text(encoding="utf-8")


def test_agreement_figures_matrix_and_adjudications(build) -> None:
    result = build("agreement")
    assert edition_warnings(result) == []
    page = result.page("agreement")
    assert "the same verdict to 1 of 2 notes (50.0 per cent)" in page and "Cohen’s kappa" in page
    assert 'href="essay.html#stalin-in-1950">“Stalin in 1950”</a>: first Imprecise, blind Inaccurate; final' in page
    assert "only the scope is loose" in page


def test_readings_must_cover_every_note_and_match_its_verdict(build) -> None:
    short = {
        "docs/readings.csv": lambda _: (
            READINGS.replace("imprecise,The", "inaccurate,The").splitlines()[0]
            + "\n"
            + READINGS.splitlines()[2].replace("imprecise,The", "inaccurate,The")
            + "\n"
        ),
    }
    result = build("agreement", edits=short)
    lines = edition_warnings(result)
    assert any(
        re.search(r"readings\.csv:2: WARNING: the final verdict of stalin-in-1950 is inaccurate", line)
        for line in lines
    ), lines
    assert not any("mao-stalin" in line for line in lines), lines  # a preview: the note is provisional, not refused
    assert "Provisional, awaiting second reading" in result.page("essay")
    release = edition_warnings(build("agreement", project=result.project, edition_release_check=True))
    assert any(
        re.search(r"essay\.md:\d+: WARNING: the note #mao-stalin is provisional", line) for line in release
    ), release


def test_incremental_and_parallel_builds_of_the_log_equal_a_clean_build(copy_root, tmp_path) -> None:
    """Editing the log re-reads the pages it shows on; -j gives the same pages as a serial clean build."""
    from test_incremental import sphinx

    project = copy_root("releases")
    agreement = ROOTS / "test-agreement" / "docs"
    files = {f"docs/{name}": lambda _, n=name: (agreement / n).read_text() for name in ("readings.csv", "agreement.md")}
    files["docs/corrections.toml"] = lambda _: CORRECTION
    files[ESSAY] = lambda text: replace(NOTE_2, NOTE_2.replace("imprecise", "inaccurate"))(text)
    for relpath, make in files.items():
        path = project / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make(path.read_text(encoding="utf-8") if path.exists() else ""), encoding="utf-8")
    (project / "docs" / "readings.csv").write_text(
        READINGS.replace("imprecise,The", "inaccurate,The"), encoding="utf-8"
    )
    pages = ("essay", "corrections", "agreement")
    incremental, clean, parallel = tmp_path / "incremental", tmp_path / "clean", tmp_path / "parallel"
    sphinx(project, incremental)
    log = project / "docs" / "corrections.toml"
    log.write_text(log.read_text(encoding="utf-8").replace("2026-02-03", "2026-02-04"), encoding="utf-8")
    sphinx(project, incremental)
    sphinx(project, clean, "-E")
    sphinx(project, parallel, "-E", "-j", "2")
    for page in pages:
        text = (incremental / f"{page}.html").read_text(encoding="utf-8")
        assert (
            text
            == (clean / f"{page}.html").read_text(encoding="utf-8")
            == (parallel / f"{page}.html").read_text(encoding="utf-8")
        ), page
    assert "Corrected on 4 February 2026" in (incremental / "essay.html").read_text(encoding="utf-8")


def test_hostile_snapshot_log_and_readings_publish_nothing_unsafe(build) -> None:
    """The release snapshot, the log and the readings are editors' files too: an address that would break out of
    its HTML attribute, an invisible character and a javascript: row are refused where they are written."""
    from scanner import scan

    hostile = json.loads(json.dumps(SNAPSHOT))
    hostile["notes"][1]["anchors"] = ['note-2" onmouseover="alert(1)']
    edits = {
        "docs/releases/0.1.json": lambda _: json.dumps(hostile),
        "docs/corrections.toml": lambda _: CORRECTION.replace("wrong, not loose", "wrong,\u202e not loose"),
        "docs/readings.csv": lambda _: READINGS + "javascript:alert(1)//,x,accurate,inaccurate,accurate,r\n",
    }
    result = build("agreement", edits=edits)
    lines = edition_warnings(result)
    assert any(
        re.search(r"releases/0\.1\.json:1: WARNING: the release snapshot is not readable \(.*is not an address", line)
        for line in lines
    ), lines
    assert any(re.search(r"corrections\.toml:\d+: WARNING: .*U\+202E", line) for line in lines), lines
    assert any(
        re.search(r"readings\.csv:4: WARNING: javascript:alert\(1\)//#x is not a note", line) for line in lines
    ), lines
    assert scan(result.outdir, "\0no secret\0") == []
    assert "onmouseover" not in result.page("essay") and "javascript:" not in result.page("agreement")
