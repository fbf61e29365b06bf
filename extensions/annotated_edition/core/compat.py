"""Every private interface of Sphinx and sphinxcontrib-bibtex the extension relies on, in one place.

The rest of the extension uses only what these functions return, so a new release of either means
reading this module against its changelog, and nothing else.  ``TESTED`` lists the releases the test
suite runs on (the lock files in ``requirements/``); ``pyproject.toml`` bounds the dependencies to them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders.latex.nodes import thebibliography  # the node the LaTeX builder gathers citations into
from sphinx.util import url_re  # Sphinx's own test of "this target is a URL, not a document"
from sphinx.util.docutils import CustomReSTDispatcher  # the hook that sees every directive and role lookup
from sphinxcontrib.bibtex.bibfile import BibData, BibFile, get_mtime
from sphinxcontrib.bibtex.citation_target import CitationTarget, parse_citation_targets

if TYPE_CHECKING:
    from pybtex.database import BibliographyData, Entry
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

#: The releases the test suite runs on: Sphinx 9.0 (Python 3.11), 9.1 (3.12), 9.2 (3.13).
TESTED = {
    "sphinx": ("9.0.4", "9.1.1", "9.2.0"),
    "sphinxcontrib-bibtex": ("2.7.0",),
    "pybtex": ("0.26.1",),
    "myst-parser": ("5.2.0",),
}

__all__ = [
    "TESTED",
    "CitationTarget",
    "CustomReSTDispatcher",
    "application",
    "bib_entries",
    "bibliographies",
    "citation_refs",
    "citations",
    "listed_keys",
    "parse_citation_targets",
    "set_in_conf",
    "set_bibliography",
    "thebibliography",
    "url_re",
    "writing_builder",
]


def application(env: BuildEnvironment) -> Sphinx:
    """The Sphinx application of *env*: ``env.app`` is deprecated in Sphinx 9, and Sphinx's own
    ``ReferencesResolver`` reaches the application through ``env._app``."""
    return env._app


def writing_builder(env: BuildEnvironment) -> Builder:
    return application(env).builder


def bib_entries(env: BuildEnvironment) -> dict[str, Entry]:
    """sphinxcontrib-bibtex's parsed entries, by key."""
    return env.domains["cite"].bibdata.data.entries


def citations(env: BuildEnvironment) -> list[Any]:
    """sphinxcontrib-bibtex's formatted citations (each with ``key``, ``docname``, ``citation_id``, …)."""
    return env.domains["cite"].citations


def citation_refs(env: BuildEnvironment) -> list[Any]:
    """sphinxcontrib-bibtex's citation references (each with ``docname`` and ``targets``)."""
    return env.domains["cite"].citation_refs


def set_bibliography(env: BuildEnvironment, encoding: str, keys: dict[Path, list[str]], data: BibliographyData) -> None:
    """Hand sphinxcontrib-bibtex the .bib files already parsed (*keys*: each file's keys, in order), so that it
    keeps them rather than parsing them again (it does while their modification times are unchanged)."""
    files = {path: BibFile(mtime=get_mtime(path), keys=dict.fromkeys(found)) for path, found in keys.items()}
    env.domains["cite"].data["bibdata"] = BibData(encoding=encoding, bibfiles=files, data=data)


def bibliographies(env: BuildEnvironment) -> dict[Any, Any]:
    """sphinxcontrib-bibtex's ``{bibliography}`` directives, by key (each with ``docname`` and ``list_``)."""
    return env.domains["cite"].bibliographies


def listed_keys(env: BuildEnvironment) -> set[str]:
    """The keys some ``{bibliography}`` lists (as citations), so that a citation of them has a target."""
    lists = bibliographies(env)
    return {c.key for c in citations(env) if c.bibliography_key in lists and lists[c.bibliography_key].list_ == "citation"}


def set_in_conf(config: Config, name: str) -> bool:
    """Whether the edition chose *name* itself (in conf.py or with -D), rather than leaving Sphinx's default."""
    return name in config._raw_config or name in config._overrides
