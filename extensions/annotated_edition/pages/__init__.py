"""Generated pages: the register, an essay's verdict summary, the timeline, and where each work is cited.

Each is a placeholder node filled after all pages are read, from the domain's records.
May import: every room below ``exports``.
"""
