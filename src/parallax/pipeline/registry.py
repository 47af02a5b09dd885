"""Component factories by name.

A component module registers its factory with :func:`register`; a pipeline is then built
from names. The registry knows no component itself: the built-in ones register when
:mod:`parallax.components` is imported, and :func:`parallax.components.load` builds the
default pipeline from them, so this layer never imports the one above it.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Sequence

from parallax.errors import ConfigError
from parallax.pipeline.core import Component, pipeline_version

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


def planned_version(names: Sequence[str]) -> str:
    """The version a pipeline of these components will have, without building it.

    A factory's return annotation names the component's class, whose ``name`` and
    ``version`` are class attributes (``CodeVersion`` computes the version from files), so
    no model is loaded. A factory whose class does not say is called instead.

    Raises:
        ConfigError: a name is not a registered component.
    """
    pairs = []
    for name in names:
        factory = component_factory(name)
        made = _made_class(factory)
        declared = (getattr(made, "name", None), getattr(made, "version", None))
        if isinstance(declared[0], str) and isinstance(declared[1], str):
            pairs.append((declared[0], declared[1]))
        else:
            component = factory()
            pairs.append((component.name, component.version))
    return pipeline_version(pairs)


def _made_class(factory: Factory) -> type | None:
    try:
        made = typing.get_type_hints(factory).get("return")
    except (NameError, TypeError):  # an annotation that cannot be resolved here
        return None
    return made if isinstance(made, type) else None
