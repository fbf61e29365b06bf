"""W3C Web Annotation: one ``AnnotationCollection`` per essay, in JSON-LD.

Each note is an ``Annotation`` (motivation ``assessing``) whose IRI is the note's stable address, with a
``TextualBody`` for its text and a second body for the verdict; its target is the published witness file,
selected by quote (``TextQuoteSelector``, with enough context to be unique) and by position
(``TextPositionSelector``, code points), and the edition's page at the paragraph (``FragmentSelector``).
Each mention of an event or person in the essay is an ``identifying`` annotation whose body is the
registry entry.

The model requires ``created`` and ``modified`` to be ``xsd:dateTime``; the edition records days, so a day
is written as its first instant in UTC (``2026-11-22T00:00:00Z``).  Each target's source carries its
format and language, as the model's External Web Resources do.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Context, EssayData

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FRAGMENT = "http://tools.ietf.org/rfc/rfc3987"


def date_time(day: str) -> str:
    """An ``xsd:dateTime`` for a W3C date (a day): its first instant in UTC; a date-time is kept as it is."""
    return day if "T" in day else f"{day}T00:00:00Z"


def targets(
    essay: EssayData, witness_url: str, paragraph: int, span: tuple[int, int], language: str
) -> list[dict[str, Any]]:
    start, end = essay.text.position(paragraph, span)
    return [
        {
            "type": "SpecificResource",
            "source": {"id": witness_url, "type": "Text", "format": "text/plain", "language": language},
            "selector": [
                {"type": "TextQuoteSelector", **essay.text.quote(start, end)},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
        {
            "type": "SpecificResource",
            "source": {"id": essay.url, "type": "Text", "format": "text/html", "language": language},
            "selector": {"type": "FragmentSelector", "conformsTo": FRAGMENT, "value": f"p{paragraph}"},
        },
    ]


def collection(essay: EssayData, context: Context) -> dict[str, Any]:
    witness_url = context.data_url(f"witnesses/{essay.witness.path.name}")
    collection_url = context.data_url(f"{essay.slug}.annotations.jsonld")
    registry_urls, verdicts = context.registry_urls, context.verdicts
    creator, date, licence_url = context.meta["editors"], context.meta["date"], context.meta["licence_url"]
    language = context.meta["language"]
    agent = {"type": "Organization", "name": creator}
    items: list[dict[str, Any]] = []
    for note in essay.notes:
        annotation = {
            "id": f"{essay.url}#{note.id}",
            "type": "Annotation",
            "motivation": "assessing",
            "created": date_time(date),
            "creator": agent,
            "rights": licence_url,
            "body": [
                {
                    "type": "TextualBody",
                    "purpose": "commenting",
                    "format": "text/plain",
                    "language": language,
                    "value": essay.note_text(note),
                },
                {
                    "type": "TextualBody",
                    "purpose": "assessing",
                    "format": "text/plain",
                    "language": language,
                    "value": verdicts[note.verdict]["label"],
                },
            ],
            "target": targets(essay, witness_url, note.paragraph, note.span, language),
        }
        if essay.modified(note):
            annotation["modified"] = date_time(essay.modified(note))
        items.append(annotation)
    for number, mention in enumerate(essay.mentions, 1):
        items.append(
            {
                "id": f"{collection_url}#mention-{number}",
                "type": "Annotation",
                "motivation": "identifying",
                "created": date_time(date),
                "creator": agent,
                "rights": licence_url,
                "body": registry_urls[f"{mention.kind}-{mention.target}"],
                "target": targets(essay, witness_url, mention.paragraph, mention.span, language),
            }
        )
    page = f"{collection_url}#page-1"  # one page holds every item: it is the first and the last
    return {
        "@context": CONTEXT,
        "id": collection_url,
        "type": "AnnotationCollection",
        "label": f"Fact-checks and mentions: {essay.title}",
        "creator": agent,
        "created": date_time(date),
        "rights": licence_url,
        "total": len(items),
        "first": {"type": "AnnotationPage", "id": page, "startIndex": 0, "items": items},
        "last": page,
    }


def document(essay: EssayData, context: Context) -> bytes:
    return (json.dumps(collection(essay, context), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
