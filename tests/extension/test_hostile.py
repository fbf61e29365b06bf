"""Every file an editor can change is untrusted: hostile and malformed edits, tried as a contributor would.

Each case edits the tiny test edition (an essay with notes, the events and people registries, the
front-matter pages, the .bib file, the manifest and its witness) and builds it.  The build must either
refuse the edit with a message naming the file and line (and no traceback), or accept it; either way
the published output must be clean, as :func:`scanner.scan` judges it.  A file outside the project
holds a secret, which no output may contain.  Cases that give a message also name the code that gives
it (``site``): test_messages' catalogue counts them as walked through.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from scanner import scan
from test_fidelity import replace

ESSAY, EVENTS, PEOPLE, INDEX, BIB, MANIFEST, WITNESS = (
    "docs/essay.md",
    "docs/events.md",
    "docs/people.md",
    "docs/index.md",
    "bib/refs.bib",
    "sources/manifest.toml",
    "sources/witness.txt",
)
SECRET = "SECRET-OF-THE-BUILD-MACHINE-7f3c"
OUTSIDE = "../../secret.txt"  # from docs/: a file beside the project, not in it
NOTE_BODY = "Both led their states in 1950, when they signed {event}`the treaty <treaty-1950>` {cite:p}`luthi2008`."
PARAGRAPH_2 = "The second paragraph names Mao and Stalin in 1950."


def in_note(text: str) -> Callable[[str], str]:
    """Add *text* as a paragraph of the first note's body (line 22 of the essay)."""
    return replace(NOTE_BODY, NOTE_BODY + "\n\n" + text)


def after_note(text: str) -> Callable[[str], str]:
    """Add *text* after the first note, at line 23 of the essay, where the second note was."""
    return replace("```{factcheck} Stalin in 1950", text + "\n\n```{factcheck} Stalin in 1950")


def front_matter(yaml: str) -> Callable[[str], str]:
    return lambda text: f"---\n{yaml}\n---\n{text}"


def date(value: str) -> dict[str, Callable[[str], str]]:
    return {EVENTS: replace(":date: 1950-02-14", f":date: {value}")}


def rst_page(body: str) -> dict[str, Callable[[str], str]]:
    """A new reStructuredText page, docs/extra.rst, whose body starts on line 6."""
    return {"docs/extra.rst": lambda _: f":orphan:\n\nExtra\n=====\n\n{body}\n"}


def eval_rst(text: str) -> Callable[[str], str]:
    """reStructuredText in the first note, its first line on line 23 of the essay."""
    return in_note(f"~~~{{eval-rst}}\n{text}\n~~~")


def allow(**pages: list[str]) -> dict:
    return {"edition_policy_exceptions": pages}


@dataclass(frozen=True)
class Hostile:
    edits: dict[str, Callable[[str], str]]  # "@SECRET@" in an edit's result becomes the secret file's absolute path
    refused: str | None = None  # the "file:line" a refusal must name; None: the edit may be accepted
    problem: str = ""  # part of what the refusal says
    site: tuple[str, str] | None = None  # (module, words of the call in its source) that gives the message
    builder: str = "html"
    conf: dict = field(default_factory=dict)
    prepare: Callable[[Path, Path], None] | None = None  # (project, secret): what text edits cannot do
    alone: bool = True  # the refusal is the only edition message
    git: bool = False  # the project is a git work tree: edits and prepared files committed, then *untracked* run
    untracked: Callable[[Path], None] | None = None  # (project): files made after the commit, never tracked


def link_to_secret(name: str) -> Callable[[Path, Path], None]:
    """A symbolic link committed inside the project (docs/NAME) that points at the secret outside it."""
    return lambda project, secret: (project / "docs" / name).symlink_to(secret)


def link_loop(folder: str, name: str) -> Callable[[Path, Path], None]:
    """Two symbolic links in the project that point at each other."""

    def prepare(project: Path, secret: Path) -> None:
        (project / folder / name).symlink_to(project / folder / f"other-{name}")
        (project / folder / f"other-{name}").symlink_to(project / folder / name)

    return prepare


def hidden_secret(project: Path, secret: Path) -> None:
    """What a CI checkout keeps: credentials in the project's .git/config."""
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text(SECRET, encoding="utf-8")


def latin1_bib(project: Path, secret: Path) -> None:
    path = project / BIB
    path.write_bytes(path.read_bytes().replace("Lüthi, Lorenz".encode(), "Lüthi, Lorenz".encode("latin-1")))


def latin1_witness(project: Path, secret: Path) -> None:
    """A witness re-encoded, with the checksum updated too: the manifest must still refuse it."""
    witness, manifest = project / WITNESS, project / MANIFEST
    old = hashlib.sha256(witness.read_bytes()).hexdigest()
    witness.write_bytes(witness.read_text(encoding="utf-8").encode("cp1252"))
    new = hashlib.sha256(witness.read_bytes()).hexdigest()
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


# Round 3: what files contain, what git tracks, data files, characters after decoding, limits. -----------

UNTRACKED = "UNTRACKED-TOKEN-OF-THE-CI-RUNNER-9d2e"
CORRECTIONS, SNAPSHOT_FILE, READINGS_FILE = "docs/corrections.toml", "docs/releases/0.1.json", "docs/readings.csv"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
HTML = b"<!doctype html><script>alert(document.domain)</script>"
SNAPSHOT = {
    "version": "0.1",
    "commit": "0" * 40,
    "date": "2026-01-01",
    "notes": [
        {"essay": "essay", "number": 1, "paragraph": 2, "id": "mao-stalin", "anchors": ["mao-stalin"],
         "verdict": "accurate", "quote": "names Mao and Stalin", "fingerprint": "x"},
        {"essay": "essay", "number": 2, "paragraph": 2, "id": "stalin-in-1950", "anchors": ["note-2"],
         "verdict": "imprecise", "quote": "Stalin in 1950", "fingerprint": "y"},
    ],
}  # fmt: skip
READINGS = """essay,note,first,blind,final,reason
essay,mao-stalin,accurate,accurate,accurate,
essay,stalin-in-1950,imprecise,inaccurate,imprecise,The year is right; only the scope is loose.
"""
AGREEMENT_PAGE = "---\norphan: true\n---\n# Agreement\n\n```{verdict-agreement} readings.csv\n```\n"
CORRECTION = (
    '[[correction]]\ndate = "2026-02-03"\nessay = "essay"\nnote = 2\nchange = "text"\n'
    'why = "The note was reworded."\n'
)


def files(**named: bytes) -> Callable[[Path, Path], None]:
    """Write files of the project (``docs__evil_svg`` names docs/evil.svg) before the edit is committed."""

    def prepare(project: Path, secret: Path) -> None:
        for name, data in named.items():
            path = project / name.replace("__", "/").replace("_DOT_", ".")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)

    return prepare


def untracked_file(name: str, data: bytes = UNTRACKED.encode()) -> Callable[[Path], None]:
    return lambda project: (project / name).write_bytes(data)


