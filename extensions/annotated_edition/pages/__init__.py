"""Generated pages: the register, an essay's verdict summary and the timeline.

Each is a placeholder node filled after all pages are read, from the domain's records.
May import: every room below ``exports``.
"""
