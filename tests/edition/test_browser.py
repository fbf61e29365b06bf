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
    note_id = ref.get_attribute("data-note")
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
    note_id = ref.get_attribute("data-note")
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
    ref = page.locator("a.edition-noteref").first
    ref.click()  # a plain link into the note's body: it gets there, and the closed note opens
    assert page.url.endswith(ref.get_attribute("href"))
    assert page.locator(f"details#{ref.get_attribute('data-note')}").get_attribute("open") is not None
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


# The essay first ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height", "screens"), [(1280, 800, 1), (390, 844, 2)])
@pytest.mark.parametrize("name", ["essays/essay-1.html", "essays/essay-2.html"])
def test_the_essay_starts_on_the_first_screens(
    browser, site: str, name: str, width: int, height: int, screens: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=width < 600)
    page = context.new_page()
    page.goto(site + name)
    places = page.evaluate(
        """() => ({p1: document.querySelector('#p1').getBoundingClientRect().top + scrollY,
                   findings: document.querySelector('.edition-verdict-summary').getBoundingClientRect().top + scrollY,
                   about: document.querySelector('details.edition-about').getBoundingClientRect().top + scrollY,
                   aboutOpen: document.querySelector('details.edition-about').open,
                   witness: document.querySelector('.edition-witness').checkVisibility(),
                   findingLinks: document.querySelectorAll('ul.edition-findings a').length})"""
    )
    context.close()
    assert places["findings"] < places["about"] < places["p1"] < screens * height - 40, places
    assert not places["aboutOpen"] and not places["witness"]  # the witness box is folded away
    assert 3 <= places["findingLinks"] <= 5


def test_a_finding_opens_its_note(page, site: str) -> None:
    page.goto(site + "essays/essay-1.html")
    link = page.locator("ul.edition-findings a").first
    note_id = link.get_attribute("href").removeprefix("#ref-").removesuffix("-body")
    link.click()
    assert page.locator(f"details#{note_id}").get_attribute("open") is not None


# Claims that open their notes --------------------------------------------------------------------


@pytest.mark.parametrize("javascript", [True, False])
def test_the_claims_words_open_the_note(browser, site: str, javascript: bool) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site + "essays/essay-2.html")
    claims = page.locator("#p5 a.edition-claim:not([tabindex])")
    for i in range(min(3, claims.count())):
        claim = claims.nth(i)
        note_id = claim.get_attribute("data-note")
        claim.click()
        assert page.locator(f"details#{note_id}").get_attribute("open") is not None, note_id
    context.close()


def test_every_claim_is_a_link_to_a_note(page, site: str) -> None:
    page.goto(site + "essays/essay-1.html")
    found = page.evaluate(
        """() => { const notes = [...document.querySelectorAll('details.edition-note')].map((d) => d.id);
                   const reached = new Set([...document.querySelectorAll('a.edition-claim')].map((a) => a.dataset.note));
                   return {notes: notes.length, missing: notes.filter((id) => !reached.has(id)
                     && !document.querySelector(`#claim-${CSS.escape(id)}`)?.closest('a.reference'))}; }"""
    )
    assert found["notes"] >= 40 and found["missing"] == [], found  # only claims standing in a link are marks


@pytest.mark.parametrize("width", [390, 1280])
def test_note_markers_are_big_enough_to_tap(browser, site: str, width: int) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, is_mobile=width < 600, has_touch=width < 600
    )
    page = context.new_page()
    page.goto(site + "essays/essay-1.html")
    sizes = page.evaluate(
        "() => [...document.querySelectorAll('a.edition-noteref')].map((a) => { const r = a.getBoundingClientRect();"
        " return [r.width, r.height]; })"
    )
    line = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('#p2')).lineHeight)")
    plain = page.evaluate(  # the markers do not make the essay's lines taller
        "() => { const p = document.querySelector('#p2'); const lines = p.getClientRects().length;"
        " return p.getBoundingClientRect().height; }"
    )
    context.close()
    assert len(sizes) >= 40 and min(w for w, _ in sizes) >= 24 and min(h for _, h in sizes) >= 24
    assert abs(plain / line - round(plain / line)) < 0.1  # a whole number of lines of the paragraph's height


