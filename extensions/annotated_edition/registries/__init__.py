"""Registries: things the essays mention (events, people, …), each declared once.

Owns the generic directive, role, mentions, backlinks and print index (:mod:`.base`) and one module per
registry; a registry's declaration (:class:`..core.registry.Registry`) is all the other rooms see.
May import: every room below ``pages``.
"""
