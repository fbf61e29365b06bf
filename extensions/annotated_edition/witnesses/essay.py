"""Essay documents: a ``{witness}`` directive binds a document to its source; its paragraphs are numbered.

The essay text is every plain paragraph that is a direct child of the section holding the
``{witness}`` directive.  Everything the editors add (headnote, notes, citation box, paratext) sits
inside directives or in subsections, so it can never be mistaken for essay text, and anything else is
caught by the fidelity check.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from ..core import dates, priorities
from ..core.configuration import conf_location
from ..core.domain import get_domain
from ..core.i18n import _, capitalised, n_, text_name
from ..core.messages import at, closest, warn
from ..core.names import site_base
from ..core.records import EssayRecord
from ..policy.characters import check_file_text, invisible_in
from ..policy.confinement import project_root
from .manifest import LineRange, Manifest, ManifestError, Witness, parse_manifest, read_text
from .nodes import paragraph_number, paratext_block, witness_lines

WITNESS_KEY = "edition-witness"
VERSE_KEY = "edition-verse"  # on the witness box: the text's paragraphs are stanzas
REFUSED_KEY = "edition-witness-refused"  # temp_data: this document reproduces a witness the manifest refused


def witnesses(env: BuildEnvironment) -> dict[str, Witness]:
    return getattr(env, "edition_witnesses", {})


def load_witnesses(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Read the manifest once per build, before documents are read (and before workers fork).

    Each problem is reported at its line of the manifest.  A witness with a problem is refused, and so
    are quietly the essays that reproduce it: the one message says what to fix."""
    path = Path(app.confdir, app.config.edition_manifest).resolve()
    try:
        text = check_file_text(path, read_text(path))
        manifest = parse_manifest(text, path, project_root(env))
    except ManifestError as err:
        manifest = Manifest({}, (err,), readable=False)
    fallback = at(path, None) if path.is_file() else conf_location(app.confdir, "edition_manifest")
    for problem in manifest.problems:
        warn(
            "manifest",
            f"the witness manifest is not valid: {problem}.",
            "see the manifest format in the extension's guide (docs/extension/manifest.md).",
            at(path, problem.line) if problem.line else fallback,
        )
    env.edition_witnesses = manifest.witnesses
    env.edition_refused_witnesses = None if not manifest.readable else manifest.rejected  # None: every id
    env.edition_manifest_path = str(path)
    env.edition_witness_characters = {  # per witness, its lines that hold invisible characters
        wid: frozenset(line.strip() for line in w.lines if invisible_in(line)) for wid, w in manifest.witnesses.items()
    }


def refused_witness(env: BuildEnvironment, wid: str = "") -> bool:
    """Whether *wid* (or, without one, any witness) is one the manifest refused, which was reported there."""
    refused = getattr(env, "edition_refused_witnesses", frozenset())
    return refused is None or (wid in refused if wid else bool(refused))


def known_witness(directive: SphinxDirective, wid: str) -> Witness | None:
    """The manifest's witness *wid*; an unknown id is reported (a refused one was, by the manifest's check)."""
    known = witnesses(directive.env)
    if wid not in known and not refused_witness(directive.env, wid):
        warn(
            "witness",
            f"unknown witness {wid!r}.",
            f"use an id from the manifest ({closest(wid, list(known))}).",
            directive.get_location(),
        )
    return known.get(wid)


class WitnessLinesDirective(SphinxDirective):
    """``{witness-lines} ID``: every line of witness ID, numbered as in the file, as quoted prose (not code:
    the lines wrap on a phone and print in the text face), kept from smart quotes so they read as written."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        witness = known_witness(self, self.arguments[0])
        if witness is None:
            return []
        self.env.note_dependency(str(witness.path))
        listing = nodes.enumerated_list(classes=["edition-witness-lines"], enumtype="arabic", support_smartquotes=False)
        listing.extend(nodes.list_item("", nodes.paragraph(line, line)) for line in witness.lines)
        return [listing]


class WitnessDirective(SphinxDirective):
    """``{witness} ID``: this document reproduces witness ID; shows the witness description."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        wid = self.arguments[0]
        witness = known_witness(self, wid)
        if witness is None:
            if refused_witness(self.env, wid):
                self.env.temp_data[REFUSED_KEY] = True  # the essay is not checked further: see the manifest's message
            return []
        if WITNESS_KEY in self.env.temp_data:
            warn(
                "witness",
                "a document can reproduce only one witness.",
                "remove the second {witness} directive.",
                self.get_location(),
            )
            return []
        self.env.temp_data[WITNESS_KEY] = wid
        self.env.note_dependency(str(witness.path))
        self.env.note_dependency(self.env.edition_manifest_path)
        box = nodes.container(classes=["edition-witness"], **{WITNESS_KEY: wid}, **({VERSE_KEY: True} if witness.verse else {}))
        self.set_source_info(box)
        box += nodes.rubric(text=_("The witness"))
        box += nodes.paragraph(text=witness.provenance)
        fields = nodes.field_list()
        paratext = [
            n_("line {lines} ({kind})", "lines {lines} ({kind})", p.lines.last - p.lines.first + 1).format(lines=p.lines, kind=p.kind)
            for p in witness.paratext
        ]
        paragraphs = _("{Text} paragraphs").format(Text=capitalised(text_name(self.config)))
        for name, value, literal in (
            (_("File"), shown_path(self.env, witness.path), True),
            ("SHA-256", witness.sha256, True),
            (paragraphs, str(len(witness.paragraphs)), False),
            (_("Paratext"), ", ".join(paratext) or _("none"), False),
        ):
            value_node = nodes.literal(text=value) if literal else nodes.Text(value)
            fields += nodes.field(
                "", nodes.field_name(text=name), nodes.field_body("", nodes.paragraph("", "", value_node))
            )
        box += fields
        return [box]


