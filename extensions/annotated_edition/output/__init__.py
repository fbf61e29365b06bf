"""Output specifics: accessibility repairs to the HTML, the extension's static assets and sphinx-design's.

May import: every room below ``cli``.
"""
