"""Names with a particle the entity tagger cuts in two ("Ursula von der Leyen").

The small tagger ends a person's name at a lowercase particle and reads what follows as a
name of its own: "Ursula von der" a person and "Leyen" a place, so the report listed a
place called Leyen that "called the deal historic". A person's name that ends in a
surname particle (or is followed by particles the tagger left untagged) and then at once
by one capitalised word is read as one name. So is a party's name whose first word the
tagger left out ("the Liberal Democrats", tagged as "Democrats"), and a body's name the
tagger stopped at the place that opens it ("the U.S. | Chamber of Commerce").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from parallax.actors.body_context import ACTING_BODY_WORDS

PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ter"}
)
"""Lowercase words that begin or continue a surname in European names (a closed class)."""


CONJUNCTIONS = frozenset({"and", "&"})
"""Words a body's name cannot end in: the tagger cut it there ("Action and | Solidarity")."""


def entities_with_whole_names(doc: Any) -> list[Any]:
    """``doc.ents``, with a name cut at a particle or an "and" joined to the name after it."""
    ents = list(doc.ents)
    people = frozenset(
        " ".join(w.text for w in e[i:]) for e in ents if e.label_ == "PERSON" for i in range(len(e))
    )  # a person's full name and its last words ("Maia Sandu", "Sandu")
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
        if (
            ent.label_ == "ORG"
            and ent[-1].lower_ in CONJUNCTIONS
            and after is not None
            and after.start == ent.end
            and after[0].text[:1].isupper()
        ):
            # "the Party of Action and | Solidarity": a body's name cut at its "and"
            joined.extend(_owner_apart(Span(doc, ent.start, after.end, label="ORG"), people))
            skip = after
            continue
        joined.extend(_owner_apart(ent, people))
    return [_with_body_head(ent) for ent in joined]


BODY_HEADS = ACTING_BODY_WORDS | frozenset({"chamber"})


def _with_body_head(ent: Any) -> Any:
    """A place's name with the body whose name it opens, when the tagger stopped at the place.

    "The U.S. Chamber of Commerce backed him" is tagged as "The U.S." alone: the report
    showed the United States backing the nominee. A tagged place or body whose last word
    modifies an untagged proper noun for a body ("Chamber", "Department", "Commission")
    right after it begins that body's name, which runs on through its "of" phrase ("of
    Commerce", "of Public Safety").
    """
    if ent.label_ not in {"GPE", "ORG"} or ent[-1].dep_ != "compound":
        return ent
    doc, head = ent.doc, ent[-1].head
    between = doc[ent.end : head.i]
    if head.i < ent.end or head.pos_ != "PROPN" or head.ent_type_:
        return ent
    if head.lemma_.lower() not in BODY_HEADS or any(
        t.pos_ != "PROPN" or t.ent_type_ or t.head.i != head.i for t in between
    ):
        return ent
    end = head.i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end].head.i == head.i:
        run = end + 1
        while run < len(doc) and doc[run].pos_ == "PROPN" and not doc[run].ent_type_:
            run += 1
        end = run if run > end + 1 else end
    return Span(doc, ent.start, end, label="ORG")


def _owner_apart(ent: Any, people: frozenset[str]) -> list[Any]:
    """A body's name with the person the tagger ran in before it split off.

    "Sandu's Party of Action and Solidarity" is tagged as one organisation; the owner is
    the person named in full elsewhere ("Maia Sandu"), and the body is what follows the
    "'s". A firm named after its founder ("McDonald's Corporation") has no such person in
    the article, and stays whole.
    """
    if ent.label_ != "ORG":
        return [_with_party_word(ent)]
    for k, token in enumerate(ent[1:-1], start=1):
        if token.tag_ == "POS" and ent[:k].text in people:
            doc = ent.doc
            return [
                Span(doc, ent.start, ent.start + k, label="PERSON"),
                Span(doc, ent.start + k + 1, ent.end, label="ORG"),
            ]
    return [_with_party_word(ent)]


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
