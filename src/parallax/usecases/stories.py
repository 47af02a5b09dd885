"""Stories kept in the store, so a corpus is clustered once and grows article by article.

Every write path ends with :func:`file_stories`: each analysed article that is in no
story yet is filed under one, whether it came in through ``analyze``, ``run`` (on one
process or on Ray), a web upload or ``reanalyze``, on SQLite and on PostgreSQL alike. The
stored index is restored (each article filed under the story it was given, no scoring, no
encoding), the new articles are placed in date order, and their story, lead embedding and
terms are written back. Rerunning changes nothing; adding articles never moves an article
already placed. The leads' vectors come from the store when the analysis kept them (the
``embed`` step), so filing does not load the encoder for them.

:func:`list_stories` is what ``parallax stories`` and ``/api/stories`` both show.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Any, Protocol

import numpy as np

from parallax.comparison.alignment import Encoder
from parallax.comparison.stories import (
    DEFAULT_PARAMS,
    ClusterParams,
    StoryFeatures,
    StoryIndex,
    features,
)
from parallax.comparison.terms import lead
from parallax.comparison.vectors import stored_encoder
from parallax.record import ArticleRecord
from parallax.store import AnyStore
from parallax.usecases.records import current_record

FILE_BATCH = 256
"""Articles read, encoded (when their lead vector is not stored) and filed at a time."""


class StoryStore(Protocol):
    """What filing stories needs of a store (both backends have it)."""

    def story_features(self) -> Iterator[tuple[str, str, int | None, bytes, list[str]]]:
        """Every clustered article as ``(article_id, story_id, day, vector, terms)``."""
        ...

    def put_story_article(
        self,
        article_id: str,
        story_id: str,
        day: int | None,
        vector: bytes,
        terms: list[str],
        story: dict[str, Any],
    ) -> None:
        """File a clustered article under its story and update the story's row."""
        ...

    def story_of(self, article_id: str) -> str | None:
        """The story an article belongs to, or None."""
        ...


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day else None


class _Filing:
    """The stored story index, restored once, with the new records placed into it."""

    def __init__(self, store: StoryStore, params: ClusterParams) -> None:
        self.store = store
        self.index = StoryIndex(params)
        self.story_ids: list[str] = []
        number: dict[str, int] = {}
        for article_id, story_id, day, blob, terms in store.story_features():
            vector = np.frombuffer(blob, dtype=np.float32)
            if story_id not in number:
                number[story_id] = len(self.story_ids)
                self.story_ids.append(story_id)
            item = StoryFeatures(article_id, day, vector, frozenset(terms))
            self.index.file(item, number[story_id])
        self.known = set(self.index.ids)

    def place(self, records: Sequence[ArticleRecord], encode: Encoder | None) -> None:
        fresh = [r for r in records if r["id"] not in self.known and r.get("status") == "analysed"]
        fresh.sort(key=lambda r: (r.get("date") is None, str(r.get("date") or ""), r["id"]))
        if not fresh:
            return
        vectors = encode([lead(r) for r in fresh]) if encode is not None else None
        for item, record in zip(features(fresh, vectors), fresh, strict=True):
            story = self.index.place(item)
            if story < 0:
                self.story_ids.append(f"story-{record['id']}")
            story = self.index.file(item, story)
            self.known.add(item.id)
            home = self.index.stories[story]
            self.store.put_story_article(
                item.id,
                self.story_ids[story],
                item.day,
                item.vector.astype(np.float32).tobytes(),
                sorted(item.terms),
                {
                    "label": record.get("title") if len(home.members) == 1 else None,
                    "first_date": _iso(home.first_day),
                    "last_date": _iso(home.last_day),
                },
            )


def update_stories(
    store: StoryStore,
    records: Sequence[ArticleRecord],
    params: ClusterParams = DEFAULT_PARAMS,
    encode: Encoder | None = None,
) -> dict[str, str]:
    """File the analysed records that are in no stored story; return every record's story id.

    Args:
        store: where the stories are kept.
        records: analysis records; those already filed, or not analysed, are left alone.
        params: the clustering parameters.
        encode: how leads become vectors (default: the shared encoder).
    """
    _Filing(store, params).place(records, encode)
    return {r["id"]: store.story_of(r["id"]) or "" for r in records}


def file_stories(
    store: AnyStore, params: ClusterParams = DEFAULT_PARAMS, encode: Encoder | None = None
) -> int:
    """File every analysed article of the store that is in no story yet; return how many.

    Called at the end of every write path, so ``parallax stories`` lists each analysed
    article whichever way it was stored. Articles are read and placed in batches, earliest
    first; stored lead vectors are used, and only leads without one are encoded.
    """
    waiting = store.unclustered_articles()
    if not waiting:
        return 0
    filing = _Filing(store, params)
    before = len(filing.known)
    for batch in _batches(waiting, FILE_BATCH):
        records = [r for r in (current_record(store, i) for i in batch) if r is not None]
        filing.place(records, stored_encoder(store, records, encode))
    return len(filing.known) - before


def _batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass(frozen=True)
class StoryListing:
    """Stored stories, largest first, with their articles' ids and titles."""

    stories: list[dict[str, Any]]
    titles: dict[str, str | None]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"stories": [...], "titles": {article id: title}}``."""
        return {"stories": self.stories, "titles": self.titles}


def list_stories(store: AnyStore, limit: int = 50) -> StoryListing:
    """The stored stories, largest first: id, label, dates, size and the articles' ids."""
    found = store.stories()[:limit]
    titles: dict[str, str | None] = {}
    for story in found:
        story["articles"] = store.story_articles(story["id"])
        for article_id in story["articles"]:
            article = store.get_article(article_id)
            titles[article_id] = article.title if article is not None else None
    return StoryListing(found, titles)
