"""This edition's bibliography: every entry complete, cited and written one way; its pages list what they cite."""

from __future__ import annotations

import re
from pathlib import Path

from pybtex.database import Entry, parse_file

from annotated_edition.bibliography.checks import entry_problems, name_forms
from conftest import REPO, body

BIBFILES = sorted((REPO / "bib").glob("*.bib"))


CITE = re.compile(r"\{cite:[a-z]+\}`([^`]+)`")


WORKS = re.compile(r"^:works:(.*)$", re.MULTILINE)


def all_entries() -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for path in BIBFILES:
        for key, entry in parse_file(str(path)).entries.items():  # pybtex raises on a repeated key
            assert key not in entries, f"{key} is defined twice"
            entries[key] = entry
    return entries


def keys_cited_in_docs() -> set[str]:
    keys: set[str] = set()
    for page in (REPO / "docs").rglob("*.md"):
        if "extension" in page.relative_to(REPO / "docs").parts:
            continue  # the extension's own documentation shows markup, it cites nothing
        text = page.read_text(encoding="utf-8")
        cited = (re.sub(r"\{[^}]*\}", "", key) for group in CITE.findall(text) for key in group.split(","))
        keys |= {key.strip() for key in cited}  # pre- and post-text ({see}, {p. 12}) are not keys
        keys |= {key.strip() for line in WORKS.findall(text) for key in line.split(",")}
    return keys


def test_every_entry_is_complete_and_well_formed() -> None:
    entries = all_entries()
    assert len(entries) >= 40
    assert {key: entry_problems(entry) for key, entry in entries.items() if entry_problems(entry)} == {}
    assert name_forms(entries) == {}


def test_every_key_is_cited_and_every_citation_defined() -> None:
    assert keys_cited_in_docs() == set(all_entries())


def test_named_historians_have_records() -> None:
    entries = all_entries()
    for surname in ("Gaddis", "Westad", "Chang", "Goncharov", "Roberts", "Kissinger", "Liu"):
        assert any(surname in str(p) for e in entries.values() for ps in e.persons.values() for p in ps), surname


def test_diacritics_are_unicode() -> None:
    entries = all_entries()
    assert str(entries["luthi2008"].persons["author"][0]) == "Lüthi, Lorenz M."
    assert "Dikötter" in str(entries["dikotter2010"].persons["author"][0])


def test_real_edition_bibliographies(edition: Path) -> None:
    bibliography = body(edition / "bibliography.html")
    assert bibliography.count('<div class="citation" id="cite-') == len(all_entries())
    for page in ("essays/essay-1", "essays/essay-2"):
        html = body(edition / f"{page}.html")
        listed = re.findall(r'<li><p><a class="reference internal" href="\.\./bibliography\.html#cite-([\w-]+)">', html)
        cited = set(re.findall(r'href="\.\./bibliography\.html#cite-([\w-]+)" title=', html))
        assert listed and set(listed) == cited and len(listed) == len(set(listed)), page


def test_register_labels_are_the_bibliography_labels(edition: Path) -> None:
    """Two works of one author and year are told apart in the register as in the bibliography."""
    register, bibliography = body(edition / "register.html"), body(edition / "bibliography.html")
    for label in ("Roberts 2006a", "Roberts 2006b"):
        assert label in bibliography and label in register, label
    assert not re.search(r"Roberts 2006<", register)


def test_historians_page_tells_the_two_roberts_apart(edition: Path) -> None:
    historians = re.sub(r"<[^>]+>", "", body(edition / "historians.html"))
    assert "Roberts (2006a); Roberts (2006b)" in historians and "Roberts (2006); Roberts (2006)" not in historians
