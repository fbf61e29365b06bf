"""Notes: ``{factcheck}``, ``{sic}`` and ``{mentions}``, anchored to the essay's own words.

Owns the directives, anchoring quotes in the paragraph before them, stable note addresses, stand-off
mentions, every builder's output for notes, the correction links and the citation-group check.
May import: ``core``, ``policy``, ``witnesses``, ``bibliography``, ``verdicts``.
"""
