"""People the tagger calls places, told by the age or the job set beside their name.

The small tagger reads an unfamiliar first name as a town's often enough ("said Galina,
67, a retired teacher"), and the report then lists a place among the actors, with no one
to whom the quotation belongs. Reporters introduce a person with an age or an occupation
in apposition ("Galina, 67,", "Oleg, a farmer"); a place is set beside its country, its
region or a noun for a settlement instead ("Shebekino, a town near the border"), never an
age or a trade.

Only an unknown actor is retyped: the knowledge base's places stand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from parallax.actors.animacy import PERSON_NOUNS
from parallax.actors.retyping import ActorLike, MentionLike, retype

OLDEST = 110
"""The greatest number read as a person's age in apposition ("Galina, 67,")."""


def people_tagged_as_places(
    mentions: Sequence[MentionLike], actors: Mapping[str, ActorLike], doc: Any
) -> None:
    """Retype unknown places the article introduces with an age or a job."""
    retype(
        mentions,
        actors,
        lambda m: introduced_as_person(doc[m.head]),
        from_types=frozenset({"place"}),
        to_type="person",
        label="PERSON",
    )


def introduced_as_person(token: Any) -> bool:
    """Whether a name has an age or a noun for a person in apposition after a comma."""
    for child in token.children:
        if (
            child.dep_ != "appos"
            or child.i <= token.i
            or token.doc[child.left_edge.i - 1].text != ","
        ):
            continue
        if child.like_num and child.left_edge.i == child.right_edge.i == child.i:
            value = child.text.replace(",", "")
            if value.isdigit() and 0 < int(value) <= OLDEST:
                return True
        if child.pos_ == "NOUN" and child.lemma_.lower() in PERSON_NOUNS:
            return True
    return False
