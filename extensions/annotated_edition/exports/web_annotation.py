"""W3C Web Annotation: one ``AnnotationCollection`` per essay, in JSON-LD.

Each note is an ``Annotation`` (motivation ``assessing``) whose IRI is the note's stable address, with a
``TextualBody`` for its text and a second body for the verdict; its target is the published witness file,
selected by quote (``TextQuoteSelector``, with enough context to be unique) and by position
(``TextPositionSelector``, code points), and the edition's page at the paragraph (``FragmentSelector``).
Each mention of an event or person in the essay is an ``identifying`` annotation whose body is the
registry entry.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Context, EssayData

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FRAGMENT = "http://tools.ietf.org/rfc/rfc3987"


def targets(essay: EssayData, witness_url: str, paragraph: int, span: tuple[int, int]) -> list[dict[str, Any]]:
    start, end = essay.text.position(paragraph, span)
    return [
        {
            "type": "SpecificResource",
            "source": witness_url,
            "selector": [
                {"type": "TextQuoteSelector", **essay.text.quote(start, end)},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
        {
            "type": "SpecificResource",
            "source": essay.url,
            "selector": {"type": "FragmentSelector", "conformsTo": FRAGMENT, "value": f"p{paragraph}"},
        },
    ]


def collection(essay: EssayData, context: Context) -> dict[str, Any]:
    witness_url = context.data_url(f"witnesses/{essay.witness.path.name}")
    collection_url = context.data_url(f"{essay.slug}.annotations.jsonld")
    registry_urls, verdicts = context.registry_urls, context.verdicts
    creator, date, licence_url = context.meta["editors"], context.meta["date"], context.meta["licence_url"]
    items: list[dict[str, Any]] = []
    for note in essay.notes:
        annotation = {
            "id": f"{essay.url}#{note.id}",
            "type": "Annotation",
            "motivation": "assessing",
            "created": date,
            "creator": {"type": "Organization", "name": creator},
            "rights": licence_url,
            "body": [
                {
                    "type": "TextualBody",
                    "purpose": "commenting",
                    "format": "text/plain",
                    "language": "en",
                    "value": essay.note_text(note),
                },
                {
                    "type": "TextualBody",
                    "purpose": "assessing",
                    "format": "text/plain",
                    "language": "en",
                    "value": verdicts[note.verdict]["label"],
                },
            ],
            "target": targets(essay, witness_url, note.paragraph, note.span),
        }
        if essay.modified(note):
            annotation["modified"] = essay.modified(note)
        items.append(annotation)
    for number, mention in enumerate(essay.mentions, 1):
        items.append(
            {
                "id": f"{collection_url}#mention-{number}",
                "type": "Annotation",
                "motivation": "identifying",
                "created": date,
                "body": registry_urls[f"{mention.kind}-{mention.target}"],
                "target": targets(essay, witness_url, mention.paragraph, mention.span),
            }
        )
    return {
        "@context": CONTEXT,
        "id": collection_url,
        "type": "AnnotationCollection",
        "label": f"Fact-checks and mentions: {essay.title}",
        "total": len(items),
        "first": {"type": "AnnotationPage", "id": f"{collection_url}#page-1", "startIndex": 0, "items": items},
    }


def document(essay: EssayData, context: Context) -> bytes:
    return (json.dumps(collection(essay, context), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
