"""Component factories by name, and :func:`load`, which builds the default pipeline.

Later capabilities add their components by registering a factory and naming it in
:data:`DEFAULT_COMPONENTS`; the core in :mod:`parallax.pipeline.core` does not change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from parallax.errors import ConfigError
from parallax.pipeline.core import Component, Pipeline

Factory = Callable[[], Component]
_FACTORIES: dict[str, Factory] = {}

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
    "techniques",
    "frames",
    "genre",
    "portrayal",
)
"""The components :func:`load` builds when none are named, in order."""


def register(name: str) -> Callable[[Factory], Factory]:
    """Register a component factory under ``name`` (a decorator)."""

    def decorate(factory: Factory) -> Factory:
        _FACTORIES[name] = factory
        return factory

    return decorate


def component_factory(name: str) -> Factory:
    """Return the factory registered as ``name``.

    Raises:
        ConfigError: no component has that name.
    """
    _import_builtin_components()
    try:
        return _FACTORIES[name]
    except KeyError:
        known = ", ".join(sorted(_FACTORIES))
        raise ConfigError(f"no pipeline component is named {name!r}; known: {known}") from None


def _import_builtin_components() -> None:
    # Imported here, not at module level, so the core never depends on the components.
    import parallax.components  # noqa: F401


def load(
    components: Sequence[str] | None = None, *, languages: Sequence[str] = ("en",)
) -> Pipeline:
    """Build a pipeline from component names (the default analysis when None)."""
    names = DEFAULT_COMPONENTS if components is None else tuple(components)
    return Pipeline([component_factory(name)() for name in names], languages=languages)
