"""Lighthouse (mobile profile) on the essay pages and the timeline, against the page budget.

    npm install --prefix bench lighthouse@12          # once; or have `lighthouse` on PATH
    make html && .venv/bin/python bench/pagebudget.py [_build/html]

The site is served locally with gzip, as Read the Docs serves it, and Lighthouse drives Debian's
Chromium (CHROME_PATH=/usr/bin/chromium).  Targets: performance >= 0.95, accessibility 1.0, at most
250 KB transferred, cumulative layout shift <= 0.01.  Prints a Markdown table.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = ["essays/essay-1.html", "essays/essay-2.html", "timeline.html"]
COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".json", ".txt")
BUDGET = {"performance": 0.95, "accessibility": 1.0, "bytes": 250 * 1024, "cls": 0.01}


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


def audit(url: str, out: Path) -> dict[str, float]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            *lighthouse_command(),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
            "--disable-component-update --no-first-run",
        ],
        check=True,
        env=env,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    return {
        "performance": report["categories"]["performance"]["score"],
        "accessibility": report["categories"]["accessibility"]["score"],
        "bytes": report["audits"]["total-byte-weight"]["numericValue"],
        "cls": report["audits"]["cumulative-layout-shift"]["numericValue"],
        "lcp": report["audits"]["largest-contentful-paint"]["numericValue"] / 1000,
        "version": report["lighthouseVersion"],
    }


def main(site: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for page in PAGES:
            rows.append((page, audit(base + page, Path(tmp, "report.json"))))
    server.shutdown()
    print(f"Lighthouse {rows[0][1]['version']}, mobile profile, served with gzip\n")
    print("| page | performance | accessibility | transferred | CLS | LCP | budget met |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for page, r in rows:
        met = (
            r["performance"] >= BUDGET["performance"]
            and r["accessibility"] >= BUDGET["accessibility"]
            and r["bytes"] <= BUDGET["bytes"]
            and r["cls"] <= BUDGET["cls"]
        )
        print(
            f"| {page} | {r['performance']:.2f} | {r['accessibility']:.2f} | {r['bytes'] / 1024:.0f} KB | "
            f"{r['cls']:.3f} | {r['lcp']:.1f} s | {'yes' if met else 'NO'} |"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html"))
