"""Names with a particle the entity tagger cuts in two ("Ursula von der Leyen").

The small tagger ends a person's name at a lowercase particle and reads what follows as a
name of its own: "Ursula von der" a person and "Leyen" a place, so the report listed a
place called Leyen that "called the deal historic". A person's name that ends in a
surname particle (or is followed by particles the tagger left untagged) and then at once
by one capitalised word is read as one name.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ter"}
)
"""Lowercase words that begin or continue a surname in European names (a closed class)."""


def entities_with_whole_names(doc: Any) -> list[Any]:
    """``doc.ents``, with a person's name cut at a particle joined to the word after it."""
    ents = list(doc.ents)
    joined: list[Any] = []
    skip = None
    for i, ent in enumerate(ents):
        if ent is skip:
            continue
        after = ents[i + 1] if i + 1 < len(ents) else None
        end = ent.end  # particles the tagger left out of both names ("Marta van | der |")
        while end < len(doc) and doc[end].lower_ in PARTICLES and not doc[end].ent_type_:
            end += 1
        if (
            ent.label_ == "PERSON"
            and (ent[-1].lower_ in PARTICLES or end > ent.end)
            and after is not None
            and after.start == end
            and len(after) == 1
            and after[0].text[:1].isupper()
        ):
            joined.append(Span(doc, ent.start, after.end, label="PERSON"))
            skip = after
            continue
        joined.append(ent)
    return joined
