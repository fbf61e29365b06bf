"""Screenshots of the edition's main pages at desktop and phone width, for looking at, not for testing.

    .venv/bin/python bench/screenshots.py [_build/html] [_build/screenshots]

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; never downloads a browser.
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = ["index", "essays/essay-1", "essays/essay-2", "register", "timeline", "historians", "bibliography"]
WIDTHS = {"desktop": {"width": 1440, "height": 1000}, "phone": {"width": 375, "height": 812}}


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main(site: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for device, viewport in WIDTHS.items():
            context = browser.new_context(viewport=viewport, is_mobile=device == "phone", has_touch=device == "phone")
            page = context.new_page()
            for name in PAGES:
                page.goto(base + name + ".html")
                if name.startswith("essays/"):  # show an open note as well as the text
                    page.locator("a.edition-noteref").nth(2).click()
                path = out / f"{name.replace('/', '-')}-{device}.png"
                page.screenshot(path=str(path))
                print(path)
            context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(
        Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html"),
        Path(sys.argv[2] if len(sys.argv) > 2 else "_build/screenshots"),
    )
