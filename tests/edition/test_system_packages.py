"""The system packages: one list (.ci/packages.toml), the same in README and .ci/run, complete for
every program and font the build calls, and a clear preflight message when one is missing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import REPO, make, path_without, require_tools

PACKAGES = tomllib.loads((REPO / ".ci" / "packages.toml").read_text(encoding="utf-8"))["package"]
PREFLIGHT = REPO / ".ci" / "preflight.py"
#: Programs the build and the tests run: LaTeX via Sphinx's latexmk Makefile (xelatex, xindy for the
#: index, xdvipdfmx for the PDF), poppler for the PDF tests, Chromium for the browser tests.
PROGRAMS = {"make", "xelatex", "xdvipdfmx", "latexmk", "xindy", "pdftotext", "pdffonts", "pdfinfo", "chromium", "java"}


def provided(kind: str) -> dict[str, str]:
    """``{program or font: package}`` as the list declares it."""
    return {
        item.split(":", 1)[1]: name
        for name, entry in PACKAGES.items()
        for item in entry["provides"]
        if item.startswith(f"{kind}:")
    }


def programs_the_tests_require() -> set[str]:
    found: set[str] = set()
    for path in (REPO / "tests").glob("test_*.py"):
        text = path.read_text(encoding="utf-8")
        for call in re.findall(r"require_tools\(([^)]*)\)", text):
            found |= set(re.findall(r'"([\w.-]+)"', call))
        found |= {p for group in re.findall(r"TOOLS = \(([^)]*)\)", text) for p in re.findall(r'"([\w.-]+)"', group)}
    return found - {"no-such-tool", "python3", "dpkg"}  # dpkg is Essential on Debian


def fonts_the_pdf_names() -> set[str]:
    sources = (REPO / "docs" / "conf.py").read_text(encoding="utf-8")
    sources += (REPO / "extensions" / "annotated_edition" / "output" / "static" / "annotatededition.sty").read_text(
        encoding="utf-8"
    )
    return set(re.findall(r"\\(?:set(?:main|sans|mono)font|newfontfamily\\\w+)\{([^}]+)\}", sources)) | set(
        re.findall(r"\\IfFontExistsTF\{([^}]+)\}", sources)
    )


def dpkg_owner(path: str) -> str:
    result = subprocess.run(["dpkg", "-S", os.path.realpath(path)], capture_output=True, text=True)
    assert result.returncode == 0, f"dpkg knows no package for {path}: {result.stderr}"
    return result.stdout.split(":", 1)[0].split(",")[0].strip()


def test_every_program_and_font_used_is_declared() -> None:
    assert programs_the_tests_require() | PROGRAMS <= set(provided("program")), "declare it in .ci/packages.toml"
    assert fonts_the_pdf_names() <= set(provided("font"))


def test_debian_says_which_package_provides_each() -> None:
    require_tools("dpkg", "fc-match")
    for program, package in provided("program").items():
        path = shutil.which(program)
        assert path, f"{program} is not installed; .ci/run should have installed {package}"
        assert dpkg_owner(path) == package, f"{program} comes from {dpkg_owner(path)}, not {package}"
    for path, package in provided("file").items():
        assert Path(path).is_file() and dpkg_owner(path) == package, path
    for font, package in provided("font").items():
        match = subprocess.run(["fc-match", "-f", "%{family}\t%{file}", font], capture_output=True, text=True).stdout
        family, _, path = match.partition("\t")
        assert font in family.split(","), f"font {font!r} is not installed (fc-match gives {family})"
        assert dpkg_owner(path) == package, f"{font} comes from {dpkg_owner(path)}, not {package}"


def readme_packages() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    lines = re.findall(r"^sudo apt-get install (.+)$", readme, re.MULTILINE)
    assert len(lines) == 1, "README shows one apt-get line"
    return lines[0].split()


def test_readme_and_ci_install_the_same_list() -> None:
    assert readme_packages() == list(PACKAGES)
    assert "EPUBCHECK ?= java -jar " + next(iter(provided("file"))) in (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("html", "test", "pdf", "check", "epub"):
        assert any(target in entry["for"] for entry in PACKAGES.values()), target
    listed = subprocess.run([sys.executable, PREFLIGHT, "--packages", "test"], capture_output=True, text=True)
    assert listed.stdout.split() == [name for name, entry in PACKAGES.items() if "test" in entry["for"]]
    run = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ".ci/preflight.py --packages test" in run and "apt-get install" in run


def test_preflight_names_the_missing_program_and_the_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, PREFLIGHT, "pdf"],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": path_without(tmp_path, "xindy", "latexmk")},
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == ["make pdf: latexmk, xindy not installed. Install with: sudo apt-get install latexmk xindy"]


def test_make_pdf_stops_before_sphinx_without_tex(tmp_path: Path) -> None:
    result = make("pdf", tmp_path / "build", PATH=path_without(tmp_path, "xelatex"))
    assert result.returncode != 0
    assert "make pdf: xelatex not installed. Install with: sudo apt-get install texlive-binaries" in result.stderr
    assert not (tmp_path / "build" / "latex").exists(), "nothing was built"
