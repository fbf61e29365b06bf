"""Anchor each note's quote in the essay paragraph before it, and mark the claim in the text.

The quote is matched against the paragraph's reading text with whitespace normalised.  Text nodes
are split at every claim boundary and the covered pieces wrapped in ``claim`` nodes, so overlapping
claims and claims that run through a link both work, and no essay character is added or lost (the
fidelity check runs afterwards and proves it).
"""

from __future__ import annotations

import difflib
import string
import unicodedata

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..core import priorities
from ..core.doctree import ancestor
from ..core.domain import get_domain
from ..core.messages import warn
from ..core.nodes import annotation, factcheck_note, sic_note
from ..core.records import NoteRecord, SicRecord
from ..verdicts.releases import legacy_anchors
from ..witnesses.essay import REFUSED_KEY, WITNESS_KEY
from ..witnesses.fidelity import reading_text
from ..witnesses.nodes import Editorial
from .addresses import claim_address
from .directives import RESERVED
from .mentions import link_mentions, mention_note

PUNCTUATION = string.punctuation + "“”‘’«»–—…"


class claim(nodes.Inline, nodes.TextElement):
    """Essay words a note is about (essay text: the fidelity check reads it)."""


class noteref(Editorial, nodes.Inline, nodes.Element):
    """The numbered marker after a claim, linking to its note."""


class sic_marker(Editorial, nodes.Inline, nodes.Element):
    """``[sic: reading]`` after a transcription slip."""


def normalised_index(raw: str) -> tuple[str, list[int]]:
    """Whitespace-normalised *raw*, and for each of its characters the index in *raw*."""
    out: list[str] = []
    index: list[int] = []
    pending_space = False
    for i, char in enumerate(raw):
        if char.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            index.append(i - 1)
            pending_space = False
        out.append(char)
        index.append(i)
    return "".join(out), index


def find_all(text: str, quote: str) -> list[int]:
    starts, at = [], text.find(quote)
    while at >= 0:
        starts.append(at)
        at = text.find(quote, at + 1)
    return starts


def closest_passage(text: str, quote: str) -> str:
    """The run of the paragraph's words most like the quote, without punctuation the quote does not have
    at its ends ("(the leader of the KMT," becomes "the leader of the KMT")."""
    words, size = text.split(), max(1, len(quote.split()))
    windows = [" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))]
    best = max(windows, key=lambda w: difflib.SequenceMatcher(a=quote, b=w).ratio())
    lead = len(best) - len(best.lstrip(PUNCTUATION)) if quote[:1] not in PUNCTUATION else 0
    trail = len(best) - len(best.rstrip(PUNCTUATION)) if quote[-1:] not in PUNCTUATION else 0
    return best[lead : len(best) - trail]


def character(char: str) -> str:
    """``’ U+2019 RIGHT SINGLE QUOTATION MARK``: a character shown so that look-alikes can be told apart."""
    return f"{char} U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


def mismatch(quote: str, passage: str, where: str) -> str:
    """How to fix a quote: for a slip of a character or two (a straight apostrophe for a curly one), the first
    character that differs, by name, since the two look alike in a terminal; otherwise the closest passage."""
    first = next((i for i, (a, b) in enumerate(zip(quote, passage, strict=False)) if a != b), None)
    changes = difflib.SequenceMatcher(a=quote, b=passage, autojunk=False).get_opcodes()
    if first is None or sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in changes if tag != "equal") > 2:
        return f"quote the essay exactly; the closest passage is “{passage}”."
    return (
        f"your quote has {character(quote[first])} where {where} has {character(passage[first])} "
        f"(character {first + 1}); the passage is “{passage}”."
    )


