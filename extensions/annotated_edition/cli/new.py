"""``python -m annotated_edition.cli.new DIR``: a new edition that builds, to start from.

Writes ``DIR/docs`` (``conf.py``, a landing page, one text reproducing its witness with one note, the
register, events and their timeline, people, the bibliography and a method page stub),
``DIR/sources`` (the witness and a manifest with its checksum computed), ``DIR/bib`` (one work, cited),
and the correction form for GitHub (``.github/ISSUE_TEMPLATE/correction.yml``).  Build it with
``sphinx-build -W -b html DIR/docs DIR/_build/html``; then replace the sample text, its manifest entry
(``python -m annotated_edition.cli.witness`` prints a file's checksum and numbered lines) and the note.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

WITNESS = """A Sample Text

This sample witness stands where the text you edit will stand: replace it with your witness, byte for byte.

Its second paragraph shows a note.
"""

#: The form behind each note's "Suggest a correction" link on GitHub: the link fills in ``note`` and ``claim``.
CORRECTION_FORM = """\
# The form behind each note's "Suggest a correction" link: the link fills in the note's address and
# claim (fields `note` and `claim`); the reader says what is wrong and gives a source.
name: Suggest a correction
description: Tell the editors that a fact-check note is wrong, incomplete or badly sourced.
title: "Correction: "
labels: ["correction"]
body:
  - type: input
    id: note
    attributes:
      label: Note
      description: The note's address (filled in when you came from the note's link).
    validations:
      required: true
  - type: textarea
    id: claim
    attributes:
      label: Claim
      description: The words of the text the note is about.
    validations:
      required: true
  - type: textarea
    id: problem
    attributes:
      label: What is wrong
      description: The verdict, a fact in the note, a missing point of view, a citation that does not support it.
    validations:
      required: true
  - type: textarea
    id: source
    attributes:
      label: Source
      description: Author, title, publisher or journal, year, and pages if you have them.
    validations:
      required: true
"""

CONF = '''"""Sphinx configuration of {title!r} (made by python -m annotated_edition.cli.new)."""

project = {title!r}
author = "The editors"
copyright = "2026, the editors"
version = release = "0.1"
language = {language!r}

extensions = ["annotated_edition"]  # also sets up myst_parser and sphinxcontrib.bibtex
exclude_patterns = ["_build"]

edition_manifest = "../sources/manifest.toml"
edition_title = {title!r}
edition_date = "2026-01-01"
edition_licence = "the editors' text is licensed under CC BY 4.0"
edition_text_name = {text_name!r}  # what a text is called in generated words
edition_correction_link = "none"  # "github" or "gitlab" with html_context["repository"], or "mailto:you@example.org"

bibtex_bibfiles = ["../bib/sources.bib"]
bibtex_default_style = "edition"
bibtex_reference_style = "edition"
bibtex_cite_id = "cite-{{key}}"


'''

BIB = """@book{knuth1984,
  author    = {Knuth, Donald E.},
  title     = {The TeXbook},
  publisher = {Addison-Wesley},
  address   = {Reading, Massachusetts},
  year      = {1984},
  unverified = {coverage},
}
"""

PAGES = {
    "index.md": """# {title}

```{{toctree}}
:maxdepth: 1

text
register
events
timeline
people
method
bibliography
```
""",
    "text.md": """# A Sample Text

```{{witness}} sample
```

```{{cite-this}}
```

This sample witness stands where the text you edit will stand: replace it with your witness, byte for byte.

Its second paragraph shows a note.

```{{factcheck}} shows a note
:verdict: accurate

A note says what the sources say, and cites them {{cite:p}}`knuth1984`; see {{person}}`knuth`.
```

## Editors' section

```{{verdict-summary}}
```

```{{works-cited}}
```
""",
    "register.md": "# Register\n\n```{factcheck-register}\n```\n",
    "events.md": """# Events

```{event} texbook-1984
:date: 1984
:title: The TeXbook is published

An example event {cite:p}`knuth1984`.
```
""",
    "timeline.md": "# Timeline\n\n```{timeline}\n```\n",
    "people.md": """# People

```{person} knuth
:name: Knuth, Donald E.
:works: knuth1984

An example entry.
```
""",
    "method.md": "# Method\n\nHow the texts were transcribed and checked, and what the verdicts mean:\n\n```{verdict-scale}\n```\n",
    "bibliography.md": "# Bibliography\n\n```{bibliography}\n```\n",
}


def manifest(checksum: str) -> str:
    return f"""# Each text's witness: its file, checksum, and the lines that are not the text (see the guide's manifest page).
[witness.sample]
file = "sample.txt"
title = "A Sample Text"
sha256 = "{checksum}"
paragraphs = "blank-line"
title_line = 1
provenance = "A sample witness written for the skeleton; replace it with yours and say where it comes from."
"""


def create(target: Path, title: str, language: str, text_name: str) -> list[Path]:
    """Write the skeleton into *target* (which must be empty or absent); return the files written."""
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty: give a new folder")
    files = {
        "sources/sample.txt": WITNESS,
        "sources/manifest.toml": manifest(hashlib.sha256(WITNESS.encode("utf-8")).hexdigest()),
        "bib/sources.bib": BIB,
        "docs/conf.py": CONF.format(title=title, language=language, text_name=text_name),
        ".github/ISSUE_TEMPLATE/correction.yml": CORRECTION_FORM,
        ".gitignore": "_build/\n",
        **{f"docs/{name}": text.replace("{title}", title).replace("{{", "{").replace("}}", "}") for name, text in PAGES.items()},
    }
    written = []
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))  # byte for byte: the checksum is of these bytes
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotated_edition.cli.new", description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="a new (or empty) folder")
    parser.add_argument("--title", default="A New Edition")
    parser.add_argument("--language", default="en", help='the document language, e.g. "de"')
    parser.add_argument("--text-name", default="", help='what a text is called, e.g. "speech" (default: essay)')
    args = parser.parse_args(argv)
    try:
        written = create(args.folder, args.title, args.language, args.text_name)
    except FileExistsError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"wrote {len(written)} files; build with: sphinx-build -W -b html {args.folder / 'docs'} {args.folder / '_build/html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
