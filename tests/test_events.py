"""Events: registry entries, references, timeline, Event JSON-LD, and every bad-input message."""

from __future__ import annotations

import json
import re

import pytest

from test_fidelity import replace

EVENTS = "docs/events.md"


def test_event_entry_and_reference(build) -> None:
    result = build("essay")
    events = result.page("events")
    assert 'id="event-treaty-1950"' in events and "14 February 1950" in events and "Moscow" in events
    essay = result.page("essay")
    assert re.search(r'href="events.html#event-treaty-1950" title="Sino-Soviet Treaty[^"]*">'
                     r'<span class="edition-event-ref">the treaty</span>', essay)


def test_timeline_svg_list_and_json_ld(build) -> None:
    html = build("essay").page("timeline")
    assert '<svg role="img"' in html and html.count('<g class="event') == 2
    assert '<g class="event mentioned">' in html  # the treaty is mentioned in the essay's note
    assert "July 1960 – July 1963" in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    treaty = next(e for e in data if e["name"].startswith("Sino-Soviet Treaty"))
    assert treaty == {"@context": "https://schema.org", "@type": "Event",
                      "name": "Sino-Soviet Treaty of Friendship, Alliance and Mutual Assistance",
                      "startDate": "1950-02-14", "url": "https://example.org/events.html#event-treaty-1950",
                      "location": {"@type": "Place", "name": "Moscow"}}
    split = next(e for e in data if e["name"] == "The split")
    assert split["startDate"] == "1960-07" and split["endDate"] == "1963-07" and "location" not in split


BAD_EVENTS = {
    "unknown-id": ("docs/essay.md", replace("<treaty-1950>", "<treaty-1905>"), "unknown event 'treaty-1905'",
                   "did you mean 'treaty-1950'"),
    "duplicate-id": (EVENTS, replace("{event} split", "{event} treaty-1950"), "event id 'treaty-1950' is defined twice",
                     "rename or remove one"),
    "bad-date": (EVENTS, replace(":date: 1950-02-14", ":date: 14 Feb 1950"), "has the date '14 Feb 1950', which is not an EDTF date",
                 "1958-08-23/1958-10-06"),
    "missing-title": (EVENTS, replace(":title: The split\n", ""), "event 'split' has no title", ":title:"),
    "no-citation": (EVENTS, replace(" {cite:p}`radchenko2009`", ""), "event 'split' cites no source",
                    "cite at least one work"),
}


@pytest.mark.parametrize("case", sorted(BAD_EVENTS))
def test_bad_event_input(build, case: str) -> None:
    path, edit, problem, hint = BAD_EVENTS[case]
    result = build("essay", edits={path: edit})
    matches = [p for p in result.warning_lines() if problem in p]
    assert matches, result.warning_lines()
    assert re.search(r"\.md:\d+: WARNING", matches[0]) and hint in matches[0] and "Fix:" in matches[0]
    assert "Traceback" not in result.warnings
