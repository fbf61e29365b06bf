"""The ``{factcheck}`` and ``{sic}`` directives and the nodes they leave in the doctree.

A directive only records what the editor wrote (the quoted claim, the verdict, the body); it does
not look at the essay.  Anchoring the quote in the paragraph before it happens later, in
:mod:`.anchoring`, once the whole document and its paragraph numbers exist.
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..core.doctree import cited_keys, cited_locators
from ..core.messages import EntryError, closest, warn
from ..core.names import SLUG
from ..core.nodes import annotation, factcheck_note, sic_note
from ..verdicts.vocabulary import verdicts
from .addresses import fingerprint
from .statements import statements

RESERVED = re.compile(r"p\d+|note-\d+|(?:claim|ref)-.*")  # anchors the edition makes itself (ref-ID-body too)
OPTION = re.compile(r"\s*:([\w-]+):(?:\s+(.*))?$")


class AnnotationDirective(SphinxDirective):
    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {"occurrence": directives.positive_int}
    node_class: type[annotation] = annotation

    def take_continued_quote(self) -> None:
        """A quote continued on the lines after the directive's (verse, a long claim): MyST keeps only the first
        line as the argument and reads the rest, options included, as the body.  Lines up to the first option
        line join the quote again, and the option lines become options."""
        lines = list(self.content)
        continued = next((i for i, line in enumerate(lines) if not line.strip() or OPTION.match(line)), len(lines))
        if not continued or continued == len(lines) or not OPTION.match(lines[continued]):
            return
        end = next((i for i in range(continued, len(lines)) if not OPTION.match(lines[i])), len(lines))
        for line in lines[continued:end]:
            name, value = OPTION.match(line).groups()
            if name in self.option_spec and name not in self.options:
                try:
                    self.options[name] = self.option_spec[name](value)
                except (ValueError, TypeError):
                    continue  # the option is then reported as missing, at the directive
        self.arguments[0] = " ".join([self.arguments[0], *lines[:continued]])
        skip = end + (end < len(lines) and not lines[end].strip())
        self.content = self.content[skip:]
        self.content_offset += skip

    def make_node(self) -> annotation:
        node = self.node_class(quote=" ".join(self.arguments[0].split()), occurrence=self.options.get("occurrence"))
        self.set_source_info(node)
        return node

    def option_location(self, name: str) -> tuple[str, int]:
        """Where the option *name* is written (its own line), or the directive's line if it is not written."""
        lines = self.block_text.split("\n")
        offset = next((i for i, line in enumerate(lines) if line.strip().startswith(f":{name}:")), 0)
        return self.env.docname, self.lineno + offset


class FactcheckDirective(AnnotationDirective):
    has_content = True
    option_spec = {
        **AnnotationDirective.option_spec,
        "verdict": directives.unchanged,
        "label": directives.unchanged,
        "key": directives.flag,  # one of the essay's most consequential findings, listed at its top
    }
    node_class = factcheck_note

    def run(self) -> list[nodes.Node]:
        """Check everything before refusing anything, so one run reports every mistake in the note."""
        self.take_continued_quote()
        location = self.get_location()
        verdict = (self.options.get("verdict") or "").strip()
        label = self.options.get("label", "").strip()
        node = self.make_node()
        node["verdict"], node["label"], node["key"] = verdict, label, "key" in self.options
        node["fingerprint"] = fingerprint("\n".join(self.content))
        node += self.parse_content_to_nodes()
        node["keys"] = cited_keys(node)
        node["locators"] = cited_locators(node)
        node["statements"] = statements(node)
        problems = [
            *((error, self.option_location("verdict")) for error in self.verdict_problems(verdict)),
            *((error, self.option_location("label")) for error in label_problems(label)),
        ]
        if not node["keys"]:
            problems.append(
                (
                    EntryError(
                        "fact-check without a citation.",
                        "cite at least one source in the body, e.g. {cite:p}`luthi2008`; add the work to bib/ first.",
                    ),
                    location,
                )
            )
        for error, where in problems:
            warn("factcheck", error.problem, error.fix, where)
        node["refused"] = bool(problems)  # its quote is still looked for: every mistake of a note in one run
        return [node]

    def verdict_problems(self, verdict: str) -> list[EntryError]:
        vocabulary = verdicts(self.config)
        if not verdict:
            return [
                EntryError("fact-check without a verdict.", f"add `:verdict:` with one of: {', '.join(vocabulary)}.")
            ]
        if verdict not in vocabulary:
            return [
                EntryError(
                    f"unknown verdict {verdict!r}.",
                    f"use one of {', '.join(vocabulary)} ({closest(verdict, list(vocabulary))}).",
                )
            ]
        return []


class SicDirective(AnnotationDirective):
    option_spec = {**AnnotationDirective.option_spec, "reading": directives.unchanged}
    node_class = sic_note

    def run(self) -> list[nodes.Node]:
        self.take_continued_quote()
        reading = " ".join(self.options.get("reading", "").split())
        if not reading:
            warn("sic", "{sic} without a reading.", "add `:reading:` with the intended words.", self.get_location())
            return []
        node = self.make_node()
        node["reading"] = reading
        return [node]


def label_problems(label: str) -> list[EntryError]:
    if label and not SLUG.fullmatch(label):
        return [
            EntryError(
                f"label {label!r} is not a lowercase slug.", "use letters, digits and hyphens, e.g. `treaty-terms`."
            )
        ]
    if RESERVED.fullmatch(label):
        return [
            EntryError(
                f"label {label!r} is reserved: the edition gives that name to a paragraph or note automatically.",
                "choose a descriptive label, e.g. `treaty-terms`.",
            )
        ]
    return []


def setup_notes(app: Sphinx) -> None:
    app.add_directive("factcheck", FactcheckDirective)
    app.add_directive("sic", SicDirective)
