"""The order of processing, in one table: every priority the extension gives Sphinx, read top to bottom.

Sphinx orders transforms, post-transforms and event listeners by number; the numbers below are named
for the step they order and placed among Sphinx's, docutils' and sphinxcontrib-bibtex's own steps
(in the comments), so that the whole pipeline can be read here and a new step placed by name.
"""

from __future__ import annotations

# ---- Events before reading: the configuration, the project, the bibliography files, the release data.
CONFIG_TYPES = 700  # config-inited: settings checked before Sphinx's own type check (800)
CONFIG_VALUES = 710  # config-inited: then the values of settings whose type is right (the correction link)
PROJECT_ROOT = 100  # builder-inited: the folder nothing may be read from outside of, before all else
BIB_FILES = 400  # builder-inited: .bib files read leniently before sphinxcontrib-bibtex parses them (500)
VERDICT_STYLESHEET = 600  # builder-inited: the verdicts' colours written once the vocabulary is checked (500);
#                           as a stylesheet's priority, loaded after the extension's stylesheet (500)
SOURCE_ENCODING = 100  # env-before-read-docs: documents checked for UTF-8 before anything reads them
CORRECTIONS_LOG = 600  # env-before-read-docs: after the release snapshots (default 500)
INCLUDED_TEXT = 600  # include-read: after a refused include has been emptied (default 500)

# ---- Transforms, while each document is read (docutils resolves references at 640, SmartQuotes at 750).
CITATION_GROUPS = 500  # "(A); (B)" pairs of citations found while the citations are still pending
CONTENT_POLICY = 690  # after docutils resolved references (640), before essay paragraphs are numbered
ESSAY_PARAGRAPHS = 700  # essay paragraphs numbered, before SmartQuotes (750) can touch the witness's quotes
LATEX_BIBLIOGRAPHY_BEFORE = 749  # the {bibliography} chapter kept where it stands in print: just before
LATEX_BIBLIOGRAPHY_AFTER = 751  # … and just after Sphinx's own bibliography transform (750)
ANCHORING = 800  # quotes found and claims marked, once paragraphs are numbered
CORRECTED_NOTES = 805  # "Corrected on …" once anchoring gave the notes their ids
MENTIONS = 810  # registry mentions recorded once notes and paragraphs have their ids
EVENT_ORDER = 820  # events in date order under their year headings, once recorded
FIDELITY = 870  # the essay text compared with its witness, after SmartQuotes and claim marking
PARAGRAPH_GROUPS = 900  # HTML: each essay paragraph wrapped with its notes (for sidenotes), once all else has its place
ESSAY_FIRST = 905  # HTML: an essay's boxes folded into "About this text", once its paragraphs are grouped

# ---- Post-transforms, while each page is written (Sphinx resolves references at 10).
GENERATED_PAGES = 5  # placeholders filled before references are resolved, so every builder resolves theirs
PROVISIONAL_NOTES = 5  # notes awaiting their second reading marked so, before references are resolved
WORKS_CITED = 6  # after sphinxcontrib-bibtex formats its bibliographies (5), before references (10)
MENTION_PREVIEWS = 7  # HTML: essay mentions wrapped with their entry's preview, before references are resolved (10)
CITED_IN = 8  # "Cited in" under each bibliography entry: after bibtex made them (5), before references (10)
REMOTE_IMAGES = 50  # an image on another site becomes a link, before Sphinx's image downloader (100) fetches it
TEXT_BIBLIOGRAPHY = 20  # plain text: bibliography labels inline, once citations are resolved
TABLE_WRAPPER_IDS = 501  # HTML: just after furo wraps each table in a div and copies the table's id onto it (500)
LINK_SCHEMES = 990  # after bibliographies, lists of works cited and references are made

# ---- Writing HTML.
A11Y_REPAIRS = 900  # html-page-context: after the theme has built its parts
PAGE_DESCRIPTION = 400  # html-page-context: description and icon, before Sphinx makes favicon_url relative (500)

# ---- When a build ends.
STOP_WRITERS = 100  # build-finished with an error: forked writers stopped before other listeners run
