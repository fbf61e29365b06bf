"""The timeline: drawn at build time from the events registry, as an HTML list and a LaTeX long table.

One row per event in chronological order: the date in words and the full title (never cut), a bar (or
a dot, for a single day) on a shared year axis, and which essays mention the event, written as text
("E1", "E2": the first letter of what a text is called), not colour.  In HTML the rows are an ordered list laid out by CSS (the bar moves under the
title on a phone), so the chart is its own accessible form and needs no JavaScript; EPUB and text get
the plain chronological list.  A placeholder is filled by a post-transform before references are
resolved; the page is refreshed with the other generated pages.
"""

from __future__ import annotations

from datetime import date
from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.texescape import escape as escape_latex

from ..core import dates
from ..core.doctree import address, writing_builder
from ..core.domain import get_domain
from ..core.generated import FillPlaceholders
from ..core.i18n import _, capitalised, text_name
from ..core.records import EssayRecord, PageRecord
from ..core.registry import mentions_of, valid
from ..registries.events import event_anchor


class timeline_placeholder(nodes.General, nodes.Element):
    """Replaced by the timeline when the page is written."""


class TimelineDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        get_domain(self.env).add("pages", self.env.docname, PageRecord("timeline", ["essays", "events", "mentions"]))
        return [timeline_placeholder()]


def _year_fraction(iso: str) -> float:
    day = date.fromisoformat(iso)
    return day.year + (day.timetuple().tm_yday - 1) / 366


class BuildTimeline(FillPlaceholders):
    placeholder = timeline_placeholder

    def prepare(self) -> None:
        builder = writing_builder(self.env)
        domain = get_domain(self.env)
        events = sorted(
            ((d, r) for d, records in domain.data["events"].items() for r in valid(records)),
            key=lambda item: (item[1]["start"], item[1]["end"], item[1]["id"]),
        )
        initial = capitalised(text_name(self.config))[:1]
        essays = {d: f"{initial}{i}" for i, d in enumerate(domain.essays(), 1)}
        mentioned: dict[str, list[str]] = {}
        for event_id, mentions in mentions_of(self.env, "event").items():
            marks = mentioned.setdefault(event_id, [])
            for docname, _line in mentions:
                if essays.get(docname) and essays[docname] not in marks:
                    marks.append(essays[docname])
        rows = [
            (
                docname,
                record,
                address(self.env, docname, event_anchor(record["id"])),
                mentioned.get(record["id"], []),
            )
            for docname, record in events
        ]
        self.builder, self.essays, self.rows = builder, essays, rows
        self.verdicts = citing_verdicts(self.env)

    def fill(self, placeholder: nodes.Element) -> list[nodes.Node]:
        builder, essays, rows = self.builder, self.essays, self.rows
        drawn = bool(rows) and builder.format == "html" and builder.name != "epub"  # EPUB readers get the list
        legend_node = legend(essays, get_domain(self.env).essays(), drawn)
        if drawn:
            chart = chart_html(rows, essays, self.verdicts, self.config.edition_verdicts, self.config)
            return [legend_node, nodes.raw("", chart, format="html")]
        if rows and builder.format == "latex":
            return [legend_node, nodes.raw("", chart_latex(rows, self.config.latex_engine), format="latex")]
        return [legend_node, chronology(rows)]


def citing_verdicts(env) -> dict[str, list[str]]:
    """For each event, the verdicts of the notes that link it (in the vocabulary's order), for the filter."""
    domain = get_domain(env)
    verdict_of = {(d, note.id): note.verdict for d in domain.essays() for note in domain.notes(d)}
    found: dict[str, set[str]] = {}
    for event_id, mentions in mentions_of(env, "event").items():
        for docname, mention in mentions:
            verdict = verdict_of.get((docname, mention.anchor))
            if verdict:
                found.setdefault(event_id, set()).add(verdict)
    order = list(env.config.edition_verdicts)
    return {event_id: sorted(names, key=order.index) for event_id, names in found.items()}


def span(rows: list) -> tuple[int, int]:
    """The first year and the year after the last, widened to whole five-year steps for the axis."""
    first = min(int(r[1]["start"][:4]) for r in rows)
    last = max(int(r[1]["end"][:4]) for r in rows) + 1
    return first - first % 5, last + (-last) % 5


def ticks(first: int, last: int) -> range:
    return range(first, last + 1, 5 if last - first <= 60 else 10)


def position(iso: str, first: int, last: int) -> float:
    """Where a day falls on the axis, as a fraction of its length."""
    return (_year_fraction(iso) - first) / (last - first)


