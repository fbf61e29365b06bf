"""Everything the extension keeps on Sphinx's build environment, declared in one place.

Sphinx pickles the environment between builds and hands a copy to each parallel worker.  What is set
before documents are read (``env-before-read-docs``, ``builder-inited``) reaches every worker; what a
document's reading finds goes to the ``edition`` domain instead, whose merge brings it back.  These
attributes are the former kind; ``tests/edition/test_repository.py`` fails on one that is used but not declared here.
"""

from __future__ import annotations

#: name: what it holds (the module that sets it, and when).
ATTRIBUTES: dict[str, str] = {
    "edition_witnesses": "the manifest's witnesses by id (witnesses/essay.py, before reading)",
    "edition_refused_witnesses": "ids of witnesses the manifest refused, or None for all (witnesses/essay.py, before reading)",
    "edition_manifest_path": "the manifest's path, a dependency of every essay (witnesses/essay.py, before reading)",
    "edition_witness_characters": "per witness, its lines with invisible characters, allowed in its essay only (witnesses/essay.py)",
    "edition_project_root": "the folder nothing may be read from outside of (policy/confinement.py, builder-inited)",
    "edition_damaged_keys": "BibTeX keys hurt by a syntax error, already reported (bibliography/files.py, config-inited)",
    "edition_releases": "the release snapshots, oldest first (verdicts/releases.py, before reading)",
    "edition_release_files": "their paths, dependencies of every page with notes (verdicts/releases.py, before reading)",
    "edition_corrections": "the corrections log, checked (verdicts/corrections.py, before reading)",
    "edition_corrections_path": "the log's path, if it exists (verdicts/corrections.py, before reading)",
    "edition_bibfiles": "the .bib files of the last build, in order (core/freshness.py, env-get-outdated)",
    "edition_fingerprints": "digests of each kind of record at the last build (core/freshness.py, env-get-updated)",
    "edition_short_labels": "short bibliography labels worked out this build (bibliography/short_labels.py, env-updated)",
    "edition_cited_by_page": "the keys each page cites (bibliography/works_cited.py, env-updated)",
}