@pytest.mark.parametrize("javascript", [True, False])
def test_reading_options(browser, site: str, javascript: bool) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site + "essays/essay-1.html")
    tint = "() => getComputedStyle(document.querySelector('.edition-claim.edition-verdict-inaccurate')).backgroundColor"
    assert page.evaluate(tint) in ("rgba(0, 0, 0, 0)", "transparent")  # quiet by default
    page.locator("#edition-option-highlight").check()
    assert page.evaluate(tint) not in ("rgba(0, 0, 0, 0)", "transparent")
    shown = """() => ({notes: [...document.querySelectorAll('details.edition-note, a.edition-noteref')].filter((e) => e.checkVisibility()).length,
                       numbers: [...document.querySelectorAll('a.edition-pnum')].filter((e) => e.checkVisibility()).length})"""
    before = page.evaluate(shown)
    page.locator("#edition-option-plain").check()
    after = page.evaluate(shown)
    context.close()
    assert before["notes"] >= 80 and after["notes"] == 0
    assert after["numbers"] == before["numbers"] >= 13  # the ¶ numbers stay


# Sidenotes ----------------------------------------------------------------------------------------

SIDENOTES = """() => {
  const notes = [...document.querySelectorAll('.edition-passage > details.edition-note')].map((d) => d.getBoundingClientRect());
  const paras = [...document.querySelectorAll('.edition-essay-section p[id^="p"]')]
    .filter((p) => /^p\\d+$/.test(p.id)).map((p) => p.getBoundingClientRect());
  const line = parseFloat(getComputedStyle(document.querySelector('#p1')).lineHeight);
  // blank space between the blocks that flow from the first paragraph to the last (paratext boxes count as text)
  const section = document.querySelector('.edition-essay-section');
  const blocks = [...section.children].flatMap((c) => c.matches('.edition-passage') ? [c.querySelector('p')] : [c])
    .map((b) => b.getBoundingClientRect()).filter((r) => r.height > 0
      && r.top >= paras[0].top && r.bottom <= paras[paras.length - 1].bottom);
  const gaps = [];
  for (let i = 1; i < blocks.length; i++) gaps.push(blocks[i].top - blocks[i - 1].bottom);
  const overlaps = [];
  const sorted = [...notes].sort((a, b) => a.top - b.top);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].top < sorted[i - 1].bottom - 0.5) overlaps.push(i);
  return {line, gaps, overlaps, count: notes.length, textRight: Math.max(...paras.map((p) => p.right)),
          noteLeft: Math.min(...notes.map((n) => n.left)), noteRight: Math.max(...notes.map((n) => n.right)),
          noteWidth: Math.min(...notes.map((n) => n.width)), width: document.documentElement.clientWidth,
          beside: document.documentElement.classList.contains('edition-sidenotes')};
}"""


@pytest.mark.parametrize("name", ["essays/essay-1.html", "essays/essay-2.html"])
@pytest.mark.parametrize("width", [1280, 1600, 1920])
def test_sidenotes_sit_beside_the_text_without_overlaps_or_gaps(browser, site: str, name: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site + name)
    closed = page.evaluate(SIDENOTES)
    page.locator("a.edition-noteref").nth(4).click()  # an open note pushes the ones below it down
    page.locator("a.edition-noteref").nth(5).click()
    opened = page.evaluate(SIDENOTES)
    context.close()
    for layout in (closed, opened):
        assert layout["beside"] and layout["count"] >= 40
        assert layout["overlaps"] == [], layout["overlaps"]
        assert max(layout["gaps"]) <= layout["line"] + 1, layout["gaps"]  # no paragraph waits for its notes
        assert layout["noteLeft"] >= layout["textRight"] and layout["noteRight"] <= layout["width"]
        assert layout["noteWidth"] >= 14 * 16 - 1


