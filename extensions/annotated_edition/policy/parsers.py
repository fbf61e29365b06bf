"""The source parsers, with the edition's content policy switched on while a document is parsed.

- Every directive and role name is checked against the allow-list (:mod:`.allow_list`) in MyST, in
  ``{eval-rst}`` and in reStructuredText documents; ``{eval-rst}`` itself is allowed like a directive.
- A MyST document is parsed with the project's MyST configuration only: front matter that would
  reconfigure the parser for one page (``myst:``, ``html_meta``, ``substitutions``) is refused at its
  line, so no page can switch on an extension, define substitutions or add ``<meta>`` redirects.
- A directive option given twice is refused: MyST would silently keep the last one (docutils, for
  reStructuredText, refuses it itself).
"""

from __future__ import annotations

import re
from itertools import takewhile
from textwrap import dedent

from docutils import nodes
from myst_parser.config.main import TopmatterReadError, read_topmatter
from myst_parser.mdit_to_docutils.base import token_line
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.parsers.sphinx_ import MystParser
from sphinx.application import Sphinx
from sphinx.parsers import RSTParser

from ..core.messages import EntryError, warn
from .allow_list import AllowList, allowed, permitted, refusal
from .confinement import page_file, refused_file

FILE_LEVEL_CONFIG = ("myst", "mystnb", "html_meta", "substitutions")  # front matter keys MyST reads as configuration
YAML_KEY = re.compile(r"""(?P<quote>["']?)(?P<name>[A-Za-z_][\w-]*)(?P=quote)\s*:""")  # bare or quoted
SHORT_OPTION = re.compile(r"\s*:(?P<name>[^:\s][^:]*):")


def repeated_options(content: str) -> list[tuple[str, int]]:
    """Options named twice in a MyST directive's text after its first line: (name, index of the repeat's line).

    MyST reads the options as ``:name: value`` lines, or as a YAML block between ``---`` lines."""
    lines = content.split("\n")
    if content.startswith("---"):
        block = list(takewhile(lambda line: not line.startswith("---"), lines[1:]))
        found = [(YAML_KEY.match(line), index) for index, line in enumerate(dedent("\n".join(block)).split("\n"), 1)]
    else:
        block = list(
            takewhile(lambda line: line.lstrip().startswith(":") and not line.lstrip().startswith(":::"), lines)
        )
        found = [(SHORT_OPTION.match(line), index) for index, line in enumerate(block)]
    seen: set[str] = set()
    repeats = []
    for match, index in found:
        if match:
            name = match["name"].strip()
            if name in seen:
                repeats.append((name, index))
            seen.add(name)
    return repeats


class EditionRenderer(SphinxRenderer):
    def render_restructuredtext(self, token) -> None:
        env = self.sphinx_env
        if not permitted("eval-rst", allowed(env, env.config.edition_allowed_directives)):
            error = refusal("directive", "eval-rst")
            warn("policy", error.problem, error.fix, (env.docname, token_line(token)))
            return
        super().render_restructuredtext(token)

    def run_directive(self, name: str, first_line: str, content: str, position: int, *args, **kwargs) -> list:
        env = self.sphinx_env
        repeats = repeated_options(content)
        for option, index in repeats:
            error = EntryError(
                f"the option :{option}: of {{{name}}} is given twice (only one of them would count).",
                f"keep one :{option}: line.",
            )
            warn("policy", error.problem, error.fix, (env.docname, position + 1 + index))
        if repeats or (
            name == "include" and refused_file(env, page_file(env, first_line.strip()), (env.docname, position))
        ):
            return []  # MyST reads an include itself, not through the directive: its file is judged here
        return super().run_directive(name, first_line, content, position, *args, **kwargs)


def refuse_file_level_config(docname: str, text: str) -> None:
    """Report front matter keys that MyST would read as configuration for this page alone."""
    try:
        topmatter = read_topmatter(text) or {}
    except TopmatterReadError:
        return  # MyST reports malformed front matter itself
    lines = text.split("\n")
    for key in FILE_LEVEL_CONFIG:
        if key in topmatter:
            line = next((n for n, written in enumerate(lines, 1) if re.match(rf"{key}\s*:", written)), 1)
            error = EntryError(
                f"the front matter key {key!r} would configure MyST for this page alone (extensions, substitutions, "
                "<meta> tags); the edition's pages all use the configuration in conf.py.",
                f"remove {key!r} from the front matter; ask a maintainer if the edition needs a new setting.",
            )
            warn("policy", error.problem, error.fix, (docname, line))


class EditionMystParser(MystParser):
    """MyST with the policy: the project's MyST configuration only, the allow-list active."""

    def parse(self, inputstring: str, document: nodes.document) -> None:
        env = document.settings.env
        refuse_file_level_config(env.docname, inputstring)
        with AllowList(env):
            parser = create_md_parser(env.myst_config, EditionRenderer)
            parser.options["document"] = document
            parser.render(inputstring)


class EditionRSTParser(RSTParser):
    """reStructuredText with the allow-list active."""

    def parse(self, inputstring: str, document: nodes.document) -> None:
        with AllowList(document.settings.env):
            super().parse(inputstring, document)


def setup_parsers(app: Sphinx) -> None:
    app.add_source_parser(EditionMystParser, override=True)
    app.add_source_parser(EditionRSTParser, override=True)
