"""Reading the editors' data files (TOML, JSON, CSV) strictly: bytes, size, nesting and characters.

Every data file an editor can change is read through here before its values are judged, so that no
file can crash or stall the build and each problem is one message at its real line:

- the file is UTF-8 (a stray Latin-1 byte is named, with its line), and at most ``MAX_BYTES`` long;
- JSON nests at most ``MAX_DEPTH`` levels (100,000 nested arrays would exhaust Python's stack), has no
  key twice and no ``NaN``; TOML's own errors keep the line the parser names;
- characters are judged *after* decoding: ``\\u202E`` in a TOML or JSON string is the same right-to-left
  override as the character itself, and a character XML forbids (``\\u0001``, ``\\uFFFF``) would make the
  exports unparseable.  Each string value that has one is reported at the line of the escape and loses it.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.messages import EntryError, at, warn
from .characters import check_file_text, invisible_in, invisible_lines, without_invisible

MAX_BYTES = 2_000_000  # the edition's largest data file is about 60 kB
MAX_DEPTH = 32
TOML_LINE = re.compile(r"at line (\d+)")


class DataFileError(EntryError):
    """A data file that cannot be read at all: what is wrong, how to fix it, and the line."""

    def __init__(self, problem: str, fix: str, line: int = 1) -> None:
        super().__init__(problem, fix)
        self.line = line


def read_text(path: Path) -> str:
    """The text of *path*, checked for size, encoding and invisible characters (reported at their lines)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataFileError(
                f"{path.name} is {size:,} bytes, more than the {MAX_BYTES:,} a data file of the edition may have.",
                "keep one entry per table or row; a file this large is not an editor's work.",
            )
        raw = path.read_bytes()
    except OSError as err:
        raise DataFileError(f"{path.name} cannot be read ({err.strerror}).", "restore the file from git.") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DataFileError(
            f"{path.name} is not UTF-8 (byte 0x{raw[err.start]:02x}).",
            "save the file as UTF-8 and retype the character.",
            raw[: err.start].count(b"\n") + 1,
        ) from None
    return check_file_text(path, text.removeprefix("\ufeff"))


def depth_error(text: str) -> int | None:
    """The line where JSON *text* first nests deeper than ``MAX_DEPTH``, or None (one pass, strings skipped)."""
    depth, line, in_string, escaped = 0, 1, False, False
    for char in text:
        if char == "\n":
            line += 1
        if in_string:
            escaped, in_string = (False, True) if escaped else (char == "\\", char != '"')
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}":
            depth -= 1
    return None


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    repeated = next((key for key in keys if keys.count(key) > 1), None)
    if repeated is not None:
        raise ValueError(f"the key {repeated!r} is given twice in one object (only the last would count)")
    return dict(pairs)


def refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def load_json(path: Path, text: str) -> Any:
    """Parse JSON *text* (read by :func:`read_text`) strictly; problems are :class:`DataFileError` with a line."""
    line = depth_error(text)
    if line is not None:
        raise DataFileError(
            f"{path.name} nests more than {MAX_DEPTH} levels deep.", "restore the file from git.", line
        )
    try:
        data = json.loads(text, object_pairs_hook=unique_keys, parse_constant=refuse_constant)
    except json.JSONDecodeError as err:
        raise DataFileError(f"{path.name} is not valid JSON ({err.msg}).", "restore the file from git.", err.lineno) from None
    except ValueError as err:
        raise DataFileError(f"{path.name}: {err}.", "restore the file from git.") from None
    return clean_strings(path, text, data)


def load_toml(path: Path, text: str) -> dict[str, Any]:
    """Parse TOML *text* strictly; a syntax error is a :class:`DataFileError` at the parser's line."""
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise DataFileError(f"{path.name} nests arrays too deeply to read.", "restore the file from git.") from None
    except tomllib.TOMLDecodeError as err:
        found = TOML_LINE.search(str(err))
        raise DataFileError(
            f"{path.name} is not valid TOML ({err}).",
            "fix the syntax (a table given twice, a missing quote).",
            int(found[1]) if found else 1,
        ) from None
    return clean_strings(path, text, data)


def escape_line(text: str, char: str) -> int:
    """The first line of *text* where *char* is written as an escape (``\\u202e``, ``\\U0000202E``, ``\\b``)."""
    code = ord(char)
    forms = [f"\\u{code:04x}", f"\\U{code:08x}"] + {8: ["\\b"], 12: ["\\f"], 0x1B: ["\\e"]}.get(code, [])
    lowered = [form.lower() for form in forms]
    for number, line in enumerate(text.split("\n"), 1):
        if any(form in line.lower() for form in lowered):
            return number
    return 1


def clean_strings(path: Path, text: str, data: Any) -> Any:
    """*data* with the invisible characters its decoded strings (keys too) contain reported and dropped.
    Walks the data without recursion, so it copes with any nesting :func:`load_json` lets through."""
    said: set[str] = set()

    def clean(value: str) -> str:
        found = invisible_in(value)
        if not found:
            return value
        for char in sorted(found - said):
            said.add(char)
            _, error = invisible_lines(char)[0]
            warn(
                "invisible",
                f"a string is written with an escape that decodes to {error.problem.removeprefix('the line contains ')}",
                error.fix,
                at(path, escape_line(text, char)),
            )
        return without_invisible(value, set())

    return walk(data, clean)


def walk(data: Any, clean: Callable[[str], str]) -> Any:
    """*data* with *clean* applied to every string in it, keys included (iteratively)."""
    if isinstance(data, str):
        return clean(data)
    root: list[Any] = [data]
    stack: list[tuple[Any, Any]] = [(root, 0)]
    while stack:
        parent, key = stack.pop()
        value = parent[key]
        if isinstance(value, str):
            parent[key] = clean(value)
        elif isinstance(value, dict):
            copy = {clean(k) if isinstance(k, str) else k: v for k, v in value.items()}
            parent[key] = copy
            stack.extend((copy, k) for k in copy)
        elif isinstance(value, list):
            stack.extend((value, index) for index in range(len(value)))
    return root[0]
