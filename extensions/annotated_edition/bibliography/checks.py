"""Checks on the bibliography: every entry complete, well-formed, consistent and cited.

A scholarly edition's references are claims too.  After all pages are read, every entry of the
``bibtex_bibfiles`` is checked: the fields its type needs (a field that could not be verified is
not invented but named in ``unverified = "volume"``), ISBN check digits, DOI syntax, names written
in Unicode (a LaTeX accent such as ``{\\"u}`` renders differently in HTML and PDF), one form per
person, and that the entry is cited somewhere.  Problems are reported at the entry's line in its
.bib file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from pybtex.database import Entry
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from ..core import dates
from ..core.compat import bib_entries, citation_refs, listed_keys
from ..core.defaults import SCHEMES
from ..core.domain import get_domain
from ..core.messages import at, closest, warn
from ..policy.urls import unsafe_scheme
from .files import bib_paths, damaged_keys, definitions
from .plain_text import leftover_markup

#: Fields each entry type needs; "a|b" means either will do.
REQUIRED: dict[str, tuple[str, ...]] = {
    "book": ("author|editor", "title", "publisher", "year"),
    "collection": ("editor", "title", "publisher", "year"),  # an edited volume
    "article": ("author", "title", "journal", "volume|number", "pages", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "techreport": ("author", "title", "institution", "year"),
    "misc": ("author|editor", "title", "year"),
}
DOI = re.compile(r"10\.\d{4,9}/\S+")
LATEX_LINK = re.compile(r"\\(?:href|url)\s*\{([^}]*)\}")  # links pybtex makes from a field's LaTeX
LATEX_MARKUP = re.compile(r"\\[\"'`^~=.uvHcdbkr]|\\[a-zA-Z]+\s*\{")


def isbn_valid(isbn: str) -> bool:
    digits = isbn.replace("-", "").replace(" ", "").upper()
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if re.fullmatch(r"\d{13}", digits):
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def coverage_problems(coverage: str | None, unverified: set[str]) -> list[tuple[str, str]]:
    """Every work says which years it covers, so that notes can be checked against it (:mod:`..verdicts.coverage`)."""
    if coverage is None:
        if "coverage" in unverified:
            return []
        return [
            (
                "the entry lacks `coverage`, the years the work covers.",
                'add it as an EDTF interval from the book itself or its publisher\'s description, e.g. coverage = "1956/1966".',
            )
        ]
    try:
        dates.parse(coverage.strip())
    except dates.DateError:
        return [(f"coverage {coverage!r} is not an EDTF date or interval.", 'write it as e.g. "1956/1966" or "1950".')]
    return []


def entry_problems(entry: Entry, schemes: Iterable[str] = SCHEMES) -> list[tuple[str, str]]:
    """(problem, fix) pairs for one entry, on its own: fields, identifiers, links and markup.

    Links are those pybtex makes: the ``url`` field, and ``\\url{…}`` or ``\\href{…}{…}`` in any field."""
    problems: list[tuple[str, str]] = []
    present = {name.lower() for name in entry.fields} | {role.lower() for role in entry.persons}
    unverified = {name.strip().lower() for name in entry.fields.get("unverified", "").split(",") if name.strip()}
    required = REQUIRED.get(entry.type.lower())
    if required is None:
        problems.append(
            (f"the entry type @{entry.type} is not one the edition checks.", f"use one of @{', @'.join(REQUIRED)}.")
        )
        required = ()
    for need in required:
        options = need.split("|")
        if not present.intersection(options) and not unverified.intersection(options):
            problems.append(
                (
                    f"the @{entry.type} lacks {' or '.join(options)}.",
                    "add it from the title page or the publisher's record; if it cannot be verified, "
                    f'never guess it: write `unverified = "{options[0]}"`.',
                )
            )
    if entry.type.lower() == "collection" and "author" in present:
        problems.append(
            (
                "a @collection has editors, not an author.",
                "make it a @book if the author wrote it, or keep the names as `editor`.",
            )
        )
    if entry.type.lower() == "book" and "author" not in present and "editor" in present:
        problems.append(
            (
                "the @book has editors but no author; BibTeX's and biber's data models require an author of a "
                "@book, so other tools reject the entry.",
                "make an edited volume a @collection (keep its editor).",
            )
        )
    for name, value in entry.fields.items():
        markup = leftover_markup(value)
        if markup:
            problems.append(
                (
                    f"the field {name} has the TeX markup `{markup}`, which only the PDF can show (HTML, TEI and "
                    "JSON-LD would print it as it stands).",
                    "write an ampersand as \\& (\\\\ is a TeX line break), a dash as --, any other character as itself.",
                )
            )
    problems += coverage_problems(entry.fields.get("coverage"), unverified)
    if "isbn" in entry.fields and not isbn_valid(entry.fields["isbn"]):
        problems.append(
            (
                f"the ISBN {entry.fields['isbn']!r} fails its check digit.",
                "copy the ISBN again from the book or a library catalogue, or leave the field out.",
            )
        )
    if "doi" in entry.fields and not DOI.fullmatch(entry.fields["doi"].strip()):
        problems.append(
            (
                f"the DOI {entry.fields['doi']!r} is not of the form 10.NNNN/suffix.",
                "give the bare DOI (no https://doi.org/ prefix), or leave the field out.",
            )
        )
    for url in [
        entry.fields.get("url", ""),
        *(u for value in entry.fields.values() for u in LATEX_LINK.findall(value)),
    ]:
        found = unsafe_scheme(url, schemes)
        if found:
            problems.append(
                (
                    f"the link {url!r} uses the scheme {found!r}; links may only use {', '.join(schemes)}.",
                    "give the web address of the work (https://…), or leave the link out.",
                )
            )
    texts = [str(person) for people in entry.persons.values() for person in people]
    texts += [entry.fields.get(name, "") for name in ("title", "booktitle", "publisher", "address")]
    if any(LATEX_MARKUP.search(text) for text in texts):
        problems.append(
            (
                "a name or title uses LaTeX markup for an accent or symbol.",
                'write the character itself in UTF-8 (Lüthi, not L{\\"u}thi).',
            )
        )
    return problems


def name_forms(entries: dict[str, Entry]) -> dict[str, list[tuple[str, str]]]:
    """Persons whose surname and first initial match but whose written forms differ: {form: [(key, form)]}."""
    forms: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for key, entry in entries.items():
        for people in entry.persons.values():
            for person in people:
                first = " ".join(person.first_names + person.middle_names)
                surname = " ".join(person.last_names)
                forms[(surname, first[:1])].setdefault(str(person), key)
    return {
        str(group): sorted((key, form) for form, key in found.items())
        for group, found in forms.items()
        if len(found) > 1
    }


def unsorted_keys(places: dict[str, tuple[Path, int]]) -> dict[Path, tuple[str, str]]:
    """For each .bib file whose keys are out of alphabetical order, the first key out of place and its predecessor."""
    by_file: dict[Path, list[tuple[int, str]]] = defaultdict(list)
    for key, (path, line) in places.items():
        by_file[path].append((line, key))
    found = {}
    for path, keyed in by_file.items():
        keys = [key for _, key in sorted(keyed)]
        for previous, key in zip(keys, keys[1:], strict=False):
            if key.casefold() < previous.casefold():
                found[path] = (key, previous)
                break
    return found


def line_citing(env: BuildEnvironment, docname: str, key: str) -> int | None:
    """The line of a page's source where *key* is cited (MyST does not give cite roles their line)."""
    lines = Path(env.doc2path(docname)).read_text(encoding="utf-8", errors="replace").splitlines()
    return next((n for n, line in enumerate(lines, 1) if "{cite" in line and key in line), None)


