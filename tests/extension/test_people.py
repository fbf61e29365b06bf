"""People named in the essays: registry entries, attribution levels, backlinks, and bad input."""

from __future__ import annotations

import re

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
