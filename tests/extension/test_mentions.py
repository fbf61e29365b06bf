"""Stand-off mentions: essay lines stay the witness's lines; a {mentions} block links essay words in place."""

from __future__ import annotations

import re

from test_fidelity import replace

ESSAY = "docs/essay.md"
SECOND = "The second paragraph names Mao and Stalin in 1950.\n"


def mentions(*lines: str) -> str:
    return "\n```{mentions}\n" + "\n".join(lines) + "\n```\n"


def test_mentioned_words_are_linked_in_place(build) -> None:
    result = build("essay", edits={ESSAY: replace(SECOND, SECOND + mentions("{event}`Stalin in 1950 <treaty-1950>`"))})
    assert [line for line in result.warning_lines() if "[edition." in line] == []
    html = result.page("essay")
    paragraph = re.search(r'<p id="p2">(.*?)</p>', html, re.S).group(1)
    assert re.search(
        r'<a class="reference internal" href="events.html#event-treaty-1950" title="[^"]*">'
        r'<span class="edition-event-ref"><mark[^>]*>Stalin</mark>',
        paragraph,
    ), paragraph
    assert 'href="essay.html#p2">A Short Essay, ¶2</a>' in result.page("events")


def test_occurrence_picks_the_repeat(build) -> None:
    block = mentions("{event}`paragraph <split>` :occurrence: 2")
    first = "The first paragraph’s words, with a straight 'quote' kept.\n"
    result = build("essay", edits={ESSAY: replace(first, first + block)})
    lines = [line for line in result.warning_lines() if "[edition." in line]
    assert any("occurs" in line or ":occurrence: 2 but" in line for line in lines), lines  # "paragraph" occurs once


def test_a_role_inside_an_essay_line_is_a_fidelity_problem(build) -> None:
    edited = SECOND.replace("Mao and Stalin", "{event}`Mao and Stalin <treaty-1950>`")
    lines = [
        line for line in build("essay", edits={ESSAY: replace(SECOND, edited)}).warning_lines() if "[edition." in line
    ]
    assert len(lines) == 1 and "the line of ¶2 in this file is not witness line 7" in lines[0]
    assert "{mentions} block after the paragraph" in lines[0]
