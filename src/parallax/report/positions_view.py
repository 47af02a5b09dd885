"""The positions view and the ranked check-worthy claims, as every surface shows them.

The comparison's ``positions`` part (:mod:`parallax.comparison.positions`) gives each source's
claims, opinions, demands and questions, and the rows where two sources are opposed. This
module turns it into what the HTML and Markdown reports and the web page render: opposed
rows first (each source's statement in its own column), then the columns side by side,
capped so a long article does not bury the others.

It also builds the fact-checker's list: every factual claim of every source, most
check-worthy first, with its verdict, evidence and the reason, which :func:`checkworthy_csv`
writes as CSV for the CLI (``compare --format csv``) and the web UI.
"""

from __future__ import annotations

import csv
import io
from typing import TypedDict

from parallax.record import (
    ClaimRecord,
    PositionItem,
    PositionsRecord,
    Report,
    SourcePositions,
)
from parallax.report.reasons import verdict_line

COLUMN_LIMITS = {"claims": 6, "demands": 6, "opinions": 5, "questions": 4}
"""How many of each kind a source's column shows before the rest goes behind "more"."""
COLUMN_TITLES = {
    "claims": "States as fact",
    "opinions": "Argues",
    "demands": "Demands and calls for",
    "questions": "Asks",
}
CSV_FIELDS = (
    "rank",
    "story",
    "source",
    "outlet",
    "title",
    "sentence_id",
    "claim",
    "checkworthiness",
    "verdict",
    "evidence",
    "reason",
)


class ColumnView(TypedDict):
    """One kind of position of one source: the first few, and the rest behind "more"."""

    key: str
    title: str
    shown: list[PositionItem]
    more: list[PositionItem]


class SourceColumnsView(TypedDict):
    """One source's positions, column by column."""

    article_id: str
    columns: list[ColumnView]


class OpposedCell(TypedDict):
    """What one source says on an opposed row (empty when it is not a side of this row)."""

    article_id: str
    text: str | None
    type: str | None


class OpposedView(TypedDict):
    """A row where two sources take opposite sides, one cell per source."""

    kind: str
    reason: str
    cells: list[OpposedCell]


class PositionsView(TypedDict):
    """Everything the positions section of one story shows."""

    opposed: list[OpposedView]
    sources: list[SourceColumnsView]


class CheckworthyRow(TypedDict):
    """A factual claim in the fact-checker's ranked list."""

    rank: int
    story: str
    source: str
    outlet: str | None
    title: str | None
    sentence_id: str
    claim: str
    checkworthiness: float | None
    verdict: str | None
    evidence: str
    reason: str | None


def _columns(source: SourcePositions) -> list[ColumnView]:
    columns: list[ColumnView] = []
    for key, limit in COLUMN_LIMITS.items():
        items: list[PositionItem] = source[key]  # type: ignore[literal-required]
        columns.append(
            {
                "key": key,
                "title": COLUMN_TITLES[key],
                "shown": items[:limit],
                "more": items[limit:],
            }
        )
    return columns


def positions_view(positions: PositionsRecord, source_ids: list[str]) -> PositionsView:
    """The positions of one story, in the order of ``source_ids`` (the report's letters)."""
    by_id = {s["article_id"]: s for s in positions["by_source"]}
    opposed: list[OpposedView] = []
    for row in positions["opposed"]:
        sides = {item["article_id"]: item for item in row["items"]}
        opposed.append(
            {
                "kind": row["kind"],
                "reason": row["reason"],
                "cells": [
                    {
                        "article_id": sid,
                        "text": sides[sid]["text"] if sid in sides else None,
                        "type": sides[sid]["type"] if sid in sides else None,
                    }
                    for sid in source_ids
                ],
            }
        )
    if not any(
        s[key]  # type: ignore[literal-required]
        for s in positions["by_source"]
        for key in COLUMN_LIMITS
    ):
        # No sentence kinds at all (analyses made before the statements layer): the page
        # says so once instead of showing empty columns.
        return {"opposed": opposed, "sources": []}
    return {
        "opposed": opposed,
        "sources": [
            {"article_id": sid, "columns": _columns(by_id[sid])}
            for sid in source_ids
            if sid in by_id
        ],
    }


def _evidence(claims: list[ClaimRecord]) -> str:
    texts = [e["text"] for c in claims for e in c.get("evidence") or [] if e.get("text")]
    return " | ".join(dict.fromkeys(texts))


def _reason(item: PositionItem, claims: list[ClaimRecord]) -> str | None:
    """The decisive claim's verdict line (verdict, reason, evidence and its source)."""
    decisive = [c for c in claims if item["verdict"] and c.get("verdict") == item["verdict"]]
    return verdict_line(decisive[0]) if decisive else item["explanation"]


def checkworthy_rows(report: Report, limit: int | None = None) -> list[CheckworthyRow]:
    """Every factual claim of the compared sources, most check-worthy first.

    A claim's verdict, evidence and reason come from the claims the fact-checker read from
    its sentence; a sentence with no checked claim keeps an empty verdict, so the list shows
    what nobody has checked yet, which is what a fact-checker most needs to see.
    """
    articles = {a["id"]: a for a in report["articles"]}
    rows: list[CheckworthyRow] = []
    for story in report["comparison"].get("positions", []):
        for source in story["by_source"]:
            article = articles.get(source["article_id"])
            claims = article.get("claims") or [] if article else []
            for item in source["claims"]:
                mine = [c for c in claims if c.get("sentence_id") == item["sentence_id"]]
                rows.append(
                    {
                        "rank": 0,
                        "story": story["story"],
                        "source": source["article_id"],
                        "outlet": source["outlet"],
                        "title": source["title"],
                        "sentence_id": item["sentence_id"],
                        "claim": item["text"],
                        "checkworthiness": item["checkworthiness"],
                        "verdict": item["verdict"],
                        "evidence": _evidence(mine),
                        "reason": _reason(item, mine),
                    }
                )
    rows.sort(key=lambda row: -(row["checkworthiness"] or 0.0))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows[:limit] if limit is not None else rows


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ``= + - @`` would start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def checkworthy_csv(report: Report) -> str:
    """The ranked check-worthy claims as CSV (one header line, one claim per line)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in checkworthy_rows(report):
        score = row["checkworthiness"]
        cells = {key: _cell(value) for key, value in row.items()}
        writer.writerow({**cells, "checkworthiness": "" if score is None else f"{score:.3f}"})
    return out.getvalue()
