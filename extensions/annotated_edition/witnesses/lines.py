"""Where a table or key of the witness manifest is written: ``tomllib`` gives values without their lines.

The manifest is a few plain tables (``[witness.ID]``, ``[[witness.ID.paratext]]``) of ``key = value``
lines, so scanning for the header and then for the key inside its section is enough; anything written
differently falls back to the nearest line found, and to line 1.
"""

from __future__ import annotations

import re


def _key(name: str) -> str:
    """A TOML key as it may be written: bare, or in double or single quotes."""
    quoted = re.escape(name)
    return rf'(?:{quoted}|"{quoted}"|\'{quoted}\')'


HEADER = re.compile(r"\s*\[\[?([^\[\]]*)\]\]?\s*(?:#.*)?")


def _parts(inside: str) -> tuple[str, ...]:
    """The keys of a header's dotted path, unquoted (``witness . "a"`` → ``("witness", "a")``)."""
    return tuple(part.strip().strip("\"'") for part in inside.split("."))


class ManifestLines:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.headers: dict[tuple[str, ...], list[int]] = {}  # one pass: a file of many tables stays linear
        for number, line in enumerate(self.lines, 1):
            match = HEADER.fullmatch(line) if line.lstrip().startswith("[") else None
            if match:
                self.headers.setdefault(_parts(match[1]), []).append(number)

    def table(self, *path: str, occurrence: int = 0) -> int | None:
        """The line of the *occurrence*-th header ``[a.b]`` or ``[[a.b]]`` with this dotted *path*."""
        found = self.headers.get(tuple(path), [])
        return found[occurrence] if occurrence < len(found) else None

    def key(self, table_line: int | None, name: str) -> int | None:
        """The line of ``name = …`` in the section that starts at *table_line*, else *table_line*."""
        if table_line is None:
            return None
        assignment = re.compile(rf"\s*{_key(name)}\s*=")
        for number in range(table_line + 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            if line.lstrip().startswith("["):
                break
            if assignment.match(line):
                return number
        return table_line
