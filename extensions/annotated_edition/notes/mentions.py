"""``{mentions}``: stand-off links from essay words to registry entries, so essay lines stay the witness's.

After an essay paragraph (other notes may stand between), a ``{mentions}`` block lists, one a line,
``{event}`essay words <id>``` or ``{person}`essay words <id>```, with `` :occurrence: N`` when the words
occur more than once.  The words are found in the paragraph exactly as a fact-check's quote is, and
linked in place: the page reads as if the role stood in the essay, while the essay's line in the
source file stays byte for byte the witness's line.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..core.doctree import ancestor
from ..core.messages import warn
from ..core.nodes import annotation
from ..core.registry import registries
from ..witnesses.nodes import Editorial

ROLE = re.compile(r"\{([a-z]+)\}`")
OCCURRENCE = re.compile(r":occurrence:[ \t]*(\d+)")


def shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def parse_mention(text: str) -> dict[str, str] | None:
    """``{kind}`words <target>``` with an optional `` :occurrence: N``, split by hand: one pass over the line
    whatever it holds (a regular expression with a lazy group before optional blanks took minutes on a line of spaces)."""
    role = ROLE.match(text)
    close = text.find("`", role.end()) if role else -1
    if close < 0:
        return None
    inner, rest = text[role.end() : close], text[close + 1 :]
    opening = inner.find("<")
    words, target = inner[:opening].strip(), inner[opening + 1 : -1]
    if opening < 0 or not inner.endswith(">") or not words or not target.strip() or ">" in target or "<" in target:
        return None
    occurrence = OCCURRENCE.fullmatch(rest.strip()) if rest.strip() else None
    if rest.strip() and (occurrence is None or not rest[:1].isspace()):
        return None
    return {"kind": role[1], "words": words, "target": target, "occurrence": occurrence[1] if occurrence else None}


class mention_note(annotation):
    """Essay words that name a registry entry; anchored like a note, then replaced by a link in place."""


class MentionsDirective(SphinxDirective):
    has_content = True

    def run(self) -> list[nodes.Node]:
        found: list[nodes.Node] = []
        for index, text in enumerate(self.content):
            line = self.lineno + 1 + index  # the content starts on the line after the fence
            if not text.strip():
                continue
            match = parse_mention(text.strip())
            if match is None or match["kind"] not in registries(self.env):
                warn(
                    "mentions",
                    f"{shorten(text.strip())!r} is not a mention.",
                    "write one a line: {event}`essay words <event-id>` or {person}`essay words <person-id>`, "
                    "adding ` :occurrence: 2` when the words occur more than once in the paragraph.",
                    (self.env.docname, line),
                )
                continue
            node = mention_note(
                quote=" ".join(match["words"].split()),
                occurrence=int(match["occurrence"]) if match["occurrence"] else None,
                kind=match["kind"],
                target=match["target"].strip(),
            )
            node.source, node.line = self.env.doc2path(self.env.docname).as_posix(), line
            found.append(node)
        return found


def link_mentions(paragraph: nodes.paragraph, spans: list[tuple[int, int, mention_note]], docname: str) -> None:
    """Replace each mention's essay words (raw reading-text offsets) by a reference to its registry entry."""
    for start, end, mention in sorted(spans, key=lambda span: -span[0]):  # from the end: offsets stay valid
        offset = 0
        for text in [t for t in paragraph.findall(nodes.Text) if ancestor(t, Editorial) is None]:
            if offset <= start and end <= offset + len(text) and ancestor(text, addnodes.pending_xref) is None:
                value, a, b = str(text), start - offset, end - offset
                inner = nodes.inline(value[a:b], value[a:b], classes=[f"edition-{mention['kind']}-ref"])
                ref = addnodes.pending_xref(
                    "",
                    inner,
                    refdoc=docname,
                    refdomain="edition",
                    reftype=mention["kind"],
                    reftarget=mention["target"],
                    refexplicit=True,
                    refwarn=False,
                )
                ref["edition-span"] = mention["span"]
                ref.source, ref.line = mention.source, mention.line
                text.parent.replace(text, [nodes.Text(value[:a]), ref, nodes.Text(value[b:])])
                break
            offset += len(text)
        else:
            warn(
                "mentions",
                f"the words “{mention['quote']}” run into a link already in the paragraph.",
                "mention words that stand in plain essay text, or one link per passage.",
                mention,
            )


def setup_mentions(app: Sphinx) -> None:
    app.add_directive("mentions", MentionsDirective)
