"""Fact-check and sic notes: anchoring, output, register, ClaimReview, and every bad-input message."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from test_fidelity import ESSAY, replace

from conftest import ROOTS

NOTE = "```{factcheck} names Mao and Stalin\n:verdict: accurate\n:label: mao-stalin\n"


def test_claims_are_marked_and_linked(build) -> None:
    html = build("essay").page("essay")
    # the claim's words are the link to the note (into its body, which opens a closed <details>)
    assert (
        '<a class="edition-claim edition-verdict-accurate" data-note="mao-stalin" href="#ref-mao-stalin-body" '
        'id="claim-mao-stalin">names</a>' in html
    )
    assert 'href="#ref-mao-stalin-body" role="doc-noteref"' in html
    assert '<div class="edition-note-body" id="ref-mao-stalin-body"' in html
    # a claim cut in pieces by other claims is one stop for the keyboard; a sic alone stays a mark
    assert 'href="#ref-mao-stalin-body" tabindex="-1"> Mao and </a>' in html
    assert '<mark class="edition-claim edition-sic">paragraph </mark>' in html
    assert '<details class="edition-note edition-verdict-accurate" id="mao-stalin">' in html
    assert "Accurate</span>" in html and 'role="doc-footnote"' in html
    assert "[<i>sic</i>: paragraph naming]" in html
    # overlapping claims: "Stalin" is in both notes, and each note has its own marker
    # words in two claims open the inner one's note
    assert re.search(
        r'<a class="edition-claim edition-verdict-imprecise" data-note="stalin-in-1950" href="#ref-stalin-in-1950-body" '
        r'id="claim-stalin-in-1950">Stalin</a><a class="edition-noteref[^"]*" href="#ref-mao-stalin-body"',
        html,
    )


def test_text_builder_puts_numbered_notes_after_the_paragraph(build) -> None:
    text = build("essay", "text").page("essay")
    assert "Stalin[1] in 1950[2]" in text
    assert "[1] names Mao and Stalin] Accurate." in text


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
    assert first["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Accurate",
    }
    assert first["itemReviewed"]["appearance"]["@type"] == "CreativeWork"
    assert first["datePublished"] == "2026-01-01"


def test_raw_html_never_reaches_the_page(build) -> None:
    """The refused raw block is also removed, not just reported (its message is in test_messages)."""
    script = replace(
        "<treaty-1950>` {cite:p}`luthi2008`.", "<treaty-1950>` {cite:p}`luthi2008`.\n\n<script>alert(1)</script>"
    )
    assert "alert(1)" not in build("essay", edits={ESSAY: script}).page("essay")


class LinkDepth(HTMLParser):
    """The deepest nesting of <a> elements in a page (links inside links are invalid HTML)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = self.deepest = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "a":
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.depth -= 1


def test_claim_ending_in_a_link_keeps_its_marker_outside(build) -> None:
    linked = replace("names Mao and Stalin in 1950.", "names Mao and {event}`Stalin <treaty-1950>` in 1950.")
    html = build("essay", edits={ESSAY: linked}).page("essay")
    parser = LinkDepth()
    parser.feed(html)
    assert parser.deepest == 1
    assert re.search(
        r'<mark class="edition-claim[^>]*>Stalin</mark></span></a>'
        r'<span class="edition-preview" aria-hidden="true">.*?</span></span><a class="edition-noteref',
        html,
    )  # after the link and its preview


def test_register_of_one_essay(build) -> None:
    html = build("essay").page("register-essay")
    assert html.count('class="edition-register-item') == 2 and "edition-register-counts" not in html


def test_each_essay_opens_with_its_verdict_summary(build) -> None:
    html = build("essay").page("essay")
    summary = html.split('class="edition-verdict-summary docutils container"', 1)[1].split("</div>", 1)[0]
    assert "2 claims checked:" in summary
    assert (
        '<a class="edition-verdict-accurate reference internal" href="register.html?verdict=accurate#register-essay">'
        '<span class="edition-verdict-symbol">✓ </span>1 accurate</a>' in summary
    )
    assert "1 imprecise</a>" in summary and "inaccurate" not in summary  # only the verdicts the essay has


def test_note_links_to_a_correction_and_to_its_line(build) -> None:
    html = build("essay", html_context={"repository": "example/edition", "branch": "main"}).page("essay")
    actions = re.findall(r'<p class="edition-note-actions">(.*?)</p>', html)
    assert len(actions) == 2
    suggest, edit = re.findall(r'href="([^"]+)"', actions[1])
    assert suggest == (
        "https://github.com/example/edition/issues/new?template=correction.yml&amp;title=Correction%3A%20Stalin%20in%201950"
        "&amp;note=https%3A%2F%2Fexample.org%2Fessay.html%23stalin-in-1950&amp;claim=Stalin%20in%201950"
    )
    line = 1 + (ROOTS / "test-essay/docs/essay.md").read_text(encoding="utf-8").splitlines().index(
        "```{factcheck} Stalin in 1950"
    )
    assert edit == f"https://github.com/example/edition/blob/main/docs/essay.md#L{line}"


def test_no_repository_no_links(build) -> None:
    assert "edition-note-actions" not in build("essay").page("essay")


def test_text_builder_opens_each_note_with_its_lemma(build) -> None:
    text = build("essay", buildername="text").page("essay")
    assert "[1] names Mao and Stalin] Accurate." in text and "[2] Stalin in 1950] Imprecise." in text


def test_a_long_claim_is_shortened_in_the_middle() -> None:
    from annotated_edition.notes.output import lemma

    assert lemma("Stalin in 1950") == "Stalin in 1950"
    assert lemma("By the 1960s, the relationship had devolved into open hostility, marked by rivalry") == (
        "By the 1960s, the relationship … by rivalry"
    )


def test_a_look_alike_character_is_named(build) -> None:
    first = "The first paragraph’s words, with a straight 'quote' kept.\n"
    note = "\n```{factcheck} first paragraph's words\n:verdict: accurate\n\nYes {cite:p}`luthi2008`.\n```\n"
    lines = [
        line
        for line in build("essay", edits={ESSAY: replace(first, first + note)}).warning_lines()
        if "[edition." in line
    ]
    assert len(lines) == 1
    assert (
        "your quote has ' U+0027 APOSTROPHE where ¶1 has ’ U+2019 RIGHT SINGLE QUOTATION MARK (character 16)"
        in lines[0]
    )
    assert "the passage is “first paragraph’s words”" in lines[0]  # no stray comma from "words,"
