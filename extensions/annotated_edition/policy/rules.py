"""The content policy, enforced on the doctree of every document, whichever syntax made it.

MyST, ``{eval-rst}``, substitutions and included files all end in the same doctree, so checking the
doctree leaves no syntax route around the rules.  Once docutils has resolved references (priority
640) and before essay paragraphs are numbered (700), each document is read for:

- raw output of any format: HTML can run script, TeX reaches the PDF as written;
- ``<meta>`` tags (``.. meta::``, ``html_meta``): a redirect to another site;
- link, image and toctree targets with a scheme other than ``edition_url_schemes`` (:mod:`.urls`);
- downloads, images and included listings read from outside the project (:mod:`.confinement`).

Each refusal is one message at the nearest line the doctree knows, and what was refused is taken out
of the document, so even a preview built without ``-W`` publishes none of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..core import priorities
from ..core.compat import url_re
from ..core.messages import EntryError, warn
from .confinement import page_file, refused_file
from .file_types import download_refusal, image_refusal
from .ids import PARAGRAPH, reserved
from .urls import scheme, unlink, unsafe_scheme

RAW = EntryError(
    "raw HTML or a `raw` directive is not allowed (it could put script on the page, or TeX in the PDF).",
    "write plain MyST, with no HTML tags; a character such as < that MyST would read as HTML is written \\<.",
)
META = EntryError(
    "a <meta> tag (`.. meta::` or `html_meta`) is not allowed (it can send readers to another site).",
    "remove it; the edition's pages get their metadata from conf.py.",
)


IMAGE_FIX = "convert the image to PNG or JPEG (an SVG can run script on the edition's pages), named .png or .jpg"


def content_refusal(reason: str, fix: str) -> EntryError:
    return EntryError(f"{reason}: the edition publishes only files that cannot run script on its pages.", f"{fix}.")


def scheme_refusal(target: str, found: str, schemes: list[str]) -> EntryError:
    return EntryError(
        f"the target {target!r} uses the scheme {found!r}; links and images may only use {', '.join(schemes)}, "
        "or point inside the edition.",
        "link to the web page itself (https://…), or to a page of the edition.",
    )


class EnforcePolicy(SphinxTransform):
    default_priority = priorities.CONTENT_POLICY

    def apply(self) -> None:
        self.said: set[str] = set()
        self.schemes = self.config.edition_url_schemes
        checks = (self.label, self.problematic, self.raw, self.meta, self.link, self.toctree, self.image, self.download, self.listing)
        for node in list(self.document.findall(nodes.Element)):
            any(check(node) for check in checks)

    def location(self, node: nodes.Node, needle: str = "") -> tuple[str, int]:
        """The line of *node* in this document; else the first line with *needle* on it; else the nearest line
        of an enclosing node.  MyST gives inline HTML and some directives' nodes no line, and a listing read
        from a file has a line of that file."""
        own = self.document["source"]

        def line(candidate: nodes.Node) -> int | None:
            return candidate.line if candidate.line and candidate.source in (None, own) else None

        found = line(node)
        if not found and needle:
            lines = Path(own).read_text(encoding="utf-8", errors="replace").split("\n")
            found = next((number for number, text in enumerate(lines, 1) if needle in text), None)
        while not found and node.parent is not None:
            node = node.parent
            found = line(node)
        return self.env.docname, found or 1

    def refuse(self, node: nodes.Node, error: EntryError) -> bool:
        if error.problem not in self.said:  # one message for one mistake (a target and the links that use it)
            self.said.add(error.problem)
            warn("policy", error.problem, error.fix, self.location(node))
        return True

    def remove(self, node: nodes.Node, error: EntryError) -> bool:
        self.refuse(node, error)
        node.parent.remove(node)
        return True

    def label(self, node: nodes.Element) -> bool:
        """An editor's label (``(claim-1)=``, ``.. _p3:``) in one of the edition's own anchor namespaces."""
        taken = [
            name
            for name in node.get("names", [])
            if self.document.nametypes.get(name) and reserved(name) and not PARAGRAPH.fullmatch(name)
        ]  # p<N>: essay paragraphs, whose numbering reports a label that takes one (and only in an essay)
        for name in taken:
            self.refuse(
                node,
                EntryError(
                    f"the label {name!r} is in a namespace the edition keeps for its own anchors "
                    "(p<N>, note-<N>, claim-, ref-, cite-, event-, person-, correction-, edition-): two elements "
                    "would have one id.",
                    "choose another label, such as one made of the words of the heading or claim.",
                ),
            )
            node["names"].remove(name)
            node["ids"] = [i for i in node["ids"] if i != name]
            self.document.nameids.pop(name, None)
            self.document.nametypes.pop(name, None)
            self.document.ids.pop(name, None)
        return False

    def problematic(self, node: nodes.Element) -> bool:
        """Markup docutils could not read (reported by docutils) is kept as its text: its marker links to a message
        the page does not show, under an id that a nested parse (``{eval-rst}``) may already have given out."""
        if not isinstance(node, nodes.problematic):
            return False
        node["ids"] = []
        node.replace_self(nodes.Text(node.astext()))
        return True

    def raw(self, node: nodes.Element) -> bool:
        return isinstance(node, nodes.raw) and self.remove(node, RAW)

    def meta(self, node: nodes.Element) -> bool:
        return isinstance(node, nodes.meta) and self.remove(node, META)

    def link(self, node: nodes.Element) -> bool:
        return self.unsafe_link(node, node.get("refuri", ""))

    def unsafe_link(self, node: nodes.Element, url: str) -> bool:
        """Refuse *url* if its scheme is not allowed; a link keeps its text, a target goes."""
        found = unsafe_scheme(url, self.schemes)
        if not found:
            return False
        self.refuse(node, scheme_refusal(url, found, self.schemes))
        if isinstance(node, (nodes.reference, addnodes.download_reference)):
            unlink(node)
        else:
            node.parent.remove(node)
        return True

    def toctree(self, node: nodes.Element) -> bool:
        if not isinstance(node, addnodes.toctree):
            return False
        unsafe = [
            (title, ref) for title, ref in node["entries"] if url_re.match(ref) and unsafe_scheme(ref, self.schemes)
        ]
        for _, ref in unsafe:
            self.refuse(node, scheme_refusal(ref, scheme(ref), self.schemes))
        node["entries"] = [entry for entry in node["entries"] if entry not in unsafe]
        return bool(unsafe)

    def image(self, node: nodes.Element) -> bool:
        if not isinstance(node, nodes.image):
            return False
        uri = node["uri"]
        if scheme(uri):
            found = unsafe_scheme(uri, self.schemes)
            return bool(found) and self.remove(node, scheme_refusal(uri, found, self.schemes))
        path = page_file(self.env, uri)
        if self.refused(node, path, lambda image: image.parent.remove(image)):
            return True
        if "*" in uri or "?" in uri:  # Sphinx would pick files by pattern: name the one file to publish
            return self.remove(node, content_refusal(f"the image {uri!r} names files by a pattern", "name the file"))
        reason = image_refusal(path)
        return bool(reason) and self.remove(node, content_refusal(reason, IMAGE_FIX))

    def download(self, node: nodes.Element) -> bool:
        if not isinstance(node, addnodes.download_reference):
            return False
        target = node["reftarget"]
        if url_re.match(target):  # Sphinx links to it rather than copying it
            return self.unsafe_link(node, target)
        path = page_file(self.env, target)
        if self.refused(node, path, unlink):
            return True
        reason = download_refusal(path)
        if reason:
            self.refuse(node, content_refusal(reason, "link to a page of the edition, or publish the text as a page"))
            unlink(node)
        return bool(reason)

    def listing(self, node: nodes.Element) -> bool:
        """A literal block read from a file (``literalinclude``, a literal include) carries the file as its source."""
        if not isinstance(node, nodes.literal_block) or not node.get("source"):
            return False
        return self.refused(node, Path(node["source"]), lambda block: block.parent.remove(block))

    def refused(self, node: nodes.Element, path: Path, drop: Callable[[nodes.Element], None]) -> bool:
        if not refused_file(self.env, path, self.location(node, needle=path.name)):
            return False
        drop(node)
        return True


def setup_policy(app: Sphinx) -> None:
    app.add_transform(EnforcePolicy)
