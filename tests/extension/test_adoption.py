"""What another edition meets: its own words and colours, its own forge or none, no silent failure."""

from __future__ import annotations

import hashlib
import re

from annotated_edition.core.defaults import DEFAULT_VERDICTS
from annotated_edition.verdicts.vocabulary import contrast

OWN = {
    "in-text": {"label": "In the text", "symbol": "✓", "rating": 5, "definition": "d", "color": "#1b5e20", "color_dark": "#a5d6a7"},
    "reading": {"label": "A reading", "symbol": "◇", "rating": 3, "definition": "d"},
}


def actions(page: str) -> list[str]:
    return re.findall(r'<p class="edition-note-actions">(.*?)</p>', page)


def test_the_correction_link_goes_to_gitlab(build) -> None:
    page = build("essay", edition_correction_link="gitlab", html_context={"repository": "group/sub/edition"}).page("essay")
    suggest, edit = re.findall(r'href="([^"]+)"', actions(page)[0])
    assert suggest.startswith("https://gitlab.com/group/sub/edition/-/issues/new?issue%5Btitle%5D=Correction%3A")
    assert re.fullmatch(r"https://gitlab\.com/group/sub/edition/-/blob/main/docs/essay\.md#L\d+", edit)


def test_the_correction_link_is_an_email_or_nothing(build) -> None:
    page = build("essay", edition_correction_link="mailto:editors@example.org").page("essay")
    (links,) = {tuple(re.findall(r'href="([^"]+)"', a)) for a in actions(page)[:1]}
    assert len(links) == 1 and links[0].startswith("mailto:editors@example.org?subject=Correction%3A")
    assert "Edit</a>" not in page


def test_no_correction_link_when_the_edition_says_none(build) -> None:
    assert not actions(build("essay", edition_correction_link="none", html_context={"repository": "a/b"}).page("essay"))


def test_an_editions_own_verdicts_have_their_own_colours(build) -> None:
    edits = {"docs/essay.md": lambda text: text.replace(":verdict: accurate", ":verdict: in-text").replace(":verdict: imprecise", ":verdict: reading")}
    built = build("essay", edits=edits, edition_verdicts=OWN)
    assert built.warning_lines() == []
    css = (built.outdir / "_static" / "annotated-edition-verdicts.css").read_text(encoding="utf-8")
    assert ":root { --edition-verdict-in-text: #1b5e20; --edition-verdict-reading: #8d6e00; }" in css
    assert "--edition-verdict-in-text: #a5d6a7" in css.split("body[data-theme")[1]
    assert "details.edition-verdict-reading { border-left-color: var(--edition-verdict-reading); }" in css
    assert "annotated-edition-verdicts.css" in built.page("essay")


def test_a_colour_without_contrast_is_reported(build) -> None:
    pale = {**DEFAULT_VERDICTS, "accurate": {**DEFAULT_VERDICTS["accurate"], "color": "#eeeeee"}}
    (line,) = build("essay", edition_verdicts=pale).warning_lines()
    assert "verdict 'accurate' has the colour #eeeeee on light pages" in line and "[edition.config]" in line


def test_the_default_colours_keep_their_contrast() -> None:
    for entry in DEFAULT_VERDICTS.values():
        assert contrast(entry["color"], "#ffffff") >= 4.5 and contrast(entry["color_dark"], "#131416") >= 4.5


def test_empty_settings_leave_no_gaps_in_the_citation(build) -> None:
    conf = {"docs/conf.py": lambda text: text + "\nproject = \"Plain\"\n"}
    page = build("essay", edits=conf, edition_title="", edition_date="", version="").page("essay")
    cite = re.search(r'<div class="edition-cite[^"]*">(.*?)</div>', page, re.S)[1]
    assert "Plain. <a class=\"reference external\" href=\"https://example.org/essay.html\">" in cite
    assert ", ," not in cite and "version" not in cite


def test_the_data_box_links_only_a_page_that_exists(build) -> None:
    edits = {"docs/essay.md": lambda text: text + "\n```{edition-data}\n```\n"}
    page = build("essay", edits=edits).page("essay")
    box = re.search(r'<aside class="edition-data".*?</aside>', page, re.S)[0]
    assert "TEI P5" in box and "About the formats" not in box and "data.html" not in box


def test_the_witness_box_shows_the_witness_where_it_is(build, copy_root) -> None:
    project = copy_root("essay")
    (project / "texts").mkdir()
    (project / "sources" / "witness.txt").rename(project / "texts" / "witness.txt")
    (project / "sources" / "manifest.toml").rename(project / "texts" / "manifest.toml")
    page = build("essay", project=project, edition_manifest="../texts/manifest.toml").page("essay")
    assert "<code class=\"docutils literal notranslate\"><span class=\"pre\">texts/witness.txt</span></code>" in page


def test_a_changed_witness_is_reported_with_the_manifests_other_problems(build) -> None:
    edits = {
        "sources/witness.txt": lambda text: text + "one more line\n",
        "sources/manifest.toml": lambda text: text.replace('lines = "3"', 'lines = "3-99"'),
    }
    lines = build("essay", edits=edits).warning_lines()
    changed = [line for line in lines if "the witness was changed" in line]
    assert changed and "`git checkout -- sources/witness.txt`" in changed[0]
    assert "python -m annotated_edition.cli.witness sources/witness.txt" in changed[0]
    assert any("run past the witness's" in line for line in lines)


def test_the_print_edition_needs_no_settings(build) -> None:
    built = build("essay", buildername="latex")
    assert built.app.config.latex_engine == "xelatex"
    assert "FreeSerif" not in next(built.outdir.glob("*.tex")).read_text(encoding="utf-8")


def test_the_skeleton_records_its_witness_checksum(tmp_path) -> None:
    from annotated_edition.cli.new import create

    create(tmp_path / "new", "A Title", "en", "")
    witness = (tmp_path / "new" / "sources" / "sample.txt").read_bytes()
    assert hashlib.sha256(witness).hexdigest() in (tmp_path / "new" / "sources" / "manifest.toml").read_text()


def test_verse_keeps_its_lines_and_stanzas(build) -> None:
    built = build("german")
    page = built.page("gedicht")
    stanzas = re.findall(r'<p class="edition-verse" id="p(\d)">(.*?)</p>', page, re.S)
    assert [number for number, _ in stanzas] == ["1", "2", "3"]
    assert "Die Luft ging durch die Felder,\nDie Ähren wogten sacht," in stanzas[1][1]
    assert "2 Aussagen geprüft" in page and "1 Zutreffend" in page  # German keeps its nouns' capitals
