"""The edition's open data, one module per format, each a function of the records and the witness text.

After an HTML build (never EPUB), ``_data/`` in the output holds, per essay, ``ESSAY.tei.xml``
(:mod:`.tei`) and ``ESSAY.annotations.jsonld`` (:mod:`.web_annotation`), the register as
``register.csv`` (:mod:`.register_csv`), and the witnesses as published (``_data/witnesses/``), which
the Web Annotations target.  Pages embed schema.org data: ``ClaimReview`` on essay pages
(:mod:`.claimreview`), ``Event`` on the timeline's (:mod:`.events_jsonld`).  Each essay page links its
files in its head (``<link rel="alternate">``) and, where ``{edition-data}`` stands, in a small Data box
with the licence.  An essay's files are written with its page, the register at the end of the build,
all from the environment: incremental and parallel builds write what a clean serial one does.
May import: every room below ``output``.
"""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..bibliography.short_labels import short_label
from ..core.compat import bib_entries
from ..core.domain import get_domain
from ..core.i18n import N_, _, language
from ..core.names import anchor as entry_anchor
from ..core.names import site_base
from ..core.registry import registries
from ..verdicts.corrections import changed, corrections, corrections_page, release_of
from . import register_csv, tei, web_annotation
from .claimreview import add_claim_reviews
from .events_jsonld import add_event_json_ld
from .model import FOLDER, Context, EssayFormat, essay_data, essays

#: The exports written for every essay, in the order its Data box lists them: a new format is one entry.
FORMATS = (
    EssayFormat("tei.xml", "application/tei+xml", N_("TEI P5"), tei.document),
    EssayFormat(
        "annotations.jsonld",
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        N_("Web Annotations"),
        web_annotation.document,
    ),
)


def base(app: Sphinx) -> str:
    return site_base(app.config)


def publishes(app: Sphinx) -> bool:
    return app.builder.format == "html" and app.builder.name != "epub"


def metadata(app: Sphinx) -> dict[str, str]:
    config = app.config
    return {
        "title": config.edition_title or config.project,
        "editors": config.author,
        "release": config.release,
        "date": config.edition_date,
        "licence": config.edition_licence,
        "licence_url": config.edition_licence_url,
        "language": language(config),
        "text_type": config.edition_text_name or "essay",
        "edition_of": _("{title}: an annotated edition"),
    }


def history(app: Sphinx, docname: str) -> dict[str, Any]:
    """What the TEI header says of the editing of *docname*: the method page, the second reading, the corrections."""
    env, root = app.env, base(app)
    method, log = app.config.edition_method_page, corrections_page(env)
    revisions = [
        {
            "date": c.date,
            "text": f"Note {c.note.number} of release {release_of(env, c)} (“{c.note.quote}”): "
            f"{changed(c, app.config.edition_verdicts)}. {c.why}",
            "target": f"{root}{app.builder.get_target_uri(log)}#{c.anchor}" if log else None,
        }
        for c in sorted(corrections(env), key=lambda c: (c.date, c.number), reverse=True)
        if c.note.essay == docname
    ]
    return {
        "method_url": f"{root}{app.builder.get_target_uri(method)}" if method in env.all_docs else None,
        "second_reading": any(page.rows for _, page in get_domain(env).pages("agreement")),
        "revisions": revisions,
    }


