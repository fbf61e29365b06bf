"""TEI P5, one file per essay: the witness text exactly, every annotation pointed at it.

Each essay paragraph is a ``<p n="N" xml:id="pN">`` whose text is the witness paragraph.  Claims are
split into ``<seg>`` pieces wherever any annotation begins or ends (claims may overlap), and each
fact-check is a ``<note type="factcheck">`` after its paragraph, pointing at its pieces and at its
verdict in the header's taxonomy (``ana``), with a ``<bibl>`` per work it cites (``<citedRange>`` for each
locator).  The header says who edited and who read second
(``respStmt``), the transcription policy with a pointer to the method (``editorialDecl``), the language
(``langUsage``) and every correction of a published note (``revisionDesc``).  Mentions are ``<rs>`` in place, slips
``<choice><sic/><corr/></choice>``, paratext a ``<note type="paratext">`` where it stood.  Events,
people and the works cited are listed in ``<back>``.  Everything goes through ElementTree, so every
string is escaped for XML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError
from pybtex.database import Entry

from ..bibliography.locators import ranges
from ..bibliography.plain_text import plain
from ..core.names import anchor
from ..core.records import NoteRecord
from ..policy.characters import xml_safe
from .model import Context, EssayData, Mention, Sic

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PLAIN_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
ET.register_namespace("", TEI)


def el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A TEI element (``xml_id`` becomes ``xml:id``), appended to *parent* when given."""
    attrs = {XML_ID if k == "xml_id" else k: v for k, v in attrs.items() if v not in (None, "")}
    node = ET.Element(f"{{{TEI}}}{tag}", attrs) if parent is None else ET.SubElement(parent, f"{{{TEI}}}{tag}", attrs)
    node.text = text
    return node


