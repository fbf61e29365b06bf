"""schema.org ``ClaimReview`` JSON-LD on each essay page, one object per fact-check.

Built from the domain's records in ``html-page-context``, so it always matches the notes on the
page.  ``ratingValue`` is the verdict's configured rating on a 1–5 scale (5 = accurate).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from ..core.domain import get_domain
from ..core.i18n import language
from ..core.names import site_base
from ..verdicts.agreement import provisional
from ..verdicts.corrections import latest_correction
from .jsonld import add_to_head


def claim_reviews(app: Sphinx, pagename: str) -> list[dict[str, Any]]:
    domain = get_domain(app.env)
    essay = domain.essay(pagename)
    if essay is None:
        return []
    config = app.config
    base = site_base(config)
    page_url = f"{base}{app.builder.get_target_uri(pagename)}"
    edition = {"@type": "Organization", "name": config.edition_title or config.project}
    scale = [entry["rating"] for entry in config.edition_verdicts.values()]
    reviews = []
    for note in domain.notes(pagename):
        if provisional(app.env, pagename, note.id):
            continue  # not yet read twice: no verdict to publish as a review
        verdict = config.edition_verdicts[note.verdict]
        url = f"{page_url}#{note.id}"
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "@id": url,
                "url": url,
                "claimReviewed": note.quote,
                "inLanguage": language(config),
                "author": edition,
                "datePublished": config.edition_date,
                **({"dateModified": modified} if (modified := latest_correction(app.env, pagename, note.id)) else {}),
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": verdict["rating"],
                    "bestRating": max(scale),
                    "worstRating": min(scale),
                    "alternateName": verdict["label"],
                },
                "itemReviewed": {
                    "@type": "Claim",
                    "appearance": {
                        "@type": "CreativeWork",
                        "name": essay.title,
                        "url": f"{page_url}#p{note.paragraph}",
                    },
                },
            }
        )
    return reviews


def add_claim_reviews(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    reviews = claim_reviews(app, pagename)
    if reviews:
        add_to_head(context, reviews)
