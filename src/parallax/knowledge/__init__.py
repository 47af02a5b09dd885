"""Reference knowledge: sourced entities and facts that claims are checked against.

:func:`default_knowledge` is what the checker reads: the bundled knowledge merged with the
user's own (imports and entities in ``$PARALLAX_KB``); :func:`bundled` is the bundled part.
"""

from parallax.knowledge.base import (
    KnowledgeBase,
    alias_key,
    bundled,
    kind_word,
    load_dir,
    named_otherwise,
    stands_for,
    written_as_named,
)
from parallax.knowledge.model import Fact, KBEntity
from parallax.knowledge.user import default_knowledge, user_kb_dir

__all__ = [
    "Fact",
    "KBEntity",
    "KnowledgeBase",
    "alias_key",
    "bundled",
    "default_knowledge",
    "kind_word",
    "load_dir",
    "named_otherwise",
    "stands_for",
    "user_kb_dir",
    "written_as_named",
]
