"""Built-in pipeline components; importing this package registers them."""

from parallax.components import entities, parse, sentences

__all__ = ["entities", "parse", "sentences"]
