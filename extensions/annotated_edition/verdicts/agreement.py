"""Second readings of the verdicts, and how far two readers agreed before adjudication.

Every note is read a second time, blind: the reader sees the claim, its paragraph, the note's evidence
and the decision procedure, but not the verdict.  A CSV file records, per note, the first verdict, the
blind verdict, the final verdict after a third reading of every disagreement, and that reading's
reason.  ``{verdict-agreement} FILE`` shows the agreement before adjudication (per cent and Cohen's
kappa), the confusion matrix and the adjudicated disagreements; the build checks that the file covers
every note and that each final verdict is the note's verdict now.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..core import priorities
from ..core.doctree import link
from ..core.domain import get_domain
from ..core.generated import FillPlaceholders
from ..core.i18n import _
from ..core.messages import at, warn
from ..core.nodes import factcheck_note
from ..core.records import PageRecord
from ..policy import data_files
from ..policy.confinement import refused_file

COLUMNS = ("essay", "note", "first", "blind", "final", "reason")


@dataclass(frozen=True)
class Reading:
    line: int
    essay: str
    note: str
    first: str
    blind: str
    final: str
    reason: str


def read_readings(path: Path) -> list[Reading]:
    """The rows of the readings file, one per note; each faulty row is reported at its line and left out
    (a row given twice would count twice in the figures, a comma not in quotes would cut a reason short)."""
    text = data_files.read_text(path)
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, [])
    if tuple(header) != COLUMNS:
        raise ValueError(f"the columns must be {', '.join(COLUMNS)}")
    readings, seen = [], {}
    for row in rows:
        line = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        values = [" ".join(cell.split()) for cell in row]
        problem = None
        if len(values) != len(COLUMNS):
            problem = (
                f"the row has {len(values)} fields, not {len(COLUMNS)}",
                "put a reason that contains a comma in double quotes",
            )
        elif (values[0], values[1]) in seen:
            problem = (
                f"the note {values[1]!r} has a second row (the first is at line {seen[(values[0], values[1])]})",
                "keep one row per note",
            )
        if problem:
            warn("agreement", f"{problem[0]}.", f"{problem[1]}.", at(path, line))
            continue
        seen[(values[0], values[1])] = line
        readings.append(Reading(line, *values))
    return readings


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa for two readers' labels: agreement corrected for the agreement expected by chance."""
    total = len(pairs)
    observed = sum(a == b for a, b in pairs) / total
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in first) / total**2
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


class agreement_placeholder(nodes.General, nodes.Element):
    """Replaced by the agreement figures when the page is written (they link to the notes)."""


class AgreementDirective(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        relpath, path = self.env.relfn2path(self.arguments[0])
        if refused_file(self.env, path, self.get_location()):
            return []
        self.env.note_dependency(relpath)
        try:
            readings = read_readings(Path(path))
        except data_files.DataFileError as err:
            warn("agreement", err.problem, err.fix, at(path, err.line))
            return []
        except (OSError, ValueError, csv.Error) as err:
            warn(
                "agreement",
                f"cannot read the second readings {self.arguments[0]} ({err}).",
                f"give a CSV file with the columns {', '.join(COLUMNS)}.",
                self.get_location(),
            )
            return []
        page = PageRecord("agreement", ["essays", "notes"], path=path, rows=tuple(readings))
        get_domain(self.env).add("pages", self.env.docname, page)
        return [agreement_placeholder(docname=self.env.docname)]  # in print every page is written as the root


def figures(readings: list[Reading]) -> nodes.paragraph:
    pairs = [(r.first, r.blind) for r in readings]
    agreed = sum(a == b for a, b in pairs)
    para = nodes.paragraph(classes=["edition-agreement"])
    if not pairs:
        para += nodes.Text(_("No second readings are recorded yet."))
        return para
    para += nodes.Text(
        _(
            "Before adjudication the two readers gave the same verdict to {agreed} of {count} notes "
            "({percent} per cent); Cohen’s kappa, which discounts the agreement expected "
            "by chance, is {kappa}. {disagreed} disagreements went to a third reading."
        ).format(
            agreed=agreed,
            count=len(pairs),
            percent=f"{100 * agreed / len(pairs):.1f}",
            kappa=f"{kappa(pairs):.2f}",
            disagreed=len(pairs) - agreed,
        )
    )
    return para


def matrix(readings: list[Reading], vocabulary: dict) -> nodes.table:
    """First verdicts down, blind verdicts across."""
    counts = Counter((r.first, r.blind) for r in readings)
    names = list(vocabulary)
    table = nodes.table(classes=["edition-agreement-matrix"], ids=["edition-agreement-matrix"])
    table += nodes.title(
        text=_("First verdict (rows) against blind second verdict (columns); the diagonal is agreement.")
    )
    group = nodes.tgroup(cols=len(names) + 1)
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in range(len(names) + 1))

    def row(cells: list[str]) -> nodes.row:
        line = nodes.row()
        line.extend(nodes.entry("", nodes.paragraph(text=cell)) for cell in cells)
        return line

    group += nodes.thead("", row([_("First \\ blind"), *(vocabulary[n]["label"] for n in names)]))
    group += nodes.tbody("", *(row([vocabulary[a]["label"], *(str(counts[(a, b)]) for b in names)]) for a in names))
    return table


