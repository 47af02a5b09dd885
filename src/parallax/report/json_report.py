"""The JSON report (schema version 1): the public contract users script against.

``analysis_record`` turns one analysis into the article part of the contract; the same
record is what the store keeps, so a report can be rebuilt from the store without
re-running the pipeline. Layers that later components add (``actors``, ``events``,
``claims``, ``frames``, ``genre``) appear with empty values until a component fills them,
so the shape never changes under a script. The shape itself is typed in
:mod:`parallax.record`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import cast

from parallax._version import __version__
from parallax.model import Analysis, Article, Failed, Sentence
from parallax.record import (
    SCHEMA_VERSION,
    ArticleFields,
    ArticleRecord,
    ComparisonRecord,
    EntityRecord,
    Report,
    RunSummary,
    SentenceRecord,
)

LIST_LAYERS = ("actors", "events", "claims", "frames")


def article_record(article: Article) -> ArticleFields:
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


def analysis_record(analysis: Analysis, pipeline_version: str | None = None) -> ArticleRecord:
    """The article part of the report for one analysis."""
    layers = analysis.layers
    # The optional keys are added below, from the layers that components added.
    record: ArticleRecord = {
        **article_record(analysis.article),  # type: ignore[typeddict-item]
        "status": analysis.status,
        "reason": analysis.reason,
        "sentences": [_sentence(s) for s in analysis.sentences],
        "entities": [cast(EntityRecord, asdict(e)) for e in analysis.entities],
        "actors": list(layers.get("actors", [])),
        "events": list(layers.get("events", [])),
        "claims": list(layers.get("claims", [])),
        "frames": list(layers.get("frames", [])),
        "genre": layers.get("genre"),
    }
    # The other layers (quotes, timeline, times ...) are copied under their own names, in
    # the order components added them; each is declared in ArticleRecord, and
    # tests/test_record.py fails on a layer that is not.
    extra = {k: v for k, v in layers.items() if k not in (*LIST_LAYERS, "genre")}
    cast(dict[str, object], record).update(extra)
    if pipeline_version:
        record["pipeline"] = pipeline_version
    return record


def _sentence(sentence: Sentence) -> SentenceRecord:
    record: SentenceRecord = {
        "id": sentence.id,
        "text": sentence.text,
        "start": sentence.start,
        "end": sentence.end,
        "type": sentence.type,
        "checkworthiness": sentence.checkworthiness,
        "techniques": list(sentence.techniques),
    }
    # Extras (subjectivity, call to action) are declared NotRequired in SentenceRecord.
    cast(dict[str, object], record).update(sentence.extras)
    return record


def build_report(
    articles: Iterable[ArticleRecord],
    *,
    comparison: ComparisonRecord | None = None,
    errors: Iterable[Failed] = (),
    summary: RunSummary | None = None,
) -> Report:
    """Assemble the whole report document."""
    report: Report = {
        "schema": SCHEMA_VERSION,
        "generator": f"parallax {__version__}",
        "articles": list(articles),
        "comparison": comparison or empty_comparison(),
        "errors": [{"source": e.source, "reason": e.reason} for e in errors],
    }
    if summary is not None:
        report["summary"] = summary
    return report


def empty_comparison() -> ComparisonRecord:
    """The comparison part with every key present and nothing compared."""
    return {
        "stories": [],
        "alignments": [],
        "gaps": [],
        "portrayal": [],
        "timeline": [],
        "positions": [],
    }
