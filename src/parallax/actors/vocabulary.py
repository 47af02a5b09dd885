"""Which English words are common nouns and verbs: the parser's own word lists.

The English spaCy model we ship lemmatises by rules checked against an index of the
language's nouns, verbs and adjectives (the ``lemma_index`` lookups table of its
lemmatiser). That index is a vocabulary the project already has: it says that "debris" or
"wildfire" is a common noun, whatever the entity tagger made of a capitalised one, and that
"reside" and "migrate" are verbs, so "resident" and "migrant" are nouns for who does them.
It holds some proper names written in lower case ("washington") and common nouns that are
also surnames ("smith"), so a caller weighs it beside the article's own evidence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from parallax.spacy_model import load_spacy


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[str]]:
    """Part of speech ("noun", "verb", "adj") -> its lower-case words; empty if absent."""
    try:
        lookups = load_spacy().get_pipe("lemmatizer").lookups
        table = lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return {}
    found: dict[str, frozenset[str]] = {}
    for pos in ("noun", "verb", "adj"):
        try:
            found[pos] = frozenset(str(word) for word in table[pos])
        except KeyError:
            found[pos] = frozenset()
    return found


def is_common_noun(word: str, *, plural: bool = False) -> bool:
    """Whether ``word`` (any case) is a common noun of the vocabulary.

    ``plural``: the tagger read the word as a plural, so its singular is looked up too
    ("Wildfires", "Landslides"); a singular reading is looked up as written, since a name
    ending in "s" ("Banks") is not a plural.
    """
    nouns = _index().get("noun", frozenset())
    lowered = word.lower()
    if lowered in nouns:
        return True
    if not plural:
        return False
    if lowered.endswith("ies") and lowered[:-3] + "y" in nouns:
        return True
    if lowered.endswith("es") and lowered[:-2] in nouns:
        return True
    return lowered.endswith("s") and lowered[:-1] in nouns


def is_verb(word: str) -> bool:
    """Whether ``word`` (any case) is a verb of the vocabulary."""
    return word.lower() in _index().get("verb", frozenset())


def noun_read_as_verb(token: Any) -> bool:
    """Whether the tagger read as a bare verb a word the vocabulary knows only as a noun.

    The small tagger reads "climate" in "adapt to climate change" as an infinitive after
    "to". A bare form (not inflected, so no "-ed" or "-s" to show a verb) that the parser's
    word lists have as a noun and never as a verb is the noun.
    """
    if token.tag_ not in {"VB", "VBP"} or token.lower_ != token.lemma_.lower():
        return False
    return is_common_noun(token.lower_) and not is_verb(token.lower_)
