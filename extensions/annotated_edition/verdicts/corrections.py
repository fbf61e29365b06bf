"""The corrections log: every change to a published note, open to readers.

Editors log a correction in ``corrections.toml`` (beside ``conf.py``; ``edition_corrections``) as a
``[[correction]]`` table: ``date``, ``essay`` (document name), ``note`` (its number in ``release``, by
default the latest release snapshot), ``change`` (verdict, removed, text or citation), ``was``/``now``
for a verdict, and ``why``.  The log is append-only: an entry's address, ``#correction-N``, is its place
in the file.  The build shows "Corrected on DATE" in each corrected note, lists the log with
``{corrections}``, gives ClaimReview a ``dateModified``, and refuses a verdict changed or a note removed
since the latest release without an entry: corrections are never silent.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from ..core import dates, priorities
from ..core.doctree import link
from ..core.domain import get_domain
from ..core.generated import FillPlaceholders
from ..core.i18n import _
from ..core.messages import at, warn
from ..core.nodes import factcheck_note
from ..core.records import PageRecord
from ..policy.characters import check_file_text
from .releases import PublishedNote, Release, releases

CHANGES = ("verdict", "removed", "text", "citation")
FIX = "see the comments at the top of corrections.toml."


@dataclass(frozen=True)
class Correction:
    number: int  # place in the log: the entry's address is #correction-<number>
    line: int
    date: str
    note: PublishedNote
    change: str
    why: str
    was: str = ""
    now: str = ""

    @property
    def anchor(self) -> str:
        return f"correction-{self.number}"


class correction_mark(nodes.General, nodes.Element):
    """ "Corrected on DATE" in a note; linked to the log's entry when the page is written."""


class corrections_placeholder(nodes.General, nodes.Element):
    """Replaced by the corrections log when the page is written."""


def corrections(env: BuildEnvironment) -> list[Correction]:
    return getattr(env, "edition_corrections", [])


def corrections_of(env: BuildEnvironment, essay: str, note_id: str | None) -> list[Correction]:
    """The log's entries for one note, in the log's order."""
    return [c for c in corrections(env) if c.note.essay == essay and c.note.id == note_id]


def latest_correction(env: BuildEnvironment, essay: str, note_id: str) -> str | None:
    """The date of a note's latest correction (ClaimReview's dateModified, Web Annotation's modified), or None."""
    return max((c.date for c in corrections_of(env, essay, note_id)), default=None)


def parse_entry(number: int, line: int, table: dict, known: list[Release]) -> Correction:
    """One table of the log, checked; raises ValueError saying what to write instead."""
    date = str(table.get("date", ""))
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise ValueError(f'`date = "{date}"` is not a date; write it as "YYYY-MM-DD"') from None
    change = table.get("change")
    if change not in CHANGES:
        raise ValueError(f"`change = {change!r}`; use one of {', '.join(CHANGES)}")
    if change == "verdict" and not (isinstance(table.get("was"), str) and isinstance(table.get("now"), str)):
        raise ValueError('a verdict correction gives `was = "…"` and `now = "…"`')
    why = table.get("why")
    if not isinstance(why, str) or not why.strip():
        raise ValueError("`why` is missing; say in a sentence what changed and why")
    version = table.get("release", known[-1].version if known else None)
    release = next((r for r in known if r.version == version), None)
    if release is None:
        raise ValueError(f"there is no snapshot of release {version!r} in the releases folder")
    note = release.note(str(table.get("essay", "")), table.get("note"))
    if note is None:
        raise ValueError(
            f"release {version} has no note {table.get('note')!r} in {table.get('essay')!r}; give `essay` "
            "(the essay's document name) and `note` (the note's number in that release)"
        )
    return Correction(
        number, line, date, note, change, " ".join(why.split()), table.get("was", ""), table.get("now", "")
    )


