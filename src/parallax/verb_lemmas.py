"""Verb lemmas the rule lemmatiser gets wrong when a stem with and without "e" are both verbs.

The English model lemmatises a verb by stripping its ending and keeping the candidates its
index knows. When two are known it keeps the shorter one: "fined" becomes "fin" (not
"fine"), "hoped" "hop", "rated" "rat", "scared" "scar", "waged" "wag", "hates" "hat". The
events table then shows an act nobody did ("Northsea Petroleum was fin"), and whatever
keys on a verb's lemma (harmful deeds, speech verbs) misses it.

English spelling settles these. A short stem ending in one vowel and one consonant doubles
that consonant before "-ed" and "-ing" ("hop" -> "hopped", "hopping"), so an undoubled
"hoped" or "hoping" is "hope"'s; and "-es" follows only a stem ending in a hissing sound
or "o" ("fixes", "vetoes"), so "hopes" is "hope"'s. Only the spaCy model's own verb index
is consulted: a lemma changes only to another known verb.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language

COMPONENT = "parallax_verb_lemmas"
"""The pipeline component's name, placed right after the lemmatiser."""

_SHORT_STEM = re.compile(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$")
"""A stem ending in one vowel and one consonant (not w, x or y), which doubles it before
"-ed" and "-ing" ("hop", "plan", "star")."""
_HISSING = ("s", "x", "z", "ch", "sh", "o")
"""Stem endings that take "-es" in the third person ("fixes", "pushes", "vetoes")."""


def corrected_lemma(text: str, lemma: str, verbs: frozenset[str]) -> str:
    """The lemma of the verb form ``text`` given the lemmatiser's ``lemma`` (see the module).

    ``verbs`` is the lower-case verb index. The lemma changes only when it is the form's
    bare stem and the stem with "e" is a verb too.
    """
    lower = text.lower()
    for ending in ("ed", "ing"):
        stem = lower[: -len(ending)]
        if (
            lower.endswith(ending)
            and lemma == stem
            and _SHORT_STEM.search(stem)
            and stem + "e" in verbs
        ):
            return stem + "e"
    stem = lower[:-2]
    hissing = stem.endswith(_HISSING)
    if lower.endswith("es") and lemma == stem and not hissing and stem + "e" in verbs:
        return stem + "e"
    return lemma


_VERBS: dict[str, frozenset[str]] = {}
"""The model's verb index, read once by :func:`add_to`."""


@Language.component(COMPONENT)
def fix_verb_lemmas(doc: Any) -> Any:
    """Correct the lemmas of the Doc's verbs (see the module)."""
    verbs = _VERBS.get("verb", frozenset())
    for token in doc:
        if token.pos_ == "VERB":
            lemma = corrected_lemma(token.text, token.lemma_, verbs)
            if lemma != token.lemma_:
                token.lemma_ = lemma
    return doc


def add_to(nlp: Any) -> None:
    """Add the component after the model's lemmatiser, reading its verb index."""
    if COMPONENT in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        _VERBS["verb"] = frozenset(str(word) for word in table["verb"])
    except (KeyError, ValueError, AttributeError):
        return
    nlp.add_pipe(COMPONENT, after="lemmatizer")
