"""`make check`: every problem of an edition in one run, as file:line messages and GitHub annotations."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_fidelity import replace

from annotated_edition.cli.check import Problem, parse


def run_check(project: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "annotated_edition.cli.check", "docs"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_ACTIONS": "", **env},
    )


@pytest.fixture
def three_mistakes(copy_root) -> Path:
    project = copy_root("essay")
    for relpath, edit in {
        "docs/essay.md": replace(":verdict: imprecise", ":verdict: imprecize"),
        "docs/events.md": replace(":date: 1950-02-14", ":date: 14 Feb 1950"),
        "bib/refs.bib": replace("  year      = {2008},", "  year      = {2008},\n  isbn = {0-691-13590-1},"),
    }.items():
        path = project / relpath
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def test_three_mistakes_three_located_messages(three_mistakes: Path) -> None:
    result = run_check(three_mistakes)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3, lines
    assert any(line.startswith("docs/essay.md:24: unknown verdict 'imprecize'.") for line in lines), lines
    assert any(line.startswith("docs/events.md:3: event 'treaty-1950' has the date '14 Feb 1950'") for line in lines)
    assert any(line.startswith("bib/refs.bib:1: luthi2008: the ISBN") for line in lines), lines
    assert all("Fix: " in line for line in lines)
    assert "3 problems found." in result.stderr


def test_github_annotations(three_mistakes: Path) -> None:
    lines = run_check(three_mistakes, GITHUB_ACTIONS="true").stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::error ")]
    assert len(annotations) == 3
    assert any(
        line.startswith("::error file=docs/essay.md,line=24::unknown verdict 'imprecize'.") for line in annotations
    )
    assert any(line.startswith("::error file=bib/refs.bib,line=1::luthi2008:") for line in annotations)


def test_clean_edition_passes(copy_root) -> None:
    result = run_check(copy_root("essay"))
    assert result.returncode == 0 and result.stdout == "" and "No problems found." in result.stderr


def test_a_broken_project_is_one_clear_problem(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"docs: config directory doesn't contain a conf.py file ({tmp_path / 'docs'})"
    ]


def test_annotation_escaping() -> None:
    problem = Problem("docs/a,b:c.md", 3, "50% done\nnext line")
    assert problem.github() == "::error file=docs/a%2Cb%3Ac.md,line=3::50%25 done%0Anext line"
    assert Problem("docs/conf.py", None, "x").plain() == "docs/conf.py: x"


def test_parse_keeps_location_less_warnings(tmp_path: Path) -> None:
    log = f"{tmp_path}/docs/x.md:4: WARNING: bad. Fix: good.\nWARNING: no location\n  context line\n"
    assert parse(log, tmp_path) == [
        Problem("docs/x.md", 4, "bad. Fix: good."),
        Problem("(sphinx)", None, "no location"),
    ]
