"""The extension's words in the document's language: the catalogue is complete, compiled, and used."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from annotated_edition.core import dates
from conftest import REPO

PACKAGE = REPO / "extensions" / "annotated_edition"
LOCALES = PACKAGE / "locales"
PO = LOCALES / "de" / "LC_MESSAGES" / "annotated_edition.po"
MO = PO.with_suffix(".mo")
EXTRACT = ["--no-default-keywords", "-k", "_", "-k", "N_", "-k", "n_:1,2", "--omit-header", "--sort-by-file"]


def catalogue(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def extracted(tmp_path: Path) -> set[str | tuple[str, ...]]:
    """The messages the extension's sources mark today, as pybabel (the command in the docs) finds them."""
    out = tmp_path / "messages.pot"
    command = [sys.executable, "-m", "babel.messages.frontend", "extract", *EXTRACT, "-o", str(out), "."]
    subprocess.run(command, cwd=PACKAGE, check=True, capture_output=True)
    return {message.id for message in catalogue(out) if message.id}


def test_the_template_lists_every_message_the_sources_mark(tmp_path) -> None:
    template = {message.id for message in catalogue(LOCALES / "annotated_edition.pot") if message.id}
    assert extracted(tmp_path) == template, "run the extract command in the adopters' guide (Translations)"


def test_german_translates_every_message_and_keeps_its_placeholders() -> None:
    template = {message.id for message in catalogue(LOCALES / "annotated_edition.pot") if message.id}
    german = {message.id: message.string for message in catalogue(PO) if message.id}
    assert set(german) == template
    for msgid, msgstr in german.items():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strs = msgstr if isinstance(msgstr, tuple) else (msgstr,)
        assert all(strs), msgid
        for one, other in zip(ids, strs, strict=False):
            # a translation may leave a placeholder out (German avoids "{text}" where it needs an article), never add one
            assert set(re.findall(r"\{\w+\}", other)) <= set(re.findall(r"\{\w+\}", one)), msgid


def test_the_compiled_catalogue_matches_its_source() -> None:
    with MO.open("rb") as handle:
        compiled = {tuple(m.id) if isinstance(m.id, list) else m.id: tuple(m.string) if isinstance(m.string, list) else m.string for m in read_mo(handle) if m.id}
    assert compiled == {m.id: tuple(m.string) if isinstance(m.string, list) else m.string for m in catalogue(PO) if m.id}, "recompile the .mo (adopters' guide)"


def test_dates_in_the_documents_language() -> None:
    assert dates.in_words("1856-02-17") == "17 February 1856"
    assert dates.in_words("1856-02-17", "de") == "17. Februar 1856"
    assert dates.in_words("1958-08", "de") == "August 1958"
    assert dates.in_words("1958-08-23/1958-10-06", "fr") == "23 août 1958 – 6 octobre 1958"


def english_fragments() -> list[str]:
    """The English words of every message German says differently ("TEI P5" is both), cut at its placeholders;
    pieces of two words or more, or a capitalised word."""
    fragments: set[str] = set()
    for message in catalogue(PO):
        if message.string == message.id:
            continue
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            for piece in re.split(r"\{\w+\}", text or ""):
                piece = piece.strip(" .,:;()“”¶")
                if len(piece.split()) >= 2 or (len(piece) >= 6 and piece.isalpha() and piece[0].isupper()):
                    fragments.add(piece)
    return sorted(fragments)


def test_a_german_edition_has_no_english_word_of_the_extension(build) -> None:
    built = build("german")
    assert built.warning_lines() == []
    pages = {path.name: html.unescape(path.read_text(encoding="utf-8")) for path in built.outdir.glob("*.html")}
    for name, page in pages.items():
        body = re.sub(r"<script.*?</script>", "", page, flags=re.S)
        left = [fragment for fragment in english_fragments() if fragment in body]
        assert not left, (name, left)
    poem = pages["gedicht.html"]
    assert "Anmerkung 1" in poem and "Was die Anmerkungen fanden" in poem and "Berichtigung vorschlagen" in poem
    assert "2 Aussagen geprüft" in poem and "Zutreffend" in poem and "Nicht Teil des Textes" in poem
    assert "Datei" in poem and "sources/mondnacht.txt" in poem
    assert "14. Februar 1950" in pages["ereignisse.html"]
    assert "Frühjahr 1960 – Juli 1963" in pages["zeitleiste.html"]
    tei = (built.outdir / "_data" / "gedicht.tei.xml").read_text(encoding="utf-8")
    assert 'xml:lang="de"' in tei
    claims = re.search(r'<script type="application/ld\+json">(.*?)</script>', pages["gedicht.html"], re.S)[1]
    assert '"inLanguage": "de"' in claims or '"inLanguage":"de"' in claims
    annotations = (built.outdir / "_data" / "gedicht.annotations.jsonld").read_text(encoding="utf-8")
    assert '"language": "de"' in annotations and '"language": "en"' not in annotations


def test_an_english_edition_keeps_its_words(build) -> None:
    page = build("essay").page("essay")
    assert "Note 1" in page and "What the notes found" in page


def test_what_a_text_is_called_is_configuration(build) -> None:
    built = build("essay", edition_text_name="speech")
    page = built.page("essay")
    assert "Speech paragraphs" in page and "Not part of the speech" in page
    assert "S1" in built.page("timeline") and "speech 1" in built.page("timeline")
    assert "Speech 1" in built.page("register")
    assert 'type="speech"' in (built.outdir / "_data" / "essay.tei.xml").read_text(encoding="utf-8")