def chart_html(rows: list, essays: dict[str, str], verdicts: dict[str, list[str]], vocabulary: dict[str, dict], config: object) -> str:
    """The timeline as an ordered list, one event a row: date and full title (wrapping, in the page's own
    type size), a bar on a shared year axis, and the essays that mention it.  Plain HTML and CSS: on a
    phone the bar goes under the title; every label is complete at every width.  Axis and bars share one
    coordinate system: a share of the same track width, in every row and at every width.  Each row
    carries its dates (as fractional years), essays and the verdicts of the notes that link it, which the
    script uses to filter the rows and to zoom into a period; without it the whole chart is shown."""
    first, last = span(rows)
    names = {mark: f"{text_name(config)} {mark[1:]}" for mark in essays.values()}
    axis = "".join(
        f'<span class="edition-timeline-tick" data-year="{year}" style="left:{100 * (year - first) / (last - first):.3f}%">'
        f"<span>{year}</span></span>"
        for year in ticks(first, last)
    )
    labels = {name: entry["label"] for name, entry in vocabulary.items()}
    out = [
        f'<figure class="edition-timeline" data-first="{first}" data-last="{last}" '
        f'data-verdict-labels="{escape("|".join(f"{k}={v}" for k, v in labels.items()))}">'
        '<figcaption class="edition-visually-hidden">'
        + escape(_("Timeline of {count} events, {first}–{last}, in chronological order").format(count=len(rows), first=first, last=last))
        + "</figcaption>"
        f'<div class="edition-timeline-axis" aria-hidden="true"><span class="edition-timeline-axis-years">{axis}</span></div>'
        '<ol class="edition-timeline-rows">'
    ]
    for _docname, record, uri, marks in rows:
        x1, x2 = position(record["start"], first, last), position(record["end"], first, last)
        shape = "bar" if x2 - x1 > 0.004 else "dot"
        spoken = _(" and ").join(names[m] for m in marks)
        out.append(
            f'<li class="edition-timeline-row{" edition-timeline-mentioned" if marks else ""}" '
            f'data-from="{_year_fraction(record["start"]):.5f}" data-to="{_year_fraction(record["end"]):.5f}" '
            f'data-essays="{" ".join(marks)}" data-verdicts="{" ".join(verdicts.get(record["id"], []))}">'
            f'<span class="edition-timeline-label"><span class="edition-timeline-date">{escape(dates.in_words(record["date"]))}</span> '
            f'<a href="{escape(uri)}">{escape(record["title"])}</a></span>'
            f'<span class="edition-timeline-track" aria-hidden="true"><span class="edition-timeline-{shape}" '
            f'style="left:{100 * x1:.3f}%;width:{100 * max(x2 - x1, 0):.3f}%"></span></span>'
            f'<span class="edition-timeline-marks">{" ".join(marks)}'
            + (f'<span class="edition-visually-hidden"> {escape(mentioned_in(spoken))}</span>' if marks else "")
            + "</span></li>"
        )
    out.append("</ol></figure>")
    return "".join(out)


def mentioned_in(texts: str) -> str:
    return _("(mentioned in {texts})").format(texts=texts)


def chart_latex(rows: list, engine: str) -> str:
    """The timeline as a long table that breaks across pages: the full title and date, a bar drawn with TikZ
    on a shared axis, and the essays that mention the event.  Every string through Sphinx's TeX escaping."""
    first, last = span(rows)
    unit = 1 / (last - first)

    def bar(start: float, end: float) -> str:  # x runs over the cell's width (\linewidth in a p column)
        shape = (
            rf"\fill ({start:.4f},0.05) rectangle ({end:.4f},0.25);"
            if end - start > 0.004
            else rf"\fill ({start:.4f},0.15) circle (0.09cm);"
        )
        return rf"\tikz[x=\linewidth,y=1em,baseline=0]{{\fill[black!8] (0,0.12) rectangle (1,0.18); {shape}}}"

    axis = " ".join(
        rf"\node[font=\scriptsize] at ({(year - first) * unit:.4f},0) {{{year}}};" for year in ticks(first, last)
    )
    lines = [
        r"\begingroup\small\setlength{\LTpre}{0pt}",
        r"\begin{longtable}{@{}>{\raggedleft\arraybackslash}p{0.42\linewidth}@{\hspace{0.02\linewidth}}p{0.48\linewidth}@{\hspace{0.02\linewidth}}>{\raggedright\arraybackslash}p{0.06\linewidth}@{}}",
        # the years at either end may stand out of the cell: only the cell counts for the line's width
        rf" & \tikz[x=\linewidth,y=1em,baseline=0]{{\path[use as bounding box] (0,-0.3) rectangle (1,0.5); {axis}}} & \\[0.2em]\endhead",
    ]
    for _docname, record, _uri, marks in rows:
        title = escape_latex(record["title"], engine)
        when = escape_latex(dates.in_words(record["date"]), engine)
        x1, x2 = position(record["start"], first, last), position(record["end"], first, last)
        lines.append(rf"{title}\par{{\scriptsize {when}}} & {bar(x1, x2)} & {' '.join(marks)}\\[0.3em]")
    lines.append(r"\end{longtable}\endgroup")
    return "\n".join(lines)


def legend(essays: dict[str, str], records: dict[str, EssayRecord], chart: bool) -> nodes.paragraph:
    """The marks in words; under the drawn chart (HTML) also what its bars, dots and shades mean."""
    para = nodes.paragraph(classes=["edition-timeline-legend"])
    marks = "; ".join(f"{mark} = {records[d].title}" for d, mark in essays.items())
    if chart:
        para += nodes.Text(
            _(
                "How to read it: a bar spans an event's dates, a dot marks a single day or month; blue bars are "
                "events an essay or its notes mention, grey ones are in the registry only. Marks: %(marks)s."
            )
            % {"marks": marks}
        )
    else:
        para += nodes.Text(_("Marks: %(marks)s.") % {"marks": marks})
    return para


def chronology(rows: list) -> nodes.bullet_list:
    items = nodes.bullet_list(classes=["edition-chronology"])
    for _docname, record, uri, marks in rows:
        para = nodes.paragraph()
        para += nodes.strong(text=dates.in_words(record["date"]))
        para += nodes.Text(" — ")
        para += nodes.reference("", record["title"], internal=True, refuri=uri)
        if marks:
            para += nodes.Text(" " + mentioned_in(", ".join(marks)))
        items += nodes.list_item("", para)
    return items


def setup_timeline(app: Sphinx) -> None:
    app.add_node(timeline_placeholder)
    app.add_directive("timeline", TimelineDirective)
    app.add_post_transform(BuildTimeline)
    app.add_latex_package("tikz")
