"""People named in the essays: registry entries, attribution levels, backlinks, and bad input."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import body

PEOPLE = "docs/people.md"


def test_person_entry(build) -> None:
    html = build("essay").page("people")
    entry = html[html.index('id="person-luthi"') : html.index('id="person-roberts"')]
    assert '<p class="edition-entry-title rubric">Lorenz M. Lüthi</p>' in entry
    assert "<strong>Identified</strong>" in entry and "● " in entry  # a symbol, not colour alone
    assert 'href="bibliography.html#cite-luthi2008"' in entry
    assert 'href="essay.html#stalin-in-1950">A Short Essay, note 2 (¶2)</a>' in entry
    assert "<strong>Cannot be identified</strong>" in html


def test_person_reference_shows_the_name(build) -> None:
    html = build("essay").page("essay")
    assert re.search(
        r'href="people.html#person-luthi" title="Lorenz M. Lüthi"><span class="edition-person-ref">'
        r"Lorenz M. Lüthi</span></a>",
        html,
    )


def test_historians_page_links_every_naming(edition: Path) -> None:
    html = body(edition / "historians.html")
    essay = body(edition / "essays/essay-2.html")
    for person in ("chang", "gaddis", "goncharov", "kissinger", "liu", "roberts", "westad"):
        start = html.index(f'id="person-{person}"')
        entry = html[start : html.index("</p>", html.index('class="edition-mentions"', start))]
        paragraphs = re.findall(r'href="essays/essay-2.html#p(\d+)"', entry)
        notes = re.findall(r'href="essays/essay-2.html#((?!p\d+")[a-z0-9-]+)"', entry)
        assert paragraphs and notes, person
        assert f'href="../historians.html#person-{person}"' in essay
        for note in notes:  # the attribution note takes a verdict like any claim
            assert re.search(rf'<details class="edition-note edition-verdict-\w+" id="{note}">', essay)
    assert html.count('class="edition-person-attribution') == 7
