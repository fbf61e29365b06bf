"""The bibliography: reading the .bib files leniently, checking every entry, and the styles.

Owns located BibTeX reading, the entry checks (fields, identifiers, coverage, citation), the
author-year styles, the short labels generated pages show, ``{works-cited}`` and the LaTeX placement.
May import: ``core``, ``policy``.
"""
