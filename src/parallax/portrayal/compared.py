"""Actors a comparison measures another against: "better than X", "more honest than X".

"They deserve better than a Congress that treats their sacrifice as a bargaining chip"
reads warmly, and the sentence model gives Congress that warmth; but what follows "than" is
the standard the sentence holds something else up to, and its tone towards that standard
is the reverse of the sentence's, or nothing. The parse shows it: the mention is the object
of "than". Its reading of that sentence is left out of the portrayal
(:func:`parallax.portrayal.roles.portray`), in either direction ("no worse than X" praises
X no more than "better than X" blames it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from parallax.portrayal.mention_heads import mention_heads


def compared_against(doc: Any, actors: Sequence[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """(actor id, sentence id) where a mention of the actor is the object of "than"."""
    return {
        (actor, sentence)
        for actor, sentence, head in mention_heads(doc, actors)
        if head.dep_ == "pobj" and head.head.lower_ == "than"
    }
