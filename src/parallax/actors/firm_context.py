"""Firms the tagger calls places or people, told by what the article says they have.

The small tagger types many firms it has not learnt as places or people, and the same firm
differently from sentence to sentence: on invented business copy it called Cisco, Nvidia,
Netflix, Mastercard and Alibaba a place, and Ericsson or Petrobras a person, in one frame
or another ("Shares of Cisco fell", "Ericsson's chief executive said"). Typed a place, the
firm cannot be "the company" of the next sentence, and a report lists it among the places.

What a name is said to have settles it: shares traded in it, shareholders, a chief
executive, a subsidiary. A place or a person has none of these ("Russia's share of the
market" is a portion, not stock; a person's own shares are not written "shares of Musk").
So does a name that ends in a word for a line of business, however it was tagged
("Northsea Petroleum", :func:`~parallax.actors.firm_names.business_name`). An unknown
actor (the knowledge base's types stand) with such a mention is an organisation, whatever
its other mentions were tagged; this runs after, and overrides,
:func:`parallax.actors.place_names.places_tagged_as_bodies`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from parallax.actors.firm_names import business_name
from parallax.actors.retyping import ActorLike, MentionLike, retype

STOCK_NOUNS = frozenset({"share", "stock"})
"""What is traded in a listed firm: "shares of Cisco", "Cisco shares", "Cisco stock"."""
OWNED_BY_FIRMS = frozenset(
    {"shareholder", "stockholder", "subsidiary", "ceo", "cfo", "coo", "boardroom"}
)
"""What only a firm has: "Cisco's shareholders", "Nvidia's CEO"."""
OFFICERS = frozenset({"executive", "officer"})
"""Heads of a firm named with "chief" ("Ericsson's chief executive", "chief financial
officer"); "chief of staff" is a government's too, and has no such head."""
PRICE_NOUNS = frozenset({"price", "value", "valuation", "capitalisation", "capitalization"})
"""Nouns a stock noun can modify ("Cisco's share price", "market value")."""


def firms_tagged_otherwise(
    mentions: Sequence[MentionLike], actors: Mapping[str, ActorLike], doc: Any
) -> None:
    """Retype unknown places and people the article shows to be firms (see the module)."""
    retype(
        mentions,
        actors,
        lambda m: company_context(doc[m.head]) or business_name(m.text),
        from_types=frozenset({"place", "person"}),
        to_type="organisation",
        label="ORG",
    )


def company_context(token: Any) -> bool:
    """Whether a name's head word stands where only a firm's name does.

    "Shares of Cisco" (the name after "of" on a plural stock noun), "Cisco shares" and
    "Cisco stock" (the name compounded with one), "Cisco's shareholders", "Cisco's chief
    executive", "Cisco's share price".
    """
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of":
        owner = head.head
        return _stock(owner) or owner.lemma_.lower() in OWNED_BY_FIRMS
    if token.dep_ not in {"poss", "compound"} or head.i == token.i or head.pos_ != "NOUN":
        return False
    lemma = head.lemma_.lower()
    if lemma in OWNED_BY_FIRMS:
        return True
    if lemma in OFFICERS and any(c.lower_ == "chief" for c in head.children):
        return True
    if token.dep_ == "compound" and _stock(head):
        return True  # "Cisco shares fell"; "Cisco's shares" may be someone's own
    return lemma in PRICE_NOUNS and any(_stock(c) for c in head.children if c.dep_ == "compound")


def _stock(noun: Any) -> bool:
    """Shares or stock traded ("shares", "stock"): not "share" of a market, a portion."""
    lemma = str(noun.lemma_).lower()
    return str(noun.pos_) == "NOUN" and (
        (lemma == "share" and noun.tag_ == "NNS") or (lemma == "stock" and noun.tag_ == "NN")
    )
