"""The words the extension writes into an edition, in the edition's ``language``.

Every label, heading and sentence of the extension's output goes through :data:`_`, Sphinx's own
gettext for the ``annotated_edition`` catalogue, whose translations ship in ``locales/`` (German first).
A language with no catalogue gets the English words; the editors' own words are never translated.
Messages to editors (warnings) stay in English, like the fix-it hints they quote from the docs.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.locale import get_translation, get_translator

CATALOG = "annotated_edition"
LOCALES = Path(__file__).resolve().parent.parent / "locales"

#: ``_("Note {number}").format(number=3)``: the template is what the catalogue translates.
_ = get_translation(CATALOG)


def n_(singular: str, plural: str, count: int) -> str:
    """The singular or plural template for *count*, in the document's language (``n_("{count} claim", …)``)."""
    return get_translator(CATALOG).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined (a table of words); :data:`_` translates it where
    it is used."""
    return message


def language(config: object) -> str:
    """The document's language as a BCP 47 tag ("de", "pt-BR"); English when none is set."""
    return str(getattr(config, "language", None) or "en").replace("_", "-")




def text_name(config: object) -> str:
    """What the edition calls one of its texts ("essay", "speech", "poem"), as it reads within a sentence:
    ``edition_text_name``, or the catalogue's word for "essay"."""
    return getattr(config, "edition_text_name", "") or _("essay")


def capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


#: The language of the build under way: Sphinx's translators are per process too (the last application
#: set up in a process wins), and worker processes of a parallel build inherit both.
CURRENT = {"language": "en"}


def current_language() -> str:
    return CURRENT["language"]


def note_language(app: Sphinx, config: object) -> None:
    CURRENT["language"] = language(config)


def setup_i18n(app: Sphinx) -> None:
    app.add_message_catalog(CATALOG, str(LOCALES))
    app.connect("config-inited", note_language)