def load_corrections(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    env.edition_corrections = []
    env.edition_corrections_path = None  # turned off: no page depends on the old file any more
    if not app.config.edition_corrections:
        return
    path = Path(app.confdir, app.config.edition_corrections)
    env.edition_corrections_path = str(path) if path.is_file() else None  # a missing dependency is always "changed"
    if not path.is_file():
        return
    text = check_file_text(path, path.read_text(encoding="utf-8"))  # no invisible characters reach the log
    try:
        tables = tomllib.loads(text).get("correction", [])
    except tomllib.TOMLDecodeError as err:
        warn("correction", f"corrections.toml is not valid TOML ({err}).", "fix the syntax.", at(path, 1))
        return
    lines = [n for n, line in enumerate(text.splitlines(), 1) if re.match(r"\s*\[\[\s*correction\s*\]\]", line)]
    for number, (table, line) in enumerate(zip(tables, lines, strict=False), 1):
        try:
            env.edition_corrections.append(parse_entry(number, line, table, releases(env)))
        except ValueError as err:
            warn("correction", f"correction {number}: {err}.", FIX, at(path, line))


class MarkCorrected(SphinxTransform):
    """Add "Corrected on DATE" to each corrected note."""

    default_priority = priorities.CORRECTED_NOTES

    def apply(self) -> None:
        notes = list(self.document.findall(factcheck_note))
        if not notes:
            return
        for dependency in (
            getattr(self.env, "edition_corrections_path", None),
            *getattr(self.env, "edition_release_files", []),
        ):
            if dependency:
                self.env.note_dependency(dependency)
        recorded = {r.id for r in get_domain(self.env).notes(self.env.docname)}
        for note in notes:
            mine = corrections_of(self.env, self.env.docname, note.get("id"))
            if mine and note["id"] in recorded:
                note += correction_mark(entries=[(c.date, c.anchor) for c in mine])


def corrections_page(env: BuildEnvironment) -> str | None:
    return next((docname for docname, _ in get_domain(env).pages("corrections")), None)


class CorrectionsDirective(SphinxDirective):
    """``{corrections}``: the log, newest first, each entry linked to the note it corrects."""

    def run(self) -> list[nodes.Node]:
        get_domain(self.env).add("pages", self.env.docname, PageRecord("corrections", ["essays", "notes"]))
        if getattr(self.env, "edition_corrections_path", None):
            self.env.note_dependency(self.env.edition_corrections_path)
        return [corrections_placeholder()]


class FillCorrections(FillPlaceholders):
    """Write the log and the "Corrected on" links, before references are resolved (so every builder has them)."""

    placeholder = corrections_placeholder

    def run(self, **kwargs) -> None:
        page = corrections_page(self.env)
        for mark in list(self.document.findall(correction_mark)):
            para = nodes.paragraph(classes=["edition-corrected"])
            for i, (date, anchor) in enumerate(mark["entries"]):
                text = _("Corrected on {date}").format(date=dates.in_words(date))
                para += nodes.Text("; " if i else "")
                para += link(self.env, page, anchor, text) if page else nodes.Text(text)
            para += nodes.Text(".")
            mark.replace_self(para)
        super().run(**kwargs)

    def fill(self, placeholder: nodes.Element) -> nodes.Node:
        """The log, newest first, grouped by date and then by essay: a heading line for each date, the
        essay's title over its entries."""
        domain = get_domain(self.env)
        log = nodes.container(classes=["edition-corrections"])
        ordered = sorted(corrections(self.env), key=lambda c: (c.date, c.number), reverse=True)
        for day, of_day in groupby(ordered, key=lambda c: c.date):
            log += nodes.rubric(text=dates.in_words(day), classes=["edition-corrections-date"])
            by_essay: dict[str, list[Correction]] = {}
            for correction in of_day:
                by_essay.setdefault(correction.note.essay, []).append(correction)
            for essay, entries in by_essay.items():
                record = domain.essay(essay)
                heading = nodes.paragraph(classes=["edition-corrections-essay"])
                heading += nodes.strong(text=record.title if record else essay)
                heading += nodes.Text(f" ({len(entries)})")
                log += heading
                log += nodes.bullet_list("", *(self.entry(c) for c in entries), classes=["edition-corrections-list"])
        return log

    def entry(self, correction: Correction) -> nodes.list_item:
        current = get_domain(self.env).index("notes", "id").get(correction.note.id)
        para = nodes.paragraph()
        para += nodes.target("", "", ids=[correction.anchor])  # an inline target: LaTeX anchors it too
        note_on = _("Note on “{claim}”").format(claim=correction.note.quote)
        if correction.change != "removed" and current and current[0] == correction.note.essay:
            para += link(self.env, correction.note.essay, correction.note.id, note_on)
        else:
            para += nodes.Text(note_on)
        what = changed(correction, self.config.edition_verdicts)
        where = _("note {number} in release {release}").format(
            number=correction.note.number, release=release_of(self.env, correction)
        )
        para += nodes.Text(f" ({where}): {what}. {correction.why}")
        return nodes.list_item("", para)


def changed(correction: Correction, labels: dict[str, dict]) -> str:
    """What a correction changed, in words ("verdict changed from Disputed to Misleading"): the log's and TEI's."""
    was = labels.get(correction.was, {}).get("label", correction.was)
    now = labels.get(correction.now, {}).get("label", correction.now)
    return {
        "verdict": _("verdict changed from {was} to {now}").format(was=was, now=now),
        "removed": _("note removed"),
        "text": _("text corrected"),
        "citation": _("sources corrected"),
    }[correction.change]


def release_of(env: BuildEnvironment, correction: Correction) -> str:
    """The release whose snapshot holds the corrected note."""
    return next((r.version for r in reversed(releases(env)) if correction.note in r.notes), "?")


def check_against_release(app: Sphinx, env: BuildEnvironment) -> None:
    """A verdict changed or a note removed since the latest release needs an entry in the log."""
    known = releases(env)
    if not known or not app.config.edition_corrections:
        return
    domain = get_domain(env)
    now = {(docname, n.id): n for docname in domain.essays() for n in domain.notes(docname)}
    logged = corrections(env)
    for published in known[-1].notes:
        current = now.get((published.essay, published.id))
        mine = [c for c in logged if c.note == published]
        if current is None and not any(c.change == "removed" for c in mine):
            essay = domain.essay(published.essay)
            lines = essay.lines if essay else []
            line = lines[published.paragraph - 1] if len(lines) >= published.paragraph else None
            warn(
                "correction",
                f"the note on “{published.quote}” (note {published.number} of ¶{published.paragraph} in release "
                f"{known[-1].version}, #{published.id}) is gone, but the corrections log does not say so.",
                f'if it was removed on purpose, log it in corrections.toml: essay = "{published.essay}", '
                f'note = {published.number}, change = "removed", and why; if its quote or label changed, restore them.',
                (published.essay, line),
            )
        elif current is not None and current.verdict != published.verdict:
            if not any(c.change == "verdict" and c.now == current.verdict for c in mine):
                warn(
                    "correction",
                    f"this note's verdict was {published.verdict} in release {known[-1].version} and is now "
                    f"{current.verdict}, but the corrections log does not say so.",
                    f'log it in corrections.toml: essay = "{published.essay}", note = {published.number}, '
                    f'change = "verdict", was = "{published.verdict}", now = "{current.verdict}", and why.',
                    (published.essay, current.line),
                )


def setup_corrections(app: Sphinx) -> None:
    app.add_node(correction_mark)
    app.add_node(corrections_placeholder)
    app.add_directive("corrections", CorrectionsDirective)
    app.add_transform(MarkCorrected)
    app.add_post_transform(FillCorrections)
    app.connect("env-before-read-docs", load_corrections, priority=priorities.CORRECTIONS_LOG)
    app.connect("env-check-consistency", check_against_release)
