"""The HTML edition and its open data pass the checkers their communities use, which this project did not write:
the Nu HTML Checker on every page, the W3C Web Annotation test suite's MUST schemas on every annotation,
collection and page, and jing with TEI's ``tei_all`` on every TEI file (the PDF and EPUB checks stand
beside their builds, in test_pdf.py and test_epub.py)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, require_module, require_tools, skip_or_fail

DATA = REPO / "tests" / "data"
SUITE = DATA / "web-annotation-tests"  # schemas of github.com/w3c/web-annotation-tests, licence beside them
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"  # npm ci (make test) installs it
TEI = "{http://www.tei-c.org/ns/1.0}"


def test_nu_html_checker_finds_no_error_on_any_page(edition: Path) -> None:
    require_tools("java")
    if not VNU.is_file():
        skip_or_fail("needs the Nu HTML Checker (npm ci installs vnu-jar from package-lock.json; make test runs it)")
    pages = sorted(edition.rglob("*.html"))
    assert len(pages) >= 15  # every page of the edition (there is no HTML index: the index is the print one)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr)["messages"]  # one run for every page: the JVM starts once
    errors = [f"{Path(m['url']).relative_to(edition.resolve().as_uri()[7:]) if 'url' in m else ''}: {m['message']}" for m in messages]
    assert not errors, "\n".join(errors[:30])


class Suite:
    """The MUST assertions of the W3C Web Annotation test suite: JSON Schema (Draft 4) files, each to be valid."""

    def __init__(self) -> None:
        jsonschema = require_module("jsonschema")
        referencing = require_module("referencing")
        require_module("rfc3339_validator")  # without it jsonschema does not check the format date-time
        definitions = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((SUITE / "definitions").glob("*.json"))]
        resources = [(d["id"], referencing.Resource.from_contents(d, referencing.jsonschema.DRAFT4)) for d in definitions]
        self.registry = referencing.Registry().with_resources(resources)
        self.jsonschema = jsonschema
        self.checker = jsonschema.Draft4Validator.FORMAT_CHECKER

    def assertions(self, test: str) -> list[dict]:
        listed = json.loads((SUITE / test).read_text(encoding="utf-8"))["assertions"]
        return [json.loads((SUITE / name).read_text(encoding="utf-8")) for name in listed]

    def failures(self, test: str, instance: dict) -> list[str]:
        found = []
        for assertion in self.assertions(test):
            assert assertion["assertionType"] == "must" and assertion["expectedResult"] == "valid"
            validator = self.jsonschema.Draft4Validator(assertion, registry=self.registry, format_checker=self.checker)
            if not validator.is_valid(instance):
                found.append(f"{instance.get('id')}: {assertion['errorMessage']}")
        return found


@pytest.fixture(scope="module")
def suite() -> Suite:
    return Suite()


def test_the_suite_checks_date_times(suite: Suite) -> None:
    """A date where the model requires xsd:dateTime fails, as in the W3C suite's own runner."""
    annotation = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://example.org/a", "type": "Annotation",
                  "target": "https://example.org/t"}
    assert not suite.failures("annotations/annotationMusts.test", {**annotation, "created": "2026-11-22T00:00:00Z"})
    assert suite.failures("annotations/annotationMusts.test", {**annotation, "created": "2026-11-22"})


@pytest.mark.parametrize("slug", ["essays-essay-1", "essays-essay-2"])
def test_web_annotations_meet_every_must_of_the_w3c_suite(edition: Path, suite: Suite, slug: str) -> None:
    collection = json.loads((edition / "_data" / f"{slug}.annotations.jsonld").read_text(encoding="utf-8"))
    page = {"@context": collection["@context"], **collection["first"]}  # the suite checks a page on its own too
    failures = suite.failures("collections/collectionMusts.test", collection)
    failures += suite.failures("collections/pages/pageMusts.test", page)
    for annotation in page["items"]:
        failures += suite.failures("annotations/annotationMusts.test", {"@context": collection["@context"], **annotation})
    assert len(page["items"]) > 50 and not failures, "\n".join(failures[:30])


def test_jing_finds_every_tei_file_valid_against_tei_all(edition: Path) -> None:
    require_tools("jing")
    files = sorted((edition / "_data").glob("*.tei.xml"))
    assert len(files) == 2
    result = subprocess.run(["jing", str(DATA / "tei_all.rng"), *map(str, files)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.mark.parametrize("slug", ["essays-essay-1", "essays-essay-2"])
def test_tei_header_says_who_edited_how_and_what_changed(edition: Path, slug: str) -> None:
    """The header parts TEI editions carry: responsibility, the editorial policy, the language, the revisions."""
    etree = require_module("lxml.etree")
    header = etree.parse(str(edition / "_data" / f"{slug}.tei.xml")).getroot().find(f"{TEI}teiHeader")
    namespace = {"t": TEI[1:-1]}
    roles = header.xpath("t:fileDesc/t:titleStmt/t:respStmt/t:resp/text()", namespaces=namespace)
    assert any("edit" in role for role in roles) and any("second" in role for role in roles), roles
    policy = header.xpath("string(t:encodingDesc/t:editorialDecl)", namespaces=namespace)
    assert "witness" in policy and "method" in policy, policy
    assert header.xpath("t:encodingDesc/t:editorialDecl//t:ref/@target", namespaces=namespace)
    assert header.xpath("t:profileDesc/t:langUsage/t:language[@ident='en']", namespaces=namespace)
    assert header.xpath("t:revisionDesc/t:change[@when]", namespaces=namespace)
    works = etree.tostring(header.getparent().find(f"{TEI}text/{TEI}back/{TEI}listBibl"), encoding="unicode")
    assert "1945–1963" in works and not re.search(r"--|\\|[{}]", works), "BibTeX markup in the TEI bibliography"



def test_biber_finds_every_entry_type_complete_in_its_data_model(tmp_path: Path) -> None:
    """biber's data model (biblatex's): every entry of a type it knows, with the fields that type requires.
    (It also lists fields a type does not define, such as the edition's own ``coverage``: those are ignored
    by biblatex, not errors.)"""
    require_tools("biber")
    names = []
    for bibfile in sorted((REPO / "bib").glob("*.bib")):  # copied: biber writes its log and output beside them
        (tmp_path / bibfile.name).write_bytes(bibfile.read_bytes())
        names.append(bibfile.name)
    command = ["biber", "--tool", "--validate-datamodel", "--output-file", "checked.bib", *names]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert any("Datamodel validation complete" in line for line in lines), result.stdout[-2000:]
    problems = [line for line in lines if line.startswith("ERROR") or (line.startswith("WARN") and "Datamodel" in line and not re.search(r"Invalid field|Field .\w+. invalid", line))]
    assert result.returncode == 0 and not problems, "\n".join(problems)
