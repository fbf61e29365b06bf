"""Shared fixtures: tiny edition projects under tests/roots/, built with sphinx.testing's make_app."""

from __future__ import annotations

import fcntl
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
            path.parent.mkdir(parents=True, exist_ok=True)
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


def make(target: str, builddir: Path, **env: str) -> subprocess.CompletedProcess:
    """Run a documented make target of the repository with this test run's Python, into *builddir*."""
    command = ["make", "-C", str(REPO), target, f"BUILDDIR={builddir}", f"BIN={Path(sys.executable).parent}", "STAMP="]
    return subprocess.run(command, capture_output=True, text=True, env={**os.environ, **env})


@contextmanager
def exclusive(lock: Path) -> Iterator[None]:
    """Hold *lock* (a file) against every other process of this test run."""
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shared(
    tmp_path_factory: pytest.TempPathFactory, name: str, produce: Callable[[Path], subprocess.CompletedProcess]
) -> tuple[Path, subprocess.CompletedProcess]:
    """Make a build once per test run, whichever pytest-xdist worker asks first; the others wait and share it.

    The folder is the run's own (beside the workers' temporary folders); the build's exit code and output
    are kept beside it, so that a test can read what `make` printed without building again."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    builddir, record = root / name, root / f"{name}.json"
    with exclusive(root / f"{name}.lock"):
        if not record.exists():
            builddir.mkdir(parents=True, exist_ok=True)
            result = produce(builddir)
            record.write_text(json.dumps([result.returncode, result.stdout, result.stderr]), encoding="utf-8")
        returncode, stdout, stderr = json.loads(record.read_text(encoding="utf-8"))
    return builddir, subprocess.CompletedProcess(name, returncode, stdout, stderr)


@pytest.fixture(scope="session")
def edition_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The real edition, built once per test run exactly as `make html` builds it (in parallel), and what make printed."""
    builddir, result = shared(tmp_path_factory, "edition", lambda folder: make("html", folder))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return builddir, result


@pytest.fixture(scope="session")
def edition(edition_build) -> Path:
    return edition_build[0] / "html"


def path_without(tmp_path: Path, *absent: str) -> str:
    """A PATH holding every program of the current one except *absent* (links in a folder of their own)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for directory in os.environ["PATH"].split(os.pathsep):
        if not Path(directory).is_dir():
            continue
        for program in Path(directory).iterdir():
            target = folder / program.name
            if program.name not in absent and not target.exists() and os.access(program, os.X_OK):
                target.symlink_to(program)
    return str(folder)


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


def under_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def skip_or_fail(message: str) -> None:
    if under_ci():
        pytest.fail(f"CI=true but {message}")
    pytest.skip(message)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Under CI=true no test may pass by skipping, whatever skipped it: a skip is reported as a failure."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and under_ci() and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"CI=true, but this test was skipped: {reason}"
