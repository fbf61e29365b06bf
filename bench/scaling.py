"""How the build scales: a synthetic edition of N essays x M notes x K events, timed.

    .venv/bin/python bench/scaling.py                 # the full table (takes a while on 2 cores)
    .venv/bin/python bench/scaling.py --quick         # small sizes, to try it out

For each size it builds the synthetic edition from scratch, then measures:
- full: a clean serial build (HTML);
- plain: the same corpus with every note as a plain paragraph and without the extension (its baseline);
- overhead: full / plain - 1;
- one note: an incremental rebuild after one note's verdict changes, as a share of the full build;
- -j 2: a clean parallel build.
Times are the best of --repeat runs, in seconds.  Pages have no navigation sidebar: a sidebar with the
global table of contents makes Sphinx itself quadratic in N, for the edition and baseline alike, and
would hide how the extension scales.  Nothing here is a test: it prints a table.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPHS = 10
KEYS = ["alpha2001", "beta2002", "delta2003", "epsilon2004", "gamma2005"]
BIB = "\n".join(
    f"@book{{{key},\n  author = {{Author{n}, A.}},\n  title = {{Book {n}}},\n  publisher = {{Press}},\n"
    f"  year = {{{2001 + n}}},\n}}\n"
    for n, key in enumerate(KEYS)
)
CONF = """extensions = {extensions}
bibtex_bibfiles = ["../bib/refs.bib"]
bibtex_default_style = "{style}"
bibtex_reference_style = "{reference}"
edition_manifest = "../sources/manifest.toml"
edition_title = "Synthetic edition"
edition_date = "2026-01-01"
html_theme = "alabaster"
html_sidebars = {{"**": []}}  # no global navigation in every page: Sphinx's own cost for that grows as N squared
"""


def paragraph(essay: int, number: int, claims: int) -> str:
    sentences = [
        f"In paragraph {number} of essay {essay} claim {k} concerns topic {essay}x{number}x{k}." for k in range(claims)
    ]
    return " ".join(sentences) or f"Paragraph {number} of essay {essay} makes no claim."


def generate(root: Path, essays: int, notes: int, events: int, plain: bool) -> Path:
    """Write the project; *plain* gives the baseline: the same text, notes as paragraphs, no extension."""
    for folder in ("docs/essays", "sources", "bib"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "bib" / "refs.bib").write_text(BIB, encoding="utf-8")
    manifest = []
    per_paragraph = [notes // PARAGRAPHS + (1 if p < notes % PARAGRAPHS else 0) for p in range(PARAGRAPHS)]
    for e in range(1, essays + 1):
        texts = [paragraph(e, p + 1, per_paragraph[p]) for p in range(PARAGRAPHS)]
        witness = f"Essay {e}\n\n" + "\n\n".join(texts) + "\n"
        (root / "sources" / f"essay-{e}.txt").write_text(witness, encoding="utf-8")
        sha = hashlib.sha256(witness.encode()).hexdigest()
        manifest.append(
            f'[witness.essay-{e}]\nfile = "essay-{e}.txt"\ntitle = "Essay {e}"\nsha256 = "{sha}"\n'
            f'paragraphs = "blank-line"\ntitle_line = 1\nprovenance = "Synthetic."\n'
        )
        page = [f"# Essay {e}\n"] + ([] if plain else [f"```{{witness}} essay-{e}\n```\n"])
        n = 0
        for p, text in enumerate(texts):
            page.append(text + "\n")
            for k in range(per_paragraph[p]):
                event = f"event-{(e * 7 + n) % events + 1}"
                key = KEYS[n % len(KEYS)]
                body = f"The claim is checked against {{event}}`{event}` {{cite:p}}`{key}`."
                if plain:
                    page.append(body.replace(f"{{event}}`{event}`", event) + "\n")
                else:
                    page.append(f"```{{factcheck}} claim {k} concerns topic\n:verdict: accurate\n\n{body}\n```\n")
                n += 1
        (root / "docs" / "essays" / f"essay-{e}.md").write_text("\n".join(page), encoding="utf-8")
    (root / "sources" / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    entries = []
    for k in range(1, events + 1):
        year = 1949 + k % 28
        body = f"Event {k} happened {{cite:p}}`{KEYS[k % len(KEYS)]}`."
        entries.append(
            f"## Event {k}\n\n{body}\n"
            if plain
            else f"```{{event}} event-{k}\n:date: {year}-0{1 + k % 9}\n:title: Event {k}\n\n{body}\n```\n"
        )
    (root / "docs" / "events.md").write_text("# Events\n\n" + "\n".join(entries), encoding="utf-8")
    # a register page per essay (so a changed note rewrites one of them) and one page of counts
    (root / "docs" / "register").mkdir(exist_ok=True)
    for e in range(1, essays + 1):
        listing = f"Notes of essay {e}.\n" if plain else f"```{{factcheck-register}}\n:essay: essays/essay-{e}\n```\n"
        (root / "docs" / "register" / f"essay-{e}.md").write_text(
            f"# Register of essay {e}\n\n{listing}", encoding="utf-8"
        )
    counts = "Counts.\n" if plain else "```{factcheck-register}\n:counts-only:\n```\n"
    pages = "\n".join(f"essay-{e}" for e in range(1, essays + 1))
    (root / "docs" / "register" / "index.md").write_text(
        f"# Register\n\n{counts}\n```{{toctree}}\n{pages}\n```\n", encoding="utf-8"
    )
    timeline = "Generated pages are plain text here.\n" if plain else "```{timeline}\n```\n"
    (root / "docs" / "timeline.md").write_text("# Timeline\n\n" + timeline, encoding="utf-8")
    (root / "docs" / "bibliography.md").write_text(
        "# Bibliography\n\n```{bibliography}\n:all:\n```\n", encoding="utf-8"
    )
    toc = "\n".join(f"essays/essay-{e}" for e in range(1, essays + 1))
    (root / "docs" / "index.md").write_text(
        f"# Synthetic edition\n\n```{{toctree}}\n{toc}\nevents\nregister/index\ntimeline\nbibliography\n```\n",
        encoding="utf-8",
    )
    extensions = '["myst_parser", "sphinxcontrib.bibtex"]' if plain else '["annotated_edition"]'
    style, reference = ("plain", "author_year") if plain else ("edition", "edition")
    (root / "docs" / "conf.py").write_text(
        CONF.format(extensions=extensions, style=style, reference=reference), encoding="utf-8"
    )
    return root


def build(root: Path, out: Path, *extra: str) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-q",
            "-W",
            "--keep-going",
            *extra,
            str(root / "docs"),
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build failed in {root}:\n{result.stderr[-2000:]}")
    return elapsed


def best(repeat: int, measure) -> float:
    return min(measure() for _ in range(repeat))


def measure(essays: int, notes: int, events: int, repeat: int, work: Path) -> dict[str, float]:
    edition = generate(work / f"e{essays}-{notes}", essays, notes, events, plain=False)
    baseline = generate(work / f"p{essays}-{notes}", essays, notes, events, plain=True)

    def clean(root: Path, *extra: str) -> float:
        out = root / "_out"
        shutil.rmtree(out, ignore_errors=True)
        return build(root, out, *extra)

    full = best(repeat, lambda: clean(edition))
    plain = best(repeat, lambda: clean(baseline))
    parallel = best(repeat, lambda: clean(edition, "-j", "2"))
    clean(edition)
    essay = edition / "docs" / "essays" / "essay-1.md"
    text = essay.read_text(encoding="utf-8")

    def one_note() -> float:
        essay.write_text(essay.read_text(encoding="utf-8").replace(":verdict: accurate", ":verdict: imprecise", 1))
        elapsed = build(edition, edition / "_out")
        essay.write_text(text, encoding="utf-8")
        build(edition, edition / "_out")
        return elapsed

    incremental = best(repeat, one_note)
    return {"full": full, "plain": plain, "parallel": parallel, "incremental": incremental}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--events", type=int, default=60)
    args = parser.parse_args()
    sizes = [(5, 10), (10, 10)] if args.quick else [(25, 50), (50, 50), (100, 50), (200, 50), (50, 10), (50, 25)]
    print(
        "| N essays | M notes | notes | full (s) | plain (s) | overhead | one note (s) | one note / full | -j 2 (s) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for essays, notes in sizes:
            t = measure(essays, notes, args.events, args.repeat, Path(tmp))
            print(
                f"| {essays} | {notes} | {essays * notes} | {t['full']:.1f} | {t['plain']:.1f} | "
                f"{t['full'] / t['plain'] - 1:+.0%} | {t['incremental']:.1f} | {t['incremental'] / t['full']:.0%} | "
                f"{t['parallel']:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