PROVISIONAL = "Provisional, awaiting second reading"


def second_read(env: BuildEnvironment) -> set[tuple[str, str]] | None:
    """The notes (essay, id) that have a row in the second readings, or None when the edition keeps none."""
    pages = get_domain(env).pages("agreement")
    return {(r.essay, r.note) for r in pages[0][1].rows} if pages else None


def provisional(env: BuildEnvironment, essay: str, note_id: str) -> bool:
    """A note without a blind second reading yet: built and shown (a pull request gets its preview), marked as
    provisional, left out of ClaimReview and the exports, and refused by a release build."""
    read = second_read(env)
    return read is not None and (essay, note_id) not in read


class MarkProvisional(SphinxPostTransform):
    """Each provisional note says so, at its top and in its summary, in every builder."""

    default_priority = priorities.PROVISIONAL_NOTES

    def run(self, **kwargs) -> None:
        where = get_domain(self.env).index("notes", "id")  # in print the whole book is written as one document
        for note in self.document.findall(factcheck_note):
            essay = (where.get(note.get("id")) or (self.env.docname,))[0]
            if note.get("id") and provisional(self.env, essay, note["id"]) and not note.get("provisional"):
                note["provisional"] = True
                note["classes"].append("edition-provisional")
                note.insert(0, nodes.paragraph("", "", nodes.strong(text=f"{PROVISIONAL}."), classes=["edition-provisional-label"]))


class FillAgreement(FillPlaceholders):
    placeholder = agreement_placeholder

    def prepare(self) -> None:
        domain = get_domain(self.env)
        self.notes = {(d, n.id): n for d in domain.essays() for n in domain.notes(d)}

    def fill(self, placeholder: nodes.Element) -> list[nodes.Node]:
        vocabulary = self.config.edition_verdicts
        domain, notes = get_domain(self.env), self.notes
        readings = next((list(p.rows) for d, p in domain.pages("agreement") if d == placeholder["docname"]), [])
        items = nodes.bullet_list(classes=["edition-adjudications"])
        for r in (r for r in readings if r.first != r.blind):
            para = nodes.paragraph()
            note = notes.get((r.essay, r.note))  # a row naming no note is reported, and not linked
            para += link(self.env, r.essay, r.note, f"“{note.quote}”") if note else nodes.Text(f"“{r.note}”")
            label = lambda name: vocabulary.get(name, {}).get("label", name)  # noqa: E731
            para += nodes.Text(": " + _("first {first}, blind {blind}; final ").format(first=label(r.first), blind=label(r.blind)))
            para += nodes.strong(text=label(r.final))
            para += nodes.Text(f". {r.reason}")
            items += nodes.list_item("", para)
        return [figures(readings), matrix(readings, vocabulary), items]


def check_readings(app: Sphinx, env: BuildEnvironment) -> None:
    """Every note has a second reading, each final verdict is the note's verdict now, each disagreement a reason."""
    pages = get_domain(env).pages("agreement")
    if not pages:
        return
    path, readings = pages[0][1].path, pages[0][1].rows
    vocabulary = app.config.edition_verdicts
    notes = {(d, n.id): n for d in get_domain(env).essays() for n in get_domain(env).notes(d)}
    seen = set()
    for r in readings:
        note = notes.get((r.essay, r.note))
        seen.add((r.essay, r.note))
        unknown = [v for v in (r.first, r.blind, r.final) if v not in vocabulary]
        if note is None:
            problem, fix = (
                f"{r.essay}#{r.note} is not a note of the edition.",
                "use the note's address (its id) and essay, or remove the row.",
            )
        elif unknown:
            problem, fix = f"{unknown[0]!r} is not a verdict.", f"use one of {', '.join(vocabulary)}."
        elif r.final != note.verdict:
            problem, fix = (
                f"the final verdict of {r.note} is {r.final}, but the note says {note.verdict}.",
                "change the note or the row so that they agree (and log a correction if the note changed).",
            )
        elif r.first != r.blind and not r.reason:
            problem, fix = (
                f"the disagreement on {r.note} has no reason.",
                "give the third reading's reason in one line.",
            )
        else:
            continue
        warn("agreement", problem, fix, at(path, r.line))
    if not app.config.edition_release_check:
        return  # a note without a second reading is provisional, and shown as such
    for essay, note_id in sorted(notes.keys() - seen):
        warn(
            "agreement",
            f"the note #{note_id} is provisional: it has no second reading, and a release publishes none.",
            f"have it read blind and add its row to {Path(path).name}; until then leave it out of the release.",
            (essay, notes[(essay, note_id)].line),
        )


def setup_agreement(app: Sphinx) -> None:
    app.add_node(agreement_placeholder)
    app.add_directive("verdict-agreement", AgreementDirective)
    app.add_post_transform(FillAgreement)
    app.add_post_transform(MarkProvisional)
    app.connect("env-check-consistency", check_readings)
