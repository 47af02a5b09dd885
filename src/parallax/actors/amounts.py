"""Whether a clause tells a change in an amount that only belongs to an actor.

"Carter County's flood claims have fallen" and "its exports rose" say what happened to a
quantity the county or the country has; neither did anything. A possessor or modifier
stands for the actor who acts when the noun is its instrument ("Russia's army advanced",
"Russian drones struck"), and the events layer reads it so; but a verb of change in amount
with no object is done by nobody, so the owner is no doer of it. The verbs are the
ordinary English ones for a quantity going up or down, none of them taken from a text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

AMOUNT_CHANGES = frozenset(
    {"rise", "fall", "drop", "grow", "shrink", "increase", "decrease", "decline", "climb"}
    | {"double", "triple", "halve", "surge", "soar", "plunge", "plummet", "slump", "jump"}
    | {"dip", "slip", "tumble", "rebound", "ease", "swell", "dwindle", "contract", "expand"}
)
"""Verbs that, without an object, tell a quantity going up or down."""

OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "ccomp", "xcomp"})


def amount_owner(
    verb: Any, subject: Any | None, actor: str | None, actor_at: Callable[[int], str | None]
) -> str | None:
    """The actor whose amount ``verb`` tells changing, found through a modifier, or None.

    ``actor`` is the actor the subject phrase stands for and ``actor_at`` finds the actor a
    character offset names: "Russia fell silent" is still Russia's doing, since the
    subject's own words name it; only an actor found through a modifier ("its claims",
    "the county's revenue") is set aside, and the events layer keeps it among those the
    event involves, as its owner, not its doer.
    """
    if actor is None or subject is None or actor_at(subject.idx) is not None:
        return None
    if verb.lemma_.lower() not in AMOUNT_CHANGES or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    if any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return None  # "Russia's army expanded its foothold": an act with an object
    return actor
