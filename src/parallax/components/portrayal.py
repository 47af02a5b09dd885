"""Fill each actor's role and sentiment, with supporting sentences, on the ``actors`` layer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from parallax.model import Analysis
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion
from parallax.portrayal import portray


class Portrayal:
    """Run :func:`parallax.portrayal.portray` on each article's actors, in place."""

    name = "portrayal"
    version = CodeVersion()
    requires = ("sentences", "actors", "events", "techniques")
    assigns = ("actors.portrayal",)

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Portray the actors of each analysis."""
        for analysis in analyses:
            portray(
                analysis.layers.get("actors", []),
                analysis.sentences,
                analysis.article.text,
                analysis.layers.get("events", []),
            )
            yield analysis


@register("portrayal")
def make_portrayal() -> Portrayal:
    """Factory for :class:`Portrayal`."""
    return Portrayal()
