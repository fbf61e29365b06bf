"""What the exports are made of: one essay with its witness and its typed records, read from the domain.

The exports (TEI, Web Annotation, CSV) are functions of an :class:`EssayData` and nothing else, so each
format is a small module that cannot disagree with the others about what the edition says.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docutils import nodes
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

from ..verdicts.agreement import provisional
from ..core.domain import get_domain
from ..witnesses.essay import witnesses
from ..notes.directives import factcheck_note
from ..registries.base import valid
from ..witnesses.manifest import Witness
from .positions import WitnessText


@dataclass(frozen=True)
class Note:
    id: str
    number: int
    paragraph: int
    quote: str
    verdict: str
    keys: tuple[str, ...]
    span: tuple[int, int]  # in the paragraph's whitespace-normalised text
    text: str  # the note as plain text, citations rendered
    modified: str | None = None


@dataclass(frozen=True)
class Sic:
    paragraph: int
    quote: str
    reading: str
    span: tuple[int, int]


@dataclass(frozen=True)
class Mention:
    kind: str  # the registry: "event" or "person"
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
    notes: tuple[Note, ...]
    sics: tuple[Sic, ...]
    mentions: tuple[Mention, ...]
    events: dict[str, dict] = field(default_factory=dict)
    people: dict[str, dict] = field(default_factory=dict)

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
    if witness is None or not essay.faithful:
        return None  # an essay that differs from its witness is reported, and not exported
    events = {r["id"]: r for r in valid(domain.records("events"))}
    people = {r["id"]: r for r in valid(domain.records("people"))}
    texts = note_texts(doctree) if doctree is not None else {}
    notes = tuple(
        Note(
            n.id,
            n.number,
            n.paragraph,
            n.quote,
            n.verdict,
            tuple(n.keys),
            tuple(n.span),
            texts.get(n.id, ""),
            n.modified,
        )
        for n in domain.notes(docname)
        if not provisional(env, docname, n.id)  # a note not yet read twice is no published verdict
    )
    sics = tuple(Sic(s.paragraph, s.quote, s.reading, tuple(s.span)) for s in domain.sics(docname))
    mentions = tuple(
        Mention(m.kind, m.target, int(m.anchor[1:]), tuple(m.span))
        for m in domain.mentions(docname)
        if m.span and m.target in (events if m.kind == "event" else people)
    )
    url = base + builder.get_target_uri(docname)
    return EssayData(docname, essay.title, url, witness, WitnessText(witness), notes, sics, mentions, events, people)


def essays(env: BuildEnvironment, builder: Builder, base: str) -> list[EssayData]:
    """Every essay, without note texts (enough for the register)."""
    found = (essay_data(env, builder, base, docname, None) for docname in get_domain(env).essays())
    return [essay for essay in found if essay is not None]
