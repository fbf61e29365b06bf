"""Shared fixtures: tiny edition projects under tests/roots/, built with sphinx.testing's make_app."""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


class Built:
    """A finished test build: its app, warnings and output directory."""

    def __init__(self, app, project: Path) -> None:
        self.app = app
        self.project = project
        self.warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
        self.outdir = Path(app.outdir)

    def page(self, name: str) -> str:
        suffix = {"html": ".html", "text": ".txt"}.get(self.app.builder.name, ".html")
        return (self.outdir / f"{name}{suffix}").read_text(encoding="utf-8")

    def warning_lines(self) -> list[str]:
        return [line for line in self.warnings.splitlines() if "WARNING" in line or "ERROR" in line]


@pytest.fixture
def copy_root(tmp_path: Path) -> Callable[[str], Path]:
    """Copy tests/roots/test-NAME to a temporary folder and return the copy."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(ROOTS / f"test-{name}", target)
        return target

    return copy


@pytest.fixture
def build(make_app, copy_root) -> Callable[..., Built]:
    """Build a copy of a test root (after optional edits) and return the result.

    ``edits`` maps a file (relative to the root) to a function that rewrites its text.
    """

    def run(
        name: str,
        buildername: str = "html",
        edits: dict[str, Callable[[str], str]] | None = None,
        project: Path | None = None,
        parallel: int = 0,
        **confoverrides,
    ) -> Built:
        project = project or copy_root(name)
        for relpath, edit in (edits or {}).items():
            path = project / relpath
            text = path.read_text(encoding="utf-8") if path.exists() else ""  # an edit may create a file
            path.write_text(edit(text), encoding="utf-8")
        app = make_app(
            buildername, srcdir=project / "docs", freshenv=False, parallel=parallel, confoverrides=confoverrides
        )
        app.build()
        return Built(app, project)

    return run


def sphinx_build(outdir: Path, *extra: str, source: Path = REPO / "docs") -> subprocess.CompletedProcess:
    """Build the real edition's HTML the way `make html` does (warnings are errors)."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-n", "-q", *extra]
    return subprocess.run([*command, str(source), str(outdir)], capture_output=True, text=True)


@pytest.fixture(scope="session")
def edition(tmp_path_factory) -> Path:
    """The real edition, built once per test session."""
    out = tmp_path_factory.mktemp("edition") / "html"
    result = sphinx_build(out)
    assert result.returncode == 0, result.stderr
    return out


def body(path: Path) -> str:
    """A page of a built site, as text."""
    return path.read_text(encoding="utf-8")


def require_tools(*names: str) -> None:
    """Skip when a system tool is missing on a laptop; fail under CI, which must never pass by skipping."""
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        skip_or_fail(f"needs {', '.join(missing)} (installed by .ci/run; see README)")


def require_module(name: str):
    """Import a test-only package (playwright, axe), skipping or failing like :func:`require_tools`."""
    try:
        return importlib.import_module(name)
    except ImportError:
        skip_or_fail(f"needs the Python package {name} (pip install -e '.[test]')")


def skip_or_fail(message: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {message}")
    pytest.skip(message)
