"""The defaults of the settings that are data rather than a word: vocabularies, allowed names, link schemes.

The vocabularies' labels and definitions are marked for the catalogue (``N_``): an edition that keeps a
default vocabulary reads it in the document's language; the colours are CSS ``#rrggbb``, light and dark.

Declared with every other setting in :class:`.configuration.EditionConfig`; the rooms that use them
(verdicts, registries, policy) read the configured values, never these, except to name the default in a message.
"""

from __future__ import annotations

from typing import Any

from .i18n import N_

DEFAULT_VERDICTS: dict[str, dict[str, Any]] = {
    "accurate": {
        "label": N_("Accurate"),
        "symbol": "✓",
        "rating": 5,
        "color": "#2e7d32",
        "color_dark": "#81c784",
        "definition": N_("Correct as stated; checked because readers rely on it."),
    },
    "imprecise": {
        "label": N_("Imprecise"),
        "symbol": "≈",
        "rating": 4,
        "color": "#8d6e00",
        "color_dark": "#e6c84f",
        "definition": N_("Broadly right, but a date, figure, name or scope is loose or slightly wrong."),
    },
    "disputed": {
        "label": N_("Disputed"),
        "symbol": "⇄",
        "rating": 3,
        "color": "#5e35b1",
        "color_dark": "#c5b3f0",
        "definition": N_("Historians disagree; the note says who holds which view."),
    },
    "unsupported": {
        "label": N_("Unsupported"),
        "symbol": "?",
        "rating": 3,
        "color": "#5e35b1",
        "color_dark": "#c5b3f0",
        "definition": N_("Cannot be traced or verified: an untraceable quotation, or a historian "
        "named without a work that says it."),
    },
    "misleading": {
        "label": N_("Misleading"),
        "symbol": "!",
        "rating": 2,
        "color": "#b35600",
        "color_dark": "#ffab70",
        "definition": N_("Literally defensible but gives a false impression: a cause reversed, an "
        "anachronism, context left out."),
    },
    "inaccurate": {
        "label": N_("Inaccurate"),
        "symbol": "✗",
        "rating": 1,
        "color": "#b71c1c",
        "color_dark": "#ff8a80",
        "definition": N_("Factually wrong: a wrong date, actor, name or event."),
    },
}


DEFAULT_ATTRIBUTIONS: dict[str, dict[str, str]] = {
    "identified": {
        "label": N_("Identified"),
        "symbol": "●",
        "definition": N_("The work meant can be named with confidence. Whether it supports what the essay "
        "attributes to it is the verdict of the note where the essay names the author."),
    },
    "probable": {
        "label": N_("Probable"),
        "symbol": "◐",
        "definition": N_("The name points to one author, but the essay names no work: the entry lists the "
        "likeliest works, and no passage saying what the essay claims has been found."),
    },
    "ambiguous": {
        "label": N_("Ambiguous"),
        "symbol": "◑",
        "definition": N_("Several authors of this name wrote on the subject; the entry lists the candidates."),
    },
    "unidentified": {
        "label": N_("Cannot be identified"),
        "symbol": "○",
        "definition": N_("No author of this name could be found who wrote what the essay attributes; the "
        "entry says what was searched."),
    },
}


#: The directives and roles the editors' pages need (the content policy's allow-list, :mod:`..policy.allow_list`).
EDITION_DIRECTIVES = [
    "witness",
    "paratext",
    "witness-lines",
    "cite-this",
    "factcheck",
    "sic",
    "factcheck-register",
    "timeline",
    "verdict-scale",
    "attribution-scale",
    "works-cited",
    "mentions",
    "verdict-summary",
    "edition-data",
    "corrections",
    "verdict-agreement",
]
DIRECTIVES = [
    *EDITION_DIRECTIVES,
    "bibliography",
    "toctree",
    "only",
    "admonition",
    "note",
    "tip",
    "important",
    "warning",
    "seealso",
    "rubric",
    "epigraph",
    "table",
    "list-table",
    "figure",
    "image",
    "code-block",
    "grid",  # sphinx-design's grid and cards, for the landing page's way in: they read nothing and
    "grid-item-card",  # write no raw markup; their links go through the link-scheme check like any other
]
ROLES = [
    "cite",
    "cite:*",
    "doc",
    "ref",
    "abbr",
    "sub",
    "sup",
    "code",
    "literal",
    "emphasis",
    "strong",
]

SCHEMES = ["http", "https", "mailto"]  # the link schemes allowed in editors' links and images
