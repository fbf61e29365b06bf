"""Events: registry entries, references, timeline, Event JSON-LD, and every bad-input message."""

from __future__ import annotations

import json
import re

EVENTS = "docs/events.md"


def test_event_entry_and_reference(build) -> None:
    result = build("essay")
    events = result.page("events")
    assert 'id="event-treaty-1950"' in events and "14 February 1950" in events and "Moscow" in events
    essay = result.page("essay")
    assert re.search(
        r'href="events.html#event-treaty-1950" title="Sino-Soviet Treaty[^"]*">'
        r'<span class="edition-event-ref">the treaty</span>',
        essay,
    )


def test_timeline_chart_and_json_ld(build) -> None:
    html = build("essay").page("timeline")
    rows = re.findall(r'<li class="edition-timeline-row([^"]*)" ([^>]*)>(.*?)</li>', html)
    assert len(rows) == 2 and rows[0][0] == " edition-timeline-mentioned"  # the treaty is mentioned in a note
    # what the script filters and zooms by: the dates as years, the essays, the verdicts of the notes citing it
    assert rows[0][1] == 'data-from="1950.12022" data-to="1950.12022" data-essays="E1" data-verdicts="accurate"'
    rows = [(cls, content) for cls, _, content in rows]
    assert (
        '<a href="events.html#event-treaty-1950">Sino-Soviet Treaty of Friendship, Alliance and Mutual Assistance</a>'
        in rows[0][1]
    )
    assert '<span class="edition-visually-hidden"> (mentioned in essay 1)</span>' in rows[0][1]
    assert "July 1960 – July 1963" in rows[1][1] and "<svg" not in html
    bars = [float(x) for x in re.findall(r'class="edition-timeline-(?:bar|dot)" style="left:([\d.]+)%', html)]
    assert bars == sorted(bars) and all(0 <= x <= 100 for x in bars)
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    treaty = next(e for e in data if e["name"].startswith("Sino-Soviet Treaty"))
    assert treaty == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Sino-Soviet Treaty of Friendship, Alliance and Mutual Assistance",
        "inLanguage": "en",
        "startDate": "1950-02-14",
        "url": "https://example.org/events.html#event-treaty-1950",
        "location": {"@type": "Place", "name": "Moscow"},
    }
    split = next(e for e in data if e["name"] == "The split")
    assert split["startDate"] == "1960-07" and split["endDate"] == "1963-07" and "location" not in split


def test_a_verified_wikidata_id_is_shown_and_exported(build) -> None:
    result = build(
        "essay", edits={"docs/events.md": lambda t: t.replace(":place: Moscow\n", ":place: Moscow\n:wikidata: Q1\n")}
    )
    assert (
        '<em>Wikidata: </em><a class="reference external" href="https://www.wikidata.org/wiki/Q1">Q1</a>'
        in result.page("events")
    )
    tei = (result.outdir / "_data" / "essay.tei.xml").read_text(encoding="utf-8")
    assert '<idno type="wikidata">Q1</idno>' in tei


def test_a_season_reads_as_a_season_everywhere(build) -> None:
    """EDTF's seasons (1960-21 is spring 1960): in words on the page and the timeline, months in JSON-LD."""
    result = build("essay", edits={"docs/events.md": lambda t: t.replace(":date: 1960-07/1963-07", ":date: 1960-24")})
    assert [line for line in result.warning_lines() if "[edition." in line] == []
    assert "winter 1960–61" in result.page("events") and "winter 1960–61" in result.page("timeline")
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', result.page("timeline"), re.S).group(1)
    )
    split = next(e for e in data if e["name"] == "The split")
    assert (split["startDate"], split["endDate"]) == ("1960-12", "1961-02")
    tei = (result.outdir / "_data" / "essay.tei.xml").read_text(encoding="utf-8")
    assert 'notBefore="1960-12-01" notAfter="1961-02-28"' in tei


def test_a_plain_language_date_is_refused_with_its_edtf_spelling(build) -> None:
    result = build(
        "essay", edits={"docs/events.md": lambda t: t.replace(":date: 1960-07/1963-07", ":date: Spring 1960")}
    )
    lines = [line for line in result.warning_lines() if "[edition." in line]
    assert (
        len(lines) == 1
        and "'Spring 1960', which is written in words, not in EDTF. Fix: write it as 1960-21." in lines[0]
    )


def test_season_arithmetic() -> None:
    from annotated_edition.core import dates

    assert dates.parse("1960-21") == ("1960-03-01", "1960-05-31")
    assert dates.parse("1959-24") == ("1959-12-01", "1960-02-29")  # winter runs into a leap February
    assert dates.in_words("1960-33/1960-40") == "first quarter of 1960 – first half of 1960"
    assert dates.suggestion("14 Feb 1950") == "1950-02-14" and dates.suggestion("soon") is None
