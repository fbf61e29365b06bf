"""From every note to a correction: "Suggest a correction" and "Edit" links, in HTML.

Built from ``html_context``: ``repository`` ("owner/name" on GitHub), ``branch`` (default "main") and
``source_directory`` (the Sphinx project's folder in the repository, default "docs/").  "Suggest a
correction" opens the repository's correction issue form (``.github/ISSUE_TEMPLATE/correction.yml``) with
the note's address and claim filled in; "Edit" opens the note's line in the repository.  Without a
configured repository there are no links.
"""

from __future__ import annotations

from html import escape
from pathlib import PurePosixPath
from urllib.parse import quote, urlencode

from sphinx.writers.html5 import HTML5Translator

from ..core.names import site_base

ISSUE_FORM = "correction.yml"


def repository(translator: HTML5Translator) -> tuple[str, str, str] | None:
    context = translator.config.html_context or {}
    repo = str(context.get("repository", "")).strip().strip("/")
    if repo.count("/") != 1 or translator.builder.name == "epub":
        return None
    return repo, str(context.get("branch", "main")), str(context.get("source_directory", "docs/"))


def note_actions(translator: HTML5Translator, node) -> str:
    """The links for one note, as HTML (empty when no repository is configured)."""
    found = repository(translator)
    if found is None:
        return ""
    repo, branch, folder = found
    env = translator.builder.env
    base = site_base(translator.config)
    address = f"{base}{translator.builder.get_target_uri(translator.builder.current_docname)}#{node['id']}"
    suggest = f"https://github.com/{repo}/issues/new?" + urlencode(
        {
            "template": ISSUE_FORM,
            "title": f"Correction: {node['quote'][:60]}",
            "note": address,
            "claim": node["quote"],
        },
        quote_via=quote,
    )
    source = PurePosixPath(folder) / env.doc2path(translator.builder.current_docname, False).as_posix()
    edit = f"https://github.com/{repo}/blob/{quote(branch)}/{quote(str(source))}#L{node.line}"
    return (
        f'<p class="edition-note-actions"><a href="{escape(suggest)}">Suggest a correction</a>'
        f' · <a href="{escape(edit)}">Edit</a></p>'
    )
