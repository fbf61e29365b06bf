"""The fidelity check: the essay page equals its witness minus paratext, or the build says where not."""

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
        (replace("names Mao and Stalin", "names Mao and Khrushchev"), "¶2 differs from witness line 7: at word 7 the witness has “names Mao and Stalin in 1950.”"),
        (replace("names Mao and Stalin", "names Mao Stalin"), "¶2 differs from witness line 7"),
        (replace("kept.\n\nThe second", "kept. The second"), "paragraphs merged or split?"),
        (replace("straight 'quote'", "straight ’quote'"), "¶1 differs from witness line 5"),
        (replace("The third paragraph ends the essay.\n", ""), "witness paragraph 3 (line 9"),
        (replace("```{paratext} 3\n```\n", ""), "paratext lines 3 (advertising) of witness.txt are not shown"),
        (replace("# A Short Essay", "# A Shorter Essay"), "the essay's heading is “A Shorter Essay”"),
    ],
    ids=["word-changed", "word-dropped", "paragraphs-merged", "apostrophe-curled", "paragraph-dropped",
         "paratext-dropped", "title-changed"],
)
def test_infidelity_is_reported_with_location(build, edit, expected: str) -> None:
    result = build("essay", edits={ESSAY: edit})
    problems = [p for p in result.warning_lines() if "[edition.fidelity]" in p or "[edition.paratext]" in p]
    assert len(problems) == 1, problems
    assert expected in problems[0], problems[0]
    assert "essay.md:" in problems[0] and "Fix:" in problems[0]


def test_paratext_out_of_place(build) -> None:
    moved = replace("```{paratext} 3\n```\n\nThe first paragraph’s words, with a straight 'quote' kept.\n",
                    "The first paragraph’s words, with a straight 'quote' kept.\n\n```{paratext} 3\n```\n")
    problems = build("essay", edits={ESSAY: moved}).warning_lines()
    assert len(problems) == 1 and "stand after ¶1 here but after ¶0 in the witness" in problems[0]


def test_unknown_witness_suggests(build) -> None:
    problems = build("essay", edits={ESSAY: replace("{witness} tiny", "{witness} tinny")}).warning_lines()
    assert any("unknown witness 'tinny'" in p and "did you mean 'tiny'" in p for p in problems)


def test_edited_witness_fails_the_build(build) -> None:
    result = build("essay", edits={"sources/witness.txt": replace("1950", "1951")})
    assert any("the witness was changed" in p for p in result.warning_lines())


def test_text_builder_numbers_paragraphs(build) -> None:
    text = build("essay", "text").page("essay")
    assert "[¶2] The second paragraph" in text
