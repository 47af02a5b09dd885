"""The contest an act is done in: "defeated Jon Husted in Ohio's governor's race".

Beating someone in an election, a primary or a match is competition, not harm: the loser
is no victim of the winner, and portrayal must not read "defeated" there as it reads
"defeated the rebels" (:mod:`parallax.portrayal.actions`). The events layer records the
contest a verb's "in" or "for" phrase names, from ordinary nouns for contests.
"""

from __future__ import annotations

from typing import Any

CONTESTS = frozenset(
    {"election", "runoff", "primary", "race", "referendum", "contest", "ballot", "vote"}
    | {"caucus", "poll", "nomination", "match", "game", "final", "tournament", "championship"}
    | {"midterm", "midterms", "bout", "duel", "showdown"}
)
"""Nouns for a contest someone wins or loses."""


def contest_of(verb: Any) -> str | None:
    """The lemma of the contest ``verb`` is done in or for ("in the race"), or None.

    The parser hangs the phrase on the verb or on its object ("defeated [Jon Husted in
    Ohio's governor's race]"); either way it says where the beating took place.
    """
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    holders = [verb, *objects]
    for child in (c for holder in holders for c in holder.children):
        if child.dep_ != "prep" or child.lower_ not in {"in", "for"}:
            continue
        for noun in child.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in CONTESTS:
                return str(noun.lemma_).lower()
    return None
