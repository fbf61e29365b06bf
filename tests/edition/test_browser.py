"""Readers in a real browser: notes by mouse, keyboard and touch, links, small screens, print, the register
filter, and axe-core's accessibility rules.  Debian's Chromium through Playwright (never a downloaded browser)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import require_module, require_tools

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PAGES = [
    "index.html",
    "essays/essay-1.html",
    "essays/essay-2.html",
    "register.html",
    "timeline.html",
    "historians.html",
    "bibliography.html",
    "events/index.html",
    "method.html",
]
AXE_PAGES = PAGES[:7]  # the landing page, both essays, register, timeline, historians, bibliography
PHONE = {"width": 375, "height": 812}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the signature is the base class's
        pass


@pytest.fixture(scope="module")
def site(edition: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(edition)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    require_tools("chromium")
    sync_api = require_module("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def active(page) -> dict:
    return page.evaluate(
        "() => ({cls: document.activeElement.className, id: document.activeElement.id,"
        " tag: document.activeElement.tagName})"
    )


def test_note_opens_by_click(page, site: str) -> None:
    page.goto(site + "essays/essay-2.html")
    ref = page.locator("a.edition-noteref").first
    note_id = ref.get_attribute("href")[1:]
    assert page.locator(f"details#{note_id}").get_attribute("open") is None
    ref.click()
    assert page.locator(f"details#{note_id}").get_attribute("open") is not None
    assert page.locator(f"details#{note_id} .edition-note-body").is_visible()


def test_note_by_keyboard(page, site: str) -> None:
    page.goto(site + "essays/essay-2.html")
    for _ in range(300):  # Tab through the page until the first note marker has focus
        page.keyboard.press("Tab")
        if "edition-noteref" in active(page)["cls"]:
            break
    else:
        pytest.fail("no note marker can be reached with Tab")
    ref_id = active(page)["id"]
    note_id = ref_id.removeprefix("ref-")
    page.keyboard.press("Enter")
    assert page.locator(f"details#{note_id}").get_attribute("open") is not None
    assert active(page)["tag"] == "SUMMARY"  # focus moved into the note
    page.keyboard.press("Escape")
    assert page.locator(f"details#{note_id}").get_attribute("open") is None
    assert active(page)["id"] == ref_id  # and back to the marker after the claim


def test_note_by_touch(browser, site: str) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    page.goto(site + "essays/essay-1.html")
    ref = page.locator("a.edition-noteref").nth(3)
    note_id = ref.get_attribute("href")[1:]
    ref.tap()
    assert page.locator(f"details#{note_id}").get_attribute("open") is not None
    body = page.locator(f"details#{note_id} .edition-note-body")
    assert body.is_visible() and body.bounding_box()["width"] <= PHONE["width"]
    context.close()


def lands_on(page, selector: str) -> bool:
    """The element ends up in the viewport once the page has settled after following the link."""
    page.wait_for_function(
        "(s) => { const r = document.querySelector(s).getBoundingClientRect();"
        " return r.top >= -1 && r.top < window.innerHeight; }",
        arg=selector,
        timeout=10000,
    )
    return True


def test_event_link_lands_on_the_event(page, site: str) -> None:
    page.goto(site + "essays/essay-2.html")
    link = page.locator("p#p3 a.reference.internal[href*='events/index.html#event-']").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/events/index.html#{target}")
    assert lands_on(page, f"#{target}")


def test_paragraph_permalink_lands_on_the_paragraph(page, site: str) -> None:
    page.goto(site + "essays/essay-2.html")
    page.locator("p#p14 a.edition-pnum").click()
    page.wait_for_url("**/essays/essay-2.html#p14")
    assert lands_on(page, "#p14")


@pytest.mark.parametrize("name", PAGES)
def test_nothing_scrolls_sideways_on_a_phone(browser, site: str, name: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site + name)
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => d.open = true)")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} is {overflow}px wider than the screen"
    sizes = page.evaluate(
        "() => [...document.querySelectorAll('article p, .edition-note-body p')].slice(0, 40)"
        ".map((p) => parseFloat(getComputedStyle(p).fontSize))"
    )
    assert sizes and min(sizes) >= 13, sizes  # body text and notes stay readable
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_timeline_labels_are_complete_and_legible(browser, site: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site + "timeline.html")
    labels = page.evaluate(
        """() => [...document.querySelectorAll('.edition-timeline-label a')].map((a) => ({
            size: parseFloat(getComputedStyle(a).fontSize), text: a.textContent,
            cut: a.scrollWidth > a.clientWidth + 1 || getComputedStyle(a).textOverflow === 'ellipsis'}))"""
    )
    titles = page.evaluate(
        "() => [...document.querySelectorAll('.edition-chronology a, .edition-timeline-label a')].length"
    )
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert len(labels) >= 60 and titles == len(labels)
    assert min(label["size"] for label in labels) >= 12
    assert not any(label["cut"] or label["text"].endswith("…") for label in labels)
    assert overflow <= 0


def test_print_shows_every_note(page, site: str) -> None:
    page.goto(site + "essays/essay-1.html")
    page.emulate_media(media="print")
    bodies = page.locator("details.edition-note .edition-note-body")
    assert bodies.count() >= 40
    assert all(bodies.nth(i).is_visible() for i in range(0, bodies.count(), 7))


def test_register_filter(page, site: str) -> None:
    page.goto(site + "register.html")
    items = page.locator("li.edition-register-item")
    total = items.count()
    page.locator("fieldset.edition-register-filter input[value='edition-verdict-accurate']").uncheck()
    visible = [items.nth(i).is_visible() for i in range(total)]
    accurate = page.locator("li.edition-register-item.edition-verdict-accurate").count()
    assert 0 < accurate < total and visible.count(True) == total - accurate


def test_register_is_complete_without_javascript(browser, site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "register.html")
    items = page.locator("li.edition-register-item")
    assert items.count() >= 140 and page.locator("fieldset.edition-register-filter").count() == 0
    assert all(items.nth(i).is_visible() for i in range(0, items.count(), 11))
    page.goto(site + "essays/essay-2.html")
    page.locator("a.edition-noteref").first.click()  # a plain link to the note: it still gets there
    assert page.url.endswith("#" + page.locator("a.edition-noteref").first.get_attribute("href")[1:])
    context.close()


def test_a_verdict_summary_link_shows_that_verdict_alone(page, site: str) -> None:
    page.goto(site + "essays/essay-2.html")
    link = page.locator(".edition-verdict-summary a.edition-verdict-inaccurate")
    link.click()
    page.wait_for_load_state()
    assert "register.html?verdict=inaccurate#register-essays-essay-2" in page.url
    items = page.locator("li.edition-register-item")
    shown = [items.nth(i).get_attribute("class") for i in range(items.count()) if items.nth(i).is_visible()]
    assert shown and all("edition-verdict-inaccurate" in cls for cls in shown)


@pytest.mark.parametrize("name", AXE_PAGES)
@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(browser, site: str, name: str, width: int, scheme: str) -> None:
    """With every note and paratext box open, so that verdict colours and highlights are checked too."""
    axe_sync = require_module("axe_playwright_python.sync_playwright")
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site + name)
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    results = axe_sync.Axe().run(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_citation_shows_its_full_reference_on_focus(page, site: str) -> None:
    page.goto(site + "essays/essay-2.html")
    page.locator("a.edition-noteref").first.click()  # citations are in the notes: open one, focus is in it
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.bibtex-citation')"):
            break
    else:
        pytest.fail("no citation can be reached with Tab")
    title = page.evaluate("() => document.activeElement.title")
    shown = page.evaluate("() => getComputedStyle(document.activeElement, '::after').content")
    assert title and shown.strip('"') == title
