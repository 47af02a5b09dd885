"""Comparisons and superlatives in a sentence: marked as such, read by the claim grammar.

"Twice as many members as", "more members than" compare two organisations' memberships, a
claim the checker can weigh; "the largest military alliance" is a superlative, which the
knowledge base has no rankings to judge, so it is marked and left unjudged rather than
read as a count.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from parallax.claims.linking import party
from parallax.claims.numbers import MULTIPLIERS, find_numbers
from parallax.claims.words import (
    COMPARATIVE,
    FUNCTION_WORDS,
    MULTIPLE,
    NOT_SUPERLATIVE,
    SUPERLATIVE,
    WORD,
)

if TYPE_CHECKING:
    from parallax.claims.grammar import SentenceReader


def read_comparison(reader: SentenceReader) -> None:
    """A comparison of two organisations' or countries' memberships ("twice as many members")."""
    multiple = MULTIPLE.search(reader.text)
    comparative = COMPARATIVE.search(reader.text)
    match = multiple or comparative
    if match is None:
        return
    orgs = [m for m in reader.mentions if m.of_type("organisation", "country")]
    if len(orgs) < 2 or not re.search(r"\b(?:members?|countries|states|allies)\b", reader.text):
        return
    factor: float | None = None
    if multiple:
        word = multiple.group("mult").lower()
        factor = MULTIPLIERS.get(word)
        if factor is None:
            numbers = find_numbers(word)
            factor = numbers[0].value if numbers else None
    op = (
        "x" if multiple else (">" if re.match(r"more|larger|bigger", match.group(0), re.I) else "<")
    )
    cue = reader.cue_near(match.start(), {"member_of", "member_count", "gained_members"})
    reader.add(
        "comparison",
        cue,
        relation="member_count",
        subjects=[party(orgs[0], "organisation")],
        object=party(orgs[1], "organisation"),
        quantity=factor,
        comparator=op,
        time=reader.time_near(match.start()),
        parts={"comparison": match.span()},
    )


def read_superlative(reader: SentenceReader) -> None:
    """A superlative ("the largest military alliance"), marked so that it is never judged."""
    for match in SUPERLATIVE.finditer(reader.text):
        word = match.group("sup").lower()
        if word.split()[-1] in NOT_SUPERLATIVE:
            continue
        if reader.pos and not any(
            reader.pos.get(m.start()) in {"ADJ", "ADV"}
            for m in WORD.finditer(reader.text, match.start("sup"), match.end("sup"))
        ):
            continue
        subjects = [m for m in reader.mentions if m.start < match.start()]
        reader.add(
            "superlative",
            None,
            relation=None,
            subjects=[party(subjects[-1])] if subjects else [],
            superlative=_trim(match.group("sup") + match.group("rest")),
            time=reader.time_near(match.start()),
            parts={"superlative": (match.start("sup"), match.end("sup"))},
        )


def _trim(words: str) -> str:
    parts = words.split()
    while parts and parts[-1].lower() in FUNCTION_WORDS:
        parts.pop()
    return " ".join(parts)
