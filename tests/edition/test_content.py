"""This edition's own content, as the extension's features meet it: readings, essay lines, historians, the correction form."""

from __future__ import annotations

import json
import re
from pathlib import Path

from annotated_edition.witnesses.manifest import load_manifest
from conftest import REPO, body


def test_the_real_edition_has_a_reading_and_a_snapshot_for_every_note() -> None:
    snapshot = json.loads((REPO / "docs" / "releases" / "0.1.json").read_text(encoding="utf-8"))
    assert len(snapshot["notes"]) == 156 and snapshot["commit"].startswith("f7274f1")
    assert all(note["anchors"] == [f"note-{note['number']}"] for note in snapshot["notes"])


def test_every_essay_line_of_the_edition_is_its_witness_line() -> None:
    """The proof behind "editors never touch an essay line": each witness paragraph line is a line of its essay."""
    witnesses = load_manifest(REPO / "sources" / "manifest.toml")
    for page, wid in (("essay-1", "edubirdie-2022"), ("essay-2", "ibdp-paper2")):
        lines = (REPO / "docs" / "essays" / f"{page}.md").read_text(encoding="utf-8").split("\n")
        witness = witnesses[wid]
        found = [lines.index(witness.lines[p.line - 1]) for p in witness.paragraphs]
        assert found == sorted(found), page
        assert not any("{event}`" in lines[i] or "{person}`" in lines[i] for i in found), page


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


def test_the_correction_form_has_the_fields_the_links_fill() -> None:
    import yaml

    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "correction.yml").read_text(encoding="utf-8"))
    ids = [field.get("id") for field in form["body"]]
    assert {"note", "claim", "problem", "source"} <= set(ids)
