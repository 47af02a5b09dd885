"""The analysis pipeline: one object, built from components, called the same way everywhere."""

from parallax.pipeline.core import Component, Pipeline
from parallax.pipeline.registry import DEFAULT_COMPONENTS, component_factory, load, register

__all__ = ["DEFAULT_COMPONENTS", "Component", "Pipeline", "component_factory", "load", "register"]
