"""Built-in pipeline components; importing this package registers them."""

from parallax.components import (
    actors,
    embed,
    entities,
    events,
    parse,
    quotes,
    sentences,
    timeline,
    times,
)

__all__ = [
    "actors",
    "embed",
    "entities",
    "events",
    "parse",
    "quotes",
    "sentences",
    "timeline",
    "times",
]
