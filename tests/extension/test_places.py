"""A registry added by an edition of its own: places, one module in the test root and nothing edited elsewhere.

The declaration (:class:`annotated_edition.core.registry.Registry`) is all it writes; the content policy
allows its directive and role, and the backlinks, the print index, TEI (``rs type="place"``,
``listPlace``) and Web Annotation (``identifying`` bodies) follow from it.
"""

from __future__ import annotations

import json
import subprocess

from conftest import body, require_tools

FONTS = "\\setmainfont{TeX Gyre Pagella}\n\\setsansfont{TeX Gyre Heros}\n\\setmonofont{DejaVu Sans Mono}\n"


def test_places_build_cleanly_and_link_both_ways(build) -> None:
    result = build("places")
    assert result.warning_lines() == []
    places = result.page("places")
    assert 'id="place-moscow"' in places and "Mentioned in: " in places
    assert 'href="essay.html#p1">Two Capitals, ¶1</a>' in places
    essay = result.page("essay")
    assert 'href="places.html#place-beijing"' in essay and 'class="edition-place-ref"' in essay


def test_places_are_exported_to_tei_and_web_annotation(build) -> None:
    result = build("places")
    tei = body(result.outdir / "_data" / "essay.tei.xml")
    assert '<rs type="place" ref="#place-moscow">' in tei
    assert '<listPlace><place xml:id="place-beijing"><placeName>Beijing</placeName></place>' in tei
    assert "<listEvent" not in tei  # an empty list is not valid TEI: a registry with no entries writes none
    collection = json.loads(body(result.outdir / "_data" / "essay.annotations.jsonld"))
    identifying = {item["body"] for item in collection["first"]["items"] if item["motivation"] == "identifying"}
    assert {
        "https://example.org/places.html#place-beijing",
        "https://example.org/places.html#place-moscow",
        "https://example.org/places.html#person-mao",
    } <= identifying


def test_places_are_indexed_in_print(build) -> None:
    result = build("places", "latex")
    (tex,) = result.outdir.glob("*.tex")
    text = tex.read_text(encoding="utf-8")
    assert r"\index{Places@\spxentry{Places}!Moscow@\spxentry{Moscow}" in text
    assert r"\phantomsection\label{\detokenize{places:place-moscow}}" in text


def test_an_unknown_place_is_one_located_message(build) -> None:
    result = build("places", edits={"docs/essay.md": lambda text: text.replace("{place}`moscow`", "{place}`moskva`")})
    (line,) = result.warning_lines()
    assert "essay.md:" in line and "unknown place 'moskva'" in line and "[edition.place]" in line


def test_places_are_in_the_printed_index(build) -> None:
    """The book's index lists the pages where each place is named (XeLaTeX, as the edition prints)."""
    require_tools("latexmk", "xelatex", "xindy", "pdftotext")
    result = build("places", "latex", latex_engine="xelatex", latex_elements={"fontpkg": FONTS})
    made = subprocess.run(["make", "-C", str(result.outdir), "all-pdf"], capture_output=True, text=True)
    assert made.returncode == 0, made.stdout[-2000:]
    (pdf,) = result.outdir.glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    index = text[text.rindex("Places") :]
    assert index.split("\n")[1:3] == ["Beijing, 1", "Moscow, 1"]
