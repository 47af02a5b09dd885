"""Reference knowledge: sourced entities and facts that claims are checked against."""

from parallax.knowledge.base import KnowledgeBase, alias_key, bundled, load_dir
from parallax.knowledge.model import Fact, KBEntity

__all__ = ["Fact", "KBEntity", "KnowledgeBase", "alias_key", "bundled", "load_dir"]
