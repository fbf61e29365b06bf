"""Generated pages (register, backlinks, bibliographies) after incremental and parallel builds equal a clean build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOTS

PAGES = ["essay", "register", "register-essay", "events", "timeline", "people", "bibliography"]


def sphinx(project: Path, out: Path, *extra: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", *extra, str(project / "docs"), str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr


def pages(out: Path) -> dict[str, str]:
    """The generated pages, and the data files (TEI, Web Annotation, CSV) written at the end of the build."""
    found = {page: (out / f"{page}.html").read_text(encoding="utf-8") for page in PAGES}
    return found | {
        str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted((out / "_data").rglob("*.*"))
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(ROOTS / "test-essay", target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NOTE_2 = "```{factcheck} Stalin in 1950\n:verdict: imprecise\n\nOverlaps the first claim {cite:p}`radchenko2009`; see {person}`luthi`.\n```\n"
EDITS = {
    "remove-note": ("docs/essay.md", NOTE_2, ""),
    "change-verdict": ("docs/essay.md", ":verdict: imprecise", ":verdict: inaccurate"),
    "remove-mention": ("docs/essay.md", "when they signed {event}`the treaty <treaty-1950>` ", ""),
    "redate-event": ("docs/events.md", ":date: 1950-02-14", ":date: 1950-02"),
    "add-event": (
        "docs/events.md",
        "```{event} split\n",
        "```{event} stalin-death\n:date: 1953-03-05\n:title: Death of Stalin\n\nStalin died {cite:p}`luthi2008`.\n```\n\n"
        "```{event} split\n",
    ),
    "remove-event": (
        "docs/events.md",
        "```{event} split\n:date: 1960-07/1963-07\n:title: The split\n\n"
        "See {event}`treaty-1950` {cite:p}`radchenko2009`.\n```\n",
        "",
    ),
    "add-mention": ("docs/essay.md", "Overlaps the first claim", "Overlaps {event}`split`, the first claim"),
    "remove-person-mention": ("docs/essay.md", "; see {person}`luthi`", ""),
    "bib-retitle": (
        "bib/refs.bib",
        "{The Sino-Soviet Split: Cold War in the Communist World}",
        "{The Sino-Soviet Split}",
    ),
    "bib-redate": ("bib/refs.bib", "year      = {2009}", "year      = {2010}"),
    "uncite-work": ("docs/essay.md", "{cite:p}`radchenko2009`;", "{cite:p}`luthi2008`;"),
}


@pytest.mark.parametrize("case", sorted(EDITS))
def test_incremental_equals_clean(project: Path, tmp_path: Path, case: str) -> None:
    incremental = tmp_path / "incremental"
    sphinx(project, incremental)
    before = pages(incremental)
    relpath, old, new = EDITS[case]
    edit(project / relpath, old, new)
    sphinx(project, incremental)
    clean = tmp_path / "clean"
    sphinx(project, clean, "-E")
    after = pages(incremental)
    assert after == pages(clean)
    assert after != before  # the edit did change something the generated pages show


def test_parallel_equals_serial(project: Path, tmp_path: Path) -> None:
    sphinx(project, tmp_path / "serial")
    sphinx(project, tmp_path / "parallel", "-j", "2")
    assert pages(tmp_path / "parallel") == pages(tmp_path / "serial")


def test_event_backlinks(project: Path, tmp_path: Path) -> None:
    sphinx(project, tmp_path / "out")
    html = pages(tmp_path / "out")["events"]
    assert 'href="essay.html#mao-stalin">A Short Essay, note 1 (¶2)</a>' in html
    assert "14 February 1950" in html and "July 1960 – July 1963" in html


def test_a_changed_verdict_rewrites_only_what_shows_it(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    sphinx(project, out)
    written = {page: (out / f"{page}.html").stat().st_mtime_ns for page in PAGES}
    edit(project / "docs/essay.md", ":verdict: imprecise", ":verdict: inaccurate")
    sphinx(project, out)
    rewritten = {page for page in PAGES if (out / f"{page}.html").stat().st_mtime_ns != written[page]}
    assert rewritten == {"essay", "register", "register-essay"}  # not the events, people, timeline or bibliography


NEW_BIB = """@book{zhang2001,
  author    = {Zhang, Shu Guang},
  title     = {Economic Cold War: America's Embargo against China and the Sino-Soviet Alliance},
  publisher = {Stanford University Press},
  year      = {2001}, coverage = {1949/1963},
}
"""


def test_a_bib_file_added_to_bibtex_bibfiles_is_seen_by_an_incremental_build(project: Path, tmp_path: Path) -> None:
    """A {bibliography} keeps the files it was read with; without reading it again the new file's works would be
    in no bibliography and their citations would print "()"."""
    incremental = tmp_path / "incremental"
    sphinx(project, incremental)
    (project / "bib" / "more.bib").write_text(NEW_BIB, encoding="utf-8")
    edit(project / "docs/conf.py", 'bibtex_bibfiles = ["../bib/refs.bib"]', 'bibtex_bibfiles = ["../bib/refs.bib", "../bib/more.bib"]')
    edit(project / "docs/essay.md", "{cite:p}`radchenko2009`;", "{cite:p}`radchenko2009,zhang2001`;")
    sphinx(project, incremental)
    sphinx(project, tmp_path / "clean", "-E")
    assert pages(incremental) == pages(tmp_path / "clean")
    assert "Zhang 2001" in pages(incremental)["essay"] and "()" not in pages(incremental)["essay"]
