"""Browsing the store: articles by filter, search, and claims, timelines and actors across it.

The REST API, the web pages and ``parallax search`` read the corpus through these, so a
filter means the same on every surface (a ``date_to`` of ``2023`` or ``2023-04`` covers
the whole year or month) and every list reads the current analyses
(:mod:`parallax.usecases.records`: the latest of each article).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parallax.factcheck import VERDICTS
from parallax.store import AnyStore, SearchHit

__all__ = [
    "VERDICTS",
    "ArticleFilter",
    "actor_summary",
    "corpus_claims",
    "corpus_timeline",
    "list_articles",
    "search",
]


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles to list: a full-text query and filters, each optional.

    Dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial ``date_to`` covers the
    whole year or month it names.
    """

    query: str | None = None
    outlet: str | None = None
    language: str | None = None
    fmt: str | None = None
    genre: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    @property
    def last_day(self) -> str | None:
        """``date_to`` as the last day it covers (string order is date order)."""
        if not self.date_to:
            return None
        if len(self.date_to) == 4:
            return self.date_to + "-12-31"
        if len(self.date_to) == 7:
            return self.date_to + "-31"
        return self.date_to


def list_articles(
    store: AnyStore, filters: ArticleFilter, limit: int = 20, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    """One page of article summaries matching ``filters``, and how many match in all."""
    return store.list_articles(
        query=filters.query or None,
        outlet=filters.outlet or None,
        language=filters.language or None,
        fmt=filters.fmt or None,
        genre=filters.genre or None,
        date_from=filters.date_from or None,
        date_to=filters.last_day,
        limit=limit,
        offset=offset,
    )


def search(store: AnyStore, query: str, limit: int = 20) -> list[SearchHit]:
    """Articles and sentences matching ``query``, best first."""
    return store.search(query, limit)


def corpus_claims(
    store: AnyStore, verdict: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[int, list[tuple[str, dict[str, Any]]]]:
    """Claims of every article's current analysis, optionally of one verdict, with article ids.

    Raises:
        ValueError: ``verdict`` is not one of :data:`VERDICTS`.
    """
    if verdict is not None and verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}; choose one of {', '.join(VERDICTS)}")
    where = f"verdict={verdict}" if verdict else None
    return _items(store, "claims", limit, offset, where)


def corpus_timeline(
    store: AnyStore, limit: int = 200, offset: int = 0
) -> tuple[int, list[tuple[str, dict[str, Any]]]]:
    """Timeline entries of every article's current analysis, with article ids."""
    return _items(store, "timeline", limit, offset)


def _items(
    store: AnyStore, layer: str, limit: int, offset: int, where: str | None = None
) -> tuple[int, list[tuple[str, dict[str, Any]]]]:
    total, items = store.latest_layer_items(layer, limit=limit, offset=offset, where=where)
    return total, [(a, item) for a, item in items if isinstance(item, dict)]


def actor_summary(store: AnyStore, limit: int = 20000) -> list[dict[str, Any]]:
    """Actors across the corpus: how many articles name each, their roles and mean sentiment."""
    _total, items = store.latest_layer_items("actors", limit=limit)
    actors: dict[str, dict[str, Any]] = {}
    for article_id, actor in items:
        if not isinstance(actor, dict) or not actor.get("id"):
            continue
        entry = actors.setdefault(
            str(actor["id"]),
            {
                "id": actor["id"],
                "name": actor.get("name") or actor["id"],
                "type": actor.get("type"),
                "articles": [],
                "roles": {},
                "sentiments": [],
            },
        )
        if article_id not in entry["articles"]:
            entry["articles"].append(article_id)
        role = actor.get("role")
        if role:
            entry["roles"][role] = entry["roles"].get(role, 0) + 1
        if isinstance(actor.get("sentiment"), int | float):
            entry["sentiments"].append(float(actor["sentiment"]))
    result = []
    for entry in actors.values():
        sentiments = entry.pop("sentiments")
        entry["mean_sentiment"] = (
            round(sum(sentiments) / len(sentiments), 3) if sentiments else None
        )
        entry["article_count"] = len(entry["articles"])
        result.append(entry)
    result.sort(key=lambda e: (-e["article_count"], str(e["name"])))
    return result
