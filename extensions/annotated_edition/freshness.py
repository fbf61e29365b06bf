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

from .domain import get_domain


def bibliography_digest(env: BuildEnvironment) -> str:
    """A digest of every bibliography entry as parsed: a changed year or title changes it."""
    entries = env.domains["cite"].bibdata.data.entries
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


def dependent_pages(env: BuildEnvironment) -> set[str]:
    """Pages whose output depends on other pages' records: generated pages, registries and mentions."""
    data = get_domain(env).data
    return set(data["pages"]) | set(data["events"]) | set(data["people"]) | set(data["mentions"])


def citing_pages(env: BuildEnvironment) -> set[str]:
    return {ref.docname for ref in env.domains["cite"].citation_refs}


def refresh_aggregates(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    records = get_domain(env).fingerprint("essays", "notes", "events", "people", "mentions")
    bibliography = bibliography_digest(env)
    previous = getattr(env, "edition_fingerprints", (None, None))
    env.edition_fingerprints = (records, bibliography)
    pages: set[str] = set()
    if previous[0] != records:
        pages |= dependent_pages(env)
    if previous[1] != bibliography:
        pages |= dependent_pages(env) | citing_pages(env)
    return sorted(pages & set(env.found_docs))


def setup_freshness(app: Sphinx) -> None:
    app.connect("env-get-updated", refresh_aggregates)
