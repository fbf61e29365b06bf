"""The edition's settings in ``conf.py``: one typed declaration, each setting with its default and its meaning.

:class:`EditionConfig` declares every ``edition_*`` setting (as myst-parser's ``MdParserConfig`` declares
its ``myst_*`` ones); :func:`setup_configuration` registers them all with Sphinx from it, and the settings
reference (README.md) is tested against it.  Sphinx only notes a setting of the wrong type and uses it
anyway, so the extension would fail later with a traceback: here a wrong type is reported at its line
in ``conf.py`` and the default is used instead.  :func:`conf_location` also gives the other checks of
settings (the vocabularies) a line.
"""

from __future__ import annotations

import copy
import re
import types
import typing
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from . import priorities
from .defaults import DEFAULT_ATTRIBUTIONS, DEFAULT_VERDICTS, DIRECTIVES, ROLES, SCHEMES
from .messages import EntryError, at, warn

PREFIX = "edition_"


def setting(default: Any, doc: str) -> Any:
    """A field of :class:`EditionConfig`: its default (copied for each build when mutable) and one line of docs."""
    if isinstance(default, list | dict | set):
        return field(default_factory=lambda: copy.deepcopy(default), metadata={"doc": doc})
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class EditionConfig:
    """Every setting of the extension, as ``edition_<name>`` in ``conf.py``."""

    manifest: str = setting("../sources/manifest.toml", "The witness manifest (TOML), relative to conf.py.")
    title: str = setting("", "The edition's title, shown by {cite-this} and in the exports.")
    date: str = setting("", "The edition's date of publication (ISO 8601), shown by {cite-this} and in the exports.")
    licence: str = setting("", "The licence of the editors' text, in words, shown by {cite-this} and the Data box.")
    licence_url: str = setting("", "The licence's address, linked from the Data box and carried in the exports.")
    verdicts: dict = setting(DEFAULT_VERDICTS, "The verdict vocabulary: name -> label, symbol, rating 1-5, definition, optional color and color_dark.")
    attributions: dict = setting(
        DEFAULT_ATTRIBUTIONS, "How surely a named person is identified: name -> label, symbol, definition."
    )
    allowed_directives: list | tuple | set = setting(
        DIRECTIVES, "The directives editors may use (patterns such as cite:* allowed)."
    )
    allowed_roles: list | tuple | set = setting(
        ROLES, "The roles editors may use (registries' directives and roles are always allowed)."
    )
    policy_exceptions: dict = setting({}, "Page -> extra directive or role names a maintainers' page may use.")
    url_schemes: list | tuple | set = setting(SCHEMES, "The link schemes allowed in editors' links and images.")
    project_root: str = setting("..", "The folder no file may be read from outside of, relative to conf.py.")
    check_bibliography: bool = setting(
        True, "Check every bibliography entry (fields, identifiers, coverage, citations)."
    )
    corrections: str = setting("corrections.toml", "The corrections log, relative to conf.py; empty for none.")
    releases: str = setting("releases", "The folder of release snapshots, relative to conf.py.")
    release_checksums: dict = setting(
        {}, "Release version -> SHA-256 of its snapshot; when given, a snapshot that differs or is not listed is refused."
    )
    release_check: bool = setting(False, "A release build (make release-check): a provisional note is refused.")
    data_page: str = setting("data", "The document that describes the open data files (linked from the Data box).")
    accessibility_summary: str = setting(
        "The text of the edition with its headings, a table of contents, and its notes as footnotes linked to and "
        "from the words they annotate; nothing is conveyed by image, colour or sound alone.",
        "The EPUB's accessibility summary (schema:accessibilitySummary): how the book can be read.",
    )
    epub_nonlinear: list | tuple = setting([], "Documents the EPUB keeps out of its reading order (linear=no).")
    method_page: str = setting("method", "The document that describes the editorial method (the TEI header points to it).")
    text_name: str = setting("", 'What a text is called in generated words ("speech", "poem"); "" for the catalogue\'s "essay".')
    correction_link: str = setting(
        "github", 'Where "Suggest a correction" goes: "github", "gitlab" (html_context["repository"]), "mailto:ADDRESS" or "none".'
    )
    document_bibfiles: list | tuple = setting(
        [],
        "The .bib files (relative to conf.py, also in bibtex_bibfiles) of primary documents: counted in the "
        "evidence share.",
    )


def accepted_types(annotation: Any) -> tuple[type, ...]:
    """``list | tuple | set`` -> (list, tuple, set); ``str`` -> (str,)."""
    if isinstance(annotation, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


def declared() -> dict[str, tuple[Any, tuple[type, ...], str]]:
    """``edition_<name>`` -> (default, accepted types, one line of docs), in declaration order."""
    hints = typing.get_type_hints(EditionConfig)
    found = {}
    for item in fields(EditionConfig):
        default = item.default if item.default is not MISSING else item.default_factory()
        found[PREFIX + item.name] = (default, accepted_types(hints[item.name]), item.metadata["doc"])
    return found


def conf_location(confdir: str | Path, name: str, key: str = "") -> str:
    """``conf.py:LINE`` where *name* is set, or where *key* first appears after it; line 1 if it is not there
    (a value given on the command line, for instance)."""
    path = Path(confdir, "conf.py")
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    start = next((n for n, line in enumerate(lines) if re.match(rf"{re.escape(name)}\s*=", line)), None)
    if start is None:
        return at(path, 1)
    quoted = (f'"{key}"', f"'{key}'")
    found = next((n for n in range(start, len(lines)) if key and any(q in lines[n] for q in quoted)), start)
    return at(path, found + 1)


def check_types(app: Sphinx, config: Config) -> None:
    for name, (default, accepted, _) in declared().items():
        value = getattr(config, name)
        if not isinstance(value, accepted):
            expected = " or ".join(t.__name__ for t in accepted)
            error = EntryError(
                f"{name} is {value!r} (of type {type(value).__name__}), but must be of type {expected}; the default is used instead.",
                f"give {name} a value of type {expected} (see README.md), or remove it to use the default.",
            )
            warn("config", error.problem, error.fix, conf_location(app.confdir, name))
            setattr(config, name, default)


def setup_configuration(app: Sphinx) -> None:
    for name, (default, accepted, _) in declared().items():
        app.add_config_value(name, default, "env", accepted)  # a changed setting rebuilds the environment
    app.connect("config-inited", check_types, priority=priorities.CONFIG_TYPES)
