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
from ..policy import data_files
from ..witnesses.essay import refused_witness
from ..witnesses.lines import ManifestLines
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


KEYS = ("date", "essay", "note", "change", "was", "now", "why", "release")


class EntryProblem(ValueError):
    """A problem of one entry, at the line of the key it is about (None: the entry's header)."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


def entry_date(value: object) -> str:
    """An entry's date as ``YYYY-MM-DD``: an ISO 8601 calendar date (no week or ordinal dates), a real day,
    not in the future."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = value.isoformat()
    if not isinstance(value, str) or not dates.ISO_DAY.fullmatch(value):
        shown = f'"{value}"' if isinstance(value, str) else repr(value)
        raise EntryProblem(f"`date = {shown}` is not a date; write it as \"YYYY-MM-DD\"", "date")
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise EntryProblem(f"`date = \"{value}\"` names a day the calendar does not have", "date") from None
    if day > datetime.date.today() or day.year < dates.FIRST_YEAR:
        raise EntryProblem(f"`date = \"{value}\"` is in the future or before {dates.FIRST_YEAR}; give the day of the correction", "date")
    return value


def text_of(table: dict, key: str, required: bool = True) -> str:
    if required and key not in table:
        raise EntryProblem(f"`{key}` is missing; " + ("say in a sentence what changed and why" if key == "why" else "add it"))
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise EntryProblem(f"`{key} = {value!r}`; write it as text in quotes", key)
    return value


def parse_entry(number: int, line: int, table: object, known: list[Release], vocabulary: dict) -> Correction:
    """One table of the log, checked; raises :class:`EntryProblem` saying what to write instead."""
    if not isinstance(table, dict):
        raise EntryProblem("it is not a table; write each correction as a [[correction]] table")
    unknown = sorted(table.keys() - set(KEYS))
    if unknown:
        raise EntryProblem(f"it has the unknown key `{unknown[0]}`; the keys are {', '.join(KEYS)}", unknown[0])
    date = entry_date(table.get("date"))
    change = table.get("change")
    if change not in CHANGES:
        raise EntryProblem(f"`change = {change!r}`; use one of {', '.join(CHANGES)}", "change")
    if change == "verdict":
        for key in ("was", "now"):
            if text_of(table, key) not in vocabulary:
                raise EntryProblem(f"`{key} = {table[key]!r}` is not a verdict; use one of {', '.join(vocabulary)}", key)
    elif "was" in table or "now" in table:
        raise EntryProblem("`was` and `now` belong to a verdict correction only", "was" if "was" in table else "now")
    why = text_of(table, "why")
    essay = text_of(table, "essay")
    note_number = table.get("note")
    if type(note_number) is not int or note_number < 1:  # `note = true` is not note 1
        raise EntryProblem(f"`note = {note_number!r}`; give the note's number in the release, e.g. note = 3", "note")
    version = text_of(table, "release") if "release" in table else (known[-1].version if known else None)
    release = next((r for r in known if r.version == version), None)
    if release is None:
        raise EntryProblem(f"there is no snapshot of release {version!r} in the releases folder", "release")
    note = release.note(essay, note_number)
    if note is None:
        raise EntryProblem(
            f"release {version} has no note {note_number} in {essay!r}; give `essay` "
            "(the essay's document name) and `note` (the note's number in that release)",
            "note",
        )
    return Correction(number, line, date, note, change, " ".join(why.split()), table.get("was", ""), table.get("now", ""))


def load_corrections(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    env.edition_corrections = []
    env.edition_corrections_path = None  # turned off: no page depends on the old file any more
    if not app.config.edition_corrections:
        return
    path = Path(app.confdir, app.config.edition_corrections)
    env.edition_corrections_path = str(path) if path.is_file() else None  # a missing dependency is always "changed"
    if not path.is_file():
        return
    try:
        text = data_files.read_text(path)
        data = data_files.load_toml(path, text)
    except data_files.DataFileError as err:
        warn("correction", err.problem, err.fix, at(path, err.line))
        return
    where = ManifestLines(text)
    tables = data.get("correction", [])
    if not isinstance(tables, list) or sorted(data) not in ([], ["correction"]):
        key = next((k for k in data if k != "correction"), "correction")
        warn(
            "correction",
            f"corrections.toml has `{key} = …` where only [[correction]] tables belong.",
            FIX,
            at(path, where.key(0, key) or 1),
        )
        return
    for number, table in enumerate(tables, 1):
        line = where.table("correction", occurrence=number - 1) or 1
        try:
            env.edition_corrections.append(parse_entry(number, line, table, releases(env), app.config.edition_verdicts))
        except EntryProblem as err:
            warn("correction", f"correction {number}: {err}.", FIX, at(path, where.key(line, err.key) if err.key else line))


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
    essays = set(domain.essays())
    now = {(docname, n.id): n for docname in essays for n in domain.notes(docname)}
    logged = corrections(env)
    for published in known[-1].notes:
        current = now.get((published.essay, published.id))
        mine = [c for c in logged if c.note == published]
        removed = next((c for c in mine if c.change == "removed"), None)
        if current is None and published.essay not in essays and refused_witness(env):
            continue  # its witness was refused, with a message at the manifest: its notes are not "gone"
        if current is not None and removed is not None:
            warn(
                "correction",
                f"correction {removed.number} says the note on “{published.quote}” was removed, but it is still "
                "on the page.",
                "remove the note, or the correction if the note stays.",
                at(env.edition_corrections_path, removed.line),
            )
        elif current is None and removed is None:
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
