"""The closed vocabulary of verdicts, set in ``conf.py`` as ``edition_verdicts``.

Each verdict has a label (the word readers see), a symbol (so meaning never rests on colour), a
rating on the 1–5 scale used in ClaimReview data (5 = accurate), and a definition shown on the
method page by the ``{verdict-scale}`` directive, so documentation and configuration cannot drift.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective

from ..core.configuration import conf_location
from ..core.defaults import DEFAULT_VERDICTS
from ..core.messages import EntryError, warn
from ..core.names import SLUG  # names become CSS classes and option values


def text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def rating(value: Any) -> bool:
    return type(value) is int and 1 <= value <= 5


#: key -> (test, what the test wants), for every key the extension reads from a verdict.
REQUIRED_KEYS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "label": (text, "a non-empty string"),
    "symbol": (text, "a non-empty string"),
    "rating": (rating, "a whole number from 1 to 5"),
    "definition": (text, "a non-empty string"),
}


def verdicts(config: Config) -> dict[str, dict[str, Any]]:
    return config.edition_verdicts


def entry_problems(option: str, name: Any, entry: Any, required: dict, defaults: str) -> list[EntryError]:
    """What is wrong with one entry of a configured vocabulary: its name, missing keys, values of the wrong type."""
    if not isinstance(name, str) or not SLUG.fullmatch(name):
        return [
            EntryError(
                f"{option} has the entry name {name!r}.", "name entries with lowercase letters, digits and hyphens."
            )
        ]
    if not isinstance(entry, dict):
        return [
            EntryError(
                f"{option}[{name!r}] is {entry!r}, not a dict.",
                f"give it the keys {', '.join(required)} (see {defaults}).",
            )
        ]
    missing = [key for key in required if key not in entry]
    if missing:
        return [
            EntryError(
                f"{option}[{name!r}] lacks {', '.join(missing)}.",
                f"give every entry {', '.join(required)} (see {defaults} in the extension).",
            )
        ]
    return [
        EntryError(
            f"{option}[{name!r}][{key!r}] is {entry[key]!r}, not {wanted}.", f"make it {wanted} (see {defaults})."
        )
        for key, (test, wanted) in required.items()
        if not test(entry[key])
    ]


def check_entries(app: Sphinx, option: str, required: dict, defaults: dict, defaults_name: str) -> None:
    """Every entry of a configured vocabulary has the keys the extension reads, of the right types; problems are
    reported at conf.py.

    A faulty entry is replaced by the default of the same name, or else dropped (notes using it are then refused
    as unknown), so that it never breaks the build later: a rating of "high" would stop the ClaimReview data.
    """
    vocabulary = getattr(app.config, option)
    for name, entry in list(vocabulary.items()):
        problems = entry_problems(option, name, entry, required, defaults_name)
        if problems and name in defaults:
            vocabulary[name], outcome = defaults[name], "The default entry is used instead."
        elif problems:
            del vocabulary[name]
            outcome = "Notes using it are refused."
        for error in problems:
            warn("config", f"{error.problem} {outcome}", error.fix, conf_location(app.confdir, option, str(name)))


def check_vocabulary(app: Sphinx) -> None:
    check_entries(app, "edition_verdicts", REQUIRED_KEYS, DEFAULT_VERDICTS, "DEFAULT_VERDICTS")


def scale(entries: dict[str, dict[str, Any]], css_class: str) -> nodes.definition_list:
    """A configured vocabulary as a definition list: symbol, label and name, then the definition."""
    dl = nodes.definition_list(classes=[css_class])
    for name, entry in entries.items():
        term = nodes.term(
            "",
            "",
            nodes.inline(text=f"{entry['symbol']} ", classes=["edition-verdict-symbol"]),
            nodes.strong(text=entry["label"]),
            nodes.Text(f" ({name}" + (f", rating {entry['rating']})" if "rating" in entry else ")")),
        )
        dl += nodes.definition_list_item("", term, nodes.definition("", nodes.paragraph(text=entry["definition"])))
    return dl


class VerdictScale(SphinxDirective):
    """``{verdict-scale}``: the configured verdicts as a definition list, best rating first."""

    def run(self) -> list[nodes.Node]:
        ordered = dict(sorted(verdicts(self.config).items(), key=lambda item: -item[1]["rating"]))
        return [scale(ordered, "edition-verdict-scale")]


def setup_vocabulary(app: Sphinx) -> None:
    app.add_directive("verdict-scale", VerdictScale)
    app.connect("builder-inited", check_vocabulary)
