"""From every note to a correction: "Suggest a correction" and "Edit" links, in HTML.

``edition_correction_link`` says where a correction goes:

- ``"github"`` (the default) or ``"gitlab"``: the issue form of ``html_context["repository"]``
  ("owner/name"; on GitLab also "group/subgroup/name"), with the note's address and claim filled in
  (GitHub: the issue form ``correction.yml``, whose fields ``note`` and ``claim`` the link fills; the
  skeleton ships it), and "Edit" opening the note's line at ``branch`` (default "main") under
  ``source_directory`` (default "docs/");
- ``"mailto:editors@example.org"``: an e-mail with the same subject and body, and no "Edit" link;
- ``"none"``: no links.

Without a configured repository the forge links are left out; EPUB never has them.
"""

from __future__ import annotations

from html import escape
from pathlib import PurePosixPath
from urllib.parse import quote, urlencode

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.writers.html5 import HTML5Translator

from ..core import priorities
from ..core.configuration import conf_location
from ..core.i18n import _
from ..core.messages import warn
from ..core.names import site_base

ISSUE_FORM = "correction.yml"
FORGES = ("github", "gitlab")


def repository(translator: HTML5Translator) -> tuple[str, str, str] | None:
    context = translator.config.html_context or {}
    repo = str(context.get("repository", "")).strip().strip("/")
    if repo.count("/") < 1 or (repo.count("/") > 1 and translator.config.edition_correction_link == "github"):
        return None
    return repo, str(context.get("branch", "main")), str(context.get("source_directory", "docs/"))


def note_address(translator: HTML5Translator, node) -> str:
    return f"{site_base(translator.config)}{translator.builder.get_target_uri(translator.builder.current_docname)}#{node['id']}"


def links(translator: HTML5Translator, node) -> tuple[str, str] | None:
    """(suggest, edit) for one note; *edit* is empty where there is nothing to edit."""
    kind = translator.config.edition_correction_link
    title = _("Correction: {claim}").format(claim=node["quote"][:60])
    address = note_address(translator, node)
    if kind.startswith("mailto:"):
        body = f"{address}\n\n{node['quote']}\n\n"
        return f"{kind}?" + urlencode({"subject": title, "body": body}, quote_via=quote), ""
    found = repository(translator) if kind in FORGES else None
    if found is None:
        return None
    repo, branch, folder = found
    env = translator.builder.env
    source = PurePosixPath(folder) / env.doc2path(translator.builder.current_docname, False).as_posix()
    if kind == "gitlab":
        description = f"{address}\n\n> {node['quote']}\n\n"
        suggest = f"https://gitlab.com/{repo}/-/issues/new?" + urlencode(
            {"issue[title]": title, "issue[description]": description}, quote_via=quote
        )
        return suggest, f"https://gitlab.com/{repo}/-/blob/{quote(branch)}/{quote(str(source))}#L{node.line}"
    suggest = f"https://github.com/{repo}/issues/new?" + urlencode(
        {"template": ISSUE_FORM, "title": title, "note": address, "claim": node["quote"]}, quote_via=quote
    )
    return suggest, f"https://github.com/{repo}/blob/{quote(branch)}/{quote(str(source))}#L{node.line}"


def note_actions(translator: HTML5Translator, node) -> str:
    """The links for one note, as HTML (empty when there is nowhere to send a correction)."""
    found = None if translator.builder.name == "epub" else links(translator, node)
    if found is None:
        return ""
    suggest, edit = found
    suggest_text, edit_text = escape(_("Suggest a correction")), escape(_("Edit"))
    html = f'<p class="edition-note-actions"><a href="{escape(suggest)}">{suggest_text}</a>'
    if edit:
        html += f' · <a href="{escape(edit)}">{edit_text}</a>'
    return html + "</p>"


def check_correction_link(app: Sphinx, config: Config) -> None:
    value = config.edition_correction_link
    if value in (*FORGES, "none") or (value.startswith("mailto:") and "@" in value and "?" not in value):
        return
    warn(
        "config",
        f"edition_correction_link is {value!r}, which is not a place to send corrections; no correction links are made.",
        'write "github" or "gitlab" (with html_context["repository"]), "mailto:ADDRESS", or "none".',
        conf_location(app.confdir, "edition_correction_link"),
    )
    config.edition_correction_link = "none"


def setup_actions(app: Sphinx) -> None:
    app.connect("config-inited", check_correction_link, priority=priorities.CONFIG_VALUES)
