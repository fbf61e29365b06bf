"""What a file published from the editors' folders may contain, judged by its bytes, not its name.

Sphinx copies an image to ``_images/`` and a downloaded file to ``_downloads/`` unchanged, on the
edition's own origin: an SVG with ``<script>`` or ``onload``, or an ``.html`` file, would run there
when opened.  So:

- an image is published only if it is a raster image whose first bytes say so (PNG, JPEG, GIF, WebP)
  and whose name ends as that type does: an SVG, or a PNG named ``.html`` (a polyglot), is refused;
- a download is refused if its name or its first bytes make a browser read it as HTML, XML, SVG or
  script.
"""

from __future__ import annotations

from pathlib import Path

RASTER = {  # magic bytes -> the suffixes such a file may have
    b"\x89PNG\r\n\x1a\n": (".png",),
    b"\xff\xd8\xff": (".jpg", ".jpeg"),
    b"GIF87a": (".gif",),
    b"GIF89a": (".gif",),
}
ACTIVE_SUFFIXES = {
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt", ".js", ".mjs",
    ".css", ".swf", ".pdf", ".mht", ".mhtml", ".hta",
}  # fmt: skip
SNIFF = 1024


def raster_type(head: bytes) -> tuple[str, ...] | None:
    """The suffixes of the raster type *head* starts with (WebP: ``RIFF....WEBP``), or None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return (".webp",)
    return next((suffixes for magic, suffixes in RASTER.items() if head.startswith(magic)), None)


def looks_active(head: bytes) -> bool:
    """Whether a browser could take *head* for markup: it opens (after a byte-order mark and blanks) with ``<``,
    or holds a tag that runs script."""
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower()
    return text.startswith(b"<") or any(tag in head.lower() for tag in (b"<script", b"<svg", b"<html", b"<!doctype"))


def image_refusal(path: Path) -> str | None:
    """Why the image file *path* may not be published, or None."""
    try:
        with path.open("rb") as file:
            head = file.read(SNIFF)
    except OSError:
        return None  # a missing image is Sphinx's own message
    suffixes = raster_type(head)
    if suffixes is None:
        markup = looks_active(head) or path.suffix.lower() in ACTIVE_SUFFIXES
        return f"{path.name} is {'SVG or other markup, ' if markup else ''}not a PNG, JPEG, GIF or WebP image by its content"
    if path.suffix.lower() not in suffixes:
        return f"{path.name} holds a {suffixes[0][1:].upper()} image but is named {path.suffix or 'without a suffix'}"
    return None


def download_refusal(path: Path) -> str | None:
    """Why the file *path* may not be offered for download from the edition's origin, or None."""
    if path.suffix.lower() in ACTIVE_SUFFIXES:
        return f"{path.name} is a {path.suffix} file, which a browser runs or renders as a page"
    try:
        with path.open("rb") as file:
            head = file.read(SNIFF)
    except OSError:
        return None
    if raster_type(head) is None and looks_active(head):
        return f"{path.name} holds HTML, XML or SVG markup, which a browser could render as a page"
    return None
