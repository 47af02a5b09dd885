"""Common words the entity tagger calls names: no actor.

The small tagger reads a capitalised word as a name largely by its shape, so a common noun
or adjective that opens a sentence comes out as an organisation or a place ("Utilities
said prices would rise", "Coastal towns flooded"), and a report then lists "Utilities" and
"Coastal" as actors that said and did things. The tagger's own part of speech knows
better: it reads such a word as a noun or an adjective, not as a proper noun. A one-word
entity that opens its sentence, that the part-of-speech tagger calls a common noun or
adjective, and that the article never writes with a capital inside a sentence is taken for
the common word it is. A word the knowledge base names is kept, and so is a group's name
(NORP), which is an adjective or a plural noun by nature ("Finnish workers", "Democrats
said"); a word lowercase throughout ("the secretary of state's office") is never a name
in edited news.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parallax.actors.datelines import after_dateline

COMMON_POS = frozenset({"NOUN", "ADJ"})
"""Parts of speech of a common word; a name the tagger recognises is PROPN."""


def common_word_as_name(ent: Any, known: Callable[[str], object]) -> bool:
    """Whether an entity is a common word the tagger took for a name (see the module).

    ``known`` looks a word up in the knowledge base (names and demonyms); a word it knows
    is a name ("Ukrainian opposition ..." opening a headline).
    """
    if not any(ch.isupper() for ch in ent.text):
        return True
    if ent.label_ == "NORP" or len(ent) != 1 or ent[0].pos_ not in COMMON_POS:
        return False  # a group's name is an adjective or a plural noun ("Finnish", "Democrats")
    if not opens_sentence(ent[0]):
        return False
    word = ent[0]
    if known(word.text):
        return False
    return not any(
        t.text == word.text and t.i != word.i and not opens_sentence(t) for t in word.doc
    )


def opens_sentence(token: Any) -> bool:
    """Whether ``token`` is the first word of its sentence (after a dateline or quote mark)."""
    sentence = token.sent
    first = after_dateline(token.doc, sentence.start)
    while first < token.i and (token.doc[first].is_punct or token.doc[first].is_space):
        first += 1
    return bool(first == token.i)
