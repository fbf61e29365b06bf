"""The print edition: `make pdf` gives one complete, well-typeset PDF (needs TeX Live and poppler-utils)."""

from __future__ import annotations

import csv
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from annotated_edition.witnesses.manifest import load_manifest
from conftest import REPO, make, path_without, require_module, require_tools, shared

TOOLS = ("xelatex", "latexmk", "pdftotext", "pdffonts", "pdfinfo")
VERDICT = re.compile(r"^:verdict: (\w+)$", re.MULTILINE)
LABELS = {
    "accurate": "Accurate",
    "imprecise": "Imprecise",
    "disputed": "Disputed",
    "unsupported": "Unsupported",
    "misleading": "Misleading",
    "inaccurate": "Inaccurate",
}


def utf16(escaped: str) -> str:
    data = bytes(int(octal, 8) if octal else ord(char) for octal, char in re.findall(r"\\(\d{3})|(.)", escaped))
    return data.decode("utf-16")


class Print:
    def __init__(self, builddir: Path) -> None:
        pdfs = list((builddir / "pdf").glob("*.pdf"))
        assert len(pdfs) == 1, pdfs
        self.pdf = pdfs[0]
        self.log = (builddir / "latex" / f"{self.pdf.stem}.log").read_text(encoding="utf-8", errors="replace")
        outline = (builddir / "latex" / f"{self.pdf.stem}.out").read_text(encoding="ascii", errors="replace")
        # hyperref writes each bookmark's title as UTF-16, octal escapes mixed with plain characters
        self.bookmarks = [utf16(title) for title in re.findall(r"\\BOOKMARK *\[\d\]\[-\]\{[^}]*\}\{([^}]*)\}", outline)]
        self.text = self.run("pdftotext", "-enc", "UTF-8", str(self.pdf), "-")
        self.pages = self.text.split("\f")

    @staticmethod
    def run(*command: str) -> str:
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Print:
    """The PDF as `make pdf` builds it, into a folder where a build without xindy failed first: a failed
    run must not stop the next one (latexmk remembers failures unless told to start afresh)."""
    require_tools(*TOOLS)

    def after_a_failure(builddir: Path) -> subprocess.CompletedProcess:
        failed = make("pdf", builddir, PATH=path_without(tmp_path_factory.mktemp("path"), "xindy"), PREFLIGHT="true")
        assert failed.returncode != 0 and "xindy" in failed.stdout + failed.stderr
        return make("pdf", builddir)

    builddir, result = shared(tmp_path_factory, "print", after_a_failure)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return Print(builddir)


def words(text: str) -> list[str]:
    """Lower-case words: ligatures (ﬀ) spelt out, *sic* readings and margin ¶ numbers dropped, line-end
    hyphenation undone."""
    text = re.sub(r"\[sic: [^\]]*\]", " ", unicodedata.normalize("NFKC", text))
    text = re.sub(r"([”’\"')])\d+", r"\1", text)  # a footnote mark after a closing quote
    text = re.sub(r"-[ \t]*\n", "", re.sub(r"¶\s*\d+", " ", text))
    return re.findall(r"[a-z0-9]+", text.replace("-", "").lower())


def same(word: str, candidate: str) -> bool:
    """Equal, or the word with a footnote mark stuck to it ("war" and "war23" as pdftotext gives them)."""
    return candidate == word or (candidate.startswith(word) and candidate[len(word) :].isdigit())


def appears_in_order(expected: list[str], found: list[str], start: int, window: int = 5000) -> int:
    """Find *expected* in *found* from *start* as consecutive runs, in order.

    A page's footnotes and running head, or a *sic* reading, may interrupt a paragraph; each run after an
    interruption must be anchored by four consecutive words (the first run by ten) (or all that remain) within *window* words.
    Footnote marks stick to the word before them ("war23"), which :func:`same` allows.
    Returns where the last run ended, or -1.
    """
    position, k = start, 0
    while k < len(expected):
        # a paragraph may start anywhere later, so its first run needs a longer anchor to be unambiguous
        anchor, reach = (expected[:10], len(found)) if k == 0 else (expected[k : k + 4], position + window)
        begin = next(
            (
                j
                for j in range(position, min(reach, len(found) - len(anchor) + 1))
                if all(same(w, c) for w, c in zip(anchor, found[j : j + len(anchor)], strict=True))
            ),
            None,
        )
        if begin is None:
            return -1
        length = len(anchor)
        while (
            k + length < len(expected)
            and begin + length < len(found)
            and same(expected[k + length], found[begin + length])
        ):
            length += 1
        k, position = k + length, begin + length
    return position


