"""JSON-LD in a page's ``<head>``, written so that no string in it can end the ``<script>`` element early.

Escaping ``</`` is not enough: ``<!--`` inside a script element switches the HTML tokenizer into its
escaped state and can swallow the rest of the page.  Writing ``<``, ``>`` and ``&`` as ``\\u003c``,
``\\u003e`` and ``\\u0026`` (valid JSON, the standard way to embed JSON in HTML) leaves nothing the
tokenizer reacts to.
"""

from __future__ import annotations

import json
from typing import Any

ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def script(data: Any) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(ESCAPES)
    return f'<script type="application/ld+json">{payload}</script>'


def add_to_head(context: dict[str, Any], data: Any) -> None:
    """Append *data* as a JSON-LD block to the page's metatags (the theme puts them in ``<head>``)."""
    context["metatags"] = context.get("metatags", "") + f"\n{script(data)}\n"