def snapshot(change: Callable[[dict], object] = lambda data: None, text: str | None = None) -> dict:
    """The release snapshot as an edit: SNAPSHOT changed in place by *change*, or *text* as it is."""

    def edit(_: str) -> str:
        data = json.loads(json.dumps(SNAPSHOT))
        change(data)
        return text if text is not None else json.dumps(data, indent=1)

    return {SNAPSHOT_FILE: edit}


def corrections(text: str) -> dict:
    return {**snapshot(), CORRECTIONS: lambda _: text}


def readings(text: str) -> dict:
    return {READINGS_FILE: lambda _: text, "docs/agreement.md": lambda _: AGREEMENT_PAGE}


def latin1(path: str, old: str, new: bytes) -> Callable[[Path, Path], None]:
    def prepare(project: Path, secret: Path) -> None:
        file = project / path
        file.write_bytes(file.read_bytes().replace(old.encode(), new))

    return prepare


def witness_with_zero_width(project: Path, secret: Path) -> None:
    """A witness whose line holds a zero-width space (its checksum updated), the essay reproducing it."""
    witness, manifest, essay = project / WITNESS, project / MANIFEST, project / ESSAY
    old = hashlib.sha256(witness.read_bytes()).hexdigest()
    line = "The second paragraph names Mao and Stalin in 1950."
    witness.write_text(witness.read_text(encoding="utf-8").replace(line, line.replace("second ", "second\u200b ")), "utf-8")
    new = hashlib.sha256(witness.read_bytes()).hexdigest()
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    essay.write_text(essay.read_text(encoding="utf-8").replace(line, line.replace("second ", "second\u200b ")), "utf-8")


def card(option: str, value: str) -> Callable[[str], str]:
    """A sphinx-design card on the front page (line 4) whose image option names *value*."""
    return replace(
        "# Test edition\n",
        f"# Test edition\n\n````{{grid}} 1\n```{{grid-item-card}} Essay\n:{option}: {value}\n\nRead it.\n```\n````\n",
    )


CONTENT = ("policy/rules.py", "the edition publishes only files that cannot run script")
LABEL = ("policy/rules.py", "is in a namespace the edition keeps")
UNTRACKED_REFUSAL = "not a file git tracks"


RAW = ("policy/rules.py", "raw HTML or a `raw` directive is not allowed")
ALLOW = ("policy/allow_list.py", "is not on the edition's allow-list")
SCHEME = ("policy/rules.py", "uses the scheme {found!r}; links and images")
OUTSIDE_FILE = ("policy/confinement.py", "the edition publishes files of the project only")
DATE = ("registries/events.py", "which {error.reason}")
MANIFEST_AT = r"manifest\.toml:\d+"

