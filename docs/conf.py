"""Sphinx configuration for the annotated edition of two essays on Sino-Soviet relations."""

import string

project = "Sino-Soviet Relations, 1949–1976: Two Essays, Annotated"
author = "The editors"
copyright = "2026, the editors"
version = release = "0.1"
language = "en"

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "sphinx_design",  # the landing page's cards (the extension works without it)
    "annotated_edition",
]

exclude_patterns = ["_build", "extension"]  # the adopters' guide is a Sphinx project of its own
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 2
myst_footnote_transition = False

# The edition (extensions/annotated_edition).
edition_manifest = "../sources/manifest.toml"
edition_title = "Sino-Soviet Relations, 1949–1976: Two Essays, Annotated"
edition_date = "2026-11-22"
edition_licence = ("the editors’ text (introductions, notes, registers, events) is licensed under Creative "
                   "Commons Attribution 4.0 International (CC BY 4.0). The two essays are reproduced in full for "
                   "criticism and review; their copyright stays with their authors and publishers.")
edition_licence_url = "https://creativecommons.org/licenses/by/4.0/"
today = "22 November 2026"
# Maintainers' pages that use a directive the content policy keeps from editors (CONTRIBUTING.md, "What the
# build refuses"); what they read must still be a file of the project.
edition_policy_exceptions = {
    "how-to-annotate": ["include"],  # the guide is CONTRIBUTING.md
}
# The SHA-256 of each published release snapshot (docs/releases/): a pull request that edits a snapshot to
# hide a verdict change is refused, since this file is the maintainers' (.github/CODEOWNERS).
edition_release_checksums = {
    "0.1": "bc158a9afb292788e7727518044577ffc2b764f5e0e36be8a8f2fe6a1757a511",
}

bibtex_bibfiles = ["../bib/editors.bib", "../bib/documents.bib"]
edition_document_bibfiles = ["../bib/documents.bib"]  # primary documents: the "Documents" section, the evidence share
bibtex_default_style = "edition"  # author-year, from annotated_edition.bibliography.style
bibtex_cite_id = "cite-{key}"  # stable anchors for the full bibliography's entries
bibtex_reference_style = "edition"  # author-year in round brackets

html_theme = "furo"
html_title = "Two Essays on Sino-Soviet Relations, Annotated"
html_baseurl = "https://sino-soviet-edition.readthedocs.io/en/latest/"
html_static_path = []
html_show_sourcelink = False
html_use_index = False  # the index is the print edition's (events, people, works by page); an HTML one would be empty
html_copy_source = False
html_permalinks_icon = "¶"
# Where the edition's sources live: each note links to a correction form and to its line there.
html_context = {"repository": "sino-soviet-edition/sino-soviet-edition", "branch": "main", "source_directory": "docs/"}

# EPUB 3 (make epub): notes are EPUB footnotes; the licence is the book's rights statement.
epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = f"{copyright}. {edition_licence[0].upper()}{edition_licence[1:]}"
epub_uid = epub_identifier = "sino-soviet-edition"  # the OPF identifier and the NCX uid must be equal
epub_show_urls = "no"
epub_description = ("Two student essays on Sino-Soviet relations, 1949–1976, reproduced word for word from their "
                    "witnesses and fact-checked claim by claim, with registers of events and historians.")
epub_exclude_files = [".buildinfo.bak"]  # Sphinx keeps the last build's info there when conf.py changed
edition_epub_nonlinear = ["how-to-annotate"]  # the editors' guide: in the contents, not in the reading order
epub_use_index = False  # the registers of events and historians are the book's indexes; print has its own