class AnchorNotes(SphinxTransform):
    default_priority = priorities.ANCHORING

    def apply(self) -> None:
        self.number = 0
        self._searched: nodes.paragraph | None = None  # see searchable()
        self._searchable: tuple[str, list[int]] = ("", [])
        for box in list(self.document.findall(nodes.container)):
            if WITNESS_KEY in box:
                self.anchor_section(box.parent)
        for stray in [n for n in self.document.findall(annotation) if "paragraph" not in n]:
            if self.env.temp_data.get(REFUSED_KEY):  # its essay's witness was refused, and that was reported
                stray.parent.remove(stray)
                continue
            warn(
                "anchor",
                "a note must come right after the essay paragraph it discusses.",
                "move it below an essay paragraph (other notes may stand between them).",
                stray,
            )
            stray.parent.remove(stray)

    def anchor_section(self, section: nodes.Element) -> None:
        paragraph: nodes.paragraph | None = None
        spans: list[tuple[int, int, annotation]] = []
        for child in list(section.children):
            if isinstance(child, (nodes.Invisible, nodes.system_message)):
                continue  # a target, a comment, a refused note's message: none of them ends a paragraph's notes
            if isinstance(child, annotation):
                if paragraph is None:
                    continue  # reported as a stray note
                span = self.locate(child, paragraph)
                if child.get("refused"):  # reported where it is written; its quote was checked all the same
                    section.remove(child)
                    continue
                if span is None or isinstance(child, (sic_note, mention_note)):
                    section.remove(child)  # a sic lives on as its marker, a mention as its link; a bad note is reported
                if span is not None:
                    self.record(child, paragraph)
                    spans.append((*span, child))
                continue
            if spans:
                self.mark(paragraph, spans)
                spans = []
            paragraph = child if type(child) is nodes.paragraph and "edition-paragraph" in child else None
        if spans:
            self.mark(paragraph, spans)

    def mark(self, paragraph: nodes.paragraph, spans: list[tuple[int, int, annotation]]) -> None:
        """Link the mentions first (the claims' offsets in the reading text do not change), then mark claims."""
        check_order([span for span in spans if isinstance(span[2], factcheck_note)], paragraph)
        link_mentions(paragraph, [s for s in spans if isinstance(s[2], mention_note)], self.env.docname)
        mark_claims(paragraph, [s for s in spans if not isinstance(s[2], mention_note)])

    def searchable(self, paragraph: nodes.paragraph) -> tuple[str, list[int]]:
        """The paragraph's normalised reading text and index, made once per paragraph, not once per note."""
        if paragraph is not self._searched:
            self._searched, self._searchable = paragraph, normalised_index(reading_text(paragraph))
        return self._searchable

    @staticmethod
    def paragraph_quoting(quote: str, paragraph: nodes.paragraph) -> nodes.paragraph | None:
        """Another essay paragraph of the section that has the quoted words, if one does."""
        for other in paragraph.parent.children:
            if type(other) is nodes.paragraph and "edition-paragraph" in other and other is not paragraph:
                if find_all(normalised_index(reading_text(other))[0], quote):
                    return other
        return None

    def locate(self, note: annotation, paragraph: nodes.paragraph) -> tuple[int, int] | None:
        text, index = self.searchable(paragraph)
        quote = note["quote"]
        starts = find_all(text, quote)
        where = f"¶{paragraph['edition-paragraph']}"
        if not starts:
            elsewhere = self.paragraph_quoting(quote, paragraph)
            if elsewhere is not None:
                number = elsewhere["edition-paragraph"]
                fix = f"the words are in ¶{number}: move the note below ¶{number} (line {elsewhere.line}), after any notes already there."
            else:
                fix = mismatch(quote, closest_passage(text, quote), where)
            warn("anchor", f"the quote “{quote}” is not in the paragraph before the note ({where}).", fix, note)
            return None
        occurrence = note.get("occurrence")
        if occurrence is None and len(starts) > 1:
            warn(
                "anchor",
                f"the quote “{quote}” occurs {len(starts)} times in {where}.",
                f"add `:occurrence: N` (1 to {len(starts)}) or quote more words.",
                note,
            )
            return None
        if occurrence is not None and occurrence > len(starts):
            warn(
                "anchor",
                f":occurrence: {occurrence} but “{quote}” occurs {len(starts)} time(s) in {where}.",
                f"use a number from 1 to {len(starts)}.",
                note,
            )
            return None
        start = starts[(occurrence or 1) - 1]
        note["span"] = (start, start + len(quote))  # in the paragraph's normalised text: the exports' offsets
        return index[start], index[start + len(quote) - 1] + 1

    def record(self, note: annotation, paragraph: nodes.paragraph) -> None:
        note["paragraph"] = paragraph["edition-paragraph"]
        if isinstance(note, (sic_note, mention_note)):
            note["id"] = ""
            if isinstance(note, sic_note):
                record = SicRecord(note["paragraph"], note["quote"], note["reading"], note["span"])
                get_domain(self.env).add("sics", self.env.docname, record)
            return
        self.number += 1
        note["number"] = self.number
        note["id"] = self.address(note)
        note["ids"] = [note["id"], *legacy_anchors(self.env, self.env.docname, note["id"])]
        for anchor in note["ids"]:
            self.document.ids[anchor] = note
        record = NoteRecord(
            id=note["id"],
            label=note["label"],
            number=self.number,
            verdict=note["verdict"],
            quote=note["quote"],
            paragraph=note["paragraph"],
            keys=note["keys"],
            line=note.line,
            fingerprint=note["fingerprint"],
            span=note["span"],
            key=note.get("key", False),
        )
        get_domain(self.env).add("notes", self.env.docname, record)

    def address(self, note: annotation) -> str:
        """The note's stable address: its label, or the first words of its claim; unique in the document."""
        wanted = note["label"] or claim_address(note["quote"])
        taken = self.document.ids.get(wanted)
        if taken is None and not RESERVED.fullmatch(wanted):
            return wanted
        taken_by = describe_anchor(taken) if taken is not None else "the edition, which reserves it"
        if note["label"]:
            warn(
                "factcheck",
                f"the label {wanted!r} is used twice in this document: {taken_by} has it.",
                "give this note a label of its own (the other keeps its address).",
                note,
            )
        else:
            warn(
                "factcheck",
                f"this note's address #{wanted} (the first words of its quote) is already taken in this document: "
                f"{taken_by} has it.",
                "give the note a `:label:` of its own (a short slug); the address stays even if other notes change.",
                note,
            )
        return f"{wanted}-{self.number}"


