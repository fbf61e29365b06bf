"""The register: every fact-check of the edition, generated from the domain's records.

A ``{factcheck-register}`` directive leaves a placeholder; a post-transform that runs before Sphinx
resolves references (priority 5) fills it for every builder, so its links work in HTML and LaTeX.
Keeping it fresh on incremental builds is :mod:`..core.freshness`'s job.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from ..bibliography.short_labels import short_source
from ..core.doctree import address, writing_builder
from ..core.domain import get_domain
from ..core.generated import FillPlaceholders
from ..core.i18n import _, capitalised, text_name
from ..core.messages import closest, warn
from ..core.records import PageRecord
from ..verdicts.agreement import PROVISIONAL, provisional
from ..witnesses.essay import refused_witness


class register_placeholder(nodes.General, nodes.Element):
    """Replaced by the register when the page is written."""


class RegisterDirective(SphinxDirective):
    """``{factcheck-register}``: counts per verdict and every note.

    ``:counts-only:`` gives the counts alone; ``:essay: DOCNAME`` lists one essay's notes alone, so that a
    large edition can have a register page per essay and a changed note rewrites only its essay's page.
    """

    option_spec = {"counts-only": directives.flag, "essay": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        essay = self.options.get("essay", "").strip()
        depends = ["essays", f"notes:{essay}"] if essay else ["essays", "notes"]
        lists = "counts-only" not in self.options
        get_domain(self.env).add("pages", self.env.docname, PageRecord("register", depends, lists=lists))
        return [register_placeholder(counts_only="counts-only" in self.options, essay=essay, line=self.lineno)]


class BuildRegister(FillPlaceholders):
    placeholder = register_placeholder

    def prepare(self) -> None:
        self.uris: dict[str, str] = {}

    def fill(self, placeholder: nodes.Element) -> list[nodes.Node]:
        return self.register(placeholder["essay"], placeholder["line"], placeholder["counts_only"])

    def link(self, docname: str, anchor: str, text: str) -> nodes.reference:
        if docname not in self.uris:  # thousands of links to a few pages: work each address out once
            self.uris[docname] = address(self.env, docname)
        return nodes.reference("", text, internal=True, refuri=f"{self.uris[docname]}#{anchor}")

    def register(self, only: str, line: int, counts_only: bool) -> list[nodes.Node]:
        domain = get_domain(self.env)
        vocabulary = self.config.edition_verdicts
        known = domain.essays()
        if only:  # one essay's notes only: the work stays proportional to that essay, not to the edition
            if only not in known and not refused_witness(self.env):  # else it may be that essay
                warn(
                    "register",
                    f"{only!r} is not an essay of this edition, so its register would be empty.",
                    f"give `:essay:` the document name of an essay ({closest(only, list(known))}).",
                    (self.env.docname, line),
                )
            result: list[nodes.Node] = [nodes.container()]
            essays = {only: known[only]} if only in known else {}
        else:
            essays = known
            counts = {docname: Counter(n.verdict for n in domain.notes(docname)) for docname in essays}
            result = [self.counts_table(essays, counts, vocabulary)]
            if counts_only:
                return result
        builder = writing_builder(self.env)
        if essays and builder.format == "html" and builder.name != "epub":  # the filter's legend, read by the script
            legend = escape(_("Show verdicts"))
            result.append(nodes.raw("", f'<span class="edition-filter-legend" hidden="hidden">{legend}</span>', format="html"))
        for docname, essay in essays.items():
            result.append(nodes.rubric(text=essay.title, ids=[essay_anchor(docname)]))
            items = nodes.bullet_list(classes=["edition-register"])
            for note in sorted(domain.notes(docname), key=lambda n: n.number):
                entry = vocabulary[note.verdict]
                para = nodes.paragraph()
                para += self.link(docname, f"p{note.paragraph}", f"¶{note.paragraph}")
                para += nodes.Text(" ")
                para += nodes.inline("", f"{entry['symbol']} ", classes=["edition-verdict-symbol"])
                para += nodes.strong(text=entry["label"])
                if provisional(self.env, docname, note.id):
                    para += nodes.emphasis(text=f" ({PROVISIONAL.lower()})")
                para += nodes.Text(": “")
                para += self.link(docname, note.id, note.quote)
                para += nodes.Text("” — ")
                for i, key in enumerate(note.keys):
                    para += nodes.Text("; " if i else "")
                    para += short_source(self.env, key)
                    if key in note.locators:
                        para += nodes.Text(", " + "; ".join(note.locators[key]))
                items += nodes.list_item("", para, classes=["edition-register-item", f"edition-verdict-{note.verdict}"])
            result.append(items)
        return result

    def counts_table(self, essays: dict, counts: dict[str, Counter], vocabulary: dict) -> nodes.table:
        """Verdicts down, essays across: four narrow columns fit a phone; essays are numbered as in the timeline."""
        total = Counter()
        for c in counts.values():
            total.update(c)
        called = capitalised(text_name(self.config))
        columns = [_("{Text} {number}").format(Text=called, number=n) for n in range(1, len(essays) + 1)]
        columns.append(_("Both") if len(essays) == 2 else _("All"))
        rows = [[_("Verdict"), *columns]]
        for name, entry in vocabulary.items():
            verdict = nodes.paragraph()
            verdict += nodes.inline(text=f"{entry['symbol']} ", classes=["edition-verdict-symbol"])
            verdict += nodes.Text(entry["label"])
            rows.append([verdict, *(str(counts[d][name]) for d in essays), str(total[name])])
        rows.append([_("All verdicts"), *(str(sum(counts[d].values())) for d in essays), str(sum(total.values()))])
        table = nodes.table(classes=["edition-register-counts"], ids=["edition-verdict-counts"])
        names = "; ".join(
            _("{Text} {number} is “{title}”").format(Text=called, number=n, title=essay.title)
            for n, essay in enumerate(essays.values(), 1)
        )
        table += nodes.title(text=_("Notes per verdict. {texts}.").format(texts=names))
        group = nodes.tgroup(cols=len(rows[0]))
        table += group
        group.extend(nodes.colspec(colwidth=1) for _column in rows[0])
        head, body = nodes.thead(), nodes.tbody()
        for index, row in enumerate(rows):
            line = nodes.row()
            line.extend(
                nodes.entry("", cell if isinstance(cell, nodes.paragraph) else nodes.paragraph(text=cell))
                for cell in row
            )
            (head if index == 0 else body).append(line)
        group += head
        group += body
        return table


def essay_anchor(docname: str) -> str:
    """The anchor of one essay's list in the register: ``register-essays-essay-2``."""
    return "register-" + docname.replace("/", "-")


def register_page(env: BuildEnvironment) -> str | None:
    """The page holding the full register (not a one-essay register), if the edition has one."""
    return next((d for d, p in get_domain(env).pages("register") if p.lists and "notes" in p.depends), None)


def check_labels(app: Sphinx, env: BuildEnvironment) -> None:
    """Explicit note labels are unique across the whole edition."""
    for docname, note, first in get_domain(env).duplicates("notes", "label"):
        if docname == first:
            continue  # within one page, anchoring has reported it at both notes' place
        warn(
            "factcheck",
            f"the label {note.label!r} is also used in {first}.",
            "labels are unique across the edition: rename one.",
            (docname, note.line),
        )


def setup_register(app: Sphinx) -> None:
    app.add_node(register_placeholder)
    app.add_directive("factcheck-register", RegisterDirective)
    app.add_post_transform(BuildRegister)
    app.connect("env-check-consistency", check_labels)
