"""Built-in pipeline components; importing this package registers them.

:func:`load` builds the default analysis pipeline from them (``parallax.load`` is the same
function). Other components join a pipeline by registering a factory
(:func:`parallax.pipeline.register`) and being named in ``load(components=[...])``.
"""

from __future__ import annotations

from collections.abc import Sequence

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
from parallax.pipeline import Pipeline, component_factory, planned_version

__all__ = [
    "DEFAULT_COMPONENTS",
    "actors",
    "claims",
    "embed",
    "entities",
    "events",
    "factcheck",
    "frames",
    "load",
    "parse",
    "portrayal",
    "quotes",
    "sentences",
    "statements",
    "techniques",
    "timeline",
    "times",
    "version",
]

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "parse",
    "sentences",
    "entities",
    "embed",
    "times",
    "actors",
    "quotes",
    "events",
    "timeline",
    "statements",
    "claims",
    "techniques",
    "frames",
    "genre",
    "portrayal",
    "factcheck",
)
"""The components :func:`load` builds when none are named, in order."""


def load(
    components: Sequence[str] | None = None, *, languages: Sequence[str] = ("en",)
) -> Pipeline:
    """Build a pipeline from component names (the default analysis when None).

    Raises:
        ConfigError: a name is not a registered component.
        PipelineError: the components cannot run in that order (see :class:`Pipeline`).
    """
    names = DEFAULT_COMPONENTS if components is None else tuple(components)
    return Pipeline([component_factory(name)() for name in names], languages=languages)


def version(components: Sequence[str] | None = None) -> str:
    """The version ``load(components).version`` would be, without loading a model.

    For callers that only need to know which stored analyses are current (``compare``,
    ``show``): building the pipeline loads spaCy, the encoder and every trained head.
    """
    return planned_version(DEFAULT_COMPONENTS if components is None else tuple(components))
