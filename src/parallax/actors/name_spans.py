"""Where a name ends: a noun chunk the parser cut out of a longer named entity.

The parser's noun chunks and the tagger's entities disagree on long names ("the Alliance of
Small Island States" is one organisation to the tagger, two chunks to the parser); a chunk
looked up on its own may then be another body's alias. Kept apart from the mention rules
so they stay readable.
"""

from __future__ import annotations

from typing import Any

NAME_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
"""Entity labels that name a party (a time the tagger runs over a name is none)."""


def inside_longer_name(chunk: Any) -> bool:
    """Whether the chunk's head lies in a named entity that runs on past the chunk.

    The parser cuts "the Alliance of Small Island States" into "the Alliance" and "Small
    Island States"; the first alone is an alias of another body. The entity pass reads the
    whole name.
    """
    root = chunk.root
    if root.ent_type_ not in NAME_LABELS:
        return False  # a tagger's "Kyiv overnight" (a time) is no longer name
    ent = next((e for e in root.doc.ents if e.start <= root.i < e.end), None)
    return ent is not None and (ent.end > chunk.end or ent.start < chunk.start)