def test_notes_stand_after_their_paragraph_below_1100_px(browser, site: str) -> None:
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.goto(site + "essays/essay-1.html")
    layout = page.evaluate(SIDENOTES)
    below = page.evaluate(
        "() => { const p = document.querySelector('#p1'), d = p.parentElement.querySelector('details.edition-note');"
        " return d.getBoundingClientRect().top >= p.getBoundingClientRect().bottom; }"
    )
    context.close()
    assert not layout["beside"] and below


# Event and person previews; the events page ---------------------------------------------------------


def test_a_mention_previews_its_entry_on_hover_and_focus(page, site: str) -> None:
    page.goto(site + "essays/essay-2.html")
    mention = page.locator("#p2 .edition-mention > a.reference").first
    preview = page.locator("#p2 .edition-mention > .edition-preview").first
    assert not preview.is_visible()
    mention.hover()
    assert preview.is_visible() and "Full entry" in preview.inner_text() and "1949" in preview.inner_text()
    page.mouse.move(0, 0)
    mention.focus()
    assert preview.is_visible()
    styles = page.evaluate(
        """() => { const m = document.querySelector('.edition-mention > a.reference'), c = document.querySelector('a.edition-claim');
                   const s = (e) => getComputedStyle(e); return {mention: s(m).textDecorationLine, claim: s(c).textDecorationLine,
                   mentionColour: s(m).color, claimColour: s(c).color}; }"""
    )
    assert styles["mention"] != styles["claim"] and styles["mentionColour"] != styles["claimColour"], styles


def test_a_tap_on_a_mention_shows_the_preview_first(browser, site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site + "essays/essay-2.html")
    mention = page.locator("#p2 .edition-mention > a.reference").first
    mention.scroll_into_view_if_needed()
    mention.tap()
    preview = page.locator("#p2 .edition-mention > .edition-preview").first
    assert preview.is_visible() and "events/index.html" not in page.url
    box = preview.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # on the screen
    mention.tap()
    page.wait_for_url("**/events/index.html#event-*")
    back = page.locator("a.edition-back-to-essay")
    assert back.is_visible()
    back.click()
    page.wait_for_url("**/essays/essay-2.html*")
    context.close()


def test_the_events_page_has_a_line_of_years(page, site: str) -> None:
    page.goto(site + "events/index.html")
    links = page.locator(".edition-registry-contents a")
    assert links.count() >= 6
    target = links.nth(3).get_attribute("href")
    links.nth(3).click()
    assert lands_on(page, f'[id="{target[1:]}"]')


