"""What the exports are made of: one essay with its witness and its typed records, read from the domain.

The exports (TEI, Web Annotation, CSV) are functions of an :class:`EssayData` and nothing else, so each
format is a small module that cannot disagree with the others about what the edition says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from docutils import nodes
from pybtex.database import Entry
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

from ..core.domain import get_domain
from ..core.nodes import factcheck_note
from ..core.records import NoteRecord
from ..core.registry import Registry, registries, valid
from ..verdicts.agreement import provisional
from ..verdicts.corrections import latest_correction
from ..witnesses.essay import witnesses
from ..witnesses.manifest import Witness
from .positions import WitnessText

FOLDER = "_data"  # where the exports are written in the HTML output


@dataclass(frozen=True)
class Context:
    """What every format reads beside the essay: the edition's metadata, vocabulary, bibliography and addresses."""

    meta: dict[str, Any]  # title, editors, release, date, licence, licence_url, language; the TEI header's history
    verdicts: dict[str, dict]
    entries: dict[str, Entry]  # the bibliography, by key
    labels: dict[str, str]  # short labels, by key
    root: str  # the site's base address ("" when none is configured)
    registry_urls: dict[str, str]  # "event-ID" -> the entry's address

    def data_url(self, name: str) -> str:
        return f"{self.root}{FOLDER}/{name}"


@dataclass(frozen=True)
class EssayFormat:
    """One export written for every essay, as ``_data/ESSAY.<suffix>``: registered in :data:`..FORMATS`."""

    suffix: str
    media: str
    label: str
    render: Callable[[EssayData, Context], bytes]


@dataclass(frozen=True)
class Sic:
    paragraph: int
    quote: str
    reading: str
    span: tuple[int, int]


@dataclass(frozen=True)
class Mention:
    kind: str  # the registry's role: "event", "person", …
    target: str
    paragraph: int
    span: tuple[int, int]


@dataclass(frozen=True)
class EssayData:
    docname: str
    title: str
    url: str  # the essay page's absolute (or site-relative) address
    witness: Witness
    text: WitnessText
    notes: tuple[NoteRecord, ...]
    sics: tuple[Sic, ...]
    mentions: tuple[Mention, ...]
    registries: tuple[Registry, ...] = ()  # in the order they were declared
    entries: dict[str, dict[str, dict]] = field(default_factory=dict)  # role -> id -> entry
    texts: dict[str, str] = field(default_factory=dict)  # note id -> the note as plain text, citations rendered
    corrected: dict[str, str] = field(default_factory=dict)  # note id -> the date of its latest correction

    def note_text(self, note: NoteRecord) -> str:
        return self.texts.get(note.id, "")

    def modified(self, note: NoteRecord) -> str | None:
        return self.corrected.get(note.id)

    @property
    def slug(self) -> str:
        return self.docname.replace("/", "-")


def note_texts(doctree: nodes.document) -> dict[str, str]:
    """Each note's body as plain text, from the page's resolved doctree (citations as they print)."""
    texts = {}
    for note in doctree.findall(factcheck_note):
        parts = [child.astext() for child in note.children if "edition-corrected" not in child.get("classes", [])]
        texts[note["id"]] = " ".join(" ".join(parts).split())
    return texts


def essay_data(
    env: BuildEnvironment, builder: Builder, base: str, docname: str, doctree: nodes.document | None
) -> EssayData | None:
    """The essay *docname* with its records; note texts from *doctree* (the page as written), if given."""
    domain = get_domain(env)
    essay = domain.essay(docname)
    witness = witnesses(env).get(essay.witness) if essay else None
    if witness is None or not domain.faithful(docname):
        return None  # an essay that differs from its witness is reported, and not exported
    declared = tuple(registries(env).values())
    entries = {reg.role: {r["id"]: r for r in valid(domain.records(reg.records))} for reg in declared}
    texts = note_texts(doctree) if doctree is not None else {}
    notes = tuple(  # a note not yet read twice is no published verdict
        n for n in domain.notes(docname) if not provisional(env, docname, n.id)
    )
    corrected = {n.id: date for n in notes if (date := latest_correction(env, docname, n.id))}
    sics = tuple(Sic(s.paragraph, s.quote, s.reading, tuple(s.span)) for s in domain.sics(docname))
    mentions = tuple(
        Mention(m.kind, m.target, int(m.anchor[1:]), tuple(m.span))
        for m in domain.mentions(docname)
        if m.span and m.target in entries.get(m.kind, {})
    )
    url = base + builder.get_target_uri(docname)
    text = WitnessText(witness)
    return EssayData(
        docname, essay.title, url, witness, text, notes, sics, mentions, declared, entries, texts, corrected
    )


def essays(env: BuildEnvironment, builder: Builder, base: str) -> list[EssayData]:
    """Every essay, without note texts (enough for the register)."""
    found = (essay_data(env, builder, base, docname, None) for docname in get_domain(env).essays())
    return [essay for essay in found if essay is not None]
