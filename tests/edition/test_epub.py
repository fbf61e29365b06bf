"""The EPUB edition: `make epub` builds EPUB 3 that epubcheck accepts, with notes as EPUB footnotes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, make, require_tools, shared, skip_or_fail

ACE = REPO / "node_modules" / ".bin" / "ace-cli"  # DAISY Ace, from package-lock.json (make test runs npm ci)


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> zipfile.ZipFile:
    require_tools("java")
    builddir, result = shared(tmp_path_factory, "epub", lambda folder: make("epub", folder))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]  # epubcheck found no error
    (epub,) = (builddir / "epub").glob("*.epub")
    return zipfile.ZipFile(epub)


def test_daisy_ace_finds_no_violation(book: zipfile.ZipFile, tmp_path: Path) -> None:
    """DAISY Ace (axe in Chromium on every content document, and the package's accessibility metadata)."""
    require_tools("node", "chromium")
    if not ACE.is_file():
        skip_or_fail("needs DAISY Ace (npm ci installs @daisy/ace-cli from package-lock.json; make test runs it)")
    environment = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": "/usr/bin/chromium", "PUPPETEER_SKIP_DOWNLOAD": "1"}
    command = [str(ACE), "--silent", "--force", "--outdir", str(tmp_path), str(book.filename)]
    result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=600)
    assert (tmp_path / "report.json").is_file(), result.stdout[-2000:] + result.stderr[-2000:]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    violations = [
        f"{document['earl:testSubject']['url']}: {test['earl:test']['dct:title']} ({test['earl:result'].get('html', '')})"
        for document in report["assertions"]
        for test in document["assertions"]
        if test["earl:result"]["earl:outcome"] == "fail"
    ]
    assert not violations and report["earl:result"]["earl:outcome"] == "pass", "\n".join(violations[:30])


def test_accessibility_metadata_and_reading_order(book: zipfile.ZipFile) -> None:
    opf = read(book, "content.opf")
    for term in ("accessMode", "accessModeSufficient", "accessibilityFeature", "accessibilityHazard", "accessibilitySummary"):
        assert f'property="schema:{term}"' in opf, term
    assert ">unknown<" not in opf and "<dc:description>Two student essays" in opf
    guide = re.search(r'<item id="([^"]+)" href="how-to-annotate.xhtml"', opf)[1]
    assert f'<itemref idref="{guide}" linear="no" />' in opf  # the editors' guide is not in the reading order
    assert 'lang="en" xml:lang="en"' in read(book, "essays/essay-1.xhtml")
    nav = read(book, "nav.xhtml")
    assert 'epub:type="toc" role="doc-toc"' in nav and 'epub:type="landmarks"' in nav


def read(book: zipfile.ZipFile, name: str) -> str:
    return book.read(name).decode("utf-8")


def test_notes_are_epub_footnotes_opening_with_their_lemma(book) -> None:
    essay = read(book, "essays/essay-2.xhtml")
    asides = re.findall(r'<aside epub:type="footnote" role="doc-footnote" class="edition-note" id="([^"]+)">', essay)
    refs = re.findall(r'<a epub:type="noteref" role="doc-noteref" class="edition-noteref" href="#([^"]+)"', essay)
    assert len(asides) >= 70 and sorted(refs) == sorted(asides)
    assert '<p class="edition-note-lemma">1. Emerging as allies in 1949] <strong>Imprecise.</strong></p>' in essay
    assert '<details class="edition-note' not in essay  # notes are footnotes, not widgets


def test_metadata_and_timeline(book) -> None:
    opf = read(book, "content.opf")
    assert "<dc:title>Sino-Soviet Relations, 1949–1976: Two Essays, Annotated</dc:title>" in opf
    assert "<dc:language>en</dc:language>" in opf and "CC BY 4.0" in opf
    timeline = read(book, "timeline.xhtml")
    assert "<svg" not in timeline and timeline.count('class="edition-chronology') == 1  # the list stands in
