"""The real edition: it builds without a warning, serially and in parallel, with the same pages."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

PAGES = ["index", "method", "witnesses", "essays/essay-1", "essays/essay-2"]


def sphinx_build(outdir: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-n", "-q", *extra,
         str(REPO / "docs"), str(outdir)],
        capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def edition(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("edition") / "html"
    result = sphinx_build(out)
    assert result.returncode == 0, result.stderr
    return out


def body(path: Path) -> str:
    """The page minus what legitimately differs between builds (none expected, but be explicit)."""
    return path.read_text(encoding="utf-8")


def test_parallel_build_equals_serial(edition: Path, tmp_path: Path) -> None:
    out = tmp_path / "html"
    result = sphinx_build(out, "-j", "2")
    assert result.returncode == 0, result.stderr
    for page in PAGES:
        assert body(out / f"{page}.html") == body(edition / f"{page}.html"), page


def test_every_essay_paragraph_is_numbered(edition: Path) -> None:
    for page, count in (("essays/essay-1", 13), ("essays/essay-2", 25)):
        html = body(edition / f"{page}.html")
        assert re.findall(r'<p id="p(\d+)"', html) == [str(n) for n in range(1, count + 1)]


def test_paratext_is_on_record_and_out_of_the_reading_text(edition: Path) -> None:
    html = body(edition / "essays/essay-1.html")
    assert html.count('<details class="edition-paratext">') == 8
    assert "We are here 24/7 to write your paper" in html
    essay_paragraphs = " ".join(re.findall(r'<p id="p\d+">(.*?)</p>', html, re.S))
    assert "Place Order" not in essay_paragraphs and "EduBirdie" not in essay_paragraphs
