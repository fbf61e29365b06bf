"""The timeline: drawn at build time from the events registry, as SVG in HTML and TikZ in LaTeX.

One row per event in chronological order: a bar (or a dot, for a single day) on a shared year axis,
the date and title in words, and which essays mention the event, written as text ("E1", "E2"), not
colour.  The chronological list below the drawing is the accessible form; the drawing needs no
JavaScript.  A placeholder is filled by a post-transform before references are resolved, so the
list's links work in every builder; the page is refreshed with the other generated pages.
"""

from __future__ import annotations

from datetime import date
from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import texescape
from sphinx.util.docutils import SphinxDirective

from . import dates
from .domain import get_domain
from .events import event_anchor
from .jsonld import add_to_head
from .registry import mentions_of, valid

ROW, LEFT, WIDTH, AXIS = 22, 250, 640, 30


class timeline_placeholder(nodes.General, nodes.Element):
    """Replaced by the timeline when the page is written."""


class TimelineDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        get_domain(self.env).add(
            "pages", self.env.docname, {"page": "timeline", "depends": ["essays", "events", "mentions"]}
        )
        return [timeline_placeholder()]


def _year_fraction(iso: str) -> float:
    day = date.fromisoformat(iso)
    return day.year + (day.timetuple().tm_yday - 1) / 366


class BuildTimeline(SphinxPostTransform):
    default_priority = 5  # before ReferencesResolver (10)

    def run(self, **kwargs) -> None:
        placeholders = list(self.document.findall(timeline_placeholder))
        if not placeholders:
            return
        builder = self.env._app.builder  # as Sphinx's ReferencesResolver does
        domain = get_domain(self.env)
        events = sorted(
            ((d, r) for d, records in domain.data["events"].items() for r in valid(records)),
            key=lambda item: (item[1]["start"], item[1]["end"], item[1]["id"]),
        )
        essays = {d: f"E{i}" for i, d in enumerate(sorted(domain.data["essays"]), 1)}
        mentioned: dict[str, list[str]] = {}
        for event_id, mentions in mentions_of(self.env, "event").items():
            marks = mentioned.setdefault(event_id, [])
            for docname, _ in mentions:
                if essays.get(docname) and essays[docname] not in marks:
                    marks.append(essays[docname])
        rows = [
            (
                docname,
                record,
                builder.get_relative_uri(self.env.docname, docname) + "#" + event_anchor(record["id"]),
                mentioned.get(record["id"], []),
            )
            for docname, record in events
        ]
        for placeholder in placeholders:
            drawing: list[nodes.Node] = []
            if rows and builder.format == "html":
                drawing.append(nodes.raw("", svg(rows, essays), format="html"))
            elif rows and builder.format == "latex":
                drawing.append(nodes.raw("", tikz(rows, self.config.latex_engine), format="latex"))
            placeholder.replace_self([*drawing, legend(essays, domain.data["essays"]), chronology(rows)])


def span(rows: list) -> tuple[int, int]:
    return (min(int(r[1]["start"][:4]) for r in rows), max(int(r[1]["end"][:4]) for r in rows) + 1)


def svg(rows: list, essays: dict[str, str]) -> str:
    first, last = span(rows)
    scale = WIDTH / (last - first)
    height = AXIS + ROW * len(rows) + 10
    x = lambda iso: LEFT + (_year_fraction(iso) - first) * scale  # noqa: E731
    out = [
        f'<figure class="edition-timeline"><svg role="group" aria-labelledby="timeline-title" '
        f'viewBox="0 0 {LEFT + WIDTH + 60} {height}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="timeline-title">Timeline of {len(rows)} events, {first}–{last - 1}; '
        f"the list below gives the same information</title>"
    ]
    for year in range(first - first % 5 + 5 if first % 5 else first, last, 5):
        gx = LEFT + (year - first) * scale
        out.append(
            f'<line x1="{gx:.1f}" y1="{AXIS - 8}" x2="{gx:.1f}" y2="{height}" class="grid"/>'
            f'<text x="{gx:.1f}" y="{AXIS - 12}" class="year">{year}</text>'
        )
    for i, (_, record, uri, marks) in enumerate(rows):
        y = AXIS + i * ROW + ROW / 2
        x1, x2 = x(record["start"]), x(record["end"])
        shape = (
            f'<rect x="{x1:.1f}" y="{y - 5}" width="{max(x2 - x1, 4):.1f}" height="10" rx="2"/>'
            if x2 - x1 > 4
            else f'<circle cx="{x1:.1f}" cy="{y}" r="5"/>'
        )
        label = escape(record["title"] if len(record["title"]) <= 38 else record["title"][:37] + "…")
        out.append(
            f'<a href="{escape(uri)}"><g class="event{" mentioned" if marks else ""}">'
            f"<title>{escape(record['title'])}, {escape(dates.in_words(record['date']))}</title>"
            f'<text x="{LEFT - 8}" y="{y + 4}" class="label">{label}</text>{shape}'
            f'<text x="{LEFT + WIDTH + 8}" y="{y + 4}" class="marks">{" ".join(marks)}</text></g></a>'
        )
    out.append("</svg></figure>")
    return "".join(out)


