"""Author–year styles for the bibliography and the citations: ``bibtex_default_style = "edition"``
and ``bibtex_reference_style = "edition"``.

Entries are sorted by author (or editor), year and title and labelled "Lüthi 2008", so the list matches the
author–year citations in the notes, in HTML and in print alike.  Names are inverted ("Lüthi,
Lorenz M.") and titles keep the case the .bib file gives them: pybtex's default lowercases article
and chapter titles, which turns "Sino-Soviet" into "sino-soviet".  Citations read "Lüthi (2008)"
and "(Westad 2003; Lüthi 2008)", in round brackets as historians write them.  An edited volume is a
``@collection`` (an editor, no author), printed as a book.
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields

from pybtex.database import Entry
from pybtex.plugin import find_plugin, register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting.author_year_title import SortingStyle
from pybtex.style.template import field as bib_field
from pybtex.style.template import sentence
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.plugin import register_plugin as register_bibtex_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.referencing.basic_author_year import (
    BasicAuthorYearParentheticalReferenceStyle,
    BasicAuthorYearTextualReferenceStyle,
)
from sphinxcontrib.bibtex.style.template import join, join2, node, post_text, pre_text, reference


def surnames(entry: Entry) -> str:
    """ "Lüthi", "Chen and Yang", "Goncharov et al.": BibTeX's protective braces removed.

    A corporate author too long for a label ("Central People's Government of the People's Republic of China
    and …") gives its ``shortauthor`` field instead, as biblatex does ("PRC and USSR")."""
    if entry.fields.get("shortauthor"):
        return entry.fields["shortauthor"].replace("{", "").replace("}", "")
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [" ".join(person.prelast_names + person.last_names).replace("{", "").replace("}", "") for person in persons]
    if not names:
        return entry.fields.get("title", entry.key)
    return names[0] if len(names) == 1 else f"{names[0]} and {names[1]}" if len(names) == 2 else f"{names[0]} et al."


class AuthorYearLabels(BaseLabelStyle):
    """ "Lüthi 2008"; two works with the same author and year become "Westad 2003a" and "Westad 2003b"."""

    def format_labels(self, sorted_entries: Iterable[Entry]) -> Iterator[str]:
        labels = [f"{surnames(entry)} {entry.fields.get('year', 'n.d.')}" for entry in sorted_entries]
        count, seen = Counter(labels), Counter()
        for label in labels:
            if count[label] == 1:
                yield label
            else:
                yield label + string.ascii_lowercase[seen[label]]
                seen[label] += 1


class AuthorYearTitleSorting(SortingStyle):
    """Sorted by author, or editor where there is none, whatever the entry type: pybtex's own sorting uses the
    editor of a @book only, which puts an edited @collection before every author."""

    def sorting_key(self, entry: Entry) -> tuple[str, str, str]:
        return (self.author_editor_key(entry), entry.fields.get("year", ""), entry.fields.get("title", ""))


class EditionStyle(UnsrtStyle):
    default_name_style = "lastfirst"
    default_label_style = "edition-author-year"
    default_sorting_style = "edition-author-year-title"

    def get_collection_template(self, e: Entry):
        """An edited volume (``@collection``: an editor, no author) is printed as a book: "Westad, Odd Arne,
        editor. *Brothers in Arms* …"."""
        return self.get_book_template(e)

    def format_title(self, e: Entry, which_field: str, as_sentence: bool = True):
        title = bib_field(which_field)  # as written in the .bib file: no change of case
        return sentence[title] if as_sentence else title


def round_brackets() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ")


@node
def labelled_year(children, data) -> Text:
    """The year as the entry's label gives it: "2006a" where two works share author and year, so that a
    citation names the same work as the bibliography ("Roberts (2006a); Roberts (2006b)")."""
    assert not children
    year = data["entry"].fields.get("year", "n.d.")
    last = data["formatted_entry"].label.rsplit(" ", 1)[-1]
    return Text(last if last.startswith(year) else year)


class LabelledParenthetical(BasicAuthorYearParentheticalReferenceStyle):
    def inner(self, role_name: str):
        return join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[
            pre_text,
            reference[
                join(sep=self.author_year_sep)[
                    self.person.author_or_editor_or_title(full="s" in role_name), labelled_year
                ]
            ],
            post_text,
        ]


class LabelledTextual(BasicAuthorYearTextualReferenceStyle):
    def inner(self, role_name: str):
        return join(sep=self.text_reference_sep)[
            self.person.author_or_editor_or_title(full="s" in role_name),
            join[
                self.bracket.left,
                join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[pre_text, reference[labelled_year], post_text],
                self.bracket.right,
            ],
        ]


@dataclass
class RoundAuthorYear(AuthorYearReferenceStyle):
    bracket_parenthetical: BracketStyle = field(default_factory=round_brackets)
    bracket_textual: BracketStyle = field(default_factory=round_brackets)
    bracket_author: BracketStyle = field(default_factory=round_brackets)
    bracket_label: BracketStyle = field(default_factory=round_brackets)
    bracket_year: BracketStyle = field(default_factory=round_brackets)
    author_year_sep: str = " "  # Chicago author-date: "(Lüthi 2008)"

    def __post_init__(self) -> None:
        super().__post_init__()
        parenthetical, textual = self.styles[0], self.styles[1]  # sphinxcontrib-bibtex's own, replaced by labelled ones
        self.styles[0] = LabelledParenthetical(
            **{f.name: getattr(parenthetical, f.name) for f in fields(parenthetical)}
        )
        self.styles[1] = LabelledTextual(**{f.name: getattr(textual, f.name) for f in fields(textual)})
        self.role_style.update({name: style for style in self.styles[:2] for name in style.role_names()})


def setup_bibstyle(app: Sphinx) -> None:
    # sphinxcontrib-bibtex looks up pybtex's text backends once per citation, and pybtex scans every installed
    # package's entry points on each lookup unless the plugin was registered at run time: register them once.
    for name in ("plaintext", "docutils"):
        register_plugin("pybtex.backends", name, find_plugin("pybtex.backends", name), force=True)
    register_plugin("pybtex.style.labels", "edition-author-year", AuthorYearLabels, force=True)
    register_plugin("pybtex.style.sorting", "edition-author-year-title", AuthorYearTitleSorting, force=True)
    register_plugin("pybtex.style.formatting", "edition", EditionStyle, force=True)
    register_bibtex_plugin("sphinxcontrib.bibtex.style.referencing", "edition", RoundAuthorYear, force=True)
