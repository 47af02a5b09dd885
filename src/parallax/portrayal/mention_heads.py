"""The parse's head word of each actor mention, for readings that look at its place in a clause.

Mentions carry character offsets; :mod:`parallax.portrayal.asked` and
:mod:`parallax.portrayal.compared` need the word that governs each one in the parse (the
subject a demand is made of, the object of "than").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any


def mention_heads(doc: Any, actors: Sequence[Mapping[str, Any]]) -> Iterator[tuple[str, str, Any]]:
    """(actor id, sentence id, head token) for every mention the parse can place."""
    for actor in actors:
        for mention in actor.get("mentions", []):
            span = doc.char_span(
                int(mention["start"]), int(mention["end"]), alignment_mode="expand"
            )
            if span is not None and len(span):
                yield str(actor["id"]), str(mention.get("sentence_id")), span.root
