"""``python -m annotated_edition.cli.check [SOURCEDIR]``: every problem in an edition, in one run.

For editors before a pull request and for CI.  It runs a full Sphinx build (the ``html`` builder,
as ``make html``: everything is read, checked, resolved and written, to a folder thrown away) with
``-n --keep-going``, so the fidelity, annotation, event, people and bibliography checks all run, and prints each warning as
``file:line: message`` with paths relative to the repository.  Under GitHub Actions it also prints
each one as a workflow command (``::error file=…,line=…::…``), which puts it on the pull request's
diff.  The build's summary (the evidence share) follows on stderr.  Exit status 1 if there was any problem.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sphinx.cmd.build import build_main

SUMMARY = re.compile(r"^Evidence: .*$", re.MULTILINE)
WARNING = re.compile(r"^(?:(?P<file>.+?)(?::(?P<line>\d+))?: )?(?:WARNING|ERROR|CRITICAL): (?P<message>.*)$")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str

    def plain(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"

    def github(self) -> str:
        """A GitHub Actions error annotation; its data must escape %, CR and LF, its properties also : and ,."""

        def data(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        where = f"file={data(self.file).replace(':', '%3A').replace(',', '%2C')}"
        if self.line:
            where += f",line={self.line}"
        return f"::error {where}::{data(self.message)}"


def parse(log: str, root: Path) -> list[Problem]:
    """Problems from Sphinx's warning file, one per warning line.  Other lines (a docutils message's
    context, the dump of a crash) are left out: a crash is reported from the exit status instead."""
    problems: list[Problem] = []
    for match in filter(None, map(WARNING.match, log.splitlines())):
        if not match["file"]:
            problems.append(Problem("(sphinx)", None, match["message"]))
            continue
        path = Path(match["file"])
        with contextlib.suppress(ValueError):
            path = path.resolve().relative_to(root)
        problems.append(Problem(str(path), int(match["line"]) if match["line"] else None, match["message"]))
    return problems


def check(sourcedir: Path, root: Path, release: bool = False) -> tuple[list[Problem], list[str]]:
    """The problems found, and the summary lines the build printed (the evidence share)."""
    with tempfile.TemporaryDirectory() as out:
        log = Path(out, "warnings.txt")
        echo = io.StringIO()  # Sphinx also prints each warning to stderr; the list below replaces that
        with contextlib.redirect_stderr(echo):
            status = build_main(
                [
                    "-b",
                    "html",  # as `make html` does: pages, exports and their checks are written (to a folder thrown away)
                    "-E",
                    "-n",
                    "--keep-going",
                    "-q",
                    *(["-D", "edition_release_check=1"] if release else []),
                    "-w",
                    str(log),
                    str(sourcedir),
                    str(Path(out, "build")),
                ]
            )
        problems = parse(log.read_text(encoding="utf-8"), root) if log.exists() else []
        if status:  # the build stopped: that is a problem of its own, whatever was said before it
            errors = re.findall(r"^\s*[\w.]*(?:Error|Exception): (.+)$", echo.getvalue(), re.MULTILINE)
            stopped = errors[-1] if errors else f"sphinx-build exited {status}"
            problems.append(Problem(str(sourcedir), None, stopped))
        return problems, SUMMARY.findall(echo.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sourcedir", nargs="?", default="docs", type=Path, help="the Sphinx project (default: docs)")
    parser.add_argument(
        "--release", action="store_true", help="check a release: a provisional note (no second reading) is a problem"
    )
    args = parser.parse_args(argv)
    root = Path.cwd().resolve()
    problems, summaries = check(args.sourcedir, root, args.release)
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem.plain())
        if in_actions:
            print(problem.github())
    count = len(problems)
    for summary in summaries:
        print(summary, file=sys.stderr)
    print(f"{count} problem{'s' if count != 1 else ''} found." if count else "No problems found.", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
