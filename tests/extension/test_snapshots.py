"""Snapshots of the resolved doctree of every kind of page the extension makes, as sphinx-design keeps them.

Each node family (witness box, paratext, paragraph numbers, claims and notes, sics, mentions, registry
entries and backlinks, register, verdict summary, timeline, works cited, citation box) appears in one of
these pages of the test root; a change to what the extension puts in the doctree shows here as a diff.
After an intended change, write the snapshots again with ``SNAPSHOT_UPDATE=1 make test`` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots"
PAGES = ["essay", "events", "people", "register", "register-essay", "timeline"]


def normalised(text: str, project: Path) -> str:
    """The doctree as text, without what differs between machines (the project's temporary path)."""
    return re.sub(re.escape(str(project)) + r"[^\s\"]*", "PROJECT", text)


def test_doctrees_match_their_snapshots(build) -> None:
    result = build("essay")
    app, update = result.app, os.environ.get("SNAPSHOT_UPDATE") == "1"
    changed = []
    for page in PAGES:
        doctree = normalised(
            app.env.get_and_resolve_doctree(page, app.builder, tags=app.tags).pformat(), result.project
        )
        snapshot = SNAPSHOTS / f"{page}.txt"
        if update:
            snapshot.parent.mkdir(exist_ok=True)
            snapshot.write_text(doctree, encoding="utf-8")
        if not snapshot.is_file() or snapshot.read_text(encoding="utf-8") != doctree:
            changed.append(page)
    assert changed == [], "review the change, then write the snapshots again with SNAPSHOT_UPDATE=1"
