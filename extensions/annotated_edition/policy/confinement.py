"""Which files the build may read from the editors' sources: files inside the project, outside hidden folders.

An editor's ``{literalinclude}``, ``{include}``, ``{download}``, image or witness path that climbs out
of the project (``../../etc/passwd``, an absolute path, a symbolic link committed to point elsewhere)
would publish a file of the machine that builds the preview, and on a CI machine that can be its
secrets.  Hidden folders inside the project are refused too: a CI checkout keeps its access token in
``.git/config``.  Paths are resolved, symbolic links included, before they are judged; includes and
listings are judged before their file is opened (so ``/dev/zero`` or a loop of links never is), and
images, downloads and any listing are judged again on the doctree (:mod:`.rules`).
"""

from __future__ import annotations

import functools
import os
import subprocess
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.directives.code import LiteralInclude
from sphinx.directives.other import Include
from sphinx.environment import BuildEnvironment

from ..core import priorities
from ..core.messages import EntryError, warn

REFUSED_FILES_KEY = "edition-refused-files"  # temp_data: the reasons already given in this document


def find_root(app: Sphinx) -> None:
    """The folder the editors' files live in (``edition_project_root``, relative to the folder of conf.py),
    resolved once a build, before anything is read."""
    app.env.edition_project_root = Path(app.confdir, app.config.edition_project_root).resolve()


def project_root(env: BuildEnvironment) -> Path:
    return env.edition_project_root


def git_toplevel(root: Path) -> Path | None:
    """The work tree *root* belongs to, or None when it is in none (or git is not installed)."""
    try:
        found = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(found.stdout.strip()).resolve() if found.returncode == 0 and found.stdout.strip() else None


@functools.lru_cache(maxsize=32)
def _tracked(top: Path, index_stamp: float) -> frozenset[Path]:
    listed = subprocess.run(["git", "-C", str(top), "ls-files", "-z", "--cached"], capture_output=True, timeout=60)
    return frozenset(top / os.fsdecode(name) for name in listed.stdout.split(b"\0") if name)


def tracked_files(root: Path) -> frozenset[Path] | None:
    """The files git tracks in the work tree of *root* (read again when git's index changes), or None when the
    project is not a git work tree: then confinement is by folder alone."""
    top = git_toplevel(root)
    if top is None:
        return None
    index = top / ".git" / "index"
    return _tracked(top, index.stat().st_mtime if index.exists() else 0.0)


def refusal(path: str | Path, root: Path) -> str | None:
    """Why the build may not read *path*, in words naming it, or None when it may: outside the project, in a
    hidden folder, or (in a git work tree) a file git does not track, such as an ignored one."""
    try:  # strict: a loop of symbolic links is an error on every Python (3.13's non-strict resolve() passes it)
        resolved = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        resolved = Path(path).resolve()  # a file that does not exist yet may still be judged by where it would be
    except (OSError, RuntimeError):
        return f"{path} cannot be followed to a file (its symbolic links form a loop)"
    if not resolved.is_relative_to(root):
        return f"{resolved} is outside the project ({root})"
    hidden = [part for part in resolved.relative_to(root).parts if part.startswith(".")]
    if hidden:
        return f"{resolved} is in the hidden folder or file {hidden[0]!r} of the project"
    tracked = tracked_files(root)
    if tracked is not None and resolved.is_file() and resolved not in tracked:
        return f"{resolved.relative_to(root)} is not a file git tracks (new, or ignored by .gitignore)"
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
            "name a file of the project that git tracks (`git add` a new one), outside hidden folders, by a path "
            "relative to this page.",
        )
        warn("policy", error.problem, error.fix, location)
    return True


def page_file(env: BuildEnvironment, filename: str) -> Path:
    """The file a page names (to include, list, show or offer for download), found as Sphinx finds it: from the
    source folder if the name starts with ``/``, else from the page's folder.  Resolved only by :func:`refusal`,
    which survives a loop of symbolic links (Sphinx's own resolving does not)."""
    if filename.startswith("/"):
        return Path(env.srcdir, filename.lstrip("/"))
    return Path(env.doc2path(env.docname)).parent / filename


FILE_OPTIONS = ("diff",)  # literalinclude's :diff: reads a second file


class ConfinedRead:
    """For directives that read the file their argument names: the file is judged before anything is read."""

    def run(self) -> list[nodes.Node]:
        named = [self.arguments[0], *(self.options.get(option) for option in FILE_OPTIONS)]
        if any(refused_file(self.env, page_file(self.env, name), self.get_location()) for name in named if name):
            return []
        return super().run()


class ConfinedInclude(ConfinedRead, Include):
    """reStructuredText's ``include`` (MyST's is checked by :class:`.parsers.EditionRenderer`)."""


class ConfinedLiteralInclude(ConfinedRead, LiteralInclude):
    pass


def setup_confinement(app: Sphinx) -> None:
    app.connect("builder-inited", find_root, priority=priorities.PROJECT_ROOT)
    app.add_directive("include", ConfinedInclude, override=True)
    app.add_directive("literalinclude", ConfinedLiteralInclude, override=True)