latex_engine = "xelatex"
latex_documents = [("index", "sino-soviet-edition.tex", project, author, "manual")]
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "fontpkg": r"""
\setmainfont{TeX Gyre Pagella}
\setsansfont{TeX Gyre Heros}[Scale=MatchLowercase]
\setmonofont{DejaVu Sans Mono}[Scale=MatchLowercase]
% Scripts TeX Gyre Pagella lacks, in fonts that have them, switched to character by character: Chinese
% (CJK punctuation, ideographs, full-width forms; a line may break between two ideographs) and Cyrillic
\newfontfamily\cjkfont{WenQuanYi Zen Hei}[Scale=MatchLowercase]
\newfontfamily\cyrillicfont{DejaVu Serif}[Scale=MatchLowercase]
\XeTeXinterchartokenstate=1
\def\editionscriptrange#1#2#3{\count255=#2 \loop\XeTeXcharclass\count255=#1\ifnum\count255<#3 \advance\count255 by 1 \repeat}
\def\editionscriptfont#1#2{%
  \XeTeXinterchartoks 0 #1 = {\begingroup#2}\XeTeXinterchartoks 4095 #1 = {\begingroup#2}%
  \XeTeXinterchartoks #1 0 = {\endgroup}\XeTeXinterchartoks #1 4095 = {\endgroup}}
\newXeTeXintercharclass\cjkclass
\editionscriptrange\cjkclass{"3000}{"303F}\editionscriptrange\cjkclass{"4E00}{"9FFF}\editionscriptrange\cjkclass{"FF00}{"FFEF}
\editionscriptfont\cjkclass\cjkfont
\XeTeXinterchartoks\cjkclass\cjkclass = {\hskip0pt plus0.1pt\relax}
\newXeTeXintercharclass\cyrillicclass
\editionscriptrange\cyrillicclass{"0400}{"04FF}
\editionscriptfont\cyrillicclass\cyrillicfont
""",
    "maketitle": r"""\makeatletter
\@openrightfalse\sphinxmaketitle\@openrighttrue %% the verso of the title page carries citation and licence
\makeatother
\thispagestyle{empty}\null\vfill
\noindent\small\textbf{How to cite.} %s, version %s, %s. \url{%s}\par\medskip
\noindent\textbf{Licence.} %s\par
\cleardoublepage
""" % (edition_title, version, today, html_baseurl, edition_licence[0].upper() + edition_licence[1:]),
    "tableofcontents": r"\renewcommand{\contentsname}{Contents}\sphinxtableofcontents",
    "preamble": r"""
\brokenpenalty=10000 % never break a page after a hyphenated line
\exhyphenpenalty=10000 % nor a line at a word's own hyphen: text extraction would take it for a soft one ("SinoSoviet")
\emergencystretch=1.5em
\usepackage{xurl} % long addresses (the documents' archive URLs) break anywhere but at their hyphens (below)
\usepackage{hyperxmp} % the metadata below as XMP too (after hyperref, before its keys are used)
\hypersetup{pdfauthor={AUTHOR}, pdftitle={TITLE},
  pdfsubject={Sino-Soviet relations 1949-1976: two student essays reproduced and fact-checked},
  pdfkeywords={Sino-Soviet split, Cold War, Mao Zedong, Khrushchev, fact-check, digital edition},
  pdflang=en, pdfdisplaydoctitle=true, pdfcopyright={COPYRIGHT}, pdflicenseurl={LICENCE}}
\XeTeXgenerateactualtext=1 % ligatures extract as the letters typed (ff, not U+FB00)
\def\UrlBreaks{URLBREAKS} % a URL breaks after a letter, digit or / . _ ? & = #: never at its own hyphens
\protected\def\sphinxstyleindexentry#1{#1} % index entries in the text face, not monospace
\makeatletter % hyperxmp 5.9 (TeX Live 2022) with XeTeX: its packet, written at the end, never reaches a page of
% this book, and it leaves Author and Keywords out of the document information: both are written at the start
\AtBeginDocument{\special{pdf:docinfo<</Author(\@pdfauthor)/Keywords(\@pdfkeywords)>>}%
  \hyxmp@embed@packet\global\let\hyxmp@embed@packet\relax}
\makeatother
""".replace("COPYRIGHT", copyright).replace("LICENCE", edition_licence_url).replace("AUTHOR", author).replace("TITLE", project)
    .replace("URLBREAKS", "".join(rf"\do\{c}" for c in "/._?&=#" + string.ascii_letters + string.digits)),
}
