extensions = ["annotated_edition"]
edition_manifest = "../sources/manifest.toml"
edition_title = "Test Edition"
edition_date = "2026-01-01"
html_baseurl = "https://example.org/"
bibtex_bibfiles = ["../bib/refs.bib"]
bibtex_reference_style = "author_year"
