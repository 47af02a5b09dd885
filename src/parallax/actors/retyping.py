"""Giving unknown actors the type their article shows, whatever the entity tagger said.

The tagger types a name from the name alone, and unfamiliar names come out wrong: a town
taken for an organisation ("Valdoro hosted the talks"), a firm taken for a place or a person
("Shares of Cisco fell"). The article's own words settle it, and once they have, every
mention of that actor takes the new type, so that one actor is not a place in one sentence
and a firm in the next. Only actors the knowledge base does not know are retyped: a known
entity's type is the knowledge base's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol


class MentionLike(Protocol):
    """What retyping reads and sets on a mention."""

    actor: str
    label: str
    head: int
    text: str


class ActorLike(Protocol):
    """What retyping reads and sets on an actor."""

    type: str
    kb_id: str | None


def retype(
    mentions: Sequence[MentionLike],
    actors: Mapping[str, ActorLike],
    shows: Callable[[MentionLike], bool],
    *,
    from_types: frozenset[str],
    to_type: str,
    label: str,
    from_label: str | None = None,
) -> None:
    """Give ``to_type`` to every unknown actor of ``from_types`` one of whose mentions ``shows``.

    Each of its mentions takes the entity ``label`` of the new type (only those labelled
    ``from_label`` when it is given).
    """
    found = set()
    for mention in mentions:
        actor = actors.get(mention.actor)
        if actor is None or actor.kb_id is not None or actor.type not in from_types:
            continue
        if shows(mention):
            found.add(mention.actor)
    for actor_id in found:
        actors[actor_id].type = to_type
    for mention in mentions:
        if mention.actor in found and (from_label is None or mention.label == from_label):
            mention.label = label