def add_text(parent: ET.Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


@dataclass
class Piece:
    """A stretch of paragraph text between two annotation edges."""

    start: int
    end: int
    claims: list[NoteRecord] = field(default_factory=list)
    mention: Mention | None = None
    sic: Sic | None = None


def pieces(essay: EssayData, number: int) -> tuple[list[Piece], list[Sic]]:
    """The paragraph cut at every edge; and the slips that cannot nest inline (kept stand-off)."""
    raw = essay.text.raw(number)
    local = lambda span: essay.text.local(number, span)  # noqa: E731
    claims = [(local(n.span), n) for n in essay.notes if n.paragraph == number]
    mentions = [(local(m.span), m) for m in essay.mentions if m.paragraph == number]
    sics = [(local(s.span), s) for s in essay.sics if s.paragraph == number]
    inline = [
        (span, s)
        for span, s in sics
        if all(span[1] <= a or b <= span[0] or (a <= span[0] and span[1] <= b) for (a, b), _ in mentions)
    ]
    edges = sorted({0, len(raw)} | {x for (a, b), _ in claims + mentions + inline for x in (a, b)})
    found = []
    for start, end in zip(edges, edges[1:], strict=False):
        piece = Piece(start, end)
        piece.claims = [n for (a, b), n in claims if a <= start and end <= b]
        piece.mention = next((m for (a, b), m in mentions if a <= start and end <= b), None)
        piece.sic = next((s for (a, b), s in inline if a <= start and end <= b), None)
        found.append(piece)
    return found, [s for _, s in sics if all(s is not t for _, t in inline)]


def paragraph(div: ET.Element, essay: EssayData, number: int) -> dict[int, list[str]]:
    """Write ¶*number*; return, for each note (by id()), the ids of the pieces of its claim."""
    raw = essay.text.raw(number)
    p = el(div, "p", n=str(number), xml_id=f"p{number}")
    found, standoff = pieces(essay, number)
    pointers: dict[int, list[str]] = {}
    container: dict[str, ET.Element] = {}
    for index, piece in enumerate(found, 1):
        parent = p
        if piece.mention is not None:
            key = f"rs{id(piece.mention)}"
            if key not in container:
                container[key] = el(
                    p, "rs", type=piece.mention.kind, ref=f"#{piece.mention.kind}-{piece.mention.target}"
                )
            parent = container[key]
        if piece.sic is not None:
            key = f"sic{id(piece.sic)}"
            if key not in container:
                choice = el(parent, "choice")
                container[key] = el(choice, "sic")
                el(choice, "corr", piece.sic.reading)
            parent = container[key]
        text = raw[piece.start : piece.end]
        if piece.claims:
            seg = el(parent, "seg", text, xml_id=f"p{number}-s{index}")
            for note in piece.claims:
                pointers.setdefault(id(note), []).append(seg.get(XML_ID))
        else:
            add_text(parent, text)
    for sic in standoff:  # a slip that crosses a mention's edge: pointed at, not inlined
        note = el(div, "note", type="sic", target=f"#p{number}")
        el(note, "sic", sic.quote)
        el(note, "corr", sic.reading)
    return pointers


def bibl_struct(parent: ET.Element, key: str, entry: Entry) -> None:
    struct = el(parent, "biblStruct", xml_id=f"cite-{key}")
    kind = entry.type.lower()
    fields = {k.lower(): plain(v) for k, v in entry.fields.items()}
    names = lambda role: [plain(str(p)) for p in entry.persons.get(role, [])]  # noqa: E731
    if kind in ("article", "incollection"):
        analytic = el(struct, "analytic")
        for name in names("author"):
            el(analytic, "author", name)
        el(analytic, "title", fields.get("title", ""), level="a")
    monogr = el(struct, "monogr")
    if kind not in ("article", "incollection"):
        for name in names("author"):
            el(monogr, "author", name)
        for name in names("editor"):
            el(monogr, "editor", name)
    title = {"article": fields.get("journal"), "incollection": fields.get("booktitle")}.get(kind, fields.get("title"))
    el(monogr, "title", title or "", level="j" if kind == "article" else "m")
    if kind == "incollection":
        for name in names("editor"):
            el(monogr, "editor", name)
    for field_name, idno in (("isbn", "ISBN"), ("doi", "DOI")):
        if field_name in fields:
            el(monogr, "idno", fields[field_name], type=idno)
    imprint = el(monogr, "imprint")
    if "address" in fields:
        el(imprint, "pubPlace", fields["address"])
    if "publisher" in fields or "institution" in fields:
        el(imprint, "publisher", fields.get("publisher") or fields["institution"])
    for field_name, unit in (("volume", "volume"), ("number", "issue"), ("pages", "page")):
        if field_name in fields:
            el(imprint, "biblScope", fields[field_name], unit=unit)
    el(
        imprint,
        "date",
        fields.get("year", ""),
        when=fields.get("year") if PLAIN_DATE.fullmatch(fields.get("year", "")) else None,
    )


EDITORIAL_POLICY = (
    "The essay is transcribed from its witness exactly, letter for letter and with its punctuation; the build "
    "compares every paragraph with the witness file named in the source description and refuses any difference "
    "beyond whitespace. Slips are kept as written, with the editors' reading beside them (choice, sic, corr). "
    "Text of the witness that is not the essay is kept where it stood, as notes of type paratext. "
    "Fact-check notes quote the essay's words and point at them."
)


def responsibility(title_stmt: ET.Element, resp: str, name: str) -> None:
    statement = el(title_stmt, "respStmt")
    el(statement, "resp", resp)
    el(statement, "name", name)


def editorial_decl(encoding: ET.Element, meta: dict) -> None:
    policy = el(el(encoding, "editorialDecl"), "p", EDITORIAL_POLICY)
    if meta.get("method_url"):
        add_text(policy, " How verdicts are reached and checked: ")
        el(policy, "ref", "the editorial method", target=meta["method_url"])
        add_text(policy, ".")


def language_name(code: str) -> str | None:
    """"English" for ``en``: the language's name in English (Babel, which Sphinx uses, knows them)."""
    try:
        return Locale.parse(code, sep="-").get_display_name("en")
    except (ValueError, UnknownLocaleError):
        return None


def revision_desc(header: ET.Element, meta: dict) -> None:
    """The corrections of this essay's published notes, newest first, then the release being written."""
    changes = el(header, "revisionDesc")
    for revision in meta.get("revisions", []):
        el(changes, "change", revision["text"], when=revision["date"], target=revision["target"])
    release = f"Release {meta['release']} of the edition."
    el(changes, "change", release, when=meta["date"] if PLAIN_DATE.fullmatch(meta["date"]) else None)


def document(essay: EssayData, context: Context) -> bytes:
    meta, verdicts, entries, labels = context.meta, context.verdicts, context.entries, context.labels
    tei = el(None, "TEI")
    tei.set(XML_LANG, meta["language"])
    header = el(tei, "teiHeader")
    file_desc = el(header, "fileDesc")
    title_stmt = el(file_desc, "titleStmt")
    el(title_stmt, "title", meta["edition_of"].format(title=essay.title))
    el(title_stmt, "editor", meta["editors"])
    responsibility(title_stmt, "edited, transcribed from the witness and annotated by", meta["editors"])
    if meta.get("second_reading"):
        responsibility(title_stmt, "every note and verdict read a second time, blind, by", meta["editors"])
    edition_stmt = el(file_desc, "editionStmt")
    el(edition_stmt, "edition", f"{meta['title']}, release {meta['release']}", n=meta["release"])
    publication = el(file_desc, "publicationStmt")
    el(publication, "publisher", meta["editors"])
    el(publication, "date", meta["date"], when=meta["date"] if PLAIN_DATE.fullmatch(meta["date"]) else None)
    el(publication, "ptr", target=essay.url)
    availability = el(publication, "availability")
    el(availability, "licence", meta["licence"], target=meta["licence_url"])
    source = el(el(file_desc, "sourceDesc"), "bibl")
    el(source, "title", essay.witness.title)
    el(source, "idno", f"sources/{essay.witness.path.name}", type="file")
    el(source, "idno", essay.witness.sha256, type="SHA-256")
    el(source, "note", " ".join(essay.witness.provenance.split()), type="provenance")
    encoding = el(header, "encodingDesc")
    editorial_decl(encoding, meta)
    taxonomy = el(el(encoding, "classDecl"), "taxonomy", xml_id="verdicts")
    for name, entry in verdicts.items():
        description = el(el(taxonomy, "category", xml_id=f"verdict-{name}"), "catDesc")
        el(description, "term", entry["label"])
        add_text(description, f": {entry['definition']}")
    el(el(el(header, "profileDesc"), "langUsage"), "language", language_name(meta["language"]), ident=meta["language"])
    revision_desc(header, meta)
    text = el(tei, "text")
    div = el(el(text, "body"), "div", type=meta["text_type"])
    if essay.witness.title_line:
        el(div, "head", essay.witness.lines[essay.witness.title_line - 1].strip())
    paratext = sorted(essay.witness.paratext, key=lambda p: p.lines.first)
    for number in [0, *(p.number for p in essay.witness.paragraphs)]:
        if number:
            pointers = paragraph(div, essay, number)
            for note in (n for n in essay.notes if n.paragraph == number):
                element = el(
                    div,
                    "note",
                    type="factcheck",
                    n=str(note.number),
                    xml_id=f"note.{note.id}",
                    target=" ".join(f"#{p}" for p in pointers.get(id(note), [])),
                    ana=f"#verdict-{note.verdict}",
                    corresp=f"{essay.url}#{note.id}",
                )
                el(element, "p", essay.note_text(note))
                if note.keys:
                    listing = el(element, "listBibl")
                    for key in note.keys:
                        bibl = el(listing, "bibl")
                        el(bibl, "ref", labels.get(key, key), target=f"#cite-{key}")
                        for locator in note.locators.get(key, ()):
                            for unit, part in ranges(locator):
                                el(bibl, "citedRange", part, unit=unit)
        for block in (
            p for p in paratext if sum(1 for w in essay.witness.paragraphs if w.line < p.lines.first) == number
        ):
            note = el(div, "note", type="paratext", n=f"{block.kind}, witness lines {block.lines}")
            ab = el(note, "ab")
            for i, line in enumerate(block.text.split("\n")):
                if i:
                    el(ab, "lb")
                add_text(ab, line)
    back = el(text, "back")
    for registry in essay.registries:
        if not essay.entries[registry.role]:
            continue  # TEI's lists may not be empty
        mapping = registry.tei
        listing = el(back, mapping.list_element)
        for entry_id, record in sorted(essay.entries[registry.role].items()):
            extra = mapping.attributes(record) if mapping.attributes else {}
            entry = el(listing, mapping.entry_element, xml_id=anchor(registry.role, entry_id), **extra)
            el(entry, mapping.name_element, record[mapping.name_field])
            if record.get("wikidata"):
                el(entry, "idno", record["wikidata"], type="wikidata")
    works = el(back, "listBibl")
    cited = sorted(
        {key for note in essay.notes for key in note.keys}
        | {k for entries in essay.entries.values() for r in entries.values() for k in r.get("works", [])}
    )
    for key in cited:
        if key in entries:
            bibl_struct(works, key, entries[key])
    for node in tei.iter():  # characters XML forbids are refused at input; none may reach the file by another way
        node.text, node.tail = (xml_safe(t) if t else t for t in (node.text, node.tail))
        node.attrib.update({k: xml_safe(v) for k, v in node.attrib.items()})
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tei, encoding="utf-8")
