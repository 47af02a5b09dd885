"""The JSON report (schema version 1): the public contract users script against.

``analysis_record`` turns one analysis into the article part of the contract; the same
record is what the store keeps, so a report can be rebuilt from the store without
re-running the pipeline. Layers that later components add (``actors``, ``events``,
``claims``, ``frames``, ``genre``) appear with empty values until a component fills them,
so the shape never changes under a script.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from parallax._version import __version__
from parallax.model import Analysis, Article, Failed

SCHEMA_VERSION = 1
LIST_LAYERS = ("actors", "events", "claims", "frames")


def article_record(article: Article) -> dict[str, Any]:
    """The metadata and text of an article, as every report and ``extract`` print them."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "date": article.date.isoformat() if article.date else None,
        "language": article.language,
        "source": article.source,
        "url": article.url,
        "format": article.format,
        "meta": dict(article.meta),
        "text": article.text,
    }


def analysis_record(analysis: Analysis, pipeline_version: str | None = None) -> dict[str, Any]:
    """The article part of the report for one analysis."""
    record: dict[str, Any] = {
        **article_record(analysis.article),
        "status": analysis.status,
        "reason": analysis.reason,
        "sentences": [
            {
                "id": s.id,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "type": s.type,
                "checkworthiness": s.checkworthiness,
                "techniques": list(s.techniques),
                **s.extras,
            }
            for s in analysis.sentences
        ],
        "entities": [asdict(e) for e in analysis.entities],
    }
    for layer in LIST_LAYERS:
        record[layer] = list(analysis.layers.get(layer, []))
    record["genre"] = analysis.layers.get("genre")
    extra = {k: v for k, v in analysis.layers.items() if k not in (*LIST_LAYERS, "genre")}
    record.update(extra)
    if pipeline_version:
        record["pipeline"] = pipeline_version
    return record


def build_report(
    articles: Iterable[dict[str, Any]],
    *,
    comparison: dict[str, Any] | None = None,
    errors: Iterable[Failed] = (),
    summary: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Assemble the whole report document."""
    report: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "generator": f"parallax {__version__}",
        "articles": list(articles),
        "comparison": comparison or empty_comparison(),
        "errors": [{"source": e.source, "reason": e.reason} for e in errors],
    }
    if summary is not None:
        report["summary"] = summary
    return report


def empty_comparison() -> dict[str, Any]:
    """The comparison part with every key present and nothing compared."""
    return {"stories": [], "alignments": [], "gaps": [], "portrayal": [], "timeline": []}
