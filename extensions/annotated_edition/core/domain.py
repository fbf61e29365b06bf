"""The ``edition`` domain: the one place the extension keeps data that outlives a document.

Records (typed, :mod:`.records`; a registry's entries are dicts of its fields) are stored per document
(``data[kind][docname] -> list``), so clearing a document and merging a parallel worker's results are the
same two small loops for every kind of record; the rest of the extension reads them through the methods
below (``essays()``, ``notes()``, ``mentions()``, ``pages()``, ``records()``, ``index()``).  In
:meth:`merge_domaindata` only the documents a worker actually read are copied: a worker starts from a
full copy of the old data, and copying everything would bring stale records back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Set
from typing import Any

from sphinx.application import Sphinx
from sphinx.domains import Domain, ObjType

from .records import EssayRecord, FidelityRecord, MentionRecord, NoteRecord, PageRecord, SicRecord
from .registry import registries, resolve

#: The kinds of record every edition has, listed once ("pages" says which generated pages depend on
#: which kinds).  A registry adds its own kind (``Registry.records``) when it is registered.
RECORD_KINDS = ("essays", "fidelity", "notes", "sics", "events", "people", "mentions", "pages")


class EditionDomain(Domain):
    name = "edition"
    label = "Annotated edition"
    object_types = {"note": ObjType("fact-check note")}
    data_version = 1
    initial_data: dict[str, dict[str, list[Any]]] = {kind: {} for kind in RECORD_KINDS}

    def __init__(self, env: Any) -> None:
        super().__init__(env)
        self._indexes: dict[tuple[str, str], dict[str, tuple[str, dict[str, Any]]]] = {}

    @property
    def kinds(self) -> list[str]:
        """Every kind of record held: the built-in ones and those registries added."""
        return [kind for kind, value in self.data.items() if kind != "version" and isinstance(value, dict)]

    @property
    def content_kinds(self) -> list[str]:
        """The kinds generated pages show (all but "pages")."""
        return [kind for kind in self.kinds if kind != "pages"]

    def add(self, kind: str, docname: str, record: dict[str, Any]) -> None:
        self.data.setdefault(kind, {}).setdefault(docname, []).append(record)
        self._indexes.clear()

    def index(self, kind: str, field: str) -> dict[str, tuple[str, Any]]:
        """``{record's field: (docname, record)}``, first definition winning; built once until data changes."""
        key = (kind, field)
        if key not in self._indexes:
            found: dict[str, tuple[str, Any]] = {}
            for docname in sorted(self.data.get(kind, {})):
                for record in self.data.get(kind, {})[docname]:
                    found.setdefault(value_of(record, field), (docname, record))
            self._indexes[key] = found
        return self._indexes[key]

    # Typed views of the edition's own records (:mod:`.records`); registries' entries stay dicts.

    def essay(self, docname: str) -> EssayRecord | None:
        return next(iter(self.data["essays"].get(docname, [])), None)

    def faithful(self, docname: str) -> bool:
        """Whether the fidelity check found the essay's text to be its witness's (True until it has run)."""
        found: list[FidelityRecord] = self.data["fidelity"].get(docname, [])
        return all(record.faithful for record in found)

    def essays(self) -> dict[str, EssayRecord]:
        """Every essay by document name, in document order."""
        return {docname: records[0] for docname, records in sorted(self.data["essays"].items()) if records}

    def notes(self, docname: str | None = None) -> list[NoteRecord]:
        """The notes of one essay, or of all, in document then source order."""
        return list(self.data["notes"].get(docname, [])) if docname else list(self.records("notes"))

    def sics(self, docname: str) -> list[SicRecord]:
        return list(self.data["sics"].get(docname, []))

    def mentions(self, docname: str | None = None) -> list[MentionRecord]:
        return list(self.data["mentions"].get(docname, [])) if docname else list(self.records("mentions"))

    def pages(self, page: str) -> list[tuple[str, PageRecord]]:
        """The generated pages of one kind ("register", "timeline", …): (docname, record), in document order."""
        return [(d, r) for d in sorted(self.data["pages"]) for r in self.data["pages"][d] if r.page == page]

    def records(self, kind: str) -> Iterator[dict[str, Any]]:
        """All records of *kind*, in document order then source order: deterministic for -j."""
        for docname in sorted(self.data.get(kind, {})):
            yield from self.data[kind][docname]

    def duplicates(self, kind: str, field: str) -> Iterator[tuple[str, dict[str, Any], str]]:
        """Records whose *field* repeats an earlier one's: (docname, record, docname of the first)."""
        seen: dict[str, str] = {}
        for docname in sorted(self.data.get(kind, {})):
            for record in self.data[kind][docname]:
                value = value_of(record, field)
                if value and value in seen:
                    yield docname, record, seen[value]
                seen.setdefault(value, docname)

    def clear_doc(self, docname: str) -> None:
        for kind in self.kinds:
            self.data[kind].pop(docname, None)
        self._indexes.clear()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for kind in [k for k, value in otherdata.items() if k != "version" and isinstance(value, dict)]:
            for docname, records in otherdata[kind].items():
                if docname in docnames:
                    self.data.setdefault(kind, {})[docname] = records
        self._indexes.clear()

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        registry = registries(env).get(typ)
        if registry is None:
            return None
        return resolve(registry, self.index(registry.records, "id"), env, fromdocname, builder, target, node, contnode)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Every note, for the search index: a search for words of a claim lands on its note.  Its name is
        the note's number and claim, with full stops turned into look-alike dots (Sphinx reads a dot as a
        separator in an object's name); priority 0 ranks notes above pages that merely contain the word."""
        for docname, notes in sorted(self.data["notes"].items()):
            for note in notes:
                name = f"Note {note.number}: {note.quote}".replace(".", "\u2024")
                yield name, name, "note", docname, note.id, 0

    def fingerprint(self, *kinds: str) -> str:
        """A stable digest of the records that generated pages are made from."""
        return hashlib.sha256(repr([sorted(self.data.get(kind, {}).items()) for kind in kinds]).encode()).hexdigest()


def value_of(record: Any, field: str) -> Any:
    """A field of a typed record or of a registry's entry (a dict)."""
    return record[field] if isinstance(record, dict) else getattr(record, field)


def get_domain(env: Any) -> EditionDomain:
    return env.domains["edition"]


def setup_domain(app: Sphinx) -> None:
    app.add_domain(EditionDomain)
