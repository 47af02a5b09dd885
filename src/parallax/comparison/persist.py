"""Stories kept in the store, so a corpus is clustered once and grows article by article.

:func:`update_stories` restores the stored index (each article filed under the story it was
given, no scoring, no encoding), adds the records that were never clustered, and writes
their story, lead embedding and terms back. Rerunning on the same records changes nothing;
adding articles never moves an article already placed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

from parallax.comparison.stories import (
    DEFAULT_PARAMS,
    ClusterParams,
    StoryFeatures,
    StoryIndex,
    features,
)
from parallax.record import ArticleRecord
from parallax.store.sqlite import SQLiteStore


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day else None


def update_stories(
    store: SQLiteStore,
    records: Sequence[ArticleRecord],
    params: ClusterParams = DEFAULT_PARAMS,
) -> dict[str, str]:
    """Cluster the records that are not yet in a stored story; return every record's story id."""
    index = StoryIndex(params)
    story_ids: list[str] = []
    number: dict[str, int] = {}
    for article_id, story_id, day, blob, terms in store.story_features():
        vector = np.frombuffer(blob, dtype=np.float32)
        if story_id not in number:
            number[story_id] = len(story_ids)
            story_ids.append(story_id)
        index.file(StoryFeatures(article_id, day, vector, frozenset(terms)), number[story_id])
    known = set(index.ids)
    fresh = [r for r in records if r["id"] not in known and r.get("status") == "analysed"]
    fresh.sort(key=lambda r: (r.get("date") is None, str(r.get("date") or ""), r["id"]))
    for item, record in zip(features(fresh), fresh, strict=True):
        story = index.place(item)
        if story < 0:
            story_ids.append(f"story-{record['id']}")
        story = index.file(item, story)
        home = index.stories[story]
        store.put_story_article(
            item.id,
            story_ids[story],
            item.day,
            item.vector.astype(np.float32).tobytes(),
            sorted(item.terms),
            {
                "label": record.get("title") if len(home.members) == 1 else None,
                "first_date": _iso(home.first_day),
                "last_date": _iso(home.last_day),
            },
        )
    return {r["id"]: store.story_of(r["id"]) or "" for r in records}
