"""Stable addresses for notes: derived from the claim (or the editor's ``:label:``), never from a count.

A note's address is the first words of the quoted claim as a slug (``#emerging-as-allies-in-1949``), so
adding, removing or reordering other notes never moves it; the displayed number may change, the address
does not.  Addresses published by earlier releases (release 0.1 numbered notes ``#note-N``) are kept as
extra anchors on the same note, from the release snapshots (:mod:`..verdicts.releases`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

WORDS = 6


def claim_address(quote: str) -> str:
    """``"Emerging as allies in 1949"`` → ``emerging-as-allies-in-1949`` (ASCII, at most six words)."""
    folded = unicodedata.normalize("NFKD", quote).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded)[:WORDS]) or "claim"


def fingerprint(text: str) -> str:
    """A short digest of a note's source text, white space aside: release snapshots record it."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]
