"""The fidelity check: the essay page equals its witness minus paratext, or the build says where not.

Each fidelity message is walked through in test_messages; here, kinds of damage it must catch.
"""

from __future__ import annotations

import pytest

ESSAY = "docs/essay.md"


def replace(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)

    return edit


def test_faithful_essay_builds_clean(build) -> None:
    result = build("essay")
    assert result.warning_lines() == []
    html = result.page("essay")
    assert 'id="p1"' in html and 'id="p3"' in html and 'id="p4"' not in html
    assert "straight 'quote' kept" in html  # smartquotes left the essay alone
    assert "paragraph’s" in html  # and the curly apostrophe stayed curly
    assert 'class="edition-paratext"' in html and "Advert: buy essays!" in html


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (replace("first paragraph’s words", "first paragraph’s"), "¶1 differs from witness line 5"),
        (replace("kept.\n\nThe second", "kept. The second"), "paragraphs merged or split?"),
        (replace("straight 'quote'", "straight ’quote'"), "¶1 differs from witness line 5"),
    ],
    ids=["word-dropped", "paragraphs-merged", "apostrophe-curled"],
)
def test_infidelity_is_reported_with_location(build, edit, expected: str) -> None:
    result = build("essay", edits={ESSAY: edit})
    problems = [p for p in result.warning_lines() if "[edition.fidelity]" in p or "[edition.paratext]" in p]
    assert len(problems) == 1, problems
    assert expected in problems[0], problems[0]
    assert "essay.md:" in problems[0] and "Fix:" in problems[0]


def test_edited_witness_fails_the_build(build) -> None:
    result = build("essay", edits={"sources/witness.txt": replace("1950", "1951")})
    assert any("the witness was changed" in p for p in result.warning_lines())


def test_text_builder_numbers_paragraphs(build) -> None:
    text = build("essay", "text").page("essay")
    assert "[¶2] The second paragraph" in text
