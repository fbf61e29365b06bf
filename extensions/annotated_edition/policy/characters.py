"""Invisible and bidirectional control characters in editors' files ("Trojan Source").

A right-to-left override or a zero-width character makes text display differently from what it is:
the reviewer of a pull request reads one thing in the diff and the build publishes another.  Every
document, included file, .bib file and the manifest is read for them, and each line that has one is
reported, at its line, and the characters are dropped before the text is used.  Essay text may
contain what a witness contains (the witnesses are reproduced as they are); there the fidelity check
judges.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx

from ..core import priorities
from ..core.messages import EntryError, at, warn

CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}  # controls, format characters (bidi, zero-width), separators, surrogates


def is_noncharacter(char: str) -> bool:
    """U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, …): XML forbids the
    latter, and none of them is text."""
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def is_invisible(char: str) -> bool:
    return (unicodedata.category(char) in CATEGORIES or is_noncharacter(char)) and char not in "\t\n\r"


def xml_safe(text: str) -> str:
    """*text* without the characters XML 1.0 cannot carry (C0 controls but tab and line ends, surrogates,
    U+FFFE, U+FFFF): the last guard of an export, for text that reached it from a source no check read."""
    return "".join(
        char
        for char in text
        if char in "\t\n\r" or not (ord(char) < 0x20 or 0xD800 <= ord(char) <= 0xDFFF or ord(char) in (0xFFFE, 0xFFFF))
    )


def invisible_in(text: str) -> set[str]:
    return {char for char in text if is_invisible(char)}


def invisible_lines(text: str, allowed: Iterable[str] = ()) -> list[tuple[int, EntryError]]:
    """(line, problem) for each line of *text* with an invisible character, unless the line is one of
    *allowed* (a witness's own lines, as they are)."""
    allowed = set(allowed)
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        if line.isprintable() or line.strip() in allowed:  # the quick test: printable lines have none
            continue
        chars = sorted(invisible_in(line))
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


def check_file_text(path: Path | str, text: str, allowed_lines: Iterable[str] = ()) -> str:
    """Report each line of *text* (read from *path*) with an invisible character, except the lines in
    *allowed_lines*; return the text without the characters reported."""
    found = invisible_lines(text, allowed_lines)
    for line, error in found:
        warn("invisible", error.problem, error.fix, at(path, line))
    if not found:
        return text
    lines, reported = text.split("\n"), {number for number, _ in found}
    return "\n".join(without_invisible(line, set()) if n in reported else line for n, line in enumerate(lines, 1))


WITNESS_DIRECTIVE = re.compile(r"[`:~]{3,}\s*\{witness\}[ \t]+(\S+)")


def witness_lines(app: Sphinx, text: str) -> frozenset[str]:
    """The lines with invisible characters of the witness a document reproduces (``{witness} ID``): there, and
    only there, the essay's text is the witness's, characters included (the fidelity check judges it)."""
    found = WITNESS_DIRECTIVE.search(text)
    known = getattr(app.env, "edition_witness_characters", {})
    return known.get(found[1], frozenset()) if found and isinstance(known, dict) else frozenset()


def check_source(app: Sphinx, docname: str, source: list[str]) -> None:
    source[0] = check_file_text(app.env.doc2path(docname), source[0], witness_lines(app, source[0]))


def check_included(app: Sphinx, relative_path: Path, parent_docname: str, content: list[str]) -> None:
    content[0] = check_file_text(Path(app.srcdir, relative_path), content[0])


def setup_invisible(app: Sphinx) -> None:
    app.connect("source-read", check_source)
    app.connect("include-read", check_included, priority=priorities.INCLUDED_TEXT)