@pytest.mark.parametrize("witness", ["edubirdie-2022", "ibdp-paper2"])
def test_every_essay_paragraph_is_printed(printed: Print, witness: str) -> None:
    found = words(printed.text)
    position = 0
    for paragraph in load_manifest(REPO / "sources" / "manifest.toml")[witness].paragraphs:
        end = appears_in_order(words(paragraph.text), found, position)
        assert end > 0, f"{witness} ¶{paragraph.number} is not printed in full: {paragraph.text[:80]}…"
        position = end


def test_every_note_is_a_footnote_with_its_verdict(printed: Print) -> None:
    expected: dict[str, int] = {}
    for essay in (REPO / "docs" / "essays").glob("*.md"):
        for verdict in VERDICT.findall(essay.read_text(encoding="utf-8")):
            expected[verdict] = expected.get(verdict, 0) + 1
    assert sum(expected.values()) >= 140
    for verdict, count in expected.items():  # each footnote opens with its lemma: "claim words] Verdict."
        assert len(re.findall(rf"\]\s+{LABELS[verdict]}\.\s", printed.text)) >= count, verdict
    assert "[sic: Chiang Kai-shek (Jiang Jieshi)]" in printed.text.replace("\n", " ")


def test_reading_order_and_apparatus(printed: Print) -> None:
    contents = printed.pages[2] + printed.pages[3]
    chapters = [
        "Introduction",
        "Editorial method",
        "The witnesses",
        "Sino-Soviet Relations During the Cold War",
        "The changing nature of Sino-Soviet relations",
        "Register of fact-checks",
        "Events",
        "Timeline",
        "Historians named in the essays",
        "Bibliography",
        "Index",
    ]
    positions = [contents.find(title) for title in chapters]
    assert -1 not in positions and positions == sorted(positions), dict(zip(chapters, positions, strict=True))
    first = printed.pages[0] + printed.pages[1]
    assert "How to cite." in first and "CC BY 4.0" in first and "22 November 2026" in first
    for title in chapters:
        assert any(bookmark.startswith(title) for bookmark in printed.bookmarks), title


def test_bibliography_is_printed_once_in_its_chapter(printed: Print) -> None:
    assert printed.text.count("[Lüthi 2008]") == 1
    bibliography = next(i for i, page in enumerate(printed.pages) if "[Beschloss 1986]" in page)
    # the running footer names the chapter, or the section of it the page is in (Documents, Scholarship)
    assert any(word in printed.pages[bibliography] for word in ("BIBLIOGRAPHY", "Bibliography", "Scholarship"))
    index = next(i for i, page in enumerate(printed.pages) if "Historians and authors named" in page)
    assert index > bibliography  # the list sits in the bibliography chapter, before the index
    assert "Events" in printed.pages[index] or "Events" in printed.pages[index - 1]


def test_unicode_survives(printed: Print) -> None:
    text = printed.text
    assert "Lüthi" in text and "Dikötter" in text and "Mao’s" in text
    assert "The treaty's material" in text  # the witness's straight apostrophe stays straight in print
    assert "1949–1976" in text  # an en dash, not a hyphen
    assert "Missing character" not in printed.log


def test_log_is_clean(printed: Print) -> None:
    assert not re.search(r"(Reference|Citation|Hyper reference) .* undefined", printed.log)
    assert "There were undefined references" not in printed.log
    overfull = [float(x) for x in re.findall(r"Overfull \\hbox \((\d+\.\d+)pt too wide\)", printed.log)]
    assert all(width < 3 for width in overfull), overfull


