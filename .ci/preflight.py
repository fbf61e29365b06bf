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
    """``{package: [programs and files it provides]}`` for the packages *target* needs, in the file's order."""
    table = tomllib.loads(PACKAGES.read_text(encoding="utf-8"))["package"]
    return {
        name: [item.split(":", 1)[1] for item in entry["provides"] if item.startswith(("program:", "file:"))]
        for name, entry in table.items()
        if target in entry["for"]
    }


def present(item: str) -> bool:
    return Path(item).is_file() if item.startswith("/") else shutil.which(item) is not None


def missing(target: str) -> dict[str, list[str]]:
    """The packages of *target* with a program not on PATH (or a file not installed), and those items."""
    found = {name: [item for item in items if not present(item)] for name, items in packages(target).items()}
    return {name: items for name, items in found.items() if items}


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
