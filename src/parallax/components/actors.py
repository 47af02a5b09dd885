"""The ``actors`` component: canonical actors with their mentions (see parallax.actors)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from parallax.actors import resolve_actors
from parallax.knowledge import KnowledgeBase, bundled
from parallax.model import Analysis
from parallax.pipeline.registry import register


class Actors:
    """Resolve named entities, noun phrases and pronouns to canonical actors."""

    name = "actors"
    version = "1"
    requires = ("doc", "sentences", "entities")
    assigns = ("actors",)

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb if kb is not None else bundled()

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add the ``actors`` layer to each analysis."""
        for analysis in analyses:
            analysis.layers["actors"] = resolve_actors(
                analysis.doc, analysis.sentences, self.kb, when=analysis.article.date
            )
            yield analysis


@register("actors")
def make_actors() -> Actors:
    """Factory for :class:`Actors`."""
    return Actors()
