"""Names with a particle the entity tagger cuts in two ("Ursula von der Leyen").

The small tagger ends a person's name at a lowercase particle and reads what follows as a
name of its own: "Ursula von der" a person and "Leyen" a place, so the report listed a
place called Leyen that "called the deal historic". A person's name that ends in a
surname particle (or is followed by particles the tagger left untagged) and then at once
by one capitalised word is read as one name. So is a party's name whose first word the
tagger left out ("the Liberal Democrats", tagged as "Democrats").
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
        joined.append(_with_party_word(ent))
    return joined


def _with_party_word(ent: Any) -> Any:
    """A people's or party's name with the capitalised word before it the tagger left out.

    "The Liberal Democrats", "the Free Democrats": the tagger tags only "Democrats", and the
    party became the US Democrats of every other article. An untagged capitalised word
    joined to the name's head (a proper noun anywhere, an adjective inside its sentence)
    is part of the name; a tagged one ("House Democrats": the House) stays apart.
    """
    if ent.label_ != "NORP" or ent.start == 0:
        return ent
    before = ent.doc[ent.start - 1]
    capitalised = before.text[:1].isupper() and before.text[1:].islower()
    if not capitalised or before.ent_type_ or before.head.i != ent.root.i:
        return ent
    if before.dep_ not in {"compound", "amod"}:
        return ent
    if before.pos_ == "ADJ" and before.i == before.sent.start:
        return ent  # "Angry Democrats said": a sentence's first word is capitalised anyway
    if before.pos_ not in {"PROPN", "ADJ"}:
        return ent
    return Span(ent.doc, ent.start - 1, ent.end, label=ent.label_)