def shown_path(env: BuildEnvironment, path: Path) -> str:
    """The witness file as the reader finds it in the edition's repository: relative to the project root."""
    try:
        return path.resolve().relative_to(project_root(env)).as_posix()
    except ValueError:  # outside the root: refused elsewhere, but never shown as a machine's absolute path
        return path.name


class ParatextDirective(SphinxDirective):
    """``{paratext} 19-24``: shows a recorded paratext range of the witness where it stood."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        wid = self.env.temp_data.get(WITNESS_KEY)
        witness = witnesses(self.env).get(wid or "")
        if witness is None and self.env.temp_data.get(REFUSED_KEY):
            return []
        if witness is None:
            warn(
                "paratext",
                "{paratext} outside an essay document.",
                "put a {witness} directive before it.",
                self.get_location(),
            )
            return []
        try:
            rng = LineRange.parse(self.arguments[0])
        except ManifestError as err:
            warn("paratext", f"{err}.", "give the range exactly as in the manifest.", self.get_location())
            return []
        paratext = witness.paratext_at(rng)
        if paratext is None:
            ranges = ", ".join(str(p.lines) for p in witness.paratext) or "none"
            warn(
                "paratext",
                f"lines {rng} are not a recorded paratext range of witness {witness.id!r}.",
                f"use one of the manifest's ranges ({ranges}) or record this one in the manifest.",
                self.get_location(),
            )
            return []
        lines = _("witness lines {lines}") if rng.first != rng.last else _("witness line {lines}")
        summary = _("Not part of the {text}: {kind}, {lines}").format(
            text=text_name(self.config), kind=paratext.kind, lines=lines.format(lines=rng)
        )
        block = paratext_block(summary=summary, lines=str(rng))
        self.set_source_info(block)
        block += witness_lines(paratext.text, ["edition-paratext-text"])
        return [block]


def date_words(value: str) -> str:
    """The edition's date in the document's language when it is a date ("2026-11-22"), else as written."""
    try:
        dates.parse(value)
    except dates.DateError:
        return value
    return dates.in_words(value)


class CiteThisDirective(SphinxDirective):
    """``{cite-this}``: how to cite the edition, and on an essay's page one of its paragraphs; the licence."""

    def run(self) -> list[nodes.Node]:
        cfg = self.config
        url = f"{site_base(cfg)}{self.env.docname}.html"
        heading = self.state.document.next_node(nodes.title)
        title = heading.astext() if heading else self.env.docname
        box = nodes.container(classes=["edition-cite"])
        box += nodes.rubric(text=_("Cite this edition"))
        edition_title = cfg.edition_title or cfg.project
        version = _("version {version}").format(version=cfg.version) if cfg.version else ""
        link = nodes.reference(url, url, refuri=url)  # a link in every format; in print it breaks as URLs do
        cite = ", ".join(filter(None, (edition_title, version, date_words(cfg.edition_date))))
        box += nodes.paragraph("", f"{cite}. ", link)
        if any(WITNESS_KEY in box for box in self.state.document.findall(nodes.container)):
            passage = ", ".join(filter(None, (edition_title, title, "¶N", "\x00")))
            words = _("A passage: {passage} (follow a paragraph's ¶ number to get its address).").format(passage=passage)
            before, after = words.split("\x00")  # the address is a link, "#pN" after it
            box += nodes.paragraph("", before, link.deepcopy(), nodes.Text(f"#pN{after}"))
        if cfg.edition_licence:
            box += nodes.paragraph(text=_("Licence: {licence}").format(licence=cfg.edition_licence))
        return [box]


class NumberEssayParagraphs(SphinxTransform):
    """Number the essay paragraphs, give each the anchor ``p<N>``, and shield them from smartquotes."""

    default_priority = priorities.ESSAY_PARAGRAPHS

    def apply(self) -> None:
        for box in self.document.findall(nodes.container):
            if WITNESS_KEY not in box:
                continue
            paragraphs = essay_paragraphs(box)
            for number, para in enumerate(paragraphs, 1):
                anchor = f"p{number}"
                if anchor in self.document.ids:
                    warn(
                        "paragraph",
                        f"the anchor {anchor!r} is already used in this document.",
                        "rename the label that uses it.",
                        self.document.ids[anchor],
                    )
                para["support_smartquotes"] = False
                para["ids"].insert(0, anchor)
                para["edition-paragraph"] = number
                if box.get(VERSE_KEY):
                    para["classes"].append("edition-verse")  # its lines stay lines (the stylesheet)
                self.document.ids[anchor] = para
                para.insert(0, paragraph_number(number=number))
            title = box.parent.next_node(nodes.title)
            record = EssayRecord(
                witness=box[WITNESS_KEY],
                title=title.astext() if title else self.env.docname,
                paragraphs=len(paragraphs),
                lines=[para.line for para in paragraphs],
            )
            get_domain(self.env).add("essays", self.env.docname, record)


def essay_paragraphs(box: nodes.Element) -> list[nodes.paragraph]:
    """The essay's paragraphs: plain paragraphs directly in the section holding the witness box."""
    return [child for child in box.parent.children if type(child) is nodes.paragraph]


def setup_essay(app: Sphinx) -> None:
    app.add_directive("witness", WitnessDirective)
    app.add_directive("paratext", ParatextDirective)
    app.add_directive("witness-lines", WitnessLinesDirective)
    app.add_directive("cite-this", CiteThisDirective)
    app.add_transform(NumberEssayParagraphs)
    app.connect("env-before-read-docs", load_witnesses)
