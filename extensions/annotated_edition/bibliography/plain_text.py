"""BibTeX fields as the characters they mean, for every format that is not TeX (TEI, JSON-LD, plain text).

BibTeX values are TeX: ``1948--1972`` means an en dash, ``Harper \\& Row`` an ampersand, ``{NATO}``
protects case.  HTML gets them right through pybtex's own LaTeX reading; the exports read the fields
themselves, and every one of them converts here, so that no format shows ``--``, ``\\&`` or braces.
What is left after the conversion (a backslash: ``A\\\\&M``, ``\\textit``) is TeX no format but PDF can
show; the bibliography checks report it at the entry (:func:`leftover_markup`).
"""

from __future__ import annotations

import codecs
import re

import latexcodec  # noqa: F401 - registers the "ulatex" codec (pybtex depends on it)

BRACES = re.compile(r"[{}]")
COMMAND = re.compile(r"\\(?:\\|[A-Za-z]+|.)")


def plain(value: str) -> str:
    """``{The} Sino-Soviet Alliance, 1945--1963`` -> ``The Sino-Soviet Alliance, 1945–1963``; whitespace collapsed."""
    return " ".join(BRACES.sub("", codecs.decode(value, "ulatex")).split())


#: Commands pybtex turns into links in every format: their addresses are checked as links are (the scheme).
LINKS = re.compile(r"\\(?:href|url)\s*\{[^}]*\}")


def leftover_markup(value: str) -> str | None:
    """The first TeX command that :func:`plain` cannot turn into a character (``\\\\``, ``\\textit``), or None;
    links (``\\url{…}``, ``\\href{…}{…}``) are not markup but addresses."""
    match = COMMAND.search(plain(LINKS.sub(" ", value)))
    return match[0] if match else None