def tikz(rows: list, latex_engine: str) -> str:
    """The drawing in TikZ; titles go through Sphinx's own LaTeX escaping, so no editor's text is read as TeX
    (``^^5c`` is TeX's way of writing a backslash: ``^`` is escaped too)."""
    first, last = span(rows)
    scale = 9.0 / (last - first)
    lines = [r"\begin{figure}[htbp]\centering\small\begin{tikzpicture}[x=1cm,y=-0.36cm]"]
    for year in range(first - first % 5 + 5 if first % 5 else first, last, 5):
        gx = (year - first) * scale
        lines.append(
            rf"\draw[gray!40] ({gx:.2f},-0.6) -- ({gx:.2f},{len(rows)}); \node[above] at ({gx:.2f},-0.6) {{\scriptsize {year}}};"
        )
    for i, (_, record, _, marks) in enumerate(rows):
        x1 = (_year_fraction(record["start"]) - first) * scale
        x2 = (_year_fraction(record["end"]) - first) * scale
        title = texescape.escape(
            record["title"] if len(record["title"]) <= 42 else record["title"][:41] + "…", latex_engine
        )
        shape = (
            rf"\fill ({x1:.2f},{i - 0.2}) rectangle ({max(x2, x1 + 0.05):.2f},{i + 0.2});"
            if x2 - x1 > 0.05
            else rf"\fill ({x1:.2f},{i}) circle (0.08);"
        )
        lines.append(
            rf"\node[left,font=\tiny] at (0,{i}) {{{title}}}; {shape} "
            rf"\node[right,font=\tiny] at (9.1,{i}) {{{' '.join(marks)}}};"
        )
    lines.append(
        r"\end{tikzpicture}\caption{Timeline of the events in the registry; E1 and E2 mark the events "
        r"each essay mentions.}\end{figure}"
    )
    return "\n".join(lines)


def legend(essays: dict[str, str], titles: dict[str, list]) -> nodes.paragraph:
    para = nodes.paragraph(classes=["edition-timeline-legend"])
    para += nodes.Text("Marks: " + "; ".join(f"{mark} = {titles[d][0]['title']}" for d, mark in essays.items()) + ".")
    return para


def chronology(rows: list) -> nodes.bullet_list:
    items = nodes.bullet_list(classes=["edition-chronology"])
    for _, record, uri, marks in rows:
        para = nodes.paragraph()
        para += nodes.strong(text=dates.in_words(record["date"]))
        para += nodes.Text(" — ")
        para += nodes.reference("", record["title"], internal=True, refuri=uri)
        if marks:
            para += nodes.Text(f" (mentioned in {', '.join(marks)})")
        items += nodes.list_item("", para)
    return items


def add_event_json_ld(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """schema.org ``Event`` data for every event, on the page that holds the timeline."""
    domain = get_domain(app.env)
    if pagename not in domain.data["pages"] or not any(p["page"] == "timeline" for p in domain.data["pages"][pagename]):
        return
    base = app.config.html_baseurl.rstrip("/") + "/" if app.config.html_baseurl else ""
    data = []
    for docname, records in sorted(domain.data["events"].items()):
        for record in valid(records):
            item = {
                "@context": "https://schema.org",
                "@type": "Event",
                "name": record["title"],
                "startDate": dates.edtf_part(record["date"], 0),
                "url": f"{base}{app.builder.get_target_uri(docname)}#{event_anchor(record['id'])}",
            }
            if "/" in record["date"]:
                item["endDate"] = dates.edtf_part(record["date"], 1)
            if record["place"]:
                item["location"] = {"@type": "Place", "name": record["place"]}
            data.append(item)
    add_to_head(context, data)


def setup_timeline(app: Sphinx) -> None:
    app.add_node(timeline_placeholder)
    app.add_directive("timeline", TimelineDirective)
    app.add_post_transform(BuildTimeline)
    app.connect("html-page-context", add_event_json_ld)
    app.add_latex_package("tikz")
