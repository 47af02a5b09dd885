"""Built-in pipeline components; importing this package registers them."""

from parallax.components import (
    actors,
    claims,
    embed,
    entities,
    events,
    factcheck,
    frames,
    parse,
    portrayal,
    quotes,
    sentences,
    statements,
    techniques,
    timeline,
    times,
)

__all__ = [
    "actors",
    "claims",
    "embed",
    "entities",
    "events",
    "factcheck",
    "frames",
    "parse",
    "portrayal",
    "quotes",
    "sentences",
    "statements",
    "techniques",
    "timeline",
    "times",
]
