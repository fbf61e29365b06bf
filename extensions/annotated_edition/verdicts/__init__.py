"""Verdicts that hold up: the vocabulary, the second readings, releases, corrections and coverage.

Owns the verdict vocabulary and its scale, the blind second readings and their agreement, the release
snapshots that keep old addresses alive, the corrections log and the check that cited works cover what
a note discusses.  May import: ``core``, ``policy``, ``witnesses``, ``bibliography``.
"""
