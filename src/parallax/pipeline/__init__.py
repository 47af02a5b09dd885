"""The analysis pipeline: one object, built from components, called the same way everywhere.

The default pipeline is built by :func:`parallax.components.load` (also ``parallax.load``),
one layer up: this package knows how to run components, not which ones exist.
"""

from parallax.pipeline.core import Component, Pipeline
from parallax.pipeline.registry import component_factory, planned_version, register

__all__ = ["Component", "Pipeline", "component_factory", "planned_version", "register"]
