"""Locators: where in a work the evidence is, written as sphinxcontrib-bibtex's post-text.

A citation ``{cite:p}`{see}luthi2008{ch. 3}``` carries free pre-text ("see", "cf.") and a locator as
its post-text.  A reader follows the locator to the passage, the register and the exports carry it
(TEI ``citedRange``), so it must be one a reader and a program can read: one or more of ``p. 12``,
``pp. 12–15``, ``ch. 3``, ``doc. 199``, ``§ 4``, ``para. 7``, ``art. 2``, joined by ", ".  Anything else
("page 12", "12", "p.12") is reported where the citation is written.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from ..core.doctree import citation_targets
from ..core.messages import warn

NUMBER = r"(?:\d+[a-z]?|[ivxlcdm]+)"  # 112, 12a, xiv (front matter)
DASH = r"\s?[–-]\s?"
#: abbreviation -> the TEI ``citedRange/@unit`` it stands for
UNITS = {
    "p.": "page",
    "pp.": "page",
    "ch.": "chapter",
    "doc.": "document",
    "§": "section",
    "para.": "paragraph",
    "art.": "article",
}
ONE = re.compile(rf"(?:pp\. {NUMBER}{DASH}{NUMBER}|(?:p\.|ch\.|doc\.|§|para\.|art\.) {NUMBER})")
LOCATOR = re.compile(rf"{ONE.pattern}(?:, {ONE.pattern})*")
FORMS = "`p. 112`, `pp. 112–15`, `ch. 3`, `doc. 199`, `§ 4`, `para. 7` or `art. 2` (several joined by \", \")"


def is_locator(text: str) -> bool:
    return bool(LOCATOR.fullmatch(text.strip()))


def ranges(locator: str) -> list[tuple[str, str]]:
    """``"ch. 3, pp. 40–42"`` -> [("chapter", "ch. 3"), ("page", "pp. 40–42")]: one cited range per part."""
    return [(UNITS[part.split(" ", 1)[0]], part) for part in (m.group(0) for m in ONE.finditer(locator.strip()))]


def written_line(source: str, line: int | None, target: str) -> int | None:
    """The line of *source* where the role's *target* is written, at or after *line* (MyST gives an inline
    role the line of its paragraph, or none)."""
    try:
        lines = Path(source).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return line
    start = max((line or 1) - 1, 0)
    found = next((n for n in range(start, len(lines)) if target in lines[n]), None)
    if found is None:
        found = next((n for n in range(len(lines)) if target in lines[n]), None)
    return found + 1 if found is not None else line


def first_line(node: nodes.Node) -> int | None:
    """The line of the nearest ancestor that knows its line."""
    while node is not None and not node.line:
        node = node.parent
    return node.line if node is not None else None


def check_locators(app: Sphinx, doctree: nodes.document) -> None:
    """Every post-text on the page is a locator; a locator written as pre-text is said to be misplaced."""
    docname = app.env.docname
    for ref in doctree.findall(addnodes.pending_xref):
        for target in citation_targets(ref):
            post, pre = target.post.strip(), target.pre.strip()
            source, line = ref.source or app.env.doc2path(docname), ref.line or first_line(ref)
            where = lambda text, source=source, line=line: (docname, written_line(source, line, "{" + text + "}"))  # noqa: E731
            if post and not is_locator(post):
                warn(
                    "locator",
                    f"the locator {post!r} of the citation of {target.key} is not one the edition reads.",
                    f"write it as {FORMS}; put words such as 'see' before the key: {{see}}{target.key}{{p. 112}}.",
                    where(post),
                )
            elif pre and is_locator(pre) and not post:
                warn(
                    "locator",
                    f"{pre!r} stands before the key {target.key}, where only words such as 'see' belong.",
                    f"put the locator after the key, as {target.key}{{{pre}}}.",
                    where(pre),
                )


def setup_locators(app: Sphinx) -> None:
    app.connect("doctree-read", check_locators)
