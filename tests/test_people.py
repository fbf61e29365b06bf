"""People named in the essays: registry entries, attribution levels, backlinks, and bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import body
from test_fidelity import replace

PEOPLE = "docs/people.md"


def test_person_entry(build) -> None:
    html = build("essay").page("people")
    entry = html[html.index('id="person-luthi"'):html.index('id="person-roberts"')]
    assert '<p class="edition-entry-title rubric">Lorenz M. Lüthi</p>' in entry
    assert "<strong>Identified</strong>" in entry and "● " in entry  # a symbol, not colour alone
    assert 'href="bibliography.html#cite-luthi2008"' in entry
    assert 'href="essay.html#note-2">A Short Essay, note 2 (¶2)</a>' in entry
    assert "<strong>Cannot be identified</strong>" in html


def test_person_reference_shows_the_name(build) -> None:
    html = build("essay").page("essay")
    assert re.search(r'href="people.html#person-luthi" title="Lorenz M. Lüthi"><span class="edition-person-ref">'
                     r"Lorenz M. Lüthi</span></a>", html)


BAD_PEOPLE = {
    "unknown-attribution": (PEOPLE, replace(":attribution: identified", ":attribution: certain"),
                            "has the attribution 'certain'", "use one of identified, probable"),
    "unknown-work": (PEOPLE, replace(":works: luthi2008", ":works: luthi2009"), "lists the unknown work 'luthi2009'",
                     "did you mean 'luthi2008'"),
    "no-works": (PEOPLE, replace(":works: luthi2008\n", ""), "person 'luthi' lists no works", ":attribution: unidentified"),
    "no-name": (PEOPLE, replace(":name: Lüthi, Lorenz M.\n", ""), "person 'luthi' has no name", ":name: Surname"),
    "unknown-person": ("docs/essay.md", replace("{person}`luthi`", "{person}`luthy`"), "unknown person 'luthy'",
                       "did you mean 'luthi'"),
    "unsourced-unidentified": (PEOPLE, replace("the nearest is {cite:t}`radchenko2009`", "nothing is near"),
                               "person 'roberts' cites no source", "cite at least one work"),
}


@pytest.mark.parametrize("case", sorted(BAD_PEOPLE))
def test_bad_person_input(build, case: str) -> None:
    path, edit, problem, hint = BAD_PEOPLE[case]
    result = build("essay", edits={path: edit})
    matches = [line for line in result.warning_lines() if problem in line]
    assert matches, result.warning_lines()
    assert re.search(r"\.md:\d+: WARNING", matches[0]) and hint in matches[0] and "Fix:" in matches[0]
    assert "Traceback" not in result.warnings


def test_historians_page_links_every_naming(edition: Path) -> None:
    html = body(edition / "historians.html")
    essay = body(edition / "essays/essay-2.html")
    for person in ("chang", "gaddis", "goncharov", "kissinger", "liu", "roberts", "westad"):
        start = html.index(f'id="person-{person}"')
        entry = html[start:html.index("</p>", html.index('class="edition-mentions"', start))]
        paragraphs = re.findall(r'href="essays/essay-2.html#p(\d+)"', entry)
        notes = re.findall(r'href="essays/essay-2.html#(note-\d+)"', entry)
        assert paragraphs and notes, person
        assert f'href="../historians.html#person-{person}"' in essay
        for note in notes:  # the attribution note takes a verdict like any claim
            assert re.search(rf'<details class="edition-note edition-verdict-\w+" id="{note}">', essay)
    assert html.count('class="edition-person-attribution') == 7
