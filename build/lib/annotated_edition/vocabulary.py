"""The closed vocabulary of verdicts, set in ``conf.py`` as ``edition_verdicts``.

Each verdict has a label (the word readers see), a symbol (so meaning never rests on colour), a
rating on the 1–5 scale used in ClaimReview data (5 = accurate), and a definition shown on the
method page by the ``{verdict-scale}`` directive, so documentation and configuration cannot drift.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective

from .messages import warn

DEFAULT_VERDICTS: dict[str, dict[str, Any]] = {
    "accurate": {
        "label": "Accurate",
        "symbol": "✓",
        "rating": 5,
        "definition": "Correct as stated; checked because readers rely on it.",
    },
    "imprecise": {
        "label": "Imprecise",
        "symbol": "≈",
        "rating": 4,
        "definition": "Broadly right, but a date, figure, name or scope is loose or slightly wrong.",
    },
    "disputed": {
        "label": "Disputed",
        "symbol": "⇄",
        "rating": 3,
        "definition": "Historians disagree; the note says who holds which view.",
    },
    "unsupported": {
        "label": "Unsupported",
        "symbol": "?",
        "rating": 3,
        "definition": "Cannot be traced or verified: an untraceable quotation, or a historian "
        "named without a work that says it.",
    },
    "misleading": {
        "label": "Misleading",
        "symbol": "!",
        "rating": 2,
        "definition": "Literally defensible but gives a false impression: a cause reversed, an "
        "anachronism, context left out.",
    },
    "inaccurate": {
        "label": "Inaccurate",
        "symbol": "✗",
        "rating": 1,
        "definition": "Factually wrong: a wrong date, actor, name or event.",
    },
}
REQUIRED_KEYS = ("label", "symbol", "rating", "definition")


def verdicts(config: Config) -> dict[str, dict[str, Any]]:
    return config.edition_verdicts


def check_entries(app: Sphinx, option: str, required: tuple[str, ...], defaults: str) -> None:
    """Every entry of a configured vocabulary has the keys the extension reads; reported at conf.py.

    An incomplete entry is dropped after the warning, so notes using it are refused as unknown instead
    of breaking the build later.
    """
    vocabulary = getattr(app.config, option)
    for name, entry in list(vocabulary.items()):
        missing = [key for key in required if key not in entry]
        if missing:
            warn(
                "config",
                f"{option}[{name!r}] lacks {', '.join(missing)}.",
                f"give every entry {', '.join(required)} (see {defaults} in the extension).",
                str(Path(app.confdir, "conf.py")),
            )
            del vocabulary[name]


def check_vocabulary(app: Sphinx) -> None:
    check_entries(app, "edition_verdicts", REQUIRED_KEYS, "DEFAULT_VERDICTS")


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
    app.add_config_value("edition_verdicts", DEFAULT_VERDICTS, "env", dict)
    app.add_directive("verdict-scale", VerdictScale)
    app.connect("builder-inited", check_vocabulary)
