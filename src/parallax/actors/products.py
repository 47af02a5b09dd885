"""Products the tagger calls organisations: "the new iPhone" is no company.

The small tagger types many product names as organisations ("a MacBook Air", "the
iPhone", "Xbox"), and "the company said" later in a report then took the product for its
firm, or, with the real firm also named, was left unresolved between the two. A name is a
product's when the article uses it as one, in ways a firm's name is not used:

- counted or taken one of many: "a MacBook Air", "two Pixel phones" (the name heads a
  phrase with "a", "another", "each" or a number; "a Microsoft spokesman" has the article
  on the spokesman);
- told as the newest of its line: "the new iPhone", "its latest Galaxy";
- given a model number: "iPhone 15", "Galaxy S24", "Windows 11", "737 MAX";
- the thing unveiled, released, debuted or installed ("Harlow unveiled the Aria").

"Launched" and "bought" are left out: firms are launched (founded) and bought too. An
actor with any such mention is a product unless another mention shows a firm
(:func:`parallax.actors.firm_context.company_context`: "shares of X"); only actors the
knowledge base does not know are marked, in ``extra["product"]``, and the coreference of
"the company" passes them over (:mod:`parallax.actors.coreference`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from parallax.actors.firm_context import company_context

COUNTING_DETERMINERS = frozenset({"a", "an", "another", "each", "every"})
NEWEST = frozenset({"new", "latest", "upcoming"})
SHOWING_VERBS = frozenset({"unveil", "release", "debut", "preview", "install", "download"})
"""Verbs whose object is a made thing shown or put in use for the first time (not
"launch", which founds firms too)."""


class _Mention(Protocol):
    actor: str
    label: str
    head: int
    token_start: int
    token_end: int


class _Actor(Protocol):
    type: str
    kb_id: str | None
    extra: dict[str, Any]


def mark_products(mentions: Sequence[_Mention], actors: Mapping[str, _Actor], doc: Any) -> None:
    """Mark the unknown organisations the article uses as products (see the module)."""
    products, firms = set(), set()
    for mention in mentions:
        actor = actors.get(mention.actor)
        if actor is None or actor.kb_id is not None or actor.type != "organisation":
            continue
        if company_context(doc[mention.head]):
            firms.add(mention.actor)
        elif mention.label == "ORG" and used_as_product(
            doc[mention.token_start : mention.token_end]
        ):
            products.add(mention.actor)
    for actor_id in products - firms:
        actors[actor_id].extra["product"] = True


def used_as_product(span: Any) -> bool:
    """Whether a name is used the way only a product's name is (see the module)."""
    head = span.root
    for child in head.children:
        if span.start <= child.i < span.end:
            continue
        word = child.lower_
        if child.dep_ == "det" and word in COUNTING_DETERMINERS:
            return True
        if child.dep_ == "nummod" or (child.dep_ == "compound" and child.like_num):
            return True  # "two Pixel phones", "737 MAX"
        if child.dep_ == "amod" and word in NEWEST:
            return True
    if len(span) > 1 and _model_number(span[-1].text) and not _model_number(span[0].text):
        return True  # "iPhone 15", "Galaxy S24"
    return head.dep_ == "dobj" and head.head.lemma_.lower() in SHOWING_VERBS


def _model_number(word: str) -> bool:
    """A number, or letters and digits together ("15", "S24", "A320")."""
    return any(ch.isdigit() for ch in word) and word.replace("-", "").isalnum()
