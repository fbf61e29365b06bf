"""Which files the build may read from the editors' sources: files inside the project, outside hidden folders.

An editor's ``{literalinclude}``, ``{include}``, ``{download}``, image or witness path that climbs out
of the project (``../../etc/passwd``, an absolute path, a symbolic link committed to point elsewhere)
would publish a file of the machine that builds the preview, and on a CI machine that can be its
secrets.  Hidden folders inside the project are refused too: a CI checkout keeps its access token in
``.git/config``.  Paths are resolved, symbolic links included, before they are judged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .configuration import add_setting
from .messages import EntryError, warn

REFUSED_FILES_KEY = "edition-refused-files"  # temp_data: the reasons already given in this document


def find_root(app: Sphinx) -> None:
    """The folder the editors' files live in (``edition_project_root``, relative to the folder of conf.py),
    resolved once a build, before anything is read."""
    app.env.edition_project_root = Path(app.confdir, app.config.edition_project_root).resolve()


def project_root(env: BuildEnvironment) -> Path:
    return env.edition_project_root


def refusal(path: str | Path, root: Path) -> str | None:
    """Why the build may not read *path*, in words naming it, or None when it may."""
    resolved = Path(path).resolve()
    if not resolved.is_relative_to(root):
        return f"{resolved} is outside the project ({root})"
    hidden = [part for part in resolved.relative_to(root).parts if part.startswith(".")]
    if hidden:
        return f"{resolved} is in the hidden folder or file {hidden[0]!r} of the project"
    return None


def refused_file(env: BuildEnvironment, path: str | Path, location: Any) -> bool:
    """Whether the build may not read *path*; the first time in a document, this is said at *location*."""
    reason = refusal(path, project_root(env))
    if reason is None:
        return False
    said = env.temp_data.setdefault(REFUSED_FILES_KEY, set())
    if reason not in said:
        said.add(reason)
        error = EntryError(
            f"{reason}: the edition publishes files of the project only, never from elsewhere on the machine "
            "that builds it.",
            "name a file of the project, outside hidden folders, by a path relative to this page.",
        )
        warn("policy", error.problem, error.fix, location)
    return True


def line_naming(env: BuildEnvironment, docname: str, path: Path, word: str) -> int:
    """The first line of *docname*'s source with *word* and *path*'s file name on it (MyST and docutils do not
    tell an ``include-read`` handler which line included the file)."""
    lines = Path(env.doc2path(docname)).read_text(encoding="utf-8").split("\n")
    found = [n for n, line in enumerate(lines, 1) if word in line]
    return next((n for n in found if path.name in lines[n - 1]), found[0] if found else 1)


def confine_include(app: Sphinx, relative_path: Path, parent_docname: str, content: list[str]) -> None:
    """An included file from outside the project is refused, and nothing of it is read into the page."""
    path = Path(app.srcdir, relative_path)
    location = (parent_docname, line_naming(app.env, parent_docname, path, "include"))
    if refused_file(app.env, path, location):
        content[0] = ""


def setup_confinement(app: Sphinx) -> None:
    add_setting(app, "edition_project_root", "..")
    app.connect("builder-inited", find_root, priority=100)
    app.connect("include-read", confine_include, priority=400)
