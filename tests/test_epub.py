"""The EPUB edition: `make epub` builds EPUB 3 that epubcheck accepts, with notes as EPUB footnotes."""

from __future__ import annotations

import re
import zipfile

import pytest

from conftest import make, require_tools


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> zipfile.ZipFile:
    require_tools("java")
    builddir = tmp_path_factory.mktemp("epub")
    result = make("epub", builddir)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]  # epubcheck found no error
    (epub,) = (builddir / "epub").glob("*.epub")
    return zipfile.ZipFile(epub)


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
