"""The ``quotes`` component: direct and indirect quotations with their speakers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from parallax.actors import extract_quotes
from parallax.model import Analysis
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion


class Quotes:
    """Find quotations and attribute each to an actor."""

    name = "quotes"
    version = CodeVersion()
    requires = ("doc", "sentences", "actors")
    assigns = ("quotes",)

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add the ``quotes`` layer to each analysis."""
        for analysis in analyses:
            analysis.layers["quotes"] = extract_quotes(
                analysis.doc,
                analysis.article.text,
                analysis.sentences,
                analysis.layers.get("actors", []),
            )
            yield analysis


@register("quotes")
def make_quotes() -> Quotes:
    """Factory for :class:`Quotes`."""
    return Quotes()
