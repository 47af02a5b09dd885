"""Built-in pipeline components; importing this package registers them."""

from parallax.components import embed, entities, parse, sentences, statements

__all__ = ["embed", "entities", "parse", "sentences", "statements"]
