"""Invisible and bidirectional control characters in editors' files ("Trojan Source").

A right-to-left override or a zero-width character makes text display differently from what it is:
the reviewer of a pull request reads one thing in the diff and the build publishes another.  Every
document, included file, .bib file and the manifest is read for them, and each line that has one is
reported, at its line, and the characters are dropped before the text is used.  Essay text may
contain what a witness contains (the witnesses are reproduced as they are); there the fidelity check
judges.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx

from ..core import priorities
from ..core.messages import EntryError, at, warn

CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}  # controls, format characters (bidi, zero-width), line/paragraph separators


def is_invisible(char: str) -> bool:
    return unicodedata.category(char) in CATEGORIES and char not in "\t\n\r"


def invisible_in(text: str) -> set[str]:
    return {char for char in text if is_invisible(char)}


def invisible_lines(text: str, allowed: Iterable[str] = ()) -> list[tuple[int, EntryError]]:
    """(line, problem) for each line of *text* with an invisible character not in *allowed*."""
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        if line.isprintable():  # the quick test: printable lines have none
            continue
        chars = sorted(invisible_in(line).difference(allowed))
        if chars:
            names = ", ".join(f"U+{ord(char):04X} ({unicodedata.name(char, 'a control character')})" for char in chars)
            found.append(
                (
                    number,
                    EntryError(
                        f"the line contains {names}: invisible characters can make text display differently "
                        "from what it is (Trojan Source).",
                        "delete them (retype the line if you cannot see where they are); describe in words a "
                        "character readers must know about.",
                    ),
                )
            )
    return found


def without_invisible(text: str, allowed: set[str]) -> str:
    return "".join(char for char in text if char in allowed or not is_invisible(char))


def check_file_text(path: Path | str, text: str, allowed: Iterable[str] = ()) -> str:
    """Report each line of *text* (read from *path*) with an invisible character; return the text without them."""
    allowed = set(allowed)
    found = invisible_lines(text, allowed)
    for line, error in found:
        warn("invisible", error.problem, error.fix, at(path, line))
    return without_invisible(text, allowed) if found else text


def witness_characters(app: Sphinx) -> set[str]:
    return getattr(app.env, "edition_witness_characters", set())


def check_source(app: Sphinx, docname: str, source: list[str]) -> None:
    source[0] = check_file_text(app.env.doc2path(docname), source[0], witness_characters(app))


def check_included(app: Sphinx, relative_path: Path, parent_docname: str, content: list[str]) -> None:
    content[0] = check_file_text(Path(app.srcdir, relative_path), content[0], witness_characters(app))


def setup_invisible(app: Sphinx) -> None:
    app.connect("source-read", check_source)
    app.connect("include-read", check_included, priority=priorities.INCLUDED_TEXT)
