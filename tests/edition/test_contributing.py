"""CONTRIBUTING.md (also the "How to annotate" page) is right: its examples work and its tables match the code."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

from pybtex.database import parse_string

from annotated_edition.bibliography.checks import REQUIRED
from annotated_edition.verdicts.vocabulary import DEFAULT_VERDICTS
from conftest import REPO, body, sphinx_build

GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"^````markdown\n(.*?)^````$", GUIDE, re.MULTILINE | re.DOTALL)


def example(directive: str) -> str:
    return next(block for block in EXAMPLES if block.startswith(f"```{{{directive}}}"))


def test_worked_examples_build_in_the_real_edition(tmp_path: Path) -> None:
    """A newcomer pastes the guide's fact-check under ¶2 of essay 2, in the order of its quote, and its event
    into the registry in date order."""
    for folder in ("docs", "sources", "bib"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    shutil.copy(REPO / "CONTRIBUTING.md", tmp_path)
    essay = tmp_path / "docs" / "essays" / "essay-2.md"
    text = essay.read_text(encoding="utf-8")
    paragraph_start = text.index("The early phase of Sino-Soviet relations")
    paragraph = text[paragraph_start : text.index("\n", paragraph_start)]
    claim = re.match(r"```\{factcheck\} (.*)", example("factcheck")).group(1)
    notes = re.finditer(r"^```\{factcheck\} (.*)$", text[paragraph_start:], re.MULTILINE)
    later = next(n for n in notes if paragraph.find(n.group(1)) > paragraph.find(claim))  # notes follow their quotes
    at = paragraph_start + later.start()
    essay.write_text(text[:at] + example("factcheck") + "\n" + text[at:], encoding="utf-8")
    readings = tmp_path / "docs" / "verdicts" / "second-readings.csv"  # the reviewer's blind reading
    readings.write_text(
        readings.read_text(encoding="utf-8")
        + "essays/essay-2,mao-zedongs-victory-in-the-chinese,accurate,accurate,accurate,\n",
        encoding="utf-8",
    )
    events = tmp_path / "docs" / "events" / "index.md"
    registry = events.read_text(encoding="utf-8").replace(
        "```{event} khrushchev-visit-1954", example("event") + "\n```{event} khrushchev-visit-1954"
    )
    events.write_text(registry, encoding="utf-8")
    out = tmp_path / "html"
    result = sphinx_build(out, source=tmp_path / "docs")
    assert result.returncode == 0, result.stderr
    html = body(out / "essays" / "essay-2.html")
    # the quote runs into the essay's link to the civil war, so the highlight is in two pieces
    assert re.search(
        r'<a class="edition-claim edition-verdict-accurate" data-note="mao-zedongs-victory-in-the-chinese" '
        r'href="#ref-mao-zedongs-victory-in-the-chinese-body" id="claim-mao-zedongs-victory-in-the-chinese">'
        r"Mao Zedong’s victory in </a>",
        html,
    )
    assert 'id="event-geneva-conference-1954"' in body(out / "events" / "index.html")


def test_bibtex_example_is_the_real_entry() -> None:
    block = re.search(r"^```bibtex\n(.*?)^```$", GUIDE, re.MULTILINE | re.DOTALL).group(1)
    shown = next(iter(parse_string(block, "bibtex").entries.values()))
    real = parse_string((REPO / "bib" / "editors.bib").read_text(encoding="utf-8"), "bibtex").entries[shown.key]
    assert dict(shown.fields) == dict(real.fields) and str(shown.persons) == str(real.persons)


def test_verdict_table_matches_the_vocabulary() -> None:
    assert re.findall(r"^\| `(\w+)` \|", GUIDE, re.MULTILINE)[: len(DEFAULT_VERDICTS)] == list(DEFAULT_VERDICTS)


def test_required_fields_match_the_check() -> None:
    for entry_type, fields in REQUIRED.items():
        if entry_type == "misc":
            continue
        line = re.search(rf"`@{entry_type}` ([^;.]+)", GUIDE).group(1)
        for need in fields:
            assert any(option in line for option in need.split("|")), (entry_type, need)


def test_every_message_tag_is_explained() -> None:
    tags = set()
    sources = sorted((REPO / "extensions" / "annotated_edition").rglob("*.py"))
    assert len(sources) > 40, "the extension's modules were not found"
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "warn":
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    tags.add(first.value)
    tags |= {"event", "person"}  # registries report under their role's name
    for tag in sorted(tags):
        assert f"`[edition.{tag}]`" in GUIDE, tag


def test_how_to_annotate_page_is_the_guide(edition: Path) -> None:
    html = body(edition / "how-to-annotate.html")
    assert "Add a fact-check" in html and "What the messages mean" in html and "Review checklist" in html


def test_the_guides_numbers_and_tables_stay_true() -> None:
    """Every command the guide lists is a make target, every file it points to exists, and its timings are
    the measured ones (make check about 6 seconds, the first run about 20: see bench/README.md)."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    commands = re.findall(r"^\| `make (\w+)` \|", GUIDE, re.MULTILINE)
    assert {"check", "html", "test", "pdf", "epub"} <= set(commands)
    for target in commands:
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target
    table = GUIDE.split("Where things are:", 1)[1].split("\n\n", 2)[1]
    paths = [
        path for row in re.findall(r"^\| (`.*?`) \|", table, re.MULTILINE) for path in re.findall(r"`([^`]+)`", row)
    ]
    assert len(paths) >= 8
    for path in paths:
        assert list(REPO.glob(path)), path
    assert "(about 6 seconds)" in GUIDE and "(about 20 seconds)" in GUIDE


def test_make_html_is_quiet(edition_build) -> None:
    """Progress and problems only: no configuration dump, no progress bar; a failure points at make check."""
    builddir, result = edition_build  # the session's own `make html`
    output = result.stdout + result.stderr
    assert "MdParserConfig" not in output and "reading sources" not in output
    assert [line for line in result.stdout.splitlines() if not line.startswith("make")] == [
        f"Building the HTML edition in {builddir}/html ...",
        f"Done: open {builddir}/html/index.html",
    ]
