"""What a published build must never contain, whatever an editor wrote: a scanner for the output folder.

It looks for what a hostile edit would try to get through: event-handler attributes, ``javascript:``,
``data:`` and ``vbscript:`` URLs, scripts the site does not ship, ``<meta http-equiv>`` (a redirect),
embedded frames and forms, JSON-LD that no longer parses or could end its ``<script>`` early, the
text of a file from outside the repository or not tracked by git (in any file, inside an EPUB too), TeX
primitives that read files in the ``.tex``; and, since round 3: files published on the site's origin that
hold markup or script (an SVG, an HTML file in ``_images/`` or ``_downloads/``), an id given twice on a
page, XML exports that do not parse or carry characters XML forbids, CSV cells a spreadsheet would run
as a formula, and the bytes a local server gave (proof that the build fetched a URL).
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset", "cite"}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
FOREIGN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
#: Inline scripts the themes ship, alabaster's and furo's (compared after whitespace is collapsed).
SHIPPED_INLINE = {
    "document.getElementById('searchbox').style.display = \"block\"",
    'document.body.dataset.theme = localStorage.getItem("theme") || "auto";',
}
#: What TeX reads files or runs commands with, and its way of writing any character (``^^5c`` is a backslash).
TEX_PRIMITIVES = re.compile(r"\^\^|\\(?:input|include|openin|openout|read|write18|immediate)(?![A-Za-z])")


def bare_url(value: str) -> str:
    """A URL as a browser reads its scheme: tabs and line breaks dropped, ends stripped, lower case."""
    return re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(0x21)))).lower()


ACTIVE = re.compile(rb"<script|<svg|<html|<!doctype|\son[a-z]+\s*=|javascript:", re.IGNORECASE)
SCRIPT = re.compile(rb"<script|\son[a-z]+\s*=|javascript:|<foreignobject", re.IGNORECASE)
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


class PageScanner(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name, self.problems = name, []
        self.ids: Counter[str] = Counter()
        self.script: dict[str, str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id") and not (tag == "div" and "table-wrapper" in (found.get("class") or "").split()):
            # furo repeats a table's id on the div it wraps the table in: a theme's doing, known, left to its fix
            self.ids[found["id"]] += 1
            if self.ids[found["id"]] == 2:
                self.problems.append(f"{self.name}: the id {found['id']!r} twice on the page")
        for key, value in attrs:
            if key.startswith("on"):
                self.problems.append(f"{self.name}: <{tag} {key}=…> (an event handler)")
            if key in URL_ATTRIBUTES and value and bare_url(value).startswith(BAD_SCHEMES):
                self.problems.append(f"{self.name}: <{tag} {key}={value!r}>")
        if tag == "meta" and "http-equiv" in found:
            self.problems.append(f"{self.name}: <meta http-equiv={found['http-equiv']!r}>")
        if tag in FOREIGN_TAGS:
            self.problems.append(f"{self.name}: <{tag}> (not shipped by the site)")
        if tag == "script":
            self.script, self.text = found, []
            src = re.sub(r"^(\.\./)*", "", found.get("src") or "")
            if found.get("src") and not (src.startswith("_static/") or src == "searchindex.js"):
                self.problems.append(f"{self.name}: <script src={found['src']!r}> (not shipped by the site)")

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self.script is None:
            return
        body = "".join(self.text)
        if self.script.get("type") == "application/ld+json":
            self.json_ld(body)
        elif body.strip() and " ".join(body.split()) not in SHIPPED_INLINE:
            self.problems.append(f"{self.name}: an inline script the site does not ship: {body[:80]!r}")
        self.script = None

    def json_ld(self, body: str) -> None:
        if "<" in body or ">" in body:
            self.problems.append(f"{self.name}: JSON-LD with a raw < or > (it could end its <script> early)")
        try:
            json.loads(body)
        except ValueError:
            self.problems.append(f"{self.name}: JSON-LD that does not parse: {body[:80]!r}")


def published_files(outdir: Path):
    """(name, bytes) of every file of a build, and of every member of an EPUB in it."""
    for path in sorted(p for p in outdir.rglob("*") if p.is_file()):
        name, data = str(path.relative_to(outdir)), path.read_bytes()
        yield name, data
        if path.suffix == ".epub":
            with zipfile.ZipFile(io.BytesIO(data)) as book:
                for member in book.namelist():
                    yield f"{name}!{member}", book.read(member)


def scan(outdir: Path, secret: str, *others: str) -> list[str]:
    """Everything wrong with a published build, as readable lines (empty when it is clean).  *secret* and
    *others* are texts no output may contain (a file outside the repository, an untracked file, a marker a
    local server served)."""
    problems = []
    for name, data in published_files(outdir):
        suffix = Path(name).suffix
        if any(text.encode() in data for text in (secret, *others)):
            problems.append(f"{name}: the text of a file from outside the repository, untracked, or fetched")
        if suffix in (".html", ".xhtml") and "_images/" not in name and "_downloads/" not in name:
            page = PageScanner(name)
            page.feed(data.decode("utf-8", errors="replace"))
            problems += page.problems
        elif ("_images/" in name or "_downloads/" in name) and ACTIVE.search(data):
            problems.append(f"{name}: a published file with markup or script on the site's origin")
        elif suffix in (".svg", ".svgz") and SCRIPT.search(data):  # the site's own icons carry none
            problems.append(f"{name}: a published file with markup or script on the site's origin")
        if suffix == ".tex":
            tex = data.decode("utf-8", errors="replace")
            body = tex[tex.find(r"\begin{document}") :]
            problems += [f"{name}: TeX primitive {m[0]!r} in the document" for m in TEX_PRIMITIVES.finditer(body)]
        if suffix == ".xml":
            text = data.decode("utf-8", errors="replace")
            if XML_FORBIDDEN.search(text):
                problems.append(f"{name}: a character XML forbids")
            try:
                ET.fromstring(data)
            except ET.ParseError as err:
                problems.append(f"{name}: XML that does not parse ({err})")
        if suffix == ".csv":
            for row in data.decode("utf-8", errors="replace").splitlines()[1:]:
                cells = next(csv.reader([row]), [])
                problems += [f"{name}: a formula cell {c[:20]!r}" for c in cells if c.lstrip(" ").startswith(FORMULA)]
    return problems