def test_fonts_are_embedded_and_metadata_set(printed: Print) -> None:
    fonts = printed.run("pdffonts", str(printed.pdf)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    assert any("TeXGyrePagella" in line for line in fonts)
    info = dict(line.split(":", 1) for line in printed.run("pdfinfo", str(printed.pdf)).splitlines() if ":" in line)
    assert info["Title"].strip().startswith("Sino-Soviet Relations, 1949–1976")
    assert info["Author"].strip() and "Sino-Soviet" in info["Subject"] and "Cold War" in info["Keywords"]


def test_an_event_title_prints_as_written(build, tmp_path: Path) -> None:
    """An event title reaches the timeline's TikZ drawing through Sphinx's own LaTeX escaping: TeX's special
    characters print as themselves, and ``^^5c`` (TeX's way of writing a backslash) never reads a file."""
    require_tools("xelatex", "latexmk", "pdftotext")
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-READ-BY-TEX", encoding="utf-8")
    title = f"^^5cinput{{{secret}}} costs $5 {{ ^ & % \\textbf{{x}}"
    fonts = r"\setmainfont{TeX Gyre Pagella}\setsansfont{TeX Gyre Heros}\setmonofont{DejaVu Sans Mono}"
    result = build(
        "essay",
        "latex",
        edits={"docs/events.md": lambda text: text.replace(":title: The split", f":title: {title}")},
        latex_engine="xelatex",
        latex_elements={"fontpkg": fonts},
    )
    made = subprocess.run(["make", "-C", str(result.outdir)], capture_output=True, text=True)
    assert made.returncode == 0, made.stdout[-3000:]
    pdf = next(result.outdir.glob("*.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "SECRET-READ-BY-TEX" not in text
    flowing = " ".join(text.split())  # the long title may be broken across lines
    assert "^^5cinput{" in flowing and "costs $5 { ^ & %" in flowing  # the chronology shows it whole


def test_agreement_figures_and_corrections_are_printed(printed: Print) -> None:
    """Pages made at write time from their own records (the agreement, the corrections log) print too, though
    LaTeX writes the whole book as its root document."""
    text = " ".join(printed.text.split())
    with (REPO / "docs" / "verdicts" / "second-readings.csv").open(encoding="utf-8") as readings:
        rows = list(csv.DictReader(readings))
    same = sum(row["first"] == row["blind"] for row in rows)
    assert f"Before adjudication the two readers gave the same verdict to {same} of {len(rows)} notes" in text
    assert "verdict changed from Imprecise to Accurate" in text


#: Words with a hyphen of their own, which text extraction must keep (it drops a hyphen that ends a line);
#: not "Kai-shek", which a witness writes "Kaishek" (kept, with its [sic]).
HYPHENATED = ("Sino-Soviet", "Sino-Indian", "Sino-American", "co-belligerents")


def test_pdf_states_its_language_title_and_metadata(printed: Print) -> None:
    """Language, title shown in the title bar, XMP beside the document information: what a PDF checker asks."""
    pypdf = require_module("pypdf")
    reader = pypdf.PdfReader(str(printed.pdf))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    xmp = reader.xmp_metadata
    assert xmp is not None and xmp.dc_title and xmp.dc_creator == ["The editors"]
    info = reader.trailer["/Info"]
    assert info["/Author"] == "The editors" and "Cold War" in info["/Keywords"]


def test_tagged_pdf_is_measured_not_promised(printed: Print) -> None:
    """TeX Live 2022's XeLaTeX writes no structure tree (README, "Print"): the book says so rather than claim
    PDF/UA; this test fails the day it does, so that README is updated."""
    pypdf = require_module("pypdf")
    catalog = pypdf.PdfReader(str(printed.pdf)).trailer["/Root"]
    assert "/StructTreeRoot" not in catalog and "/MarkInfo" not in catalog


def test_text_extracts_as_typed(printed: Print) -> None:
    """Ligatures as their letters (no U+FB00–FB06: "official" is found by search), a word's own hyphens kept,
    and every font embedded with a Unicode mapping (pdffonts' "uni" column)."""
    assert not re.findall("[\ufb00-\ufb06]", printed.text)
    flowing = " ".join(printed.text.split())
    for word in HYPHENATED:
        assert word.replace("-", "") not in flowing, word
    assert "Sino-Soviet" in flowing and "official" in flowing
    fonts = printed.run("pdffonts", str(printed.pdf)).splitlines()[2:]
    assert all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in fonts), fonts


def test_links_and_index(printed: Print) -> None:
    """The citation address is a link that breaks without a hyphen of its own; the index lists events, people
    and works in the text face, with page ranges written with their dash."""
    pypdf = require_module("pypdf")
    verso = pypdf.PdfReader(str(printed.pdf)).pages[1]  # "How to cite", on the back of the title page
    links = [a.get_object().get("/A", {}).get("/URI") for a in verso.get("/Annots", [])]
    assert "https://sino-soviet-edition.readthedocs.io/en/latest/" in links, links
    latex = printed.pdf.parent.parent / "latex"
    index = (latex / f"{printed.pdf.stem}.ind").read_text(encoding="utf-8")
    for heading in ("Events", "Works cited"):
        assert heading in index, heading
    assert re.search(r"\\hyperpage\{\d+\}\\hyperpage\{\d+\}", index)  # a range, as xindy writes it
    index_pages = " ".join(printed.pages[-6:])  # the index closes the book
    assert "Works cited" in index_pages and re.search(r"\d+–\d+", index_pages)  # ranges printed with their dash
    assert "\\texttt" not in index


def test_each_essay_states_its_own_counts(printed: Print) -> None:
    """The summary counts the notes of the essay it stands on (the book is written as one document)."""
    text = " ".join(printed.text.split())
    for essay in sorted((REPO / "docs" / "essays").glob("*.md")):
        count = len(VERDICT.findall(essay.read_text(encoding="utf-8")))
        assert f"{count} claims checked: " in text, (essay.name, count)
    assert "0 claims checked" not in text
