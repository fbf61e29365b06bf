"""Command-line tools: ``python -m annotated_edition.cli.check`` (``make check``).

May import: every room.
"""