def write_essay_data(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """When an essay page is written (in whichever process writes it), write its TEI and Web Annotations.

    Made from the page's own resolved doctree (the notes' texts as they print) and the domain's records;
    an essay page is rewritten whenever what its files show changes (see :mod:`..core.freshness`).
    """
    if not publishes(app) or get_domain(app.env).essay(docname) is None:
        return
    env, root = app.env, base(app)
    essay = essay_data(env, app.builder, root, docname, doctree)
    if essay is None:
        return
    out = Path(app.outdir, FOLDER)
    out.mkdir(parents=True, exist_ok=True)
    entries = bib_entries(env)
    labels = {key: short_label(env, key) for key in entries}
    meta = {**metadata(app), **history(app, docname)}
    context = Context(meta, app.config.edition_verdicts, entries, labels, root, registry_addresses(app, root))
    for export in FORMATS:
        (out / f"{essay.slug}.{export.suffix}").write_bytes(export.render(essay, context))


def write_register(app: Sphinx, exception: Exception | None) -> None:
    """At the end of the build: the register as CSV, and the witnesses the annotations target."""
    if exception is not None or not publishes(app):
        return
    out = Path(app.outdir, FOLDER)
    (out / "witnesses").mkdir(parents=True, exist_ok=True)
    data = essays(app.env, app.builder, base(app))
    for essay in data:
        shutil.copyfile(essay.witness.path, out / "witnesses" / essay.witness.path.name)
    (out / "register.csv").write_text(register_csv.register(data), encoding="utf-8")


def registry_addresses(app: Sphinx, root: str) -> dict[str, str]:
    """``{"event-ID": URL}`` of every entry of every registry."""
    domain = get_domain(app.env)
    found = {}
    for registry in registries(app.env).values():
        for docname, entries in domain.data.get(registry.records, {}).items():
            for record in entries:
                target = entry_anchor(registry.role, record["id"])
                found[target] = f"{root}{app.builder.get_target_uri(docname)}#{target}"
    return found


def data_files(env, pagename: str, essay: str | None = None) -> list[tuple[str, str, str]]:
    """(URL relative to *pagename*, media type, label) of the data files of *essay* (by default the page
    itself, if it is an essay), then the register."""
    essays = get_domain(env).essays()
    essay = essay or pagename
    if essay not in essays:
        return []
    slug = essay.replace("/", "-")
    prefix = "../" * pagename.count("/") + FOLDER
    files = [(f"{prefix}/{slug}.{export.suffix}", export.media, _(export.label)) for export in FORMATS]
    return [*files, (f"{prefix}/register.csv", "text/csv", _("CSV register"))]


def link_alternates(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if not publishes(app):  # EPUB carries no data files
        return
    links = "".join(
        f'\n<link rel="alternate" type="{escape(media)}" href="{escape(url)}" title="{escape(label)}" />'
        for url, media, label in data_files(app.env, pagename)
    )
    if links:
        context["metatags"] = context.get("metatags", "") + links


class data_box(nodes.General, nodes.Element):
    """The Data box of an essay page; HTML only (the files are part of the HTML site)."""


class EditionDataDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        return [data_box()]


def visit_data_box_html(self, node: data_box) -> None:
    """On an essay page, its files; on any other page (the Data page), every essay's."""
    env, page = self.builder.env, self.builder.current_docname
    if self.builder.name == "epub":
        raise nodes.SkipNode
    licence = (
        f'<p class="edition-data-licence">{escape(self.config.edition_licence)}</p>'
        if self.config.edition_licence and node.get("licence", True)
        else ""
    )  # not where the citation box beside it states the licence
    essays = get_domain(env).essays()
    if page in essays:
        links = " · ".join(anchor(url, media, label) for url, media, label in data_files(env, page))
        about = ""
        if self.config.edition_data_page in env.found_docs:  # never a link to a page the edition does not have
            uri = escape(self.builder.get_relative_uri(page, self.config.edition_data_page))
            about_text = escape(_("About the formats"))
            about = f' <a href="{uri}">{about_text}</a>.'
        label, heading = escape(_("Data")), escape(_("Data:"))
        self.body.append(
            f'<aside class="edition-data" aria-label="{label}"><p><strong>{heading}</strong> '
            f"{links}.{about}</p>{licence}</aside>"
        )
    else:
        rows = []
        for essay, record in essays.items():
            files = data_files(env, page, essay)[:-1]
            rows.append(f"<li>{escape(record.title)}: " + " · ".join(anchor(*f) for f in files) + "</li>")
        register = data_files(env, page, next(iter(essays), ""))[-1:]
        all_notes = escape(_("All notes:"))
        rows += [f"<li>{all_notes} {anchor(*f)}</li>" for f in register]
        self.body.append(f'<div class="edition-data"><ul>{"".join(rows)}</ul>{licence}</div>')
    raise nodes.SkipNode


def anchor(url: str, media: str, label: str) -> str:
    return f'<a href="{escape(url)}" type="{escape(media)}">{escape(label)}</a>'


def skip(self, node: nodes.Element) -> None:
    raise nodes.SkipNode


def setup_exports(app: Sphinx) -> None:
    app.add_node(
        data_box,
        html=(visit_data_box_html, None),
        latex=(skip, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_directive("edition-data", EditionDataDirective)
    app.connect("html-page-context", link_alternates)
    app.connect("html-page-context", add_claim_reviews)
    app.connect("html-page-context", add_event_json_ld)
    app.connect("doctree-resolved", write_essay_data)
    app.connect("build-finished", write_register)