def cited_everywhere(env: BuildEnvironment) -> set[str]:
    keys = {target.key for ref in citation_refs(env) for target in ref.targets}
    return keys | {key for person in get_domain(env).records("people") for key in person.get("works", [])}


def check_bibliography(app: Sphinx, env: BuildEnvironment) -> None:
    if not app.config.edition_check_bibliography:
        return
    entries = bib_entries(env)
    places = {key: found[0] for key, found in definitions(bib_paths(app)).items()}

    def where(key: str) -> str:
        return at(*places.get(key, (bib_paths(app)[0], 1)))

    listed = listed_keys(env)
    unlisted: set[str] = set()
    for ref in citation_refs(env):
        for target in ref.targets:
            location = (ref.docname, ref.line or line_citing(env, ref.docname, target.key))
            if target.key not in entries and target.key not in damaged_keys(env):
                warn(
                    "bibliography",
                    f"unknown citation key {target.key!r}.",
                    f"add the work to a .bib file in bib/ or fix the key ({closest(target.key, list(entries))}).",
                    location,
                )
            elif target.key in entries and target.key not in listed and target.key not in unlisted:
                unlisted.add(target.key)  # once per work: the page that lists works is missing, not each citation
                warn(
                    "bibliography",
                    f"{target.key!r} is cited, but no {{bibliography}} lists it, so the citation has nothing to link to.",
                    "add a page with a {bibliography} directive (the works cited in the edition), e.g. bibliography.md.",
                    location,
                )
    for key, previous in unsorted_keys(places).values():
        warn(
            "bibliography",
            f"{key} comes after {previous}, but entries are kept in alphabetical order of their keys.",
            "move the entry to its place, which also makes a duplicate easy to see.",
            where(key),
        )
    cited = cited_everywhere(env)
    for key, entry in entries.items():
        if key in damaged_keys(env):
            continue
        for problem, fix in entry_problems(entry, app.config.edition_url_schemes):
            warn("bibliography", f"{key}: {problem}", fix, where(key))
        if key not in cited:
            warn(
                "bibliography",
                f"{key} is cited nowhere in the edition.",
                "cite it in a note or event, list it under a person's :works:, or remove the entry.",
                where(key),
            )
    for variants in name_forms(entries).values():
        (first_key, first_form), *others = variants
        for key, form in others:
            warn(
                "bibliography",
                f"{key}: the name {form!r} is written {first_form!r} in {first_key}.",
                "write each person's name the same way in every entry.",
                where(key),
            )


def replace_bibtex_messages(app: Sphinx, config: Config) -> None:
    """These checks say the same as sphinxcontrib-bibtex's key and field warnings, with a location and a fix;
    one message per mistake is enough."""
    if config.edition_check_bibliography:
        config.suppress_warnings = [*config.suppress_warnings, "bibtex.key_not_found", "bibtex.missing_field"]


def setup_bibcheck(app: Sphinx) -> None:
    app.connect("config-inited", replace_bibtex_messages)
    app.connect("env-check-consistency", check_bibliography)
