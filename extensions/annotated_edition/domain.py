"""The ``edition`` domain: the one place the extension keeps data that outlives a document.

Records are stored per document (``data[kind][docname] -> list``), so clearing a document and
merging a parallel worker's results are the same two small loops for every kind of record.  In
:meth:`merge_domaindata` only the documents a worker actually read are copied: a worker starts from a
full copy of the old data, and copying everything would bring stale records back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Set
from typing import Any

from sphinx.application import Sphinx
from sphinx.domains import Domain

#: The kinds of record every edition has, listed once ("pages" says which generated pages depend on
#: which kinds).  A registry adds its own kind (``Registry.records``) when it is registered.
RECORD_KINDS = ("essays", "notes", "sics", "events", "people", "mentions", "pages")


class EditionDomain(Domain):
    name = "edition"
    label = "Annotated edition"
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

    def index(self, kind: str, field: str) -> dict[str, tuple[str, dict[str, Any]]]:
        """``{record[field]: (docname, record)}``, first definition winning; built once until data changes."""
        key = (kind, field)
        if key not in self._indexes:
            found: dict[str, tuple[str, dict[str, Any]]] = {}
            for docname in sorted(self.data.get(kind, {})):
                for record in self.data.get(kind, {})[docname]:
                    found.setdefault(record[field], (docname, record))
            self._indexes[key] = found
        return self._indexes[key]

    def records(self, kind: str) -> Iterator[dict[str, Any]]:
        """All records of *kind*, in document order then source order: deterministic for -j."""
        for docname in sorted(self.data.get(kind, {})):
            yield from self.data[kind][docname]

    def duplicates(self, kind: str, field: str) -> Iterator[tuple[str, dict[str, Any], str]]:
        """Records whose *field* repeats an earlier one's: (docname, record, docname of the first)."""
        seen: dict[str, str] = {}
        for docname in sorted(self.data.get(kind, {})):
            for record in self.data[kind][docname]:
                value = record[field]
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
        from .registry import registries, resolve  # the registries import the domain

        registry = registries(env).get(typ)
        return resolve(registry, env, fromdocname, builder, target, node, contnode) if registry else None

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []

    def fingerprint(self, *kinds: str) -> str:
        """A stable digest of the records that generated pages are made from."""
        return hashlib.sha256(repr([sorted(self.data.get(kind, {}).items()) for kind in kinds]).encode()).hexdigest()


def get_domain(env: Any) -> EditionDomain:
    return env.domains["edition"]


def setup_domain(app: Sphinx) -> None:
    app.add_domain(EditionDomain)
