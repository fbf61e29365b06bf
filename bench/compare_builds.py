"""Prove that a change left the edition's output alone: compare two build folders file by file.

Not a benchmark: the check a refactor runs against a copy of ``_build/`` made before it.  HTML (with
the exports in ``_data/``), LaTeX sources, text and the EPUB's members are compared byte for byte;
only what a build stamps on its own is set aside: the EPUB's build time, the PDF (compare its .tex and
its text instead) and LaTeX's logs, and, where the extension's ``env_version`` was raised on purpose,
that number in ``searchindex.js``.

    python bench/compare_builds.py OLD_BUILDDIR NEW_BUILDDIR    # exit 0: the same output
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

STAMPS = [
    re.compile(rb"<dc:date>[^<]*</dc:date>"),
    re.compile(rb'<meta property="dcterms:modified">[^<]*</meta>'),
    re.compile(rb'"annotated_edition":\d+'),
]
SKIP = re.compile(r"\.(pdf|log|fls|fdb_latexmk|xdv|aux|idx|ind|ilg|out|toc|epub)$|^doctrees|\.doctree$|\.pickle$")


def normalised(data: bytes) -> bytes:
    for stamp in STAMPS:
        data = stamp.sub(b"", data)
    return data


def files(root: Path) -> dict[str, bytes]:
    found = {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not SKIP.search(path.relative_to(root).as_posix())
    }
    for book in sorted(root.rglob("*.epub")):
        with zipfile.ZipFile(book) as archive:
            for member in archive.namelist():
                found[f"{book.relative_to(root).as_posix()}!{member}"] = archive.read(member)
    return found


def main(old: str, new: str) -> int:
    before, after = files(Path(old)), files(Path(new))
    differ = sorted(name for name in before.keys() & after.keys() if normalised(before[name]) != normalised(after[name]))
    missing, added = sorted(before.keys() - after.keys()), sorted(after.keys() - before.keys())
    for label, names in (("differs", differ), ("missing", missing), ("added", added)):
        for name in names:
            print(f"{label}: {name}")
    print(f"{len(before)} files compared: {len(differ)} differ, {len(missing)} missing, {len(added)} added")
    return 1 if differ or missing or added else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
