"""The ``timeline`` component: the dated events an article cites, oldest first."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from parallax.actors import article_timeline
from parallax.model import Analysis
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion


class Timeline:
    """Turn the dated events into the article's timeline."""

    name = "timeline"
    version = CodeVersion()
    requires = ("actors", "events")
    assigns = ("timeline",)

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add the ``timeline`` layer to each analysis."""
        for analysis in analyses:
            names = {a["id"]: a["name"] for a in analysis.layers.get("actors", [])}
            analysis.layers["timeline"] = article_timeline(analysis.layers.get("events", []), names)
            yield analysis


@register("timeline")
def make_timeline() -> Timeline:
    """Factory for :class:`Timeline`."""
    return Timeline()
