#!/usr/bin/env python3
"""Before a make target runs, check that the system programs it needs are installed.

``preflight.py TARGET`` prints nothing and exits 0 when all is there; otherwise one line naming the
missing programs and the ``apt-get install`` command that brings them, and exits 1.
``preflight.py --packages TARGET`` prints the Debian packages the target needs (for .ci/run).
The list is ``.ci/packages.toml``; only the standard library is used, so it runs before ``.venv`` exists.
"""

from __future__ import annotations

import shutil
import sys
import tomllib
from pathlib import Path

PACKAGES = Path(__file__).with_name("packages.toml")


def packages(target: str) -> dict[str, list[str]]:
    """``{package: [programs it provides]}`` for the packages *target* needs, in the file's order."""
    table = tomllib.loads(PACKAGES.read_text(encoding="utf-8"))["package"]
    return {
        name: [item.removeprefix("program:") for item in entry["provides"] if item.startswith("program:")]
        for name, entry in table.items()
        if target in entry["for"]
    }


def missing(target: str) -> dict[str, list[str]]:
    """The packages of *target* with a program not on PATH, and those programs."""
    found = {name: [p for p in programs if shutil.which(p) is None] for name, programs in packages(target).items()}
    return {name: programs for name, programs in found.items() if programs}


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--packages":
        print(" ".join(packages(argv[1])))
        return 0
    if len(argv) != 1:
        print("usage: preflight.py [--packages] TARGET", file=sys.stderr)
        return 2
    absent = missing(argv[0])
    if absent:
        programs = ", ".join(p for names in absent.values() for p in names)
        print(
            f"make {argv[0]}: {programs} not installed. Install with: sudo apt-get install {' '.join(absent)}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
