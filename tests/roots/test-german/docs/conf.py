# A German edition: every word the extension writes must be German.
project = "Testedition"
language = "de"
version = release = "1.0"
extensions = ["annotated_edition"]
edition_manifest = "../sources/manifest.toml"
edition_title = "Testedition"
edition_date = "2026-01-01"
edition_licence = "CC BY 4.0"
html_baseurl = "https://example.org/"
html_context = {"repository": "example/edition", "branch": "main"}
bibtex_bibfiles = ["../bib/refs.bib"]
bibtex_reference_style = "edition"
bibtex_default_style = "edition"
bibtex_cite_id = "cite-{key}"
