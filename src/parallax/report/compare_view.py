"""What the side-by-side comparison report shows, built once for HTML and Markdown alike.

The report document (articles + comparison) is turned into one plain view per story: the
sources with a letter and colour each, what they agree on, where they contradict each
other, what each says alone and leaves out, how each portrays the actors they share, the
merged timeline, and the verdicts on their claims. Both renderers read this view, so the
HTML page and the Markdown file always carry the same content.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
COLOURS = ("#2f6fde", "#d9480f", "#2b8a3e", "#ae3ec9", "#e67700", "#0c8599", "#c2255c")
MAX_AGREEMENTS = 12
MAX_PORTRAYAL = 8
VERDICT_WORDS = {
    "supported": "holds up",
    "contradicted": "contradicted by the evidence",
    "disputed": "disputed",
    "not_enough_evidence": "not enough evidence",
}


def _source(article: dict[str, Any], number: int) -> dict[str, Any]:
    frames = [f.get("name") for f in article.get("frames") or [] if isinstance(f, dict)]
    claims = article.get("claims") or []
    return {
        "id": article["id"],
        "letter": LETTERS[number % len(LETTERS)],
        "colour": COLOURS[number % len(COLOURS)],
        "name": article.get("outlet") or article.get("title") or article["id"][:8],
        "outlet": article.get("outlet"),
        "title": article.get("title"),
        "author": article.get("author"),
        "date": article.get("date"),
        "genre": article.get("genre"),
        "frames": [f for f in frames if f][:3],
        "sentences": len(article.get("sentences") or []),
        "verdicts": dict(Counter(c.get("verdict") for c in claims if c.get("verdict"))),
        "tagline": (article.get("meta") or {}).get("tagline"),
        "epigraph": (article.get("meta") or {}).get("epigraph"),
    }


def _sentiment_word(value: float | None) -> str:
    if value is None:
        return ""
    if value <= -0.5:
        return "very negative"
    if value <= -0.15:
        return "negative"
    if value < 0.15:
        return "neutral"
    return "positive" if value < 0.5 else "very positive"


def story_views(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One view per story with at least one article, most sources first."""
    articles = {a["id"]: a for a in report["articles"]}
    comparison = report["comparison"]
    views = []
    for story in comparison["stories"]:
        members = [articles[i] for i in story["articles"] if i in articles]
        sources = [_source(a, n) for n, a in enumerate(members)]
        by_id = {s["id"]: s for s in sources}
        alignments = [a for a in comparison["alignments"] if a["story"] == story["id"]]

        def pair(alignment: dict[str, Any], by_id: dict[str, Any] = by_id) -> dict[str, Any]:
            return {
                "score": alignment["score"],
                "reason": alignment["reason"],
                "items": [
                    {**item, "source": by_id[item["article_id"]]}
                    for item in alignment["items"]
                    if item["article_id"] in by_id
                ],
            }

        gaps = [g for g in comparison["gaps"] if g["story"] == story["id"]]
        per_source = []
        for source in sources:
            only = [
                a["items"][0]["text"]
                for a in alignments
                if a["kind"] == "unique" and a["items"][0]["article_id"] == source["id"]
            ]
            named_only = [
                g["label"]
                for g in gaps
                if g["kind"] in {"actor", "entity"} and g["covered_by"] == [source["id"]]
            ]
            leaves_out = [
                g["label"]
                for g in gaps
                if g["kind"] in {"actor", "entity"} and source["id"] in g["missing_from"]
            ]
            events_only = [
                g["label"]
                for g in gaps
                if g["kind"] == "event" and g["covered_by"] == [source["id"]]
            ]
            per_source.append(
                {
                    "source": source,
                    "only_claims": only,
                    "only_names": named_only[:15],
                    "leaves_out": leaves_out[:15],
                    "only_events": events_only[:10],
                }
            )
        portrayal = []
        for entry in [p for p in comparison["portrayal"] if p["story"] == story["id"]][
            :MAX_PORTRAYAL
        ]:
            cells = {s["article_id"]: s for s in entry["by_source"]}
            portrayal.append(
                {
                    "name": entry["name"],
                    "divergence": entry["divergence"],
                    "difference": entry.get("difference"),
                    "cells": [
                        {
                            "source": source,
                            "present": source["id"] in cells,
                            "role": cells.get(source["id"], {}).get("role"),
                            "sentiment": cells.get(source["id"], {}).get("sentiment"),
                            "tone": _sentiment_word(cells.get(source["id"], {}).get("sentiment")),
                            "mentions": cells.get(source["id"], {}).get("mentions", 0),
                            "quoted": [
                                f"{q.get('speaker_text') or q.get('speaker') or 'unnamed source'}: "
                                f"{q.get('sentiment_label') or 'neutral'}"
                                + (
                                    f", {q['role']}"
                                    if q.get("role") not in (None, "neutral")
                                    else ""
                                )
                                for q in cells.get(source["id"], {}).get("quoted", [])
                            ][:3],
                            "sentences": [
                                s["text"] for s in cells.get(source["id"], {}).get("sentences", [])
                            ][:2],
                        }
                        for source in sources
                    ],
                }
            )
        timeline = []
        for entry in comparison["timeline"]:
            cited = [
                by_id[s["article_id"]] for s in entry.get("sources", []) if s["article_id"] in by_id
            ]
            if cited:
                timeline.append(
                    {
                        "date": entry.get("date"),
                        "label": entry.get("label"),
                        "inferred": entry.get("inferred"),
                        "sources": list({s["id"]: s for s in cited}.values()),
                        "text": (entry.get("sources") or [{}])[0].get("text"),
                    }
                )
        verdicts = []
        for source in sources:
            for claim in articles[source["id"]].get("claims") or []:
                if claim.get("verdict"):
                    verdicts.append(
                        {
                            "source": source,
                            "text": claim.get("text"),
                            "verdict": claim["verdict"],
                            "words": VERDICT_WORDS.get(claim["verdict"], claim["verdict"]),
                            "explanation": claim.get("explanation"),
                        }
                    )
        agreements = [pair(a) for a in alignments if a["kind"] == "same"]
        contradictions = [pair(a) for a in alignments if a["kind"] == "contradiction"]
        views.append(
            {
                "id": story["id"],
                "label": story.get("label"),
                "sources": sources,
                "shared": story.get("shared_entities", [])[:15],
                "agreements": agreements[:MAX_AGREEMENTS],
                "more_agreements": max(0, len(agreements) - MAX_AGREEMENTS),
                "contradictions": contradictions,
                "per_source": per_source,
                "portrayal": portrayal,
                "timeline": timeline,
                "verdicts": verdicts,
            }
        )
    views.sort(key=lambda v: -len(v["sources"]))
    return views
