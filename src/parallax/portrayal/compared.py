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


def compared_against(doc: Any, actors: Sequence[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """(actor id, sentence id) where a mention of the actor is the object of "than"."""
    found: set[tuple[str, str]] = set()
    for actor in actors:
        for mention in actor.get("mentions", []):
            span = doc.char_span(
                int(mention["start"]), int(mention["end"]), alignment_mode="expand"
            )
            if span is None or not len(span):
                continue
            head = span.root
            if head.dep_ == "pobj" and head.head.lower_ == "than":
                found.add((str(actor["id"]), str(mention.get("sentence_id"))))
    return found
