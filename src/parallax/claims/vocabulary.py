"""The relation vocabulary: which words in a claim mean which knowledge-base property.

Claims say the same thing many ways ("joined", "was admitted to", "became a member of",
"acceded to"); the checker needs one relation name per meaning, and where it can, the
knowledge base's own property (``member_of``, ``founded``, ``signed`` ...). Each entry maps a
lemma (or a multi-word cue) to a relation; the grammar picks the cue nearest the sentence's
root verb when several occur.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

# (cue regex, relation). Order matters: earlier, more specific cues win over later ones
# found at the same place.
CUES: tuple[tuple[str, str], ...] = (
    (r"founding (?:members?|states?|nations?|countries|signator(?:y|ies))", "founding_member"),
    (r"(?:was|were|is|are) among the founders", "founding_member"),
    (r"(?:co-?)?founders? of", "founding_member"),
    (r"agreement (?:among|between)", "founding_member"),
    (r"entered into force|came into (?:force|effect)|entry into force", "entered_into_force"),
    (r"(?:pull(?:ed|s|ing)?|dropp(?:ed|ing)|back(?:ed|ing)?) out of", "withdrew"),
    (r"withdr[ae]w[ns]?|withdrawing|withdrawal|exit(?:ed|s)?|left|leaves|leaving|quit", "withdrew"),
    (r"head of state|president|king|queen|monarch|general secretary|leader", "head_of_state"),
    (r"prime minister|premier|chancellor|head of government", "head_of_government"),
    (r"capital(?: city)?", "capital"),
    (
        r"shar(?:e|es|ed|ing) (?:a |an |the |their |its )?(?:\w+ )?border|borders? (?:with|between)"
        r"|border(?:s|ed)",
        "shares_border_with",
    ),
    (
        r"dissolv(?:ed|es|e|ing)|disband(?:ed|s)?|dissolution|ceased to exist|collaps(?:ed|e)",
        "dissolved",
    ),
    (
        r"found(?:ed|s|ing)?|establish(?:ed|es|ing)?|creat(?:ed|es|ing)|form(?:ed|s|ing)?"
        r"|set up",
        "founded",
    ),
    (r"sign(?:ed|s|ing)?|signature", "signed"),
    (
        r"expand(?:ed|s|ing)?|expansion|enlarg(?:ed|es|ement|ing)|gr[eo]w(?:s|n)?|grew"
        r"|add(?:ed|s|ing)?|admit(?:ted|s)? \w+ (?:new )?(?:members|countries|states|nations)"
        r"|took in|welcomed|gain(?:ed|s|ing)?",
        "gained_members",
    ),
    (
        r"join(?:ed|s|ing)?|admitted|accede[ds]?|acceded"
        r"|became (?:a |an |the )?\S*\s?member"
        r"|(?:is|was|are|were|remains?|became|become|becomes|(?:has|have|had) been) (?:not )?"
        r"(?:a |an |the )?"
        r"(?:\w+ )?members?|members? of",
        "member_of",
    ),
    (
        r"invad(?:ed|es|e|ing)|invasion|attack(?:ed|s)?|annex(?:ed|es|ation)|war|battle"
        r"|crisis|summit|conference|revolution|uprising|fell|fall|began|begun|started|ended"
        r"|took place|held|happened|occurred|broke out|outbreak|met|meeting|reunif(?:ied|ication)"
        r"|came down|torn down"
        r"|overthr(?:ew|own)|coup|bomb(?:ed|ing)|collapse",
        "event",
    ),
)

_COMPILED = tuple((re.compile(rf"\b(?:{cue})\b", re.IGNORECASE), rel) for cue, rel in CUES)


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
    for rank, (pattern, relation) in enumerate(_COMPILED):
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
