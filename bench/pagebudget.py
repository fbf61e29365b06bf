"""Lighthouse (mobile profile) on the essay pages, the landing page, the timeline, the events and the
register, against the page budget.

    npm install --prefix bench lighthouse@12          # once; or have `lighthouse` on PATH
    make html && .venv/bin/python bench/pagebudget.py [_build/html] [--runs 3] [--reports DIR]

The site is served locally with gzip, as Read the Docs serves it, and Lighthouse drives Debian's
Chromium (CHROME_PATH=/usr/bin/chromium).  Each page is audited --runs times (3 by default) and every
figure is the median of its runs.  Targets: performance >= 0.95, accessibility 1.0, at most 250 KB
transferred, no cumulative layout shift (0).  Prints a Markdown table, then every audit that failed in
any run (Lighthouse's audit id and the elements it names).  --reports keeps each run's JSON report.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = [
    "essays/essay-1.html",
    "essays/essay-2.html",
    "index.html",
    "timeline.html",
    "events/index.html",
    "register.html",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".json", ".txt")
BUDGET = {"performance": 0.95, "accessibility": 1.0, "bytes": 250 * 1024, "cls": 0.0}


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the client accepts it, as a production web server would."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(path.read_bytes(), 9)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return None
        return super().send_head()

    def log_message(self, *args) -> None:
        pass


def lighthouse_command() -> list[str]:
    local = Path(__file__).parent / "node_modules" / ".bin" / "lighthouse"
    found = str(local) if local.exists() else shutil.which("lighthouse")
    if not found:
        raise SystemExit("lighthouse not found: run `npm install --prefix bench lighthouse@12`")
    return [found]


def audit(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            *lighthouse_command(),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
            "--disable-component-update --no-first-run",
        ],
        check=True,
        env=env,
    )
    return read_report(out)


def read_report(path: Path) -> dict:
    report = json.loads(path.read_text(encoding="utf-8"))
    return {
        **{c: report["categories"][c]["score"] for c in CATEGORIES},
        "bytes": report["audits"]["total-byte-weight"]["numericValue"],
        "cls": report["audits"]["cumulative-layout-shift"]["numericValue"],
        "lcp": report["audits"]["largest-contentful-paint"]["numericValue"] / 1000,
        "version": report["lighthouseVersion"],
        "benchmark": report["environment"]["benchmarkIndex"],
        "failed": failed_audits(report),
    }


def failed_audits(report: dict) -> dict[str, str]:
    """Audit id -> the elements it names, for every scored audit of the four categories below 1
    (performance: only the layout-shift audits, and its metrics when the score misses the target;
    the rest is advice)."""
    failed = {}
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            a = report["audits"][ref["id"]]
            if a.get("score") is None or a["scoreDisplayMode"] not in ("binary", "numeric", "metricSavings"):
                continue
            if category == "performance" and "layout-shift" not in ref["id"] and (
                ref.get("group") != "metrics" or report["categories"]["performance"]["score"] >= BUDGET["performance"]
            ):
                continue
            if a["score"] < 1:
                failed[ref["id"]] = f"{a.get('displayValue', '')} {elements(a)}".strip()
    if report["audits"]["cumulative-layout-shift"]["numericValue"] > 0:
        failed.setdefault("layout-shifts", elements(report["audits"].get("layout-shifts", {})))
    return failed


def elements(a: dict) -> str:
    names = []
    for item in (a.get("details") or {}).get("items", []):
        node = item.get("node") or {}
        if node.get("selector") or node.get("snippet"):
            names.append(f"`{node.get('selector', '')}` {node.get('snippet', '')[:120]}".strip())
    return "; ".join(dict.fromkeys(names))


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="_build/html", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reports", type=Path, help="keep each run's JSON report in this folder")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.reports or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for page in PAGES:
            results[page] = [
                audit(base + page, folder / f"{page.replace('/', '_')}.{n + 1}.json") for n in range(args.runs)
            ]
    server.shutdown()
    print_results(results, args.runs)


def print_results(results: dict[str, list[dict]], runs_per_page: int) -> None:
    version = next(iter(results.values()))[0]["version"]
    benchmark = statistics.median(run["benchmark"] for runs in results.values() for run in runs)
    print(
        f"Lighthouse {version}, mobile profile, served with gzip, median of {runs_per_page} runs "
        f"(Lighthouse's benchmark index of the machine: {benchmark:.0f})\n"
    )
    print("| page | performance | accessibility | best practices | SEO | transferred | CLS | LCP | budget met |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for page, runs in results.items():
        r = {key: median(runs, key) for key in (*CATEGORIES, "bytes", "cls", "lcp")}
        met = (
            r["performance"] >= BUDGET["performance"]
            and r["accessibility"] >= BUDGET["accessibility"]
            and r["bytes"] <= BUDGET["bytes"]
            and r["cls"] <= BUDGET["cls"]
        )
        print(
            f"| {page} | {r['performance']:.2f} | {r['accessibility']:.2f} | {r['best-practices']:.2f} | "
            f"{r['seo']:.2f} | {r['bytes'] / 1024:.0f} KB | {r['cls']:.4f} | {r['lcp']:.1f} s | "
            f"{'yes' if met else 'NO'} |"
        )
    print("\nAudits that failed (runs failing / runs):\n")
    for page, runs in results.items():
        ids = dict.fromkeys(i for run in runs for i in run["failed"])
        for i in ids:
            detail = next(run["failed"][i] for run in runs if i in run["failed"])
            count = sum(i in run["failed"] for run in runs)
            print(f"- {page}: `{i}` ({count}/{len(runs)}) {detail}")


if __name__ == "__main__":
    main()