# Print --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [390, 1600])
def test_print_hides_the_furniture_and_shows_addresses(browser, site: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site + "essays/essay-2.html")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.skip-to-content', '.edition-note-actions', '.edition-backlink', '.edition-reading-options', '.sidebar-drawer']
                  .map((s) => [s, [...document.querySelectorAll(s)].filter((e) => e.checkVisibility()).length])"""
    )
    notes = page.evaluate(
        "() => [...document.querySelectorAll('details.edition-note')].map((d) => [getComputedStyle(d).position,"
        " d.querySelector('.edition-note-body').checkVisibility()])"
    )
    url = page.evaluate(
        "() => { const a = document.querySelector('article a.reference.external[href^=\"http\"]');"
        " return a ? getComputedStyle(a, '::after').content : 'none'; }"
    )
    context.close()
    assert all(count == 0 for _, count in hidden), hidden
    assert notes and all(position == "static" and shown for position, shown in notes)
    assert "http" in url


# The timeline -------------------------------------------------------------------------------------

TIMELINE_PLACES = """() => {
  const figure = document.querySelector('figure.edition-timeline');
  const axis = figure.querySelector('.edition-timeline-axis-years').getBoundingClientRect();
  const zoom = document.querySelector('.edition-timeline-filter select');
  const first = zoom && zoom.value ? Number(zoom.value) : Number(figure.dataset.first);
  const last = zoom && zoom.value ? first + 10 : Number(figure.dataset.last);
  const x = (year) => axis.left + (year - first) / (last - first) * axis.width;
  const errors = [];
  for (const tick of figure.querySelectorAll('.edition-timeline-tick')) {
    const off = tick.getBoundingClientRect().left - x(Number(tick.dataset.year));
    if (Math.abs(off) > 1) errors.push(['tick', tick.dataset.year, off]);
  }
  let rows = 0;
  for (const row of figure.querySelectorAll('li.edition-timeline-row')) {
    if (row.hidden) continue;
    rows += 1;
    const track = row.querySelector('.edition-timeline-track').getBoundingClientRect();
    if (Math.abs(track.left - axis.left) > 1 || Math.abs(track.width - axis.width) > 1)
      errors.push(['track', row.querySelector('a').textContent, track.left - axis.left, track.width - axis.width]);
    const shape = row.querySelector('.edition-timeline-bar, .edition-timeline-dot');
    const r = shape.getBoundingClientRect();
    const from = Math.max(Number(row.dataset.from), first);
    const at = shape.classList.contains('edition-timeline-dot') ? r.left + r.width / 2 : r.left;
    if (Math.abs(at - x(from)) > 1.5) errors.push(['event', row.querySelector('a').textContent, at - x(from)]);
  }
  return {errors, rows};
}"""


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("width", [390, 1280, 1920])
def test_timeline_dates_are_placed_exactly(browser, site: str, width: int, javascript: bool) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site + "timeline.html")
    places = page.evaluate(TIMELINE_PLACES)
    if javascript:  # and zoomed into the densest decade
        page.select_option(".edition-timeline-filter select", "1950")
        zoomed = page.evaluate(TIMELINE_PLACES)
    context.close()
    assert places["rows"] >= 60 and places["errors"] == [], places["errors"][:5]
    if javascript:
        assert 10 < zoomed["rows"] < places["rows"] and zoomed["errors"] == [], zoomed["errors"][:5]


def test_timeline_filters_by_essay_and_verdict(page, site: str) -> None:
    page.goto(site + "timeline.html")
    rows = page.locator("li.edition-timeline-row")
    total = rows.count()
    shown = "() => [...document.querySelectorAll('li.edition-timeline-row')].filter((r) => !r.hidden)"
    page.locator(".edition-timeline-filter input[data-group='essay'][value='E2']").uncheck()
    page.locator(".edition-timeline-filter input[data-group='essay'][value='']").uncheck()
    only_e1 = page.evaluate(shown + ".map((r) => r.dataset.essays)")
    assert 0 < len(only_e1) < total and all("E1" in essays for essays in only_e1)
    for box in page.locator(".edition-timeline-filter input[data-group='verdict']").all():
        if box.get_attribute("value") != "inaccurate":
            box.uncheck()
    inaccurate = page.evaluate(shown + ".map((r) => r.dataset.verdicts)")
    assert inaccurate and all("inaccurate" in verdicts for verdicts in inaccurate)
    assert f"{len(inaccurate)} of {total} events shown" in page.locator(".edition-timeline-count").inner_text()


# Search -------------------------------------------------------------------------------------------


def search(page, site: str, query: str) -> list[str]:
    page.goto(site + f"search.html?q={query}")
    page.wait_for_selector("#search-results ul.search li", timeout=15000)
    return page.evaluate("() => [...document.querySelectorAll('#search-results ul.search li a')].map((a) => a.href)")


def test_search_lands_on_notes(page, site: str) -> None:
    results = search(page, site, "Khrushchev")
    assert "essays/essay-" in results[0] and "#" in results[0], results[:5]  # a note first, not the bibliography
    page.goto(results[0])
    note_id = results[0].split("#", 1)[1]
    assert page.locator(f"details#{note_id}").get_attribute("open") is not None


@pytest.mark.parametrize("query", ["Luthi", "Lüthi"])
def test_search_ignores_accents(page, site: str, query: str) -> None:
    results = search(page, site, query)
    assert any("bibliography.html" in url or "essays/" in url for url in results), results
