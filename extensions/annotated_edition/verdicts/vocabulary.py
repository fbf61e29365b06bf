"""The closed vocabulary of verdicts, set in ``conf.py`` as ``edition_verdicts``.

Each verdict has a label (the word readers see), a symbol (so meaning never rests on colour), a
rating on the 1–5 scale used in ClaimReview data (5 = accurate), and a definition shown on the
method page by the ``{verdict-scale}`` directive, so documentation and configuration cannot drift;
optionally ``color`` and ``color_dark`` (``#rrggbb``, for light and dark pages), written into a
stylesheet of CSS custom properties (``--edition-verdict-NAME``) and checked for contrast against the
page.  The default entries' words are translated into the document's language; an edition's own are
its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective

from ..core import priorities
from ..core.configuration import conf_location
from ..core.defaults import DEFAULT_VERDICTS
from ..core.i18n import _
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


COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
#: key -> (test, what the test wants), for the keys an entry may have.
OPTIONAL_KEYS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "color": (lambda value: isinstance(value, str) and bool(COLOUR.fullmatch(value)), 'a colour "#rrggbb"'),
    "color_dark": (lambda value: isinstance(value, str) and bool(COLOUR.fullmatch(value)), 'a colour "#rrggbb"'),
}
#: The colours of a verdict that gives none: the claim's highlight colours (see the extension's stylesheet).
FALLBACK = ("#8d6e00", "#e6c84f")
#: The pages the colours stand on (furo's light and dark backgrounds), and the least contrast a line or a
#: symbol needs against them (WCAG 2.2, 1.4.11 non-text contrast).
BACKGROUNDS = ("#ffffff", "#131416")
LEAST_CONTRAST = 3.0
STYLESHEET = "annotated-edition-verdicts.css"


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
    required = {**required, **{key: test for key, test in OPTIONAL_KEYS.items() if key in entry}}
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


def translate_defaults(config: Config, option: str, defaults: dict[str, dict[str, Any]]) -> None:
    """An edition that keeps a default vocabulary reads its words in the document's language.  Done when the
    configuration is read, so that the environment keeps the value the next build compares it with."""
    if getattr(config, option) == defaults:
        translated = {name: {key: _(value) if key in ("label", "definition") else value for key, value in entry.items()}
                      for name, entry in defaults.items()}
        setattr(config, option, translated)


def translate_verdicts(app: Sphinx, config: Config) -> None:
    translate_defaults(config, "edition_verdicts", DEFAULT_VERDICTS)


def check_vocabulary(app: Sphinx) -> None:
    check_entries(app, "edition_verdicts", REQUIRED_KEYS, DEFAULT_VERDICTS, "DEFAULT_VERDICTS")
    check_contrast(app)


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def colours(entry: dict[str, Any]) -> tuple[str, str]:
    """(light, dark): a verdict with one colour uses it on dark pages too; one with none, the claim's colours."""
    if "color" not in entry:
        return FALLBACK
    return entry["color"], entry.get("color_dark", entry["color"])


def check_contrast(app: Sphinx) -> None:
    for name, entry in verdicts(app.config).items():
        if "color" not in entry:
            continue
        for key, colour, background in zip(("color", "color_dark"), colours(entry), BACKGROUNDS, strict=True):
            ratio = contrast(colour, background)
            if ratio < LEAST_CONTRAST:
                warn(
                    "config",
                    f"verdict {name!r} has the colour {colour} on {'dark' if key == 'color_dark' else 'light'} pages, "
                    f"whose contrast with the page ({background}) is {ratio:.1f}:1, less than the "
                    f"{LEAST_CONTRAST:.0f}:1 a line or symbol needs.",
                    f"give {key!r} a {'darker' if key == 'color' else 'lighter'} colour.",
                    conf_location(app.confdir, "edition_verdicts", name),
                )


def stylesheet(vocabulary: dict[str, dict[str, Any]]) -> str:
    """Each verdict's colours as custom properties, light and dark (furo's switch or the reader's setting),
    and the highlight and note border that use them."""
    light = "; ".join(f"--edition-verdict-{name}: {colours(entry)[0]}" for name, entry in vocabulary.items())
    dark = "; ".join(f"--edition-verdict-{name}: {colours(entry)[1]}" for name, entry in vocabulary.items())
    rules = "\n".join(
        f"mark.edition-verdict-{name} {{ border-bottom-color: var(--edition-verdict-{name}); }}\n"
        f"details.edition-verdict-{name} {{ border-left-color: var(--edition-verdict-{name}); }}"
        for name in vocabulary
    )
    return (
        "/* Generated from edition_verdicts: each verdict's colour, light and dark. */\n"
        f":root {{ {light}; }}\n"
        f'body[data-theme="dark"] {{ {dark}; }}\n'
        f'@media (prefers-color-scheme: dark) {{ body:not([data-theme="light"]) {{ {dark}; }} }}\n'
        f"{rules}\n"
    )


def write_stylesheet(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    target = Path(app.outdir, "_static", STYLESHEET)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = stylesheet(verdicts(app.config))
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def scale(entries: dict[str, dict[str, Any]], css_class: str) -> nodes.definition_list:
    """A configured vocabulary as a definition list: symbol, label and name, then the definition."""
    dl = nodes.definition_list(classes=[css_class])
    for name, entry in entries.items():
        term = nodes.term(
            "",
            "",
            nodes.inline(text=f"{entry['symbol']} ", classes=["edition-verdict-symbol"]),
            nodes.strong(text=entry["label"]),
            nodes.Text(
                f" ({name}, " + _("rating {rating}").format(rating=entry["rating"]) + ")" if "rating" in entry else f" ({name})"
            ),
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
    app.connect("config-inited", translate_verdicts, priority=priorities.CONFIG_VALUES)
    app.connect("builder-inited", check_vocabulary)
    app.connect("builder-inited", write_stylesheet, priority=priorities.VERDICT_STYLESHEET)
    app.add_css_file(STYLESHEET, priority=priorities.VERDICT_STYLESHEET)  # after the extension's own (500)
