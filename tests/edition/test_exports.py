"""Open data: TEI P5, W3C Web Annotation and CSV, written with the HTML edition and linked from each essay."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from pathlib import Path

import pytest

from annotated_edition.witnesses.manifest import load_manifest
from conftest import REPO, body, require_module

DATA = REPO / "tests" / "data"
ESSAYS = {"essays-essay-1": "edubirdie-2022", "essays-essay-2": "ibdp-paper2"}
WITNESSES = load_manifest(REPO / "sources" / "manifest.toml")
TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def etree():
    return require_module("lxml.etree")


@pytest.fixture(scope="module")
def tei_all(etree):
    return etree.RelaxNG(etree.parse(str(DATA / "tei_all.rng")))  # about ten seconds: once per run


@pytest.mark.parametrize("slug", sorted(ESSAYS))
def test_tei_is_valid_tei_all(edition: Path, etree, tei_all, slug: str) -> None:
    document = etree.parse(str(edition / "_data" / f"{slug}.tei.xml"))
    assert tei_all.validate(document), tei_all.error_log


def text_without_corrections(element) -> str:
    """The text of a TEI element, leaving out the editors' readings (<corr>), as a reader of the witness sees it."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != f"{TEI}corr":
            parts.append(text_without_corrections(child))
        parts.append(child.tail or "")
    return "".join(parts)


@pytest.mark.parametrize("slug", sorted(ESSAYS))
def test_tei_paragraphs_are_the_witness_paragraphs(edition: Path, etree, slug: str) -> None:
    witness = WITNESSES[ESSAYS[slug]]
    document = etree.parse(str(edition / "_data" / f"{slug}.tei.xml"))
    paragraphs = document.findall(f".//{TEI}body//{TEI}p[@n]")
    assert [p.get("{http://www.w3.org/XML/1998/namespace}id") for p in paragraphs] == [
        f"p{p.number}" for p in witness.paragraphs
    ]
    for element, paragraph in zip(paragraphs, witness.paragraphs, strict=True):
        assert text_without_corrections(element) == witness.lines[paragraph.line - 1]  # byte for byte
    notes = document.findall(f".//{TEI}note[@type='factcheck']")
    ids = {e.get("{http://www.w3.org/XML/1998/namespace}id") for e in document.iter()}
    assert notes and all(note.get("target") for note in notes)
    for note in notes:  # every pointer resolves inside the file
        for pointer in [*note.get("target").split(), note.get("ana")]:
            assert pointer[1:] in ids, pointer
    source = (REPO / "docs" / "essays" / f"{slug.split('-', 1)[1]}.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```\{mentions\}\n(.*?)^```$", source, re.M | re.S)
    assert len(document.findall(f".//{TEI}rs")) == sum(len(block.strip().splitlines()) for block in blocks) > 0
    inline, apart = document.findall(f".//{TEI}choice/{TEI}sic"), document.findall(f".//{TEI}note[@type='sic']")
    assert len(inline) + len(apart) == source.count("```{sic}")  # a slip crossing a mention's edge stands apart
    assert len(document.findall(f".//{TEI}note[@type='paratext']")) == len(witness.paratext)


def annotations(edition: Path, slug: str) -> dict:
    return json.loads((edition / "_data" / f"{slug}.annotations.jsonld").read_text(encoding="utf-8"))


@pytest.mark.parametrize("slug", sorted(ESSAYS))
def test_every_web_annotation_reanchors_on_the_published_witness(edition: Path, slug: str) -> None:
    data = annotations(edition, slug)
    items = data["first"]["items"]
    assert data["type"] == "AnnotationCollection" and data["total"] == len(items)
    assert {item["motivation"] for item in items} == {"assessing", "identifying"}
    for item in items:
        witness_target = item["target"][0]
        published = witness_target["source"]["id"].rsplit("/_data/", 1)[1]
        text = (edition / "_data" / published).read_text(encoding="utf-8")
        quote, position = witness_target["selector"]
        assert text[position["start"] : position["end"]] == quote["exact"], item["id"]
        assert text.count(quote["prefix"] + quote["exact"] + quote["suffix"]) == 1, item["id"]
        assert item["target"][1]["selector"]["value"].startswith("p")
    notes = [item for item in items if item["motivation"] == "assessing"]
    assert all(item["id"].split("#")[1] and len(item["body"]) == 2 for item in notes)


def test_web_annotations_expand_without_dropping_terms(edition: Path) -> None:
    jsonld = require_module("pyld.jsonld")
    context = json.loads((DATA / "anno.jsonld").read_text(encoding="utf-8"))
    terms = set(context["@context"])

    def loader(url: str, options=None) -> dict:  # offline: the W3C context from the tests' copy
        assert url.rstrip("/") in ("http://www.w3.org/ns/anno.jsonld", "https://www.w3.org/ns/anno.jsonld"), url
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": context}

    data = annotations(edition, "essays-essay-2")

    def keys(node) -> set[str]:
        if isinstance(node, dict):
            return set(node) | {k for value in node.values() for k in keys(value)}
        if isinstance(node, list):
            return {k for value in node for k in keys(value)}
        return set()

    assert keys(data) - {"@context"} <= terms  # pyld drops unknown terms silently: none may be unknown
    expanded = jsonld.expand(copy.deepcopy(data), {"documentLoader": loader})
    text = json.dumps(expanded)
    for iri in (
        "http://www.w3.org/ns/oa#hasSelector",
        "http://www.w3.org/ns/oa#exact",
        "http://www.w3.org/ns/oa#assessing",
    ):
        assert iri in text, iri


def test_register_csv_has_a_row_per_note(edition: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((edition / "_data" / "register.csv").read_text(encoding="utf-8"))))
    register = body(edition / "register.html")
    assert len(rows) == register.count('class="edition-register-item')
    assert {row["verdict"] for row in rows} <= {
        "accurate",
        "imprecise",
        "disputed",
        "unsupported",
        "misleading",
        "inaccurate",
    }
    assert all(row["url"].endswith("#" + row["note"]) for row in rows)


def test_essay_pages_link_their_data(edition: Path) -> None:
    html = body(edition / "essays/essay-2.html")
    assert '<link rel="alternate" type="application/tei+xml" href="../_data/essays-essay-2.tei.xml"' in html
    assert 'type="application/ld+json; profile=&quot;http://www.w3.org/ns/anno.jsonld&quot;"' in html
    box = re.search(r'<aside class="edition-data".*?</aside>', html, re.S).group(0)
    assert "../_data/essays-essay-2.tei.xml" in box and "../_data/register.csv" in box
    assert html.count("CC BY 4.0") == 1  # the licence once, in the citation box beside it ("About this text")


def test_the_data_page_lists_every_file(edition: Path) -> None:
    html = body(edition / "data.html")
    for name in ("essays-essay-1.tei.xml", "essays-essay-2.annotations.jsonld", "register.csv"):
        assert f'href="_data/{name}"' in html, name
    assert "sd-card" in body(edition / "index.html") and 'href="data.html"' in body(edition / "index.html")