HOSTILE: dict[str, Hostile] = {
    # raw HTML, whichever way it comes
    "script-in-note": Hostile({ESSAY: in_note("<script>alert(1)</script>")}, r"essay\.md:22", "raw HTML", RAW),
    "img-onerror-in-note": Hostile(
        {ESSAY: in_note("See <img src=x onerror=alert(1)> here.")}, r"essay\.md:22", "raw HTML"
    ),
    "img-onerror-in-essay-paragraph": Hostile(  # also an edit of an essay line: the fidelity check says so too
        {ESSAY: replace(PARAGRAPH_2, PARAGRAPH_2 + "<img src=x onerror=alert(1)>")},
        r"essay\.md:14",
        "raw HTML",
        alone=False,
    ),
    "img-onerror-in-headnote": Hostile(
        {
            ESSAY: replace(
                "```{cite-this}", "```{admonition} Headnote\n<img src=x onerror=alert(1)>\n```\n\n```{cite-this}"
            )
        },
        r"essay\.md:7",
        "raw HTML",
    ),
    "iframe-on-front-page": Hostile(
        {INDEX: replace("# Test edition\n", "# Test edition\n\n<iframe src=https://evil.example></iframe>\n")},
        r"index\.md:3",
        "raw HTML",
    ),
    "script-in-event-body": Hostile(
        {EVENTS: replace("Signed in Moscow", "<script>alert(1)</script>\n\nSigned in Moscow")},
        r"events\.md:8",
        "raw HTML",
    ),
    "img-onerror-in-person": Hostile(
        {PEOPLE: replace("A historian", "<img src=x onerror=alert(1)> A historian")}, r"people\.md:8", "raw HTML"
    ),
    "html-link-javascript": Hostile(
        {ESSAY: in_note('<a href="javascript:alert(1)">x</a>')}, r"essay\.md:22", "raw HTML"
    ),
    "html-in-heading": Hostile(
        {ESSAY: replace("## Editors’ section", "## Editors’ <script>alert(1)</script> section")},
        r"essay\.md:35",
        "raw HTML",
    ),
    "html-in-footnote": Hostile(
        {ESSAY: in_note("Text[^1].\n\n[^1]: <script>alert(1)</script>")}, r"essay\.md:24", "raw HTML"
    ),
    "html-in-only": Hostile(
        {ESSAY: in_note("~~~{only} html\n<script>alert(1)</script>\n~~~")}, r"essay\.md:2[2-4]", "raw HTML"
    ),
    "raw-directive": Hostile(
        {ESSAY: after_note("```{raw} html\n<script>alert(1)</script>\n```")}, r"essay\.md:23", "'raw' is not on", ALLOW
    ),
    "raw-allowed-still-refused": Hostile(
        {ESSAY: after_note("```{raw} html\n<script>alert(1)</script>\n```")},
        r"essay\.md:23",
        "raw HTML",
        conf=allow(essay=["raw"]),
    ),
    "new-rst-page-with-raw": Hostile(
        rst_page(".. raw:: html\n\n   <script>alert(1)</script>"),
        r"extra\.rst:6",
        "'raw' is not on",
    ),
    # reStructuredText inside MyST
    "eval-rst-javascript-link": Hostile(
        {ESSAY: after_note("```{eval-rst}\n`click <javascript:alert(1)>`_\n```")},
        r"essay\.md:23",
        "'eval-rst' is not on",
    ),
    "eval-rst-allowed-javascript-link": Hostile(
        {ESSAY: eval_rst("`click <javascript:alert(1)>`_")},
        r"essay\.md:2\d",
        "scheme 'javascript'",
        SCHEME,
        conf=allow(essay=["eval-rst"]),
    ),
    "eval-rst-allowed-meta-refresh": Hostile(
        {ESSAY: eval_rst(".. meta::\n   :http-equiv=refresh: 0; url=https://evil.example/")},
        r"essay\.md:2\d",
        "<meta> tag",
        ("policy/rules.py", "a <meta> tag"),
        conf=allow(essay=["eval-rst", "meta"]),
    ),
    "eval-rst-allowed-role-raw": Hostile(
        {ESSAY: eval_rst(".. role:: raw-html(raw)\n   :format: html\n\n:raw-html:`<script>alert(1)</script>`")},
        r"essay\.md:2\d",
        "'role' is not on",
        conf=allow(essay=["eval-rst"]),
        alone=False,  # the role it failed to make is then unknown to docutils too
    ),
    "new-rst-page-meta": Hostile(
        rst_page(".. meta::\n   :http-equiv=refresh: 0; url=https://evil.example/"),
        r"extra\.rst:6",
        "'meta' is not on",
    ),
    "new-rst-page-standalone-uris": Hostile(
        rst_page("Go javascript:alert(1) now and `x <data:text/html,hi>`__."),
        r"extra\.rst:6",
        "scheme",
        alone=False,
    ),
    "new-rst-page-javascript-target": Hostile(
        rst_page("See evil_.\n\n.. _evil: javascript:alert(1)"),
        r"extra\.rst:\d+",
        "scheme 'javascript'",
    ),
    # links and images
    "image-target-javascript": Hostile(
        {ESSAY: in_note("~~~{image} https://example.org/x.png\n:target: javascript:alert(1)\n~~~")},
        r"essay\.md:2[2-4]",
        "scheme 'javascript'",
    ),
    "figure-target-javascript": Hostile(
        {ESSAY: in_note("~~~{figure} https://example.org/x.png\n:target: javascript:alert(1)\n\nCaption\n~~~")},
        r"essay\.md:2[2-4]",
        "scheme 'javascript'",
    ),
    "markdown-link-definition-javascript": Hostile({ESSAY: in_note("[x][evil]\n\n[evil]: javascript:alert(1)")}),
    "markup-in-alt-caption-and-class": Hostile(
        {
            ESSAY: in_note(
                '![x"><script>alert(1)</script>](https://example.org/x.png)\n\n~~~{code-block} text\n:caption: </figcaption><script>alert(2)</script>\n\nx\n~~~\n\n'
                '~~~{admonition} T\n:class: "x onmouseover=alert(3) y"\n\nText\n~~~'
            )
        }
    ),
    "markdown-link-javascript": Hostile(
        {ESSAY: in_note("[click](javascript:alert(1)) and [again](JaVaScRiPt:alert(2))")}
    ),
    "autolink-vbscript": Hostile({ESSAY: in_note("<vbscript:msgbox(1)>")}),
    "image-data-uri": Hostile(
        {ESSAY: in_note("![x](data:image/png;base64,iVBORw0KGgo=)")}, r"essay\.md:22", "scheme 'data'"
    ),
    "toctree-javascript-entry": Hostile(
        {INDEX: replace("bibliography\n```", "bibliography\nEvil <javascript://%0aalert(1)>\n```")},
        r"index\.md:\d+",
        "scheme 'javascript'",
    ),
    # files from outside the project
    "literalinclude-not-allowed": Hostile(
        {ESSAY: after_note(f"```{{literalinclude}} {OUTSIDE}\n```")}, r"essay\.md:23", "'literalinclude' is not on"
    ),
    "literalinclude-outside": Hostile(
        {EVENTS: lambda t: t + f"\n```{{literalinclude}} {OUTSIDE}\n```\n"},
        r"events\.md:18",
        "outside the project",
        OUTSIDE_FILE,
        conf=allow(events=["literalinclude"]),
    ),
    "literalinclude-absolute": Hostile(
        {EVENTS: lambda t: t + "\n```{literalinclude} @SECRET@\n```\n"},
        r"events\.md:18",
        conf=allow(events=["literalinclude"]),
    ),  # read from docs/
    "literalinclude-symlink": Hostile(
        {EVENTS: lambda t: t + "\n```{literalinclude} notes.txt\n```\n"},
        r"events\.md:18",
        "outside the project",
        conf=allow(events=["literalinclude"]),
        prepare=link_to_secret("notes.txt"),
    ),
    "image-glob-outside": Hostile(
        {ESSAY: in_note("~~~{image} ../../*\n~~~")}, r"essay\.md:2[2-4]", "outside the project"
    ),
    "include-outside": Hostile(
        {EVENTS: lambda t: t + f"\n```{{include}} {OUTSIDE}\n```\n"},
        r"events\.md:18",
        "outside the project",
        conf=allow(events=["include"]),
    ),
    "include-literal-outside": Hostile(
        {EVENTS: lambda t: t + f"\n```{{include}} {OUTSIDE}\n:literal:\n```\n"},
        r"events\.md:18",
        "outside the project",
        conf=allow(events=["include"]),
    ),
    "include-hidden-git-config": Hostile(
        {EVENTS: lambda t: t + "\n```{include} ../.git/config\n```\n"},
        r"events\.md:18",
        "hidden folder",
        conf=allow(events=["include"]),
        prepare=hidden_secret,
    ),
    "rst-include-outside": Hostile(
        rst_page(f".. include:: {OUTSIDE}"),
        r"extra\.rst:\d+",
        "outside the project",
        conf=allow(extra=["include"]),
    ),
    "eval-rst-literal-include-outside": Hostile(
        {ESSAY: eval_rst(f".. include:: {OUTSIDE}\n   :literal:")},
        r"essay\.md:2[2-4]",
        "outside the project",
        conf=allow(essay=["eval-rst", "include"]),
    ),
    "rst-include-code-outside": Hostile(
        rst_page(f".. include:: {OUTSIDE}\n   :code: text"),
        r"extra\.rst:6",
        "outside the project",
        conf=allow(extra=["include"]),
    ),
    "download-role": Hostile(
        {ESSAY: in_note(f"Get {{download}}`this <{OUTSIDE}>`.")}, r"essay\.md:22", "'download' is not on"
    ),
    "download-allowed-javascript": Hostile(
        {ESSAY: in_note("Get {download}`this <javascript://%0aalert(1)>`.")},
        r"essay\.md:22",
        "scheme 'javascript'",
        conf=allow(essay=["download"]),
    ),
    "download-allowed-outside": Hostile(
        {ESSAY: in_note(f"Get {{download}}`this <{OUTSIDE}>`.")},
        r"essay\.md:22",
        "outside the project",
        conf=allow(essay=["download"]),
    ),
    "markdown-link-to-outside-file": Hostile({ESSAY: in_note(f"[the file]({OUTSIDE})")}),
    "markdown-path-link-outside": Hostile(
        {ESSAY: in_note(f"[the file](path:{OUTSIDE})")}, r"essay\.md:22", "outside the project"
    ),
    "image-outside": Hostile({ESSAY: in_note(f"![x]({OUTSIDE})")}, r"essay\.md:22", "outside the project"),
    "image-symlink": Hostile(
        {ESSAY: in_note("![x](pic.png)")}, r"essay\.md:22", "outside the project", prepare=link_to_secret("pic.png")
    ),
    "image-symlink-loop": Hostile(
        {ESSAY: in_note("![x](loop.png)")},
        r"essay\.md:22",
        "symbolic links form a loop",
        prepare=link_loop("docs", "loop.png"),
    ),
    "include-symlink-loop": Hostile(
        {EVENTS: lambda t: t + "\n```{include} loop.md\n```\n"},
        r"events\.md:18",
        conf=allow(events=["include"]),
        prepare=link_loop("docs", "loop.md"),
    ),
    "literalinclude-symlink-loop": Hostile(
        {EVENTS: lambda t: t + "\n```{literalinclude} loop.txt\n```\n"},
        r"events\.md:18",
        conf=allow(events=["literalinclude"]),
        prepare=link_loop("docs", "loop.txt"),
    ),
    "witness-symlink-loop": Hostile(
        {MANIFEST: replace('file = "witness.txt"', 'file = "loop.txt"')},
        r"manifest\.toml:2",
        "symbolic links form a loop",
        prepare=link_loop("sources", "loop.txt"),
    ),
    "csv-table-file": Hostile(
        {ESSAY: after_note(f"```{{csv-table}} Data\n:file: {OUTSIDE}\n```")}, r"essay\.md:23", "'csv-table' is not on"
    ),
    "math-with-tex": Hostile(
        {ESSAY: in_note(r"See {math}`\input{/etc/hostname}`.")}, r"essay\.md:22", "'math' is not on"
    ),
    # per-page MyST configuration
    "front-matter-html-meta": Hostile(
        {ESSAY: front_matter('myst:\n  html_meta:\n    "http-equiv=refresh": "0; url=https://evil.example/"')},
        r"essay\.md:2",
        "'myst'",
        ("policy/parsers.py", "the front matter key {key!r}"),
    ),
    "front-matter-top-level-html-meta": Hostile(
        {ESSAY: front_matter('html_meta:\n  "http-equiv=refresh": "0; url=https://evil.example/"')},
        r"essay\.md:2",
        "'html_meta'",
    ),
    "front-matter-enables-html-image": Hostile(
        {
            ESSAY: lambda t: front_matter("myst:\n  enable_extensions: [html_image]")(
                in_note('<img src="x" onerror="alert(1)">')(t)
            )
        },
        r"essay\.md:2",
        "'myst'",
        alone=False,
    ),
    "front-matter-substitution": Hostile(
        {
            ESSAY: lambda t: front_matter(
                "myst:\n  enable_extensions: [substitution]\n  substitutions:\n    x: '<script>alert(1)</script>'"
            )(in_note("{{x}}")(t))
        },
        r"essay\.md:2",
        "'myst'",
    ),
    # invisible characters
    "bidi-override-in-note": Hostile(
        {ESSAY: in_note("Checked \u202eevil\u202c by the editors.")},
        r"essay\.md:22",
        "U+202E",
        ("policy/characters.py", "invisible characters can make text"),
    ),
    "zero-width-in-event-title": Hostile(
        {EVENTS: replace(":title: The split", ":title: The\u200bsplit")}, r"events\.md:13", "U+200B"
    ),
    "bidi-in-bib": Hostile({BIB: replace("Two Suns", "Two \u2067Suns")}, r"refs\.bib:11", "U+2067"),
    # options and notes
    "verdict-twice": Hostile(
        {ESSAY: replace(":verdict: accurate\n", ":verdict: accurate\n:verdict: inaccurate\n")},
        r"essay\.md:18",
        ":verdict: of {factcheck} is given twice",
        ("policy/parsers.py", "is given twice"),
    ),
    "verdict-twice-yaml-block": Hostile(
        {ESSAY: replace(":verdict: imprecise\n", "---\nverdict: imprecise\nverdict: accurate\n---\n")},
        r"essay\.md:26",
        "given twice",
    ),
    "empty-quote-keeps-later-notes": Hostile(
        {ESSAY: replace("```{factcheck} names Mao and Stalin", "```{factcheck}")},
        r"essay\.md:16",
        "argument",
        alone=False,
    ),
    "unknown-option-keeps-later-notes": Hostile(
        {ESSAY: replace(":verdict: accurate\n", ":verdict: accurate\n:verdikt: inaccurate\n")},
        r"essay\.md:1[68]",
        "verdikt",
        alone=False,
    ),
    # events: dates and titles
    "date-open-start": Hostile(date("../1950"), r"events\.md:3", "open or unknown end", DATE),
    "date-open-end": Hostile(date("1950/.."), r"events\.md:3", "open or unknown end"),
    "date-unknown-end": Hostile(date("1950-02-14/"), r"events\.md:3", "open or unknown end"),
    "date-season": Hostile(date("1950-21"), None),  # spring 1950: shown as a season everywhere
    "date-not-a-season": Hostile(date("1950-45"), r"events\.md:3", "not an EDTF date"),
    "date-unspecified": Hostile(date("XXXX"), r"events\.md:3", "unspecified digits"),
    "date-negative-year": Hostile(date("-0100"), r"events\.md:3", "cannot show"),
    "date-reversed": Hostile(date("1950/1940"), r"events\.md:3", "ends before it starts"),
    "date-reversed-by-a-day": Hostile(date("1950-02-14/1950-02-13"), r"events\.md:3", "ends before it starts"),
    "date-empty": Hostile(date(""), r"events\.md:3", "not an EDTF date"),
    "date-month-13": Hostile(date("1950-13"), r"events\.md:3", "not an EDTF date"),
    "title-ends-json-ld": Hostile(
        {EVENTS: replace(":title: The split", ":title: The split <!-- </script><script>alert(1)</script>")}
    ),
    "title-tex-primitives": Hostile(
        {EVENTS: replace(":title: The split", r":title: ^^5cinput{/etc/hostname} $x$ {y} ^z \input{/etc/hostname}")},
        builder="latex",
    ),
    "place-ends-json-ld": Hostile({EVENTS: replace(":place: Moscow", ":place: </script><!--")}),
    "tex-in-place-sic-person-and-note": Hostile(
        {
            EVENTS: replace(":place: Moscow", ":place: ^^5cinput{/etc/hostname} $"),
            ESSAY: lambda t: in_note("^^5cinput{/etc/hostname} $ { \\input{/etc/hostname}")(
                replace(":reading: paragraph naming", ":reading: ^^5cinput{x} $ {")(t)
            ),
            PEOPLE: replace(":name: Roberts", ":name: ^^5cinput{/etc/hostname}, $ {"),
        },
        builder="latex",
    ),
    "person-name-markup": Hostile({PEOPLE: replace(":name: Roberts", ":name: <script>alert(1)</script>")}),
    "sic-reading-markup": Hostile(
        {ESSAY: replace(":reading: paragraph naming", ":reading: </mark><script>alert(1)</script>")}
    ),
    # the bibliography
    "bib-url-javascript": Hostile(
        {BIB: replace("  year      = {2008},", "  year      = {2008},\n  url       = {javascript:alert(1)},")},
        r"refs\.bib:1",
        "scheme 'javascript'",
        ("bibliography/checks.py", '"bibliography", f"{key}: {problem}"'),
    ),
    "bib-url-from-string-macro": Hostile(
        {
            BIB: lambda t: (
                '@string{evil = "javascript:alert(1)"}\n\n'
                + t.replace("  year      = {2008},", "  year      = {2008},\n  url = evil,")
            )
        },
        r"refs\.bib:3",
        "scheme 'javascript'",
    ),
    "bib-doi-with-markup": Hostile(
        {
            BIB: replace(
                "  year      = {2008},", '  year      = {2008},\n  doi = {10.1000/x"><script>alert(1)</script>},'
            )
        }
    ),
    "bib-preamble-tex": Hostile({BIB: lambda t: '@preamble{"\\input{/etc/hostname}"}\n\n' + t}, builder="latex"),
    "bib-href-in-note": Hostile(
        {
            BIB: replace(
                "  year      = {2009},", "  year      = {2009},\n  note      = {\\href{javascript:alert(1)}{online}},"
            )
        },
        r"refs\.bib:9",
        "scheme 'javascript'",
    ),
    "bib-unbalanced-brace": Hostile(
        {BIB: replace("{Princeton},", "{Princeton,")},
        r"refs\.bib:9",
        "syntax error",
        ("bibliography/files.py", "check the entry's braces and quotes"),
    ),
    "bib-duplicate-key": Hostile(
        {BIB: replace("@book{radchenko2009", "@book{luthi2008,\n  title = {X},\n}\n\n@book{radchenko2009")},
        r"refs\.bib:9",
        "defined twice, here and at refs.bib:1",
        ("bibliography/files.py", "is defined twice"),
    ),
    "bib-not-utf8": Hostile(
        {},
        r"refs\.bib:2",
        "not in utf-8",
        ("bibliography/files.py", "the file is not in {encoding}"),
        prepare=latin1_bib,
    ),
    "bib-unknown-entry-type": Hostile(
        {BIB: replace("@book{luthi2008", "@bok{luthi2008")},
        r"refs\.bib:1",
        "the type @bok",
        ("bibliography/files.py", "which the bibliography style cannot format"),
    ),
    "bib-too-many-commas": Hostile(
        {BIB: replace("Radchenko, Sergey", "Radchenko, Sergey, Jr, III")}, r"refs\.bib:10", "Too many commas"
    ),
    # the manifest and the witness
    "manifest-paratext-number": Hostile(
        {MANIFEST: lambda t: t.split("[[witness")[0].replace("provenance", "paratext = 5\nprovenance")},
        r"manifest\.toml:7",
        "paratext = 5",
        ("witnesses/essay.py", "the witness manifest is not valid"),
    ),
    "manifest-file-dot": Hostile(
        {MANIFEST: replace('file = "witness.txt"', 'file = "."')}, r"manifest\.toml:2", "is not a file"
    ),
    "manifest-file-outside": Hostile(
        {MANIFEST: replace('file = "witness.txt"', 'file = "../../secret.txt"')},
        r"manifest\.toml:2",
        "outside the project",
    ),
    "manifest-title-line-text": Hostile(
        {MANIFEST: replace("title_line = 1", 'title_line = "one"')}, r"manifest\.toml:6", "title_line"
    ),
    "manifest-toml-syntax": Hostile(
        {MANIFEST: replace('kind = "advertising"', 'kind = "advertising')}, r"manifest\.toml:11", "not valid TOML"
    ),
    "manifest-markup-in-kind-and-provenance": Hostile(
        {
            MANIFEST: lambda t: replace('kind = "advertising"', 'kind = "<script>alert(1)</script>"')(
                replace('provenance = "A tiny witness for the tests."', 'provenance = "<img src=x onerror=alert(1)>"')(
                    t
                )
            )
        }
    ),
    "manifest-incomplete-second-witness": Hostile(
        {MANIFEST: lambda t: t + '\n[witness.other]\nfile = "nope.txt"\n'},
        r"manifest\.toml:13",
        "lacks `sha256`, `title`, `provenance`",
    ),
    "manifest-range-past-the-end": Hostile(
        {MANIFEST: replace('lines = "3"', 'lines = "3-99999999999999999999"')}, r"manifest\.toml:10", "run past"
    ),
    "witness-symlink-outside": Hostile(
        {MANIFEST: replace('file = "witness.txt"', 'file = "link.txt"')},
        r"manifest\.toml:2",
        "outside the project",
        prepare=lambda p, s: (p / "sources" / "link.txt").symlink_to(s),
    ),
    "manifest-unknown-key": Hostile(
        {MANIFEST: replace("title_line = 1", "title_line = 1\ntitel = 2")}, r"manifest\.toml:7", "unknown key"
    ),
    "witness-not-utf8": Hostile({}, MANIFEST_AT, "not UTF-8", prepare=latin1_witness),
    # configuration
    "config-rating-text": Hostile(
        {},
        r"conf\.py:\d+",
        "['rating'] is 'high'",
        ("verdicts/vocabulary.py", "not {wanted}"),
        conf={
            "edition_verdicts": {
                k: {"label": k, "symbol": "✓", "rating": r, "definition": "d"}
                for k, r in (("accurate", "high"), ("imprecise", 4))
            }
        },
    ),
    "config-symbol-markup": Hostile(
        {},
        conf={
            "edition_verdicts": {
                k: {"label": k, "symbol": "<img src=x onerror=alert(1)>", "rating": 3, "definition": "d"}
                for k in ("accurate", "imprecise")
            }
        },
    ),
    "config-title-ends-json-ld": Hostile({}, conf={"edition_title": "</script><!-- <script>alert(1)</script>"}),
    "config-manifest-number": Hostile(
        {},
        r"conf\.py:\d+",
        "edition_manifest is 5",
        ("core/configuration.py", "but must be of type {expected}"),
        conf={"edition_manifest": 5},
    ),
}


