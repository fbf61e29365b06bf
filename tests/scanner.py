"""What a published build must never contain, whatever an editor wrote: a scanner for the output folder.

It looks for what a hostile edit would try to get through: event-handler attributes, ``javascript:``,
``data:`` and ``vbscript:`` URLs, scripts the site does not ship, ``<meta http-equiv>`` (a redirect),
embedded frames and forms, JSON-LD that no longer parses or could end its ``<script>`` early, the
text of a file from outside the repository, and TeX primitives that read files in the ``.tex``.
"""

from __future__ import annotations

import json
import re
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


class PageScanner(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name, self.problems = name, []
        self.script: dict[str, str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
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


def scan(outdir: Path, secret: str) -> list[str]:
    """Everything wrong with a published build, as readable lines (empty when it is clean)."""
    problems = []
    for path in sorted(p for p in outdir.rglob("*") if p.is_file()):
        name = str(path.relative_to(outdir))
        data = path.read_bytes()
        if secret.encode() in data:
            problems.append(f"{name}: the text of a file from outside the repository")
        if path.suffix == ".html":
            page = PageScanner(name)
            page.feed(data.decode("utf-8", errors="replace"))
            problems += page.problems
        if path.suffix == ".tex":
            tex = data.decode("utf-8", errors="replace")
            body = tex[tex.find(r"\begin{document}") :]
            problems += [f"{name}: TeX primitive {m[0]!r} in the document" for m in TEX_PRIMITIVES.finditer(body)]
    return problems
