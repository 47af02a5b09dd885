"""Which named body a description of a body ("the company", "the agency") may take up.

Coreference (:mod:`parallax.actors.coreference`) ranks the actors before a description by
distance; these say which of them a description's noun can mean at all, and which one comes
first when the article names a body as a business or builds its name on the noun.
"""

from __future__ import annotations

from typing import Any

from parallax.actors.described_names import FIRM_NOUNS, PUBLIC_BODY_WORDS
from parallax.actors.firm_names import business_name, legal_name
from parallax.actors.mention_records import Mention
from parallax.actors.mentions import ActorResolver

FIRM_WORDS = ("company", "firm", "maker", "manufacturer", "producer", "bank", "airline")
"""Words of a knowledge-base description that make an organisation a business."""


def name_head(mention: Mention, resolver: ActorResolver) -> str | None:
    """The lower-case last word of an organisation's name ("agency" for the IAEA's full name).

    Only a name of two words or more: a one-word name ("Hamas") is built on no common noun.
    """
    words = resolver.info(mention.actor).name.split()
    return words[-1].lower() if len(words) > 1 and words[-1].isalpha() else None


def firm_like(info: Any, resolver: ActorResolver) -> bool:
    """Whether an organisation is a business "the company" may mean.

    A knowledge-base entity is one when its description says so (:data:`FIRM_WORDS`); the
    knowledge base's alliances, states' bodies and international agencies are not. An
    organisation the knowledge base does not know may be one unless its name says it is a
    public or civic body (:data:`PUBLIC_BODY_WORDS`: "the House", "the Justice
    Department") or the article uses its name as a product's (:mod:`.products`: "the new
    iPhone"): the description is left to the nearest such name, and an unnamed firm before
    it blocks the link (:func:`_mentioned_before`).
    """
    if info.kb_id is None:
        public = any(word.lower() in PUBLIC_BODY_WORDS for word in info.name.split())
        return not public and not info.extra.get("product")
    entity = resolver.kb.get(info.kb_id)
    description = (entity.description if entity is not None else "").lower()
    return any(word in description for word in FIRM_WORDS)


def named_business_first(
    ranked: list[tuple[tuple[int, ...], Mention]], resolver: ActorResolver
) -> list[tuple[tuple[int, ...], Mention]]:
    """Only the candidates of the one organisation named as a business, when there is one.

    After "Northsea Petroleum was fined", "Greenpeace accused the company" means the firm:
    an organisation whose name, knowledge-base entry or earlier description says it is a
    business (:func:`_named_business`) comes before one that only may be; two such stay
    rivals, and the description unresolved.
    """
    named = {m.actor for _, m in ranked if named_business(m, resolver)}
    if len(named) != 1:
        return ranked
    return [pair for pair in ranked if pair[1].actor in named]


def named_on_the_noun_first(
    ranked: list[tuple[tuple[int, ...], Mention]],
    noun: str,
    reach: int,
    resolver: ActorResolver,
) -> list[tuple[tuple[int, ...], Mention]]:
    """Only the candidates of the one body whose name is built on the description's noun.

    "The agency" after "the Environmental Protection Agency" means it, however many
    councils and courts were named since and however far back it was named: a report on
    one agency names it once and calls it "the agency" throughout. Two such bodies stay
    rivals, and with none every organisation in reach competes as before.
    """
    named = {m.actor for _, m in ranked if name_head(m, resolver) == noun}
    if len(named) != 1:
        return [pair for pair in ranked if pair[0][0] <= reach]
    return [pair for pair in ranked if pair[1].actor in named]


def named_business(mention: Mention, resolver: ActorResolver) -> bool:
    """Whether a mention's organisation is said to be a business, not only possibly one.

    By a line of business or a legal form in its name ("Northsea Petroleum", "Acme Ltd"),
    by the knowledge base's description, or by an earlier "the company" resolved to it.
    """
    info = resolver.info(mention.actor)
    if mention.kind == "description":
        return mention.text.split()[-1].lower() in FIRM_NOUNS
    if info.kb_id is not None:
        return firm_like(info, resolver)
    return business_name(info.name) or legal_name(info.name)