ROUND_3: dict[str, Hostile] = {
    # files published on the edition's origin: judged by their bytes
    "svg-image-with-script": Hostile(
        {ESSAY: in_note("![x](evil.svg)")}, r"essay\.md:22", "not a PNG", CONTENT, prepare=files(docs__evil_DOT_svg=SVG)
    ),
    "svg-figure": Hostile(
        {ESSAY: in_note("~~~{figure} evil.svg\n\nCaption\n~~~")}, r"essay\.md:2[2-4]", "not a PNG",
        prepare=files(docs__evil_DOT_svg=SVG),
    ),
    "svg-image-directive": Hostile(
        {ESSAY: in_note("~~~{image} evil.svg\n~~~")}, r"essay\.md:2[2-4]", "not a PNG",
        prepare=files(docs__evil_DOT_svg=SVG),
    ),
    "svg-named-png": Hostile(
        {ESSAY: in_note("![x](evil.png)")}, r"essay\.md:22", "SVG or other markup", prepare=files(docs__evil_DOT_png=SVG)
    ),
    "png-polyglot-named-html": Hostile(
        {ESSAY: in_note("![x](poly.html)")}, r"essay\.md:22", "named .html",
        prepare=files(docs__poly_DOT_html=PNG + b"<script>alert(1)</script>"),
    ),
    "png-named-jpg": Hostile(
        {ESSAY: in_note("![x](photo.jpg)")}, r"essay\.md:22", "named .jpg", prepare=files(docs__photo_DOT_jpg=PNG)
    ),
    "real-png-published": Hostile({ESSAY: in_note("![a map](map.png)")}, prepare=files(docs__map_DOT_png=PNG)),
    "html-file-linked": Hostile(
        {ESSAY: in_note("[the page](evil.html)")}, r"essay\.md:22", ".html file", prepare=files(docs__evil_DOT_html=HTML)
    ),
    "svg-file-linked": Hostile(
        {ESSAY: in_note("[the drawing](evil.svg)")}, r"essay\.md:22", ".svg file", prepare=files(docs__evil_DOT_svg=SVG)
    ),
    "xml-file-linked": Hostile(
        {ESSAY: in_note("[data](feed.xml)")}, r"essay\.md:22", ".xml file",
        prepare=files(docs__feed_DOT_xml=b'<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>'),
    ),
    "script-file-linked": Hostile(
        {ESSAY: in_note("[code](app.js)")}, r"essay\.md:22", ".js file", prepare=files(docs__app_DOT_js=b"alert(1)")
    ),
    "html-in-a-txt-file-linked": Hostile(
        {ESSAY: in_note("[notes](notes.txt)")}, r"essay\.md:22", "holds HTML", prepare=files(docs__notes_DOT_txt=HTML)
    ),
    "html-download-allowed-still-refused": Hostile(
        {ESSAY: in_note("Get {download}`this <evil.html>`.")}, r"essay\.md:22", ".html file",
        conf=allow(essay=["download"]), prepare=files(docs__evil_DOT_html=HTML),
    ),
    "card-img-background-svg": Hostile(
        {INDEX: card("img-background", "evil.svg")}, r"index\.md:\d+", "not a PNG", prepare=files(docs__evil_DOT_svg=SVG)
    ),
    "card-img-top-outside": Hostile({INDEX: card("img-top", OUTSIDE)}, r"index\.md:\d+", "outside the project"),
    "card-img-bottom-remote": Hostile({INDEX: card("img-bottom", "http://127.0.0.1:9/x.png")}),
    "image-by-pattern": Hostile(
        {ESSAY: in_note("![x](*.png)")}, r"essay\.md:22", "by a pattern", prepare=files(docs__map_DOT_png=PNG)
    ),
    # files that must never be published: hidden, outside, untracked, ignored
    "literalinclude-diff-git-config": Hostile(
        {EVENTS: lambda t: t + "\n```{literalinclude} events.md\n:diff: ../.git/config\n```\n"},
        r"events\.md:18", "hidden folder", conf=allow(events=["literalinclude"]), prepare=hidden_secret,
    ),
    "literalinclude-diff-outside": Hostile(
        {EVENTS: lambda t: t + f"\n```{{literalinclude}} events.md\n:diff: {OUTSIDE}\n```\n"},
        r"events\.md:18", "outside the project", conf=allow(events=["literalinclude"]),
    ),
    "include-untracked-file": Hostile(
        {EVENTS: lambda t: t + "\n```{include} ci-token.txt\n```\n"}, r"events\.md:18", UNTRACKED_REFUSAL,
        conf=allow(events=["include"]), git=True, untracked=untracked_file("docs/ci-token.txt"),
    ),
    "literalinclude-ignored-file": Hostile(
        {EVENTS: lambda t: t + "\n```{literalinclude} ci_token.txt\n```\n", ".gitignore": lambda _: "ci_token.txt\n"},
        r"events\.md:18", UNTRACKED_REFUSAL, conf=allow(events=["literalinclude"]), git=True,
        prepare=files(docs__ci_token_DOT_txt=UNTRACKED.encode()),
    ),
    "image-untracked": Hostile(
        {ESSAY: in_note("![x](new.png)")}, r"essay\.md:22", UNTRACKED_REFUSAL, git=True,
        untracked=untracked_file("docs/new.png", PNG + UNTRACKED.encode()),
    ),
    "link-to-untracked-file": Hostile(
        {ESSAY: in_note("[token](ci-token.txt)")}, r"essay\.md:22", UNTRACKED_REFUSAL, git=True,
        untracked=untracked_file("docs/ci-token.txt"),
    ),
    "witness-untracked": Hostile(
        {MANIFEST: replace('file = "witness.txt"', 'file = "ci-token.txt"')}, r"manifest\.toml:2", UNTRACKED_REFUSAL,
        git=True, untracked=untracked_file("sources/ci-token.txt"),
    ),
    "witness-ignored": Hostile(
        {MANIFEST: replace('file = "witness.txt"', 'file = "ci_token.txt"'), ".gitignore": lambda _: "ci_token.txt\n"},
        r"manifest\.toml:2", UNTRACKED_REFUSAL, git=True, prepare=files(sources__ci_token_DOT_txt=UNTRACKED.encode()),
    ),
    "tracked-image-published": Hostile({ESSAY: in_note("![a map](map.png)")}, git=True, prepare=files(docs__map_DOT_png=PNG)),
    # the build machine fetches nothing
    "remote-image-html": Hostile({ESSAY: in_note("![x](http://127.0.0.1:9/x.png)")}),
    "remote-image-epub": Hostile({ESSAY: in_note("![x](http://127.0.0.1:9/x.png)")}, builder="epub"),
    "remote-image-latex": Hostile({ESSAY: in_note("~~~{figure} https://127.0.0.1:9/x.png\n\nCaption\n~~~")}, builder="latex"),
    # characters, after decoding
    "toml-escape-bidi-in-correction": Hostile(
        corrections(CORRECTION.replace("The note was reworded.", "The note was \\u202Ereworded.")),
        r"corrections\.toml:6", "U+202E",
    ),
    "json-escape-bidi-in-snapshot": Hostile(
        snapshot(text=json.dumps(SNAPSHOT, indent=1).replace("Stalin in 1950", "Stalin \\u202Ein 1950")),
        r"0\.1\.json:\d+", "U+202E",
    ),
    "toml-escape-control-in-manifest": Hostile(
        {MANIFEST: replace('provenance = "A tiny witness for the tests."', 'provenance = "A tiny\\u0001 witness."')},
        r"manifest\.toml:7", "U+0001",
    ),
    "toml-escape-noncharacter-in-manifest": Hostile(
        {MANIFEST: replace('title = "A Short Essay"', 'title = "A Short Essay\\uFFFF"')}, r"manifest\.toml:3", "U+FFFF",
    ),
    "xml-forbidden-control-in-note": Hostile({ESSAY: in_note("Checked\x01 by the editors.")}, r"essay\.md:22", "U+0001"),
    "noncharacter-in-event-title": Hostile(
        {EVENTS: replace(":title: The split", ":title: The split\ufffe")}, r"events\.md:13", "U+FFFE"
    ),
    "bidi-in-readings": Hostile(
        readings(READINGS.replace("only the scope", "only the \u202escope")), r"readings\.csv:3", "U+202E"
    ),
    "witness-character-elsewhere": Hostile(  # the witness's own zero-width space is allowed in its line only
        {ESSAY: in_note("Mao\u200b is named.")}, r"essay\.md:22", "U+200B", prepare=witness_with_zero_width,
    ),
    "witness-character-in-its-line": Hostile({}, prepare=witness_with_zero_width),
    # data files, read strictly and located
    "corrections-not-utf8": Hostile(
        corrections(CORRECTION), r"corrections\.toml:6", "not UTF-8", ("verdicts/corrections.py", "err.problem, err.fix"),
        prepare=None,
    ),
    "correction-is-a-number": Hostile(
        corrections("correction = 5\n"), r"corrections\.toml:1", "only [[correction]] tables",
        ("verdicts/corrections.py", "where only [[correction]] tables belong"),
    ),
    "correction-week-date": Hostile(
        corrections(CORRECTION.replace("2026-02-03", "2026-W48-7")), r"corrections\.toml:2", "is not a date"
    ),
    "correction-in-the-future": Hostile(
        corrections(CORRECTION.replace("2026-02-03", "9999-12-31")), r"corrections\.toml:2", "in the future"
    ),
    "correction-impossible-day": Hostile(
        corrections(CORRECTION.replace("2026-02-03", "2025-02-29")), r"corrections\.toml:2", "does not have"
    ),
    "correction-note-true": Hostile(corrections(CORRECTION.replace("note = 2", "note = true")), r"corrections\.toml:4", "note = True"),
    "correction-unknown-key": Hostile(
        corrections(CORRECTION + 'verdict = "accurate"\n'), r"corrections\.toml:7", "unknown key `verdict`"
    ),
    "correction-table-twice": Hostile(
        corrections(CORRECTION.replace("[[correction]]", "[correction]\n[correction]")), r"corrections\.toml:2", "not valid TOML"
    ),
    "correction-removed-but-present": Hostile(
        corrections(CORRECTION.replace('"text"', '"removed"')), r"corrections\.toml:1", "is still on the page",
        ("verdicts/corrections.py", "is still"),
    ),
    "snapshot-version-number": Hostile(
        snapshot(lambda d: d.update(version=2)), r"0\.1\.json:1", "not a str", ("verdicts/releases.py", "not readable ({err})")
    ),
    "snapshot-deep-json": Hostile(
        snapshot(text="[" * 100_000 + "]" * 100_000), r"0\.1\.json:1", "nests more than",
        ("verdicts/releases.py", "not readable: {err.problem}"),
    ),
    "snapshot-anchor-p1": Hostile(
        snapshot(lambda d: d["notes"][0]["anchors"].append("p1")), r"0\.1\.json:\d+", "one the edition makes itself"
    ),
    "snapshot-anchors-a-string": Hostile(
        snapshot(lambda d: d["notes"][0].update(anchors="ab")), r"0\.1\.json:\d+", "not a list"
    ),
    "snapshot-note-twice": Hostile(
        snapshot(lambda d: d["notes"].append(dict(d["notes"][1]))), r"0\.1\.json:\d+", "listed twice"
    ),
    "snapshot-key-twice": Hostile(
        snapshot(text=json.dumps(SNAPSHOT).replace('"version": "0.1"', '"version": "0.1", "version": "0.2"')),
        r"0\.1\.json:1", "given twice",
    ),
    "snapshot-edited-against-its-checksum": Hostile(
        snapshot(lambda d: d["notes"][1].update(verdict="accurate")), r"0\.1\.json:1", "conf.py records",
        conf={"edition_release_checksums": {"0.1": "0" * 64}},
    ),
    "snapshot-not-recorded": Hostile(
        snapshot(), r"0\.1\.json:1", "has no SHA-256", conf={"edition_release_checksums": {"0.0": "0" * 64}}
    ),
    "readings-not-utf8": Hostile(
        readings(READINGS), r"readings\.csv:3", "not UTF-8", ("verdicts/agreement.py", "err.problem, err.fix"),
        prepare=latin1(READINGS_FILE, "only the scope", b"only the sc\xf6pe"),
    ),
    "readings-row-twice": Hostile(
        readings(READINGS + "essay,mao-stalin,accurate,accurate,accurate,\n"), r"readings\.csv:4", "second row",
        ("verdicts/agreement.py", "warn(\"agreement\", f\"{problem[0]}.\""),
    ),
    "readings-unquoted-comma": Hostile(
        readings(READINGS.replace("The year is right;", "The year is right,")), r"readings\.csv:3", "7 fields"
    ),
    "readings-missing-row-is-a-preview": Hostile(readings(READINGS.rsplit("essay,stalin", 1)[0])),
    "readings-missing-row-in-a-release": Hostile(
        readings(READINGS.rsplit("essay,stalin", 1)[0]), r"essay\.md:23", "is provisional",
        conf={"edition_release_check": True},
    ),
    "markdown-not-utf8": Hostile(
        {}, r"people\.md:\d+", "not UTF-8", ("policy/encoding.py", "the file is not UTF-8"),
        prepare=latin1("docs/people.md", "A historian", b"A historian caf\xe9"),
    ),
    # crashes and hangs
    "date-leap-day": Hostile(date("1937-02-29"), r"events\.md:3", "does not have"),
    "date-season-of-9999": Hostile(date("9999-24"), r"events\.md:3", "outside the years"),
    "date-year-0001": Hostile(date("0001"), r"events\.md:3", "outside the years"),
    "date-year-9999": Hostile(date("9999"), r"events\.md:3", "outside the years"),
    "date-winter-ends-before-it-ends": Hostile(date("1937-24/1937-12"), r"events\.md:3", "ends before it starts"),
    "coverage-season-of-9999": Hostile(
        {BIB: replace("coverage = {1949/1966}", "coverage = {9999-24}")}, r"refs\.bib:\d+", "9999", alone=False
    ),
    "citation-of-1500-keys": Hostile(
        {ESSAY: replace("{cite:p}`luthi2008`.", "{cite:p}`" + ",".join(["luthi2008"] * 1500) + "`.")},
        r"essay\.md:20", "names 1,500 works", ("policy/allow_list.py", "the citation names"),
    ),
    "mentions-line-of-spaces": Hostile(
        {ESSAY: after_note("```{mentions}\n{event}`Mao" + " " * 150_000 + "x\n```")}, r"essay\.md:24", "is not a mention",
    ),
    "manifest-of-20000-tables": Hostile(
        {MANIFEST: lambda t: t + "".join(f'\n[witness.w{n}]\nfile = "x"\n' for n in range(20_000))},
        r"manifest\.toml:1", "more than the 100",
    ),
    "manifest-table-twice-refuses-its-witness-only": Hostile(
        {MANIFEST: lambda t: t + '\n[witness.tiny]\nfile = "witness.txt"\n', **snapshot()},
        r"manifest\.toml:1[3-4]", "not valid TOML",
    ),
    # ids
    "label-claim-namespace": Hostile({ESSAY: in_note("(claim-mao-stalin)=\n\nA paragraph.")}, r"essay\.md:2\d", "namespace", LABEL),
    "label-note-number": Hostile({EVENTS: lambda t: t + "\n(note-1)=\n## Later\n\nText.\n"}, r"events\.md:\d+", "namespace"),
    "label-rst-ref-namespace": Hostile(rst_page(".. _ref-x:\n\nText."), r"extra\.rst:\d+", "namespace"),
    "yaml-option-quoted-twice": Hostile(
        {ESSAY: replace(":verdict: imprecise\n", '---\n"verdict": imprecise\nverdict: accurate\n---\n')},
        r"essay\.md:26", "given twice",
    ),
}
HOSTILE.update(ROUND_3)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file beside the project (the test project is copied to tmp_path/essay)."""
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def commit(project: Path) -> None:
    """Make the project a git work tree with everything in it committed (as a pull request's checkout is)."""
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "edit"]):
        subprocess.run([*git, *command], cwd=project, check=True, capture_output=True)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_edit(copy_root, build, secret: Path, name: str) -> None:
    case = HOSTILE[name]
    project = copy_root("essay")
    for path, edit in case.edits.items():
        file = project / path
        text = file.read_text(encoding="utf-8") if file.exists() else ""
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(edit(text).replace("@SECRET@", str(secret)), encoding="utf-8")
    if case.prepare:
        case.prepare(project, secret)
    if name == "corrections-not-utf8":
        path = project / CORRECTIONS
        path.write_bytes(path.read_bytes().replace(b"reworded", b"r\xe9worded"))
    if case.git:
        commit(project)
    if case.untracked:
        case.untracked(project)
    started = time.monotonic()
    result = build("essay", case.builder, project=project, **case.conf)
    assert time.monotonic() - started < 60, "the build took more than a minute"
    assert "Traceback" not in result.warnings
    assert UNTRACKED not in result.warnings and SECRET not in result.warnings  # no message prints such a file
    lines = result.warning_lines()
    if case.refused:
        refusals = [
            line
            for line in lines
            if re.search(case.refused + r"\S*: (?:WARNING|ERROR): ", line) and case.problem.lower() in line.lower()
        ]
        assert refusals, lines
        edition = [line for line in lines if "[edition." in line]
        assert not case.alone or len(edition) <= 1, edition  # one mistake, one message
    assert "a note must come right after" not in result.warnings  # a refused note never makes later ones "stray"
    assert scan(result.outdir, SECRET, UNTRACKED) == []


