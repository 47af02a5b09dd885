"""What the side-by-side comparison report shows, built once for HTML and Markdown alike.

The report document (articles + comparison) is turned into one plain view per story: the
sources with a letter and colour each, what they agree on, where they contradict each
other, what each says alone and leaves out, how each portrays the actors they share, the
merged timeline, and the verdicts on their claims. Both renderers read this view, so the
HTML page and the Markdown file always carry the same content.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TypedDict

from parallax.record import (
    AlignedSentence,
    AlignmentRecord,
    ArticleRecord,
    ClaimRecord,
    Report,
    SourcePortrayal,
)
from parallax.report.persuasion_view import quoted_view
from parallax.report.positions_view import (
    CheckworthyRow,
    PositionsView,
    checkworthy_rows,
    positions_view,
)
from parallax.report.reasons import alignment_line, is_routine_title, verdict_line
from parallax.report.sources_view import (
    LeavesOutView,
    SourceTechniquesView,
    leaves_out,
    source_techniques,
)

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
COLOURS = ("#2f6fde", "#d9480f", "#2b8a3e", "#ae3ec9", "#e67700", "#0c8599", "#c2255c")
MAX_AGREEMENTS = 12
MAX_PORTRAYAL = 8
MAX_CHECKWORTHY = 15
VERDICT_WORDS = {
    "supported": "holds up",
    "contradicted": "contradicted by the evidence",
    "disputed": "disputed",
    "not_enough_evidence": "not enough evidence",
}


class SourceView(TypedDict):
    """One source of a story as the comparison shows it: a letter, a colour, its metadata."""

    id: str
    letter: str
    colour: str
    name: str
    outlet: str | None
    title: str | None
    author: str | None
    date: str | None
    genre: str | None
    frames: list[str]
    sentences: int
    verdicts: dict[str, int]
    tagline: object
    epigraph: object


class ItemView(AlignedSentence):
    """One side of an agreement or contradiction, with its source."""

    source: SourceView


class PairView(TypedDict):
    """An agreement or a contradiction between sources."""

    score: float
    reason: str
    items: list[ItemView]


class PerSourceView(TypedDict):
    """What one source says, names and dates that the others do not, and what it leaves out."""

    source: SourceView
    only_claims: list[str]
    only_names: list[str]
    leaves_out: LeavesOutView
    only_events: list[str]
    techniques: SourceTechniquesView


class PortrayalCell(TypedDict):
    """How one source portrays one actor (``present`` False when it does not name it)."""

    source: SourceView
    present: bool
    role: str | None
    sentiment: float | None
    tone: str
    mentions: int
    sentences: list[str]
    quoted: list[str]
    """What the people this source quotes say of the actor: "speaker: view" each."""


class PortrayalView(TypedDict):
    """One actor across the sources."""

    name: str
    divergence: float | None
    difference: str | None
    """``own voice``, ``quotes only`` or None (see :mod:`parallax.comparison.portrayal`)."""
    cells: list[PortrayalCell]


class TimelineView(TypedDict):
    """A dated event and the sources of this story that cite it."""

    date: str
    label: str
    inferred: bool
    sources: list[SourceView]
    text: str | None


class VerdictView(TypedDict):
    """A checked claim of one source."""

    source: SourceView
    text: str
    verdict: str
    words: str
    explanation: str | None
    line: str
    """The verdict, reason and evidence with its source, in one line (:func:`verdict_line`)."""
    part: str | None
    """Which part of the sentence the verdict is on, when the sentence has other verdicts
    ("25 million (of “euros”)"); None when it has one."""


class StoryView(TypedDict):
    """Everything the comparison page shows for one story."""

    id: str
    label: str
    sources: list[SourceView]
    shared: list[str]
    positions: PositionsView
    checkworthy: list[CheckworthyRow]
    agreements: list[PairView]
    more_agreements: int
    contradictions: list[PairView]
    per_source: list[PerSourceView]
    portrayal: list[PortrayalView]
    timeline: list[TimelineView]
    verdicts: list[VerdictView]


def _source(article: ArticleRecord, number: int) -> SourceView:
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
        "verdicts": dict(Counter[str](v for c in claims if (v := c.get("verdict")))),
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


def _cell(source: SourceView, found: SourcePortrayal | None) -> PortrayalCell:
    """The portrayal of an actor by ``source`` (``found`` None: the source does not name it)."""
    sentiment = found["sentiment"] if found else None
    return {
        "source": source,
        "present": found is not None,
        "role": found["role"] if found else None,
        "sentiment": sentiment,
        "tone": _sentiment_word(sentiment),
        "mentions": found["mentions"] if found else 0,
        "sentences": [s["text"] for s in found["sentences"]][:2] if found else [],
        "quoted": [quoted_view(q) for q in found.get("quoted", [])][:3] if found else [],
    }


def _part(claim: ClaimRecord) -> str | None:
    """The words of its sentence a claim was read from: its figure, else its relation."""
    binding = claim.get("binding") or {}
    return binding.get("quantity") or claim.get("cue") or binding.get("relation")


def _verdict_rows(source: SourceView, claims: Sequence[ClaimRecord]) -> list[VerdictView]:
    """One row per sentence and verdict, so a reader never sees two identical rows.

    The claims grammar may read several claims from one sentence (a figure and an event),
    each carrying the whole sentence as its text. Those with one verdict make one row;
    where one sentence has different verdicts, each row says which part it is on.
    """
    rows: dict[tuple[str, str], VerdictView] = {}
    for claim in claims:
        verdict = claim.get("verdict")
        if not verdict or is_routine_title(claim):
            continue
        text = claim.get("text") or ""
        row = rows.get((text, verdict))
        if row is not None:
            if claim.get("evidence") and row["line"] != (line := verdict_line(claim)):
                row["line"] = line  # the one with evidence says more
            continue
        rows[(text, verdict)] = {
            "source": source,
            "text": text,
            "verdict": verdict,
            "words": VERDICT_WORDS.get(verdict, verdict),
            "explanation": claim.get("explanation"),
            "line": verdict_line(claim),
            "part": _part(claim),
        }
    told = Counter(text for text, _ in rows)
    for (text, _), row in rows.items():
        if told[text] == 1:
            row["part"] = None
    return list(rows.values())


def story_views(report: Report) -> list[StoryView]:
    """One view per story with at least one article, most sources first."""
    articles = {a["id"]: a for a in report["articles"]}
    comparison = report["comparison"]
    views: list[StoryView] = []
    checkworthy = checkworthy_rows(report)
    for story in comparison["stories"]:
        members = [articles[i] for i in story["articles"] if i in articles]
        sources = [_source(a, n) for n, a in enumerate(members)]
        by_id = {s["id"]: s for s in sources}
        alignments = [a for a in comparison["alignments"] if a["story"] == story["id"]]

        def pair(alignment: AlignmentRecord, by_id: dict[str, SourceView] = by_id) -> PairView:
            return {
                "score": alignment["score"],
                "reason": alignment_line(alignment),
                "items": [
                    {**item, "source": by_id[item["article_id"]]}
                    for item in alignment["items"]
                    if item["article_id"] in by_id
                ],
            }

        gaps = [g for g in comparison["gaps"] if g["story"] == story["id"]]
        per_source: list[PerSourceView] = []
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
                    "leaves_out": leaves_out(gaps, source["id"], members),
                    "only_events": events_only[:10],
                    "techniques": source_techniques(
                        articles[source["id"]], f"{story['id']}-{source['letter']}"
                    ),
                }
            )
        portrayal: list[PortrayalView] = []
        for entry in [p for p in comparison["portrayal"] if p["story"] == story["id"]][
            :MAX_PORTRAYAL
        ]:
            cells = {s["article_id"]: s for s in entry["by_source"]}
            portrayal.append(
                {
                    "name": entry["name"],
                    "divergence": entry["divergence"],
                    "difference": entry.get("difference"),
                    "cells": [_cell(source, cells.get(source["id"])) for source in sources],
                }
            )
        timeline: list[TimelineView] = []
        for event in comparison["timeline"]:
            cited = [
                by_id[s["article_id"]] for s in event.get("sources", []) if s["article_id"] in by_id
            ]
            if cited:
                timeline.append(
                    {
                        "date": event.get("date"),
                        "label": event.get("label"),
                        "inferred": event.get("inferred"),
                        "sources": list({s["id"]: s for s in cited}.values()),
                        "text": event["sources"][0].get("text") if event["sources"] else None,
                    }
                )
        verdicts: list[VerdictView] = []
        for source in sources:
            verdicts += _verdict_rows(source, articles[source["id"]].get("claims") or [])
        agreements = [pair(a) for a in alignments if a["kind"] == "same"]
        contradictions = [pair(a) for a in alignments if a["kind"] == "contradiction"]
        found = [p for p in comparison.get("positions", []) if p["story"] == story["id"]]
        ids = [s["id"] for s in sources]
        views.append(
            {
                "id": story["id"],
                "label": story.get("label"),
                "sources": sources,
                "shared": story.get("shared_entities", [])[:15],
                "positions": positions_view(found[0], ids)
                if found
                else {"opposed": [], "sources": []},
                "checkworthy": [r for r in checkworthy if r["story"] == story["id"]][
                    :MAX_CHECKWORTHY
                ],
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
