"""The relation vocabulary: which words in a claim mean which knowledge-base property.

Claims say the same thing many ways ("joined", "was admitted to", "became a member of",
"acceded to"); the checker needs one relation name per meaning, and where it can, the
knowledge base's own property (``member_of``, ``founded``, ``signed`` ...). The cues, which
word means which relation, are the domain pack's (``relation_cues.tsv``, see
:mod:`parallax.domains`); the relations are the ones the checker handles. The grammar picks
the cue nearest the sentence's root verb when several occur.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parallax.domains import domain_pack
from parallax.errors import ConfigError

RELATIONS = (
    "member_of",
    "founding_member",
    "gained_members",
    "member_count",
    "founded",
    "dissolved",
    "signed",
    "entered_into_force",
    "withdrew",
    "head_of_state",
    "head_of_government",
    "capital",
    "shares_border_with",
    "event",
)
"""Every relation the grammar produces; the checker handles each one."""


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The domain pack's relation cues, compiled; each names a relation of :data:`RELATIONS`.

    Raises:
        ConfigError: a cue names a relation the checker does not handle.
    """
    pack = domain_pack()
    for cue, relation in pack.relation_cues:
        if relation not in RELATIONS:
            raise ConfigError(
                f"the relation cue {cue!r} of domain pack {pack.name!r} names the relation "
                f"{relation!r}; use one of {', '.join(RELATIONS)}"
            )
    return tuple(
        (re.compile(rf"\b(?:{cue})\b", re.IGNORECASE), relation)
        for cue, relation in pack.relation_cues
    )


@dataclass(frozen=True)
class Cue:
    """A relation word found in a claim, with its offsets."""

    text: str
    start: int
    end: int
    relation: str
    rank: int


def find_cues(text: str) -> list[Cue]:
    """Relation cues in ``text``; where cues overlap, the earlier vocabulary entry wins."""
    found: list[Cue] = []
    for rank, (pattern, relation) in enumerate(_compiled()):
        for match in pattern.finditer(text):
            if any(match.start() < c.end and match.end() > c.start for c in found):
                continue
            found.append(Cue(match.group(0), match.start(), match.end(), relation, rank))
    return sorted(found, key=lambda c: c.start)


NEGATION = re.compile(
    r"\b(?:not|never|n't|no longer|neither|nor|failed to|refused to)\b", re.IGNORECASE
)
COMPARATORS: tuple[tuple[str, str], ...] = (
    (r"more than|over|above|upwards of|in excess of|greater than", ">"),
    (r"at least|no fewer than|no less than|a minimum of", ">="),
    (r"fewer than|less than|under|below", "<"),
    (r"at most|no more than|up to|a maximum of", "<="),
    (r"about|around|roughly|some|nearly|almost|approximately|close to|circa|an estimated", "~"),
    (r"exactly|precisely|just|only", "="),
)
_COMPARATOR_BEFORE = tuple(
    (re.compile(rf"\b(?:{cue})\s*$", re.IGNORECASE), op) for cue, op in COMPARATORS
)


def comparator_before(text_before: str) -> str:
    """The comparison the words just before a number make ("more than 20" -> ">")."""
    for pattern, op in _COMPARATOR_BEFORE:
        if pattern.search(text_before):
            return op
    return "="
