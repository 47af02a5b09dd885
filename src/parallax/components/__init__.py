"""Built-in pipeline components; importing this package registers them."""

from parallax.components import (
    actors,
    embed,
    entities,
    events,
    frames,
    parse,
    portrayal,
    quotes,
    sentences,
    techniques,
    timeline,
    times,
)

__all__ = [
    "actors",
    "embed",
    "entities",
    "events",
    "frames",
    "parse",
    "portrayal",
    "quotes",
    "sentences",
    "techniques",
    "timeline",
    "times",
]
