"""``python -m annotated_edition.cli.witness FILE [FILE …]``: what the manifest needs to know of a witness.

Prints each file's SHA-256 (as the manifest's ``sha256`` line) and its lines, numbered as the manifest's
``title_line`` and ``paratext`` ranges count them (from 1, every line, blank ones included).  A file that
is not UTF-8 is named with the first byte that is not, since the extension refuses such a witness.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path


def describe(path: Path) -> str:
    raw = path.read_bytes()
    lines = [f"# {path}", f'sha256 = "{hashlib.sha256(raw).hexdigest()}"']
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return "\n".join([*lines, f"# not UTF-8: byte 0x{raw[err.start]:02x} at offset {err.start}; convert the file first"])
    numbered = text.split("\n")
    width = len(str(len(numbered)))
    return "\n".join([*lines, *(f"{number:>{width}}  {line}" for number, line in enumerate(numbered, 1))])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotated_edition.cli.witness", description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="witness files")
    args = parser.parse_args(argv)
    status = 0
    for path in args.files:
        if not path.is_file():
            print(f"{path}: no such file", file=sys.stderr)
            status = 1
            continue
        print(describe(path))
    return status


if __name__ == "__main__":
    sys.exit(main())
