"""Actors, quotations, events and timelines: who did and said what to whom, and when.

The logic lives here; the pipeline components in :mod:`parallax.components` are thin
wrappers, so comparisons, evaluations and other tools can call the same functions.
"""

from parallax.actors.events import extract_events
from parallax.actors.named_events import NamedEvents
from parallax.actors.quotes import extract_quotes
from parallax.actors.resolve import MentionIndex, resolve_actors
from parallax.actors.timeline import article_timeline, merge_timelines

__all__ = [
    "MentionIndex",
    "NamedEvents",
    "article_timeline",
    "extract_events",
    "extract_quotes",
    "merge_timelines",
    "resolve_actors",
]
