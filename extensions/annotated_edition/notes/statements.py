"""A note's cited statements: each sentence that cites works, with the years and events it names.

A citation vouches for the sentence it ends, not for the whole note: "After 1960 Mao repaid the debts
early (Shen 2012)" needs a work that covers 1960.  Reading a note, each paragraph of its body is cut
into sentences; for every sentence with a citation in it, the years it names (four digits, 1900-2099)
and the events it links are kept with the keys cited in it, and :mod:`..verdicts.coverage` compares
them with the works' coverage.  Years that are not the note's statement are left out: those in a
title (emphasis), in quotation marks (a title or a document's wording), in code, in the citations
themselves and in author-year references written out ("Westad, ed. 1998").  A decade ("the 1960s") is
not a year.  Where a sentence boundary is doubtful (an
abbreviation, an initial) the sentences are kept together: more works in a sentence, never a false alarm.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes

from ..core.doctree import citation_targets
from ..core.records import StatementRecord

CITE, EVENT = "\ufffc", "\ufffd"  # stand-ins for a citation and an event link in a paragraph's text
YEAR = re.compile(r"(?<![\d.,/–-])(?:19|20)\d\d(?![\d]|s\b|’s|'s)")
#: Words after which a full stop does not end a sentence.
ABBREVIATIONS = {"p", "pp", "ch", "doc", "para", "art", "cf", "e.g", "i.e", "vol", "vols", "no", "nos", "ed", "eds"}
ABBREVIATIONS |= {"trans", "c", "ca", "mr", "mrs", "dr", "st", "gen", "col", "lt", "capt", "jr", "sr", "vs", "etc"}
BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[A-Z“\"‘(])")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
CALENDAR = "|".join(
    [*"January February March April May June July August September October November December".split(), "Spring"]
    + ["Summer", "Autumn", "Fall", "Winter"]
)
#: An author-year reference written by hand, "Westad, ed. 1998", "Lüthi (2008)", "(Westad 2003)": the year
#: of a work, not a statement.
NAME = rf"(?!(?:{CALENDAR})\b)[A-Z][^\s\d,()]*"
REFERENCE = re.compile(
    rf"{NAME},? eds?\. (?:19|20)\d\d|{NAME} \((?:19|20)\d\d[a-z]?\)|\({NAME}(?: and {NAME})?,? (?:19|20)\d\d[a-z]?\)"
)
OPAQUE = (nodes.emphasis, nodes.title_reference, nodes.literal, nodes.math)  # titles and code: no statement


def flatten(node: nodes.Element, out: list[str], links: list[tuple[str, str]], opaque: bool) -> None:
    """The paragraph's text, with each citation and event link replaced by its stand-in; *links* gets, in
    order, ``(CITE, keys joined by " ")`` or ``(EVENT, "id words")`` for each stand-in."""
    for child in node.children:
        if isinstance(child, addnodes.pending_xref):
            targets = citation_targets(child)
            if targets:
                out.append(CITE)
                links.append((CITE, " ".join(target.key for target in targets)))
            elif child.get("refdomain") == "edition" and child.get("reftype") == "event":
                out.append(EVENT)
                links.append((EVENT, f"{child['reftarget']} {child.astext()}"))
            else:
                out.append(child.astext())
        elif isinstance(child, nodes.Text):
            out.append(YEAR.sub("----", str(child)) if opaque else str(child))
        elif isinstance(child, nodes.Element):
            flatten(child, out, links, opaque or isinstance(child, OPAQUE))


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of *text*: cut at full stops that end one (not after an
    abbreviation or an initial, nor inside a quotation)."""
    found, start = [], 0
    for match in BOUNDARY.finditer(text):
        before = text[start : match.start()].rstrip(".!?\"”’)]")
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        inside_quote = before.count("“") > before.count("”")
        if last.lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", last) or inside_quote:
            continue
        found.append((start, match.start()))
        start = match.end()
    found.append((start, len(text)))
    return found


def statements(note: nodes.Element) -> tuple[StatementRecord, ...]:
    """The cited sentences of a note's body, in order."""
    found: list[StatementRecord] = []
    for paragraph in note.findall(nodes.paragraph):
        out: list[str] = []
        links: list[tuple[str, str]] = []
        flatten(paragraph, out, links, False)
        text = "".join(out)
        for start, end in sentences(text):
            sentence = text[start:end]
            first = sum(text[:start].count(mark) for mark in (CITE, EVENT))
            here = links[first : first + sum(sentence.count(mark) for mark in (CITE, EVENT))]
            keys = tuple(dict.fromkeys(key for kind, value in here if kind == CITE for key in value.split()))
            if not keys:
                continue
            linked = tuple(dict.fromkeys(value.split(" ", 1)[0] for kind, value in here if kind == EVENT))
            stated = REFERENCE.sub("", QUOTED.sub("", sentence))
            years = tuple(sorted({int(year) for year in YEAR.findall(stated)}))
            if years or linked:
                words = iter(value.split(" ", 1)[-1] for kind, value in here if kind == EVENT)
                shown = " ".join(re.sub(EVENT, lambda _, words=words: next(words), re.sub(rf"\s*{CITE}", "", sentence)).split())
                found.append(StatementRecord(years, linked, keys, shown if len(shown) <= 90 else shown[:87] + "…"))
    return tuple(found)
