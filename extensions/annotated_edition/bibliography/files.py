"""Reading the .bib files: each syntax error, repeated key or undecodable byte is one located message,
and every other entry is still read.

sphinxcontrib-bibtex has pybtex parse the files in strict mode: the first syntax error stops the build
with a traceback, and a repeated key drops every entry after it, so each citation of those becomes a
false "unknown key".  The files are read here first, with pybtex's errors collected and reported at
their line, and the result is handed to sphinxcontrib-bibtex, which keeps it: the files have not
changed since.
"""

from __future__ import annotations

import re
from pathlib import Path

import pybtex.errors
from pybtex.database.input.bibtex import Parser
from pybtex.plugin import find_plugin
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core import priorities
from ..core.compat import set_bibliography
from ..core.configuration import conf_location
from ..core.messages import EntryError, at, warn
from ..policy.characters import check_file_text

DEFINITION = re.compile(r"\s*@\s*(?!string|comment|preamble)\w+\s*[{(]\s*([^,\s]+)\s*,", re.IGNORECASE)
REPEATED = re.compile(r"repeated bibliography entry: (.+)")
QUOTED = re.compile(r"'([^']+)'")


def bib_paths(app: Sphinx) -> list[Path]:
    """The configured .bib files, as sphinxcontrib-bibtex names them (resolved, relative to conf.py)."""
    return [Path(app.confdir, name).resolve() for name in app.config.bibtex_bibfiles or []]


def definitions(paths: list[Path]) -> dict[str, list[tuple[Path, int]]]:
    """Every place each key is defined: [(file, line), …] in file order."""
    found: dict[str, list[tuple[Path, int]]] = {}
    for path in paths:
        if path.is_file():
            for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").split("\n"), 1):
                match = DEFINITION.match(line)
                if match:
                    found.setdefault(match[1], []).append((path, number))
    return found


def read_text(path: Path, encoding: str) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as err:
        error = EntryError(
            f"the file is not in {encoding} (byte 0x{raw[err.start]:02x}); the entries around it may read wrongly.",
            "save the file as UTF-8 and write each character as itself (Lüthi).",
        )
        warn("bibliography", error.problem, error.fix, at(path, raw[: err.start].count(b"\n") + 1))
        text = raw.decode(encoding, errors="replace")
    return check_file_text(path, text)


def entry_at(line: int, path: Path, places: dict[str, list[tuple[Path, int]]]) -> tuple[str, int] | None:
    """The entry that a syntax error at *line* is in: the last one that starts before it (pybtex finds a missing
    brace or comma only where the next entry starts)."""
    starts = [(start, key) for key, found in places.items() for file, start in found if file == path and start < line]
    return max(starts)[::-1] if starts else None


def problem(error: Exception, path: Path, text: str, places: dict) -> tuple[EntryError, str, str | None]:
    """One of pybtex's errors as a message, its location, and the key of the entry it damaged."""
    repeated = REPEATED.fullmatch(str(error))
    if repeated:
        (first, first_line), *others = places.get(repeated[1], [(path, 1)])
        return (
            EntryError(
                f"the key {repeated[1]!r} is defined twice, here and at {first.name}:{first_line}; only the first is used.",
                "keep one entry (merge what the two say), or give the other work its own key.",
            ),
            at(*(others[0] if others else (first, first_line))),
            None,
        )
    line = getattr(error, "lineno", None)
    if line is None:  # an error about a name or a field: find the line that has what it quotes
        quoted = QUOTED.search(str(error))
        line = next((n for n, text in enumerate(text.split("\n"), 1) if quoted and quoted[1] in text), None)
    entry = entry_at(line or 1, path, places)
    return (
        EntryError(
            f"{error}" + (f" (in the entry {entry[0]!r} that starts on line {entry[1]})" if entry else "") + ".",
            "check the entry's braces and quotes, and that every field but the last ends with a comma.",
        ),
        at(path, line),
        entry[0] if entry else None,
    )


def drop_unformattable(entries: dict, keys: list[str], style: type, places: dict) -> set[str]:
    """Entries of a type the bibliography style has no template for (a typo such as ``@bok``) would
    stop the build when the bibliography is made: each is reported at its line and left out."""
    types = sorted(name[4:-9] for name in dir(style) if name.startswith("get_") and name.endswith("_template"))
    dropped = {key for key in keys if entries[key].type not in types}
    for key in sorted(dropped):
        error = EntryError(
            f"the entry {key!r} has the type @{entries[key].type}, which the bibliography style cannot format.",
            f"use one of @{', @'.join(types)}.",
        )
        warn("bibliography", error.problem, error.fix, at(*places.get(key, [(Path("bib"), 1)])[0]))
        del entries[key]
    return dropped


def parse_file(parser: Parser, path: Path, encoding: str, places: dict) -> set[str]:
    """Add one .bib file's entries to *parser*, reporting each of pybtex's errors; return the keys they damaged."""
    damaged = set()
    text = read_text(path, encoding)
    with pybtex.errors.capture() as errors:
        parser.parse_string(text)
    for found in errors:
        error, location, key = problem(found, path, text, places)
        warn("bibliography", error.problem, error.fix, location)
        damaged.add(key)
    return damaged


def read_bibfiles(app: Sphinx) -> None:
    """Parse every .bib file leniently and give sphinxcontrib-bibtex the result (before it parses them itself)."""
    paths, encoding = bib_paths(app), app.config.bibtex_encoding
    style = find_plugin("pybtex.style.formatting", app.config.bibtex_default_style)
    places = definitions(paths)
    parser = Parser(encoding)
    files: dict[Path, list[str]] = {}
    damaged: set[str] = set()
    for path in paths:
        before = set(parser.data.entries)
        if path.is_file():
            damaged |= parse_file(parser, path, encoding, places)
        else:
            error = EntryError(f"the bibliography file {path} does not exist.", "correct bibtex_bibfiles in conf.py.")
            warn("bibliography", error.problem, error.fix, conf_location(app.confdir, "bibtex_bibfiles"))
        new = [key for key in parser.data.entries if key not in before]
        damaged |= drop_unformattable(parser.data.entries, new, style, places)
        files[path] = [key for key in new if key in parser.data.entries]
    set_bibliography(app.env, encoding, files, parser.data)
    app.env.edition_damaged_keys = damaged | (set(places) - set(parser.data.entries))


def damaged_keys(env: BuildEnvironment) -> set[str]:
    """Keys whose entry could not be read, or was read wrongly, for a reported syntax error: nothing more is said
    about them or their citations, which would only repeat that error."""
    return getattr(env, "edition_damaged_keys", set())


def setup_bibfiles(app: Sphinx) -> None:
    app.connect("builder-inited", read_bibfiles, priority=priorities.BIB_FILES)
