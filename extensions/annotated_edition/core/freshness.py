"""Pages made from other pages' data are rewritten when that data changes.

Sphinx re-reads a page only when its own source changes, so a page that aggregates records from the
whole edition (the register, registries with their backlinks, the timeline, pages citing a changed
bibliography entry) would keep showing the old state.  ``env-get-updated`` returns such pages when
a digest of what they are made from differs from the previous build's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .compat import bib_entries, citation_refs
from .domain import get_domain
from .registry import registries


def bibliography_digest(env: BuildEnvironment) -> str:
    """A digest of every bibliography entry as parsed: a changed year or title changes it."""
    entries = bib_entries(env)
    text = repr(
        sorted(
            (
                key,
                entry.type,
                sorted(entry.fields.items()),
                sorted((role, [str(p) for p in people]) for role, people in entry.persons.items()),
            )
            for key, entry in entries.items()
        )
    )
    return hashlib.sha256(text.encode()).hexdigest()


def dependent_pages(env: BuildEnvironment, changed: set[str]) -> set[str]:
    """The pages showing records of the *changed* kinds that were read from other pages.

    Generated pages say what they depend on; registry pages show their entries' mentions; pages that
    refer to registry entries show their titles.  A changed note therefore rewrites the register, not
    every essay: the cost of an incremental build stays with what changed.
    """
    data = get_domain(env).data
    pages = {doc for doc, records in data["pages"].items() if any(changed & set(r.depends) for r in records)}
    kinds = {registry.records for registry in registries(env).values()}
    if changed & (kinds | {"mentions"}):
        pages |= {doc for kind in kinds for doc in data.get(kind, {})}
    if changed & kinds:
        pages |= set(data["mentions"])
    return pages


def citations_digest(env: BuildEnvironment) -> str:
    """A digest of where each work is cited, as a bibliography's "Cited in" lines show it: the notes (their
    essay, address, number and keys), registry entries (title, keys) and pages (title, keys), not verdicts."""
    domain = get_domain(env)
    notes = [(d, n.id, n.number, n.keys) for d in domain.essays() for n in domain.notes(d)]
    entries = [
        (d, r["id"], registry.title(r), r.get("cites"), r.get("works"))
        for registry in registries(env).values()
        for d, records in sorted(domain.data.get(registry.records, {}).items())
        for r in records
        if not r.get("rejected")
    ]
    refs = sorted((ref.docname, [target.key for target in ref.targets]) for ref in env.domains["cite"].citation_refs)
    titles = sorted((d, env.titles[d].astext()) for d in {d for d, _ in refs} if d in env.titles)
    return hashlib.sha256(repr((notes, entries, refs, titles)).encode()).hexdigest()


def citing_pages(env: BuildEnvironment) -> set[str]:
    return {ref.docname for ref in citation_refs(env)}


def refresh_aggregates(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    domain = get_domain(env)
    digests = {kind: domain.fingerprint(kind) for kind in domain.content_kinds} | {
        "bibliography": bibliography_digest(env),
        "citations": citations_digest(env),
    }
    digests |= {  # per essay too, for registers of one essay
        f"notes:{docname}": hashlib.sha256(repr(records).encode()).hexdigest()
        for docname, records in domain.data["notes"].items()
    }
    previous = getattr(env, "edition_fingerprints", {})
    env.edition_fingerprints = digests
    changed = {kind for kind in digests.keys() | previous.keys() if previous.get(kind) != digests.get(kind)}
    pages = dependent_pages(env, changed)
    if "bibliography" in changed:  # short labels of sources are on every generated page
        pages |= dependent_pages(env, set(digests)) | citing_pages(env)
    return sorted(pages & set(env.found_docs))


def reread_bibliographies(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """A ``{bibliography}`` keeps the list of .bib files it was read with: when ``bibtex_bibfiles`` gains or loses
    a file, the pages holding one are read again, or the new file's works are in no bibliography and every
    citation of them prints "()" until a clean build."""
    previous = getattr(env, "edition_bibfiles", None)
    env.edition_bibfiles = [str(path) for path in env.domains["cite"].bibdata.bibfiles]
    if previous is None or previous == env.edition_bibfiles:
        return []
    return sorted({key.docname for key in env.domains["cite"].bibliographies} & env.found_docs)


def setup_freshness(app: Sphinx) -> None:
    app.connect("env-get-outdated", reread_bibliographies)
    app.connect("env-get-updated", refresh_aggregates)
