"""Witnesses and fidelity: the essays reproduced word for word, and the proof of it on every build.

Owns the manifest (checksums, paratext), the ``{witness}``, ``{paratext}`` and ``{cite-this}``
directives, the essay's own nodes (paragraph numbers, paratext) and the fidelity check.
May import: ``core``, ``policy``.
"""
