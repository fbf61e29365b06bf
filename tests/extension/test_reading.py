"""The essay page for reading: findings first, the boxes folded into "About this text", reading options,
and every page described (meta description, icon).  Browser behaviour is in test_browser.py."""

from __future__ import annotations

import re

from test_fidelity import ESSAY, replace

from annotated_edition.core.records import NoteRecord
from annotated_edition.pages.verdict_summary import key_findings
from annotated_edition.verdicts.vocabulary import DEFAULT_VERDICTS


def summary_of(html: str) -> str:
    return html.split('class="edition-verdict-summary docutils container"', 1)[1].split("</div>", 1)[0]


def test_findings_fall_back_to_the_gravest_verdicts(build) -> None:
    summary = summary_of(build("essay").page("essay"))
    assert "What the notes found" in summary and "2 claims checked:" in summary
    findings = re.findall(r'<a class="edition-finding-link reference internal" href="#([^"]+)">', summary)
    assert findings == ["ref-stalin-in-1950-body"]  # the imprecise note; an accurate one is not a finding
    assert "(¶2, note 2)" in summary


def test_key_flag_chooses_the_findings(build) -> None:
    flagged = replace(":label: mao-stalin\n", ":label: mao-stalin\n:key:\n")
    result = build("essay", edits={ESSAY: flagged})
    assert result.warning_lines() == []
    findings = re.findall(
        r'class="edition-finding-link reference internal" href="#([^"]+)"', summary_of(result.page("essay"))
    )
    assert findings == ["ref-mao-stalin-body"]


def note(number: int, verdict: str, key: bool = False) -> NoteRecord:
    return NoteRecord(f"n{number}", "", number, verdict, "q", 1, ["k"], 1, "", (0, 1), key=key)


def test_key_findings_order_and_limits() -> None:
    notes = [
        note(1, "inaccurate"),
        note(2, "misleading"),
        note(3, "inaccurate"),
        note(4, "accurate"),
        note(5, "inaccurate"),
        note(6, "inaccurate"),
    ]
    assert [n.number for n in key_findings(notes, DEFAULT_VERDICTS)] == [1, 3, 5]  # gravest three, in essay order
    flagged = [note(i, "accurate", key=True) for i in range(1, 8)]
    assert [n.number for n in key_findings(flagged, DEFAULT_VERDICTS)] == [1, 2, 3, 4, 5]
    assert key_findings([note(1, "accurate")], DEFAULT_VERDICTS) == []


def test_boxes_fold_into_about_this_text_with_the_licence_once(build) -> None:
    html = build("essay", edition_licence="CC BY 4.0 for the editors' text").page("essay")
    about = html.split('<details class="edition-about">', 1)[1].split("</details>", 1)[0]
    assert "About this text" in about and 'class="edition-witness' in about and 'class="edition-cite' in about
    assert html.count("CC BY 4.0 for the editors") == 1
    # the essay's words come after the findings, the reading options and the folded block
    assert (
        html.index('class="edition-reading-options"')
        < html.index('<details class="edition-about">')
        < html.index('id="p1"')
    )
    assert 'id="edition-option-highlight"' in html and 'id="edition-option-plain"' in html


def test_every_page_has_a_description_and_an_icon(build) -> None:
    result = build("essay")
    for name in ("essay", "index", "events"):
        html = result.page(name)
        assert re.search(r'<meta name="description" content="[^"]{5,}" />', html), name
        assert re.search(r'<link rel="(?:shortcut )?icon" href="(?:\./)?_static/annotated-edition-icon.svg"', html), (
            name
        )
    assert (result.outdir / "_static" / "annotated-edition-icon.svg").is_file()
