"""The content policy: every file an editor can change is untrusted input.

Owns the allow-list of directives and roles, the parsers that switch it on, the doctree rules (raw
markup, link schemes, files read), confinement to the project, and invisible or forbidden characters.
May import: ``core``.
"""
