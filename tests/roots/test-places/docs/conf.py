import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # places.py: a registry defined by this edition alone

extensions = ["annotated_edition", "places"]
edition_manifest = "../sources/manifest.toml"
edition_title = "Places Test Edition"
edition_date = "2026-01-01"
html_baseurl = "https://example.org/"
bibtex_bibfiles = ["../bib/refs.bib"]
bibtex_reference_style = "edition"
bibtex_default_style = "edition"
bibtex_cite_id = "cite-{key}"
