"""The extension as another edition gets it: a wheel and an sdist built cleanly, installed into a fresh
virtual environment, and used there to start an edition and to build the example edition (HTML, EPUB,
PDF) with warnings as errors, from no file of this edition."""

from __future__ import annotations

import email
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, require_tools

EXAMPLE = REPO / "examples" / "mondnacht"
LOCK = REPO / "requirements" / f"py{sys.version_info.major}.{sys.version_info.minor}.txt"


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> Path:
    """``python -m build`` of the repository (the maintainer's release step), into a folder of its own."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, REPO)
    return out


@pytest.fixture(scope="session")
def installed(dist, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed (dependencies at the versions of the lock file)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    (wheel,) = dist.glob("*.whl")
    constraint = ["--constraint", LOCK] if LOCK.is_file() else []
    run(python, "-m", "pip", "install", "--quiet", *constraint, wheel)
    return python


@pytest.mark.slow
def test_the_build_leaves_the_source_tree_alone(dist) -> None:
    assert not (REPO / "build").exists() and not list(REPO.rglob("*.egg-info"))


@pytest.mark.slow
def test_the_wheel_holds_the_package_and_says_what_it_is(dist) -> None:
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = email.message_from_string(
            archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        )
    for needed in (
        "annotated_edition/py.typed",
        "annotated_edition/LICENSE",
        "annotated_edition/README.md",
        "annotated_edition/locales/de/LC_MESSAGES/annotated_edition.mo",
        "annotated_edition/locales/de/LC_MESSAGES/annotated_edition.po",
        "annotated_edition/output/static/annotated-edition.css",
        "annotated_edition/cli/new.py",
        "annotated_edition/core/compat.py",
    ):
        assert needed in names, needed
    assert metadata["Name"] == "sphinx-annotated-edition" and metadata["License-Expression"] == "MIT"
    assert metadata["Author"] == "the editors"
    assert "Framework :: Sphinx :: Extension" in metadata.get_all("Classifier")
    assert {url.split(",")[0] for url in metadata.get_all("Project-URL")} >= {"Homepage", "Documentation", "Source"}
    assert "# sphinx-annotated-edition" in metadata.get_payload()  # the extension's README, not this edition's
    requires = metadata.get_all("Requires-Dist")
    assert all("extra ==" in r for r in requires if r.startswith(("furo", "sphinx-design")))


@pytest.mark.slow
def test_the_sdist_is_the_extensions_source(dist) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"pyproject.toml", "extensions/annotated_edition/__init__.py", "extensions/annotated_edition/LICENSE"} <= names
    assert not any(name.startswith(("docs/", "sources/", "bib/")) for name in names)  # this edition stays out


@pytest.mark.slow
def test_a_new_edition_builds_from_the_installed_wheel(installed, tmp_path) -> None:
    located = run(installed, "-c", "import annotated_edition; print(annotated_edition.__file__)").stdout
    assert str(REPO) not in located
    run(installed, "-m", "annotated_edition.cli.new", "mine", "--language", "de", "--text-name", "Rede", cwd=tmp_path)
    run(installed, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html", "mine/docs", "out", cwd=tmp_path)
    page = (tmp_path / "out" / "text.html").read_text(encoding="utf-8")
    assert "Anmerkung 1" in page and "Was die Anmerkungen fanden" in page
    printed = run(installed, "-m", "annotated_edition.cli.witness", "mine/sources/sample.txt", cwd=tmp_path).stdout
    manifest = (tmp_path / "mine" / "sources" / "manifest.toml").read_text(encoding="utf-8")
    assert printed.splitlines()[1] in manifest and "1  A Sample Text" in printed


@pytest.mark.slow
def test_the_example_edition_builds_from_the_installed_wheel(installed, tmp_path) -> None:
    """HTML and EPUB with -W, and the PDF (XeLaTeX, no font settings), from a copy outside the repository."""
    example = tmp_path / "mondnacht"
    shutil.copytree(EXAMPLE, example, ignore=shutil.ignore_patterns("_build"))
    sphinx = [installed, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-d", "_build/doctrees"]
    run(*sphinx, "-b", "html", "docs", "_build/html", cwd=example)
    poem = (example / "_build" / "html" / "gedicht.html").read_text(encoding="utf-8")
    assert "Anmerkung 1" in poem and "Im Text" in poem and "Berichtigung vorschlagen" in poem
    colours = (example / "_build" / "html" / "_static" / "annotated-edition-verdicts.css").read_text(encoding="utf-8")
    assert "--edition-verdict-deutung: #0d47a1" in colours and "--edition-verdict-deutung: #90caf9" in colours
    run(*sphinx, "-b", "epub", "docs", "_build/epub", cwd=example)
    assert list((example / "_build" / "epub").glob("*.epub"))
    require_tools("xelatex", "latexmk", "xindy")
    run(installed, "-m", "sphinx", "-M", "latexpdf", "docs", "_build", "-W", "--keep-going", "-q", cwd=example)
    assert list((example / "_build" / "latex").glob("*.pdf"))
