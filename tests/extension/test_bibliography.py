"""The bibliographic apparatus: data quality of every entry, author-year output, per-essay lists, checks."""

from __future__ import annotations

import re

import pytest
from pybtex.database import parse_string
from test_fidelity import replace

from annotated_edition.bibliography.checks import entry_problems, isbn_valid, name_forms


@pytest.mark.parametrize("isbn", ["0-8078-4932-4", "978-0-8047-1565-2", "9780691135908", "0 06 015565 5"])
def test_valid_isbns_pass(isbn: str) -> None:
    assert isbn_valid(isbn)


@pytest.mark.parametrize("isbn", ["0-8078-4932-5", "978-0-8047-1565-3", "12345", "978069113590X"])
def test_invalid_isbns_fail(isbn: str) -> None:
    assert not isbn_valid(isbn)


BOOK = '@book{k, author = "Lüthi, Lorenz M.", title = "T", publisher = "P", year = "2008"'
BAD_ENTRIES = {
    "missing-publisher": ('@book{k, author = "A, B", title = "T", year = "2008"}', "lacks publisher"),
    "article-without-volume": (
        '@article{k, author = "A, B", title = "T", journal = "J", pages = "1--2", year = "2000"}',
        "lacks volume or number",
    ),
    "bad-isbn": (BOOK + ', isbn = "978-0-691-13590-9"}', "fails its check digit"),
    "bad-doi": (BOOK + ', doi = "https://doi.org/10.1080/x"}', "is not of the form 10.NNNN/suffix"),
    "latex-accent": (
        '@book{k, author = "L{\\"u}thi, Lorenz", title = "T", publisher = "P", year = "2008"}',
        "LaTeX markup",
    ),
    "unknown-type": ('@phdthesis{k, author = "A, B", title = "T", school = "S", year = "2000"}', "not one the edition"),
}


@pytest.mark.parametrize("case", sorted(BAD_ENTRIES))
def test_bad_entries_are_caught(case: str) -> None:
    source, problem = BAD_ENTRIES[case]
    entry = parse_string(source, "bibtex").entries["k"]
    messages = [p for p, _ in entry_problems(entry)]
    assert any(problem in m for m in messages), messages


def test_unverified_field_is_not_reported_missing() -> None:
    source = (
        '@article{k, author = "A, B", title = "T", journal = "J", pages = "1--2", year = "2000", coverage = "1990",'
        ' unverified = "volume"}'
    )
    assert entry_problems(parse_string(source, "bibtex").entries["k"]) == []


def test_name_forms_must_agree() -> None:
    data = parse_string(
        '@book{a, author = "Lewis, John W.", title = "T", publisher = "P", year = "1"}\n'
        '@book{b, author = "Lewis, John Wilson", title = "T", publisher = "P", year = "1"}',
        "bibtex",
    )
    assert name_forms(dict(data.entries))


def test_author_year_output(build) -> None:
    result = build("essay")
    essay, bibliography = result.page("essay"), result.page("bibliography")
    assert re.search(
        r'\(<a class="reference internal" href="bibliography.html#cite-luthi2008" '
        r'title="Lüthi, Lorenz M\. The Sino-Soviet Split: Cold War in the Communist World\. '
        r'Princeton University Press, Princeton, 2008\.">Lüthi 2008</a>\)',
        essay,
    )
    assert '<div class="citation" id="cite-radchenko2009" role="listitem">' in bibliography
    assert "Radchenko 2009" in bibliography and "Radchenko, Sergey." in bibliography
    works = essay[essay.index('class="edition-works-cited') :]
    assert works.index("Lüthi 2008") < works.index("Radchenko 2009")
    assert 'href="bibliography.html#cite-luthi2008"><strong>Lüthi 2008</strong></a> Lüthi, Lorenz' in works


def test_works_cited_lists_only_this_page(build) -> None:
    result = build("essay", edits={"docs/essay.md": replace("{cite:p}`radchenko2009`;", "{cite:p}`luthi2008`;")})
    works = result.page("essay").split('class="edition-works-cited', 1)[1].split("</ul>", 1)[0]
    assert "Lüthi 2008" in works and "Radchenko" not in works


def test_empty_works_cited_is_an_error(build) -> None:
    result = build("essay", edits={"docs/register.md": lambda t: t + "\n```{works-cited}\n```\n"})
    assert any("no work is cited on this page" in line and "register.md:" in line for line in result.warning_lines())


def test_a_label_wider_than_the_page_prints_in_plain_text(build) -> None:
    """A corporate author's label is wider than a text page: the entry is a paragraph opening with it."""
    body = "Central Committee of the Communist Party of the Soviet Union and Several Other Bodies"
    entry = f"\n@misc{{cc1959,\n  author = {{{{{body}}}}},\n  title = {{A Letter}},\n  year = {{1959}}, coverage = {{1959}},\n}}\n"
    result = build(
        "essay",
        "text",
        edits={
            "bib/refs.bib": lambda text: text + entry,
            "docs/events.md": replace(
                "Signed in Moscow {cite:p}`luthi2008`.", "Signed in Moscow {cite:p}`luthi2008,cc1959`."
            ),
        },
    )
    assert "Traceback" not in result.warnings
    assert f"[{body} 1959] {body}." in " ".join(result.page("bibliography").split())


def test_citations_tell_apart_two_works_of_one_author_and_year(build) -> None:
    """ "Lüthi (2008a); Lüthi (2008b)", as the bibliography labels them, never "Lüthi (2008); Lüthi (2008)"."""
    second = (
        "\n@article{luthi2008b,\n  author = {Lüthi, Lorenz M.},\n  title = {A Second Work},\n"
        "  journal = {Cold War History},\n  volume = {8},\n  pages = {1--2},\n  year = {2008}, coverage = {1949/1966},\n}\n"
    )
    result = build(
        "essay",
        edits={
            "bib/refs.bib": lambda text: text + second,
            "docs/essay.md": replace("{cite:p}`luthi2008`.", "{cite:p}`luthi2008`; see {cite:t}`luthi2008b`."),
        },
    )
    essay, bibliography = result.page("essay"), result.page("bibliography")
    assert "Lüthi 2008a" in bibliography and "Lüthi 2008b" in bibliography  # "A Second Work" sorts first
    assert re.search(r'href="bibliography.html#cite-luthi2008"[^>]*>Lüthi 2008b</a>', essay)
    assert re.search(
        r'Lüthi \(<a class="reference internal" href="bibliography.html#cite-luthi2008b"[^>]*>2008a</a>\)', essay
    )


def test_tex_markup_becomes_the_characters_it_means() -> None:
    from annotated_edition.bibliography.plain_text import leftover_markup, plain

    assert plain("{The} Alliance, 1945--1963") == "The Alliance, 1945–1963"
    assert plain("Harper \\& Row") == "Harper & Row" and plain("A---B") == "A—B"
    assert leftover_markup("Harper \\& Row") is None and leftover_markup("Texas A\\\\&M") == "\\\\"
