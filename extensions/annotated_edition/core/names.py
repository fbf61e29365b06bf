"""The names the edition makes, each spelled once: slugs, anchors and the site's base address.

Ids of notes, registry entries and vocabulary entries are slugs because they become HTML anchors and
CSS classes; every absolute address starts from ``html_baseurl`` the same way.
"""

from __future__ import annotations

import re

from sphinx.config import Config

#: A lowercase slug: letters, digits and single hyphens (``treaty-1950``).
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def anchor(role: str, record_id: str) -> str:
    """The anchor of a registry entry: ``event-treaty-1950``."""
    return f"{role}-{record_id}"


def site_base(config: Config) -> str:
    """``https://example.org/edition/`` (always one trailing slash), or "" when no ``html_baseurl`` is set."""
    return config.html_baseurl.rstrip("/") + "/" if config.html_baseurl else ""
