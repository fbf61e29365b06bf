"""Fact-check and sic notes: anchoring, output, register, ClaimReview, and every bad-input message."""

from __future__ import annotations

import json
import re

import pytest

from test_fidelity import ESSAY, replace

NOTE = "```{factcheck} names Mao and Stalin\n:verdict: accurate\n:label: mao-stalin\n"


def test_claims_are_marked_and_linked(build) -> None:
    html = build("essay").page("essay")
    assert '<mark class="edition-claim edition-verdict-accurate" id="claim-mao-stalin">' in html
    assert 'href="#mao-stalin" role="doc-noteref"' in html
    assert '<details class="edition-note edition-verdict-accurate" id="mao-stalin">' in html
    assert "Accurate</span>" in html and 'role="doc-footnote"' in html
    assert '[<i>sic</i>: paragraph naming]' in html
    # overlapping claims: "Stalin" is in both notes, and each note has its own marker
    assert re.search(r'id="claim-note-2">Stalin</mark><a class="edition-noteref[^"]*" href="#mao-stalin"', html)


def test_text_builder_puts_numbered_notes_after_the_paragraph(build) -> None:
    text = build("essay", "text").page("essay")
    assert "Stalin[1] in 1950[2]" in text
    assert "[1] Accurate: “names Mao and Stalin”" in text


def test_register_counts_and_lists(build) -> None:
    html = build("essay").page("register")
    assert 'href="essay.html#mao-stalin">names Mao and Stalin</a>' in html
    assert 'class="edition-register-item edition-verdict-imprecise"' in html
    assert "Lüthi 2008" in html


def test_claimreview_json_ld(build) -> None:
    html = build("essay").page("essay")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert len(data) == 2
    first = data[0]
    assert first["@type"] == "ClaimReview" and first["claimReviewed"] == "names Mao and Stalin"
    assert first["url"] == first["@id"] == "https://example.org/essay.html#mao-stalin"
    assert first["reviewRating"] == {"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 1,
                                     "alternateName": "Accurate"}
    assert first["itemReviewed"]["appearance"]["@type"] == "CreativeWork"
    assert first["datePublished"] == "2026-01-01"


BAD_INPUT = {
    "unknown-verdict": (replace(":verdict: accurate\n:label", ":verdict: acurate\n:label"),
                        "unknown verdict 'acurate'", "did you mean 'accurate'"),
    "missing-verdict": (replace(":verdict: accurate\n:label", ":label"), "fact-check without a verdict", ":verdict:"),
    "quote-not-found": (replace("{factcheck} names Mao and Stalin", "{factcheck} names Mao and Lenin"),
                        "the quote “names Mao and Lenin” is not in the paragraph", "closest passage is “names Mao and Stalin”"),
    "ambiguous-quote": (replace("{factcheck} Stalin in 1950", "{factcheck} a"), "occurs", ":occurrence: N"),
    "not-after-paragraph": (replace("An editorial paragraph in a subsection is not essay text.",
                                    "```{factcheck} text\n:verdict: accurate\n\nX {cite:p}`luthi2008`.\n```"),
                            "a note must come right after the essay paragraph", "move it below an essay paragraph"),
    "no-citation": (replace("<treaty-1950>` {cite:p}`luthi2008`.", "<treaty-1950>`."), "fact-check without a citation",
                    "cite at least one source"),
    "unknown-key": (replace("{cite:p}`luthi2008`", "{cite:p}`luthi2009`"), "unknown citation key 'luthi2009'",
                    "did you mean 'luthi2008'"),
    "duplicate-label": (replace(":verdict: imprecise\n", ":verdict: imprecise\n:label: mao-stalin\n"),
                        "the label 'mao-stalin' is used twice", "give each note its own :label:"),
    "raw-html": (replace("<treaty-1950>` {cite:p}`luthi2008`.", "<treaty-1950>` {cite:p}`luthi2008`.\n\n<script>alert(1)</script>"),
                 "raw HTML or a `raw` directive inside a note is not allowed", "plain MyST"),
    "raw-directive": (replace("<treaty-1950>` {cite:p}`luthi2008`.",
                              "<treaty-1950>` {cite:p}`luthi2008`.\n\n````{raw} html\n<b>x</b>\n````"),
                      "raw HTML or a `raw` directive", "plain MyST"),
    "sic-without-reading": (replace(":reading: paragraph naming\n", ""), "{sic} without a reading", ":reading:"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input_is_located_and_explained(build, case: str) -> None:
    edit, problem, hint = BAD_INPUT[case]
    result = build("essay", edits={ESSAY: edit})
    matches = [p for p in result.warning_lines() if problem in p]
    assert matches, result.warning_lines()
    assert re.search(r"essay\.md:\d+: WARNING", matches[0]), matches[0]
    assert hint in matches[0] and "Fix:" in matches[0]
    assert "Traceback" not in result.warnings
    if case.startswith("raw"):
        assert "alert(1)" not in result.page("essay") and "<b>x</b>" not in result.page("essay")
