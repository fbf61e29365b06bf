"""The core: what every other room builds on, and which imports no other room.

Owns the edition's messages (one located form for every problem), its settings, the ``edition`` domain
and its typed records, what is kept on Sphinx's environment, the nodes several rooms read, doctree and
link helpers, names (slugs, anchors, the base address), EDTF dates, the registry declarations and the
freshness of generated pages.  May import: nothing of the extension outside ``core``.
"""
