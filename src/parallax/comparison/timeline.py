"""The merged cross-article timeline, from helper "actors"' :func:`merge_timelines`.

The timeline layer and its merge live with the actors and events (``parallax.actors``);
comparison only calls them. When that package is not installed (an older build), the
merged timeline is empty rather than an error.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from parallax.record import ArticleRecord, MergedTimelineEntry


def merged_timeline(records: Sequence[ArticleRecord]) -> list[MergedTimelineEntry]:
    """One timeline over the records, each entry listing the sources that cite it."""
    try:
        actors = importlib.import_module("parallax.actors")
    except ImportError:
        return []
    return list(actors.merge_timelines(list(records)))
