"""The defaults of the settings that are data rather than a word: vocabularies, allowed names, link schemes.

Declared with every other setting in :class:`.configuration.EditionConfig`; the rooms that use them
(verdicts, registries, policy) read the configured values, never these, except to name the default in a message.
"""

from __future__ import annotations

from typing import Any

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


DEFAULT_ATTRIBUTIONS: dict[str, dict[str, str]] = {
    "identified": {
        "label": "Identified",
        "symbol": "●",
        "definition": "The work meant can be named with confidence. Whether it supports what the essay "
        "attributes to it is the verdict of the note where the essay names the author.",
    },
    "probable": {
        "label": "Probable",
        "symbol": "◐",
        "definition": "The name points to one author, but the essay names no work: the entry lists the "
        "likeliest works, and no passage saying what the essay claims has been found.",
    },
    "ambiguous": {
        "label": "Ambiguous",
        "symbol": "◑",
        "definition": "Several authors of this name wrote on the subject; the entry lists the candidates.",
    },
    "unidentified": {
        "label": "Cannot be identified",
        "symbol": "○",
        "definition": "No author of this name could be found who wrote what the essay attributes; the "
        "entry says what was searched.",
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
