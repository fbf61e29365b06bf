"""The evidence share: how many notes a reader can follow to the evidence.

A note can be followed when it cites a primary document (an entry of one of the .bib files named in
``edition_document_bibfiles``: treaties, records of conversations, cables) or gives a locator (a page,
chapter or document number, :mod:`.locators`) for a work it cites.  Every build ends by printing the
share, e.g. ``Evidence: 61 of 89 notes (69 %) cite a primary document or carry a locator``, so that
editors see it move; :func:`evidence` gives it to tests.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..core.configuration import conf_location
from ..core.doctree import writing_builder
from ..core.domain import get_domain
from ..core.messages import warn

logger = logging.getLogger("annotated_edition")


@dataclass(frozen=True)
class Evidence:
    followed: int  # notes citing a primary document or carrying a locator
    notes: int

    @property
    def percent(self) -> float:
        return 100 * self.followed / self.notes if self.notes else 0.0

    def line(self) -> str:
        return (
            f"Evidence: {self.followed} of {self.notes} notes ({self.percent:.0f} %) "
            "cite a primary document or carry a locator"
        )


def document_paths(confdir: str | Path, names: list[str] | tuple[str, ...]) -> list[Path]:
    return [Path(confdir, name).resolve() for name in names]


def document_keys(env: BuildEnvironment) -> set[str]:
    """The keys of the entries that are primary documents."""
    bibfiles = env.domains["cite"].bibdata.bibfiles
    paths = document_paths(writing_builder(env).confdir, env.config.edition_document_bibfiles)
    return {key for path in paths if path in bibfiles for key in bibfiles[path].keys}


def evidence(env: BuildEnvironment) -> Evidence:
    documents = document_keys(env)
    notes = get_domain(env).notes()
    followed = sum(1 for note in notes if note.locators or documents.intersection(note.keys))
    return Evidence(followed, len(notes))


def check_document_bibfiles(app: Sphinx, env: BuildEnvironment) -> None:
    """A file of documents that sphinxcontrib-bibtex does not read would count, and list, nothing."""
    configured = set(document_paths(app.confdir, app.config.bibtex_bibfiles or []))
    for name, path in zip(
        app.config.edition_document_bibfiles,
        document_paths(app.confdir, app.config.edition_document_bibfiles),
        strict=True,
    ):
        if path not in configured:
            warn(
                "config",
                f"edition_document_bibfiles names {name!r}, which is not one of bibtex_bibfiles.",
                "add the file to bibtex_bibfiles too, or correct the name (both are relative to conf.py).",
                conf_location(app.confdir, "edition_document_bibfiles"),
            )


def report_evidence(app: Sphinx, exception: Exception | None) -> None:
    """Print the share after every successful build; with -q (status off) on stderr, where problems go."""
    if exception is not None or not get_domain(app.env).essays():
        return
    line = evidence(app.env).line()
    if app.quiet:
        print(line, file=sys.stderr)
    else:
        logger.info(line)


def setup_evidence(app: Sphinx) -> None:
    app.connect("env-check-consistency", check_document_bibfiles)
    app.connect("build-finished", report_evidence)
