"""Built-in pipeline components; importing this package registers them."""

from parallax.components import claims, embed, entities, factcheck, parse, sentences, times

__all__ = ["claims", "embed", "entities", "factcheck", "parse", "sentences", "times"]
