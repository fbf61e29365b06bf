"""Link and image targets: only the schemes in ``edition_url_schemes`` (http, https, mailto) and internal ones.

A target is judged as a browser reads it: tabs and line breaks inside it are dropped and spaces and
control characters around it stripped before the scheme is read, case-insensitively, so
``java&#9;script:`` and `` JAVASCRIPT:`` are seen for what they are.  Editors' sources are checked
where they are read (:mod:`.rules` for documents, :mod:`..bibliography.checks` for .bib fields), with located
messages; as every page is written, any link or image that still has another scheme (from a
bibliography entry, say) is written as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core import priorities

SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
AROUND = "".join(map(chr, range(0x21)))  # C0 controls and space, which browsers strip from a URL's ends


def scheme(url: str) -> str | None:
    """The scheme of *url* in lower case, or None for a relative or internal target."""
    match = SCHEME.match(re.sub(r"[\t\n\r]", "", url).strip(AROUND))
    return match[1].lower() if match else None


def unsafe_scheme(url: str, allowed: Iterable[str]) -> str | None:
    """The scheme of *url* when it is not allowed, else None."""
    found = scheme(url)
    return found if found is not None and found not in {s.lower() for s in allowed} else None


def unlink(node: nodes.Element) -> None:
    """Keep a link's text and drop the link (an inline keeps its ids and classes, which docutils insists on)."""
    node.replace_self(nodes.inline("", "", *node.children))


def as_link(image: nodes.image) -> None:
    """Put a link to a remote image where the image was (its alternative text, or its address, as the text)."""
    uri, text = image["uri"], image.get("alt") or image["uri"]
    if isinstance(image.parent, (nodes.reference, addnodes.download_reference)):
        image.replace_self(nodes.Text(text))  # an image with a :target: is a link already
        return
    link = nodes.reference("", text, refuri=uri, classes=["edition-remote-image"])
    image.replace_self(link if isinstance(image.parent, nodes.TextElement) else nodes.paragraph("", "", link))


class RemoteImagesAsLinks(SphinxPostTransform):
    """No request from the build machine: an image on another site becomes a link to it, in every builder,
    before Sphinx's image downloader (priority 100) would fetch it for EPUB or LaTeX."""

    default_priority = priorities.REMOTE_IMAGES

    def run(self, **kwargs) -> None:
        for image in list(self.document.findall(nodes.image)):
            if scheme(image.get("uri", "")) or image.get("uri", "").startswith("//"):
                as_link(image)


class UnlinkUnsafeTargets(SphinxPostTransform):
    """The last check as a page is written: a link or image with a scheme not allowed is not written as one."""

    default_priority = priorities.LINK_SCHEMES

    def run(self, **kwargs) -> None:
        allowed = self.config.edition_url_schemes
        for node in list(
            self.document.findall(lambda n: isinstance(n, (nodes.reference, addnodes.download_reference)))
        ):
            if unsafe_scheme(node.get("refuri", ""), allowed):
                unlink(node)
        for node in list(self.document.findall(nodes.image)):
            if unsafe_scheme(node.get("uri", ""), allowed):
                node.parent.remove(node)


def setup_safe_urls(app: Sphinx) -> None:
    app.add_post_transform(UnlinkUnsafeTargets)
    app.add_post_transform(RemoteImagesAsLinks)
