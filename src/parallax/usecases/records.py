"""Which stored analysis of an article is the current one, decided once for every surface.

The current analysis of a stored article is its most recent analysis, whatever pipeline
version made it. ``show``, the web pages, the REST API, ``compare --story``, the reports of
``analyze`` and story filing all read it through :func:`current_record`, so they never
disagree, and none of them has to load the analysis models to learn which version is
current. ``reanalyze`` is how stale analyses are brought up to date after an upgrade: it
stores newer analyses, which then become the current ones. An article stored without an
analysis (``parallax ingest``) gets a bare record saying so.
"""

from __future__ import annotations

from collections.abc import Iterable

from parallax.model import Analysis
from parallax.record import ArticleRecord
from parallax.report.json_report import analysis_record
from parallax.store import AnyStore

NOT_ANALYSED = "stored but not analysed yet; run `parallax reanalyze`"
"""The reason a bare record gives (the article was ingested only)."""


def current_record(store: AnyStore, article_id: str) -> ArticleRecord | None:
    """The current analysis record of a stored article, or None when it is not stored.

    Args:
        store: the store.
        article_id: an article id or an unambiguous prefix of one.
    """
    article = store.get_article(article_id)
    if article is None:
        return None
    record = store.latest_analysis(article.id)
    if record is None:
        record = analysis_record(
            Analysis(article=article, status="not_analysed", reason=NOT_ANALYSED)
        )
    return record


def current_records(store: AnyStore, article_ids: Iterable[str]) -> list[ArticleRecord]:
    """The current records of stored articles, in order (ids not stored are left out)."""
    return [r for r in (current_record(store, i) for i in article_ids) if r is not None]


def article_view(store: AnyStore, article_id: str) -> ArticleRecord | None:
    """What ``show`` and the article page and API show: the current record and its sources."""
    record = current_record(store, article_id)
    if record is not None:
        record["sources"] = store.sources(record["id"])
    return record