def check_order(spans: list[tuple[int, int, annotation]], paragraph: nodes.paragraph) -> None:
    """Fact-checks under a paragraph stand in the order of their quotes, as the guide says: the first out of
    place is reported, with the note it belongs above."""
    for (before_start, _, before), (start, _, note) in zip(spans, spans[1:], strict=False):
        if start < before_start:
            warn(
                "anchor",
                f"this note's quote comes earlier in ¶{paragraph['edition-paragraph']} than the quote of the note "
                f"at line {before.line}, but notes under a paragraph follow the order of their quotes.",
                f"move this note above the note at line {before.line}.",
                note,
            )
            return


def describe_anchor(node: nodes.Element) -> str:
    """What already holds an anchor, in words an editor can find: "the note at line 56"."""
    line = node.line or (node.next_node(nodes.title).line if isinstance(node, nodes.section) else None)
    line = f" at line {line}" if line else ""
    if isinstance(node, annotation):
        return f"the note{line}, its first use,"
    if isinstance(node, nodes.section):
        title = node.next_node(nodes.title)
        return f"the heading “{title.astext() if title else ''}”{line}"
    return f"another target{line}"


def mark_claims(paragraph: nodes.paragraph, spans: list[tuple[int, int, annotation]]) -> None:
    """Wrap the essay text covered by *spans* in claim nodes, and put a marker after each claim."""
    cuts = sorted({pos for start, end, _ in spans for pos in (start, end)})
    last_piece: dict[int, nodes.Element] = {}
    offset = 0
    for text in [t for t in paragraph.findall(nodes.Text) if not _editorial(t)]:
        value, begin = str(text), offset
        offset += len(value)
        points = [0] + [c - begin for c in cuts if begin < c < offset] + [len(value)]
        pieces: list[nodes.Node] = []
        for a, b in zip(points, points[1:], strict=False):
            if a == b:
                continue  # an empty text node: no words to mark
            covering = [(i, note) for i, (s, e, note) in enumerate(spans) if s <= begin + a and begin + b <= e]
            if not covering:
                pieces.append(nodes.Text(value[a:b]))
                continue
            # the words open the note of the innermost fact-check covering them (a sic has no note)
            _, chosen = next((c for c in reversed(covering) if c[1]["id"]), covering[0])
            kind = "sic" if isinstance(chosen, sic_note) else "verdict-" + chosen["verdict"]
            piece = claim(value[a:b], value[a:b], classes=["edition-claim", f"edition-{kind}"])
            if chosen["id"]:
                piece["refid"] = chosen["id"]
            for i, note in covering:
                if i not in last_piece and note["id"]:
                    piece["ids"].append(f"claim-{note['id']}")
                last_piece[i] = piece
            pieces.append(piece)
        text.parent.replace(text, pieces)
    for i, (_, _, note) in sorted(enumerate(spans), key=lambda item: item[1][1]):
        piece = last_piece[i]
        marker = (
            sic_marker(reading=note["reading"])
            if isinstance(note, sic_note)
            else noteref(number=note["number"], verdict=note["verdict"], refid=note["id"])
        )
        host = _outside_links(piece)
        host.parent.insert(host.parent.index(host) + 1 + _markers_after(host), marker)


def _outside_links(piece: nodes.Element) -> nodes.Element:
    """The outermost link holding *piece*, or *piece*: a note marker is a link and may not sit inside one."""
    host, node = piece, piece.parent
    while node is not None and not isinstance(node, nodes.paragraph):
        if isinstance(node, (addnodes.pending_xref, nodes.reference)):
            host = node
        node = node.parent
    return host


def _markers_after(piece: nodes.Element) -> int:
    """How many markers already follow *piece*, so several notes ending together keep their order."""
    siblings = piece.parent.children
    count, at = 0, siblings.index(piece) + 1
    while at < len(siblings) and isinstance(siblings[at], (noteref, sic_marker)):
        count, at = count + 1, at + 1
    return count


def _editorial(node: nodes.Node) -> bool:
    return ancestor(node, Editorial) is not None


def setup_anchoring(app: Sphinx) -> None:
    app.add_transform(AnchorNotes)
