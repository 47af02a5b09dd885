"""A common word capitalised only because it opens a sentence is no name.

The tagger reads "Turnout across the country was ..." as a person called Turnout; a report
then lists Turnout among the actors and the names one source mentions and another leaves
out. Such a word is told apart by the article alone: it is one word tagged as a person or an
organisation, opens its sentence, is not a proper noun to the parser, and the article never
writes it with a capital anywhere else. Nationalities and parties are left alone ("Republican
senators objected" keeps its party), as is the last word of a longer name the article
gives ("Anna Berg ... Berg said").
"""

from __future__ import annotations

from typing import Any

NAME_LABELS = frozenset({"PERSON", "ORG"})


def capitalised_by_position(ent: Any) -> bool:
    """Whether a one-word person or organisation is a common word opening its sentence."""
    if len(ent) != 1 or ent.label_ not in NAME_LABELS:
        return False
    token = ent[0]
    if token.pos_ == "PROPN" or token.text.isupper() or not token.text[:1].isupper():
        return False
    opening = token.doc[token.sent.start : token.i]
    if not all(t.is_punct or t.is_space for t in opening):
        return False
    if any(len(other) > 1 and other[-1].text == token.text for other in token.doc.ents):
        return False  # the surname of a name given in full ("Anna Berg ... Berg said")
    return not any(
        other.text == token.text and other.i != token.i and other.i != other.sent.start
        for other in token.doc
    )