def test_the_scanner_sees_what_it_looks_for(tmp_path: Path) -> None:
    """Each kind of leak the cases rely on the scanner to find, in a page made to have them all."""
    (tmp_path / "page.html").write_text(
        '<img src=x onerror="alert(1)"><a href=" JavaScript:alert(1)">x</a><iframe src="https://evil.example"></iframe>'
        '<meta http-equiv="refresh" content="0; url=https://evil.example/"><script src="https://evil.example/x.js"></script>'
        '<script>alert(1)</script><script type="application/ld+json">{"name": "<!--"}</script>',
        encoding="utf-8",
    )
    (tmp_path / "book.tex").write_text(
        "\\begin{document}^^5cinput{/etc/hostname}\\input{/etc/hostname}", encoding="utf-8"
    )
    (tmp_path / "leak.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "_images").mkdir()
    (tmp_path / "_images" / "x.svg").write_bytes(SVG)
    (tmp_path / "ids.html").write_text('<p id="a">x</p><p id="a">y</p>', encoding="utf-8")
    (tmp_path / "essay.xml").write_text("<TEI>\x01</TEI>", encoding="utf-8")
    (tmp_path / "register.csv").write_text("claim\n=HYPERLINK(1)\n", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "book.epub", "w") as book:
        book.writestr("EPUB/_images/x.png", b"FETCHED-FROM-A-LOCAL-SERVER")
    found = " | ".join(scan(tmp_path, SECRET, "FETCHED-FROM-A-LOCAL-SERVER"))
    for leak in (
        "onerror",
        "JavaScript:",
        "<iframe>",
        "http-equiv",
        "evil.example/x.js",
        "inline script",
        "raw <",
        "'^^'",
        "input'",
        "outside the repository",
        "markup or script on the site's origin",
        "the id 'a' twice",
        "a character XML forbids",
        "XML that does not parse",
        "a formula cell",
        "book.epub!EPUB/_images/x.png",
    ):
        assert leak in found, leak


def test_at_least_forty_cases_across_the_editors_files() -> None:
    edited = {path for case in HOSTILE.values() for path in case.edits}
    assert len(HOSTILE) >= 40 and {ESSAY, EVENTS, PEOPLE, INDEX, BIB, MANIFEST} <= edited
    assert len(ROUND_3) >= 60 and {CORRECTIONS, SNAPSHOT_FILE, READINGS_FILE} <= edited


@pytest.mark.parametrize("builder", ["html", "epub", "latex"])
def test_no_request_leaves_the_build_machine(copy_root, build, builder: str) -> None:
    """Images on a local server, named as an editor would: the build makes no request in any builder, and the
    server's bytes are in no output (the EPUB's members included)."""
    import http.server
    import threading

    marker = "FETCHED-FROM-A-LOCAL-SERVER-5b1a"
    requests: list[str] = []

    class Server(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(PNG + marker.encode())

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        edits = {
            ESSAY: in_note(f"![a map]({url}/map.png)\n\n~~~{{figure}} {url}/figure.png\n\nCaption\n~~~"),
            INDEX: card("img-top", f"{url}/card.png"),
        }
        result = build("essay", builder, edits=edits)
    finally:
        server.shutdown()
    assert requests == []
    assert "Traceback" not in result.warnings
    assert scan(result.outdir, SECRET, marker) == []
    if builder == "html":
        assert f'href="{url}/map.png"' in result.page("essay")  # shown as a link to the image


WRITE_ERROR = '''
def fail(app, doctree, docname):
    if docname == "people":
        raise RuntimeError("a write-phase error")


def setup(app):
    app.connect("doctree-resolved", fail)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
'''


def test_a_write_phase_error_ends_a_parallel_build(copy_root) -> None:
    """An error while pages are written under -j: the build ends, with the error, never hangs."""
    project = copy_root("essay")
    for n in range(30):  # enough pages for several writer processes
        (project / "docs" / f"page{n}.md").write_text(f"---\norphan: true\n---\n# Page {n}\n\n" + "Text. " * 2000)
    (project / "docs" / "failing.py").write_text(WRITE_ERROR, encoding="utf-8")
    conf = project / "docs" / "conf.py"
    conf.write_text(
        "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n"
        + conf.read_text(encoding="utf-8").replace('extensions = ["annotated_edition"', 'extensions = ["annotated_edition", "failing"'),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", "2", "docs", "_build"]
    started = time.monotonic()
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=180)
    assert result.returncode != 0 and "a write-phase error" in result.stdout + result.stderr
    assert time.monotonic() - started < 120
