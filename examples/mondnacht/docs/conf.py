"""Ein Beispiel: eine kleine Edition eines gemeinfreien Gedichts, mit eigenen Urteilen und Farben.

Gebaut mit der installierten Erweiterung (pip install sphinx-annotated-edition), ohne eine Datei der
Edition, in deren Repository sie liegt.
"""

project = "Mondnacht – eine Beispieledition"
author = "Die Herausgeber"
copyright = "2026, die Herausgeber"
version = release = "1.0"
language = "de"

extensions = ["annotated_edition"]
exclude_patterns = ["_build"]

edition_manifest = "../sources/manifest.toml"
edition_title = "Mondnacht – eine Beispieledition"
edition_date = "2026-12-03"
edition_licence = "Der Text der Herausgeber steht unter CC BY 4.0; das Gedicht ist gemeinfrei."
edition_text_name = "Gedicht"
edition_correction_link = "mailto:herausgeber@example.org"

# Die Urteile dieser Edition: Lesarten und Deutungen, nicht Tatsachenbehauptungen.
edition_verdicts = {
    "im-text": {
        "label": "Im Text",
        "symbol": "✓",
        "rating": 5,
        "definition": "Die Anmerkung sagt, was der Wortlaut selbst zeigt.",
        "color": "#1b5e20",
        "color_dark": "#a5d6a7",
    },
    "deutung": {
        "label": "Deutung",
        "symbol": "◇",
        "rating": 3,
        "definition": "Eine Lesart, die der Wortlaut trägt, aber nicht erzwingt.",
        "color": "#0d47a1",
        "color_dark": "#90caf9",
    },
}

bibtex_bibfiles = ["../bib/quellen.bib"]
bibtex_default_style = "edition"
bibtex_reference_style = "edition"
bibtex_cite_id = "cite-{key}"

epub_uid = epub_identifier = "mondnacht-beispiel"
