"""Search that finds names however they are accented: "Luthi" finds "Lüthi", "Khrushchev" "Khrushchëv".

The HTML search index is made by the language class of the edition's language.  This wraps it so that
every word with diacritics is indexed a second time without them; a reader's query is matched as typed,
so it finds the accented form when typed with accents and the plain form when typed without.  The
notes themselves are indexed as objects by the domain (see ``EditionDomain.get_objects``).
"""

from __future__ import annotations

import unicodedata
from importlib import import_module

from sphinx.application import Sphinx
from sphinx.search import SearchLanguage, languages


def folded(word: str) -> str:
    """*word* without combining marks (ü → u, ë → e, é → e)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def language_class(lang: str) -> type[SearchLanguage] | None:
    found = languages.get(lang) or languages.get(lang.partition("_")[0])
    if isinstance(found, str):
        module, name = found.rsplit(".", 1)
        found = getattr(import_module(module), name)
    return found


def fold_accents(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    lang = app.config.html_search_language or app.config.language or "en"
    base = language_class(lang)
    if base is None or getattr(base, "folds_accents", False):
        return

    class AccentFolding(base):  # type: ignore[misc, valid-type]
        folds_accents = True

        def split(self, input: str) -> list[str]:
            words = super().split(input)
            return words + [plain for word in words if (plain := folded(word)) != word]

    AccentFolding.__name__ = f"AccentFolding{base.__name__}"
    languages[AccentFolding.lang] = AccentFolding


def setup_search(app: Sphinx) -> None:
    app.connect("builder-inited", fold_accents)
