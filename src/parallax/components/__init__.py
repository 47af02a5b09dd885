"""Built-in pipeline components; importing this package registers them."""

from parallax.components import embed, entities, frames, parse, sentences, techniques

__all__ = ["embed", "entities", "frames", "parse", "sentences", "techniques"]
