"""Component factories by name.

A component module registers its factory with :func:`register`; a pipeline is then built
from names. The registry knows no component itself: the built-in ones register when
:mod:`parallax.components` is imported, and :func:`parallax.components.load` builds the
default pipeline from them, so this layer never imports the one above it.
"""

from __future__ import annotations

from collections.abc import Callable

from parallax.errors import ConfigError
from parallax.pipeline.core import Component

Factory = Callable[[], Component]
_FACTORIES: dict[str, Factory] = {}


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
    try:
        return _FACTORIES[name]
    except KeyError:
        known = ", ".join(sorted(_FACTORIES)) or "none yet"
        raise ConfigError(
            f"no pipeline component is named {name!r}; known: {known} (a component is known "
            "once the module that registers it is imported; the built-in ones register with "
            "`import parallax.components`)"
        ) from None
