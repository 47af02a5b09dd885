"""The ``events`` component: who did what to whom and when (see parallax.actors.events)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from parallax.actors import NamedEvents, extract_events
from parallax.datelines import written_on
from parallax.domains import PACK_DATA
from parallax.knowledge import KnowledgeBase, bundled
from parallax.model import Analysis
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion


class Events:
    """Extract events from the parse, dated by the ``times`` layer or the knowledge base."""

    name = "events"
    version = CodeVersion(data=PACK_DATA)
    requires = ("doc", "sentences", "times", "actors")
    assigns = ("events",)

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.named = NamedEvents(kb if kb is not None else bundled())

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add the ``events`` layer to each analysis."""
        for analysis in analyses:
            analysis.layers["events"] = extract_events(
                analysis.doc,
                analysis.sentences,
                analysis.layers.get("actors", []),
                analysis.layers.get("times", []),
                self.named,
                written_on(analysis.article.text, analysis.article.date),
            )
            yield analysis


@register("events")
def make_events() -> Events:
    """Factory for :class:`Events`."""
    return Events()
