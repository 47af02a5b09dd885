"""What a number in a claim counts: the noun, its modifiers, and whether they pick out a part.

"14 more countries", "27 member states" and "three Baltic states" all count a member noun,
but only the first two count all of those the relation is about. A modifier that sorts the
members ("Baltic", "former communist", "from the Balkans") makes the number a count of a
part, which the knowledge base cannot confirm (it does not record which members are
Baltic) but can still contradict when the part would be larger than the whole. An
organisation named after "former" inside the phrase ("former Warsaw Pact members") sorts
the countries too; the count is of the organisation the sentence names elsewhere.

An ordinal ranks what its noun's infinitive says: "the first NATO member to send jets" is
first among the senders, not the first to join (:func:`ranked_act`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from parallax.claims.linking import Mention
from parallax.claims.numbers import Number
from parallax.claims.when import TimeMention
from parallax.claims.words import (
    DURATION_NOUNS,
    FUNCTION_WORDS,
    MEMBER_NOUNS,
    MODIFIER_WORDS,
    NEUTRAL_MODIFIERS,
    WORD,
)
from parallax.domains import domain_pack

TOTAL_BEFORE = re.compile(r"\b(?:(?P<verb>has|have|had)|of|with)\s+$", re.IGNORECASE)
"""Words before a count that make it a total ("had 15 members"), whatever the cue says."""

_RESTRICTING_PHRASE = re.compile(
    r"\s+(?:from|outside(?:\s+of)?|across|along|bordering|in)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)*"
)
"""A place phrase after a counted noun that sorts the members ("countries from the Balkans")."""

_FORMER = re.compile(r"\b(?:former|ex)\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class CountedNoun:
    """What a number counts: the noun, the words between them, and where the noun ends.

    Attributes:
        unit: the counted noun ("states"), or None when the number counts nothing nameable.
        modifiers: the words between the number and the noun, lowercased ("more", "baltic").
        spans: the offsets of each modifier, in the same order.
        end: the offset after the noun (after the number when there is none).
    """

    unit: str | None
    modifiers: list[str]
    spans: list[tuple[int, int]]
    end: int


def counted_noun(text: str, number: Number, pos: dict[int, str]) -> CountedNoun:
    """The noun a number counts and the modifiers between them ("more", "western")."""
    modifiers: list[str] = []
    spans: list[tuple[int, int]] = []
    for match in WORD.finditer(text, number.end):
        if len(modifiers) > 4:
            break
        word = match.group(0)
        lower = word.lower().strip("'\u2019")
        tag = pos.get(match.start())
        if lower in MEMBER_NOUNS or lower in DURATION_NOUNS:
            if lower == "member" and text[match.end() :].lstrip().lower().startswith("state"):
                modifiers.append(lower)
                spans.append(match.span())
                continue
            return CountedNoun(lower, modifiers, spans, match.end())
        if tag == "NOUN":
            return CountedNoun(lower, modifiers, spans, match.end())
        if (
            lower in MODIFIER_WORDS
            or lower in domain_pack().name_modifiers
            or tag in {"ADJ", "ADV"}
            or word[:1].isupper()
        ):
            modifiers.append(lower)
            spans.append(match.span())
            continue
        if (
            tag is None
            and word.isalpha()
            and lower not in FUNCTION_WORDS
            and not lower.endswith("ly")
        ):
            return CountedNoun(lower, modifiers, spans, match.end())
        break
    return CountedNoun(None, modifiers, spans, number.end)


def former_organisations(
    text: str, counted: CountedNoun, mentions: Sequence[Mention]
) -> list[Mention]:
    """Organisations named after "former" inside a counted noun phrase.

    "Three former Warsaw Pact members joined NATO" counts countries that once belonged to
    the first organisation; the count is of what they joined, when the sentence names
    another organisation.
    """
    if not counted.spans:
        return []
    begin, end = counted.spans[0][0], counted.end
    inside = [
        m
        for m in mentions
        if m.of_type("organisation")
        and begin <= m.start < end
        and _FORMER.search(text[begin : m.start])
    ]
    others = [m for m in mentions if m.of_type("organisation") and m not in inside]
    return inside if others else []


def narrowing(
    text: str,
    counted: CountedNoun,
    mentions: Sequence[Mention],
    times: Sequence[TimeMention],
    former: Sequence[Mention],
) -> str | None:
    """The words that make a count of only some members ("Baltic", "from Central Europe").

    Words that only say they are members, new or other ("27 member states", "14 more
    countries") and the organisation's own name ("EU countries") do not narrow a count.
    """
    org_spans = [
        (m.start, m.end) for m in mentions if m.of_type("organisation") and m not in former
    ]
    words: list[str] = []
    for word, span in zip(counted.modifiers, counted.spans, strict=True):
        if word in NEUTRAL_MODIFIERS or any(a <= span[0] < b for a, b in org_spans):
            continue
        words.append(text[span[0] : span[1]])
    after = _RESTRICTING_PHRASE.match(text, counted.end)
    if after is not None and counted.unit in MEMBER_NOUNS:
        named_at = after.start("name")
        owned = any(a <= named_at < b for a, b in org_spans)
        timed = any(t.start <= named_at < t.end for t in times)
        if not owned and not timed:
            words.append(after.group(0).strip())
    return " ".join(words) or None


def narrowed_in_parse(noun: Any) -> str | None:
    """The words after a counted noun (a spaCy token) that narrow it to some members.

    :func:`narrowing` reads the words before the noun and a place after it; the parse shows
    the rest: "NATO has 23 members that spend 2 percent" counts the members that spend it,
    not the alliance, and so do "members using the euro", "members with troops there" and an
    adjective after the noun ("20 members ready to send troops").
    A clause set off by a comma ("32 members, which ...") only adds to the noun, and "of"
    names whose members they are.
    """
    doc = noun.doc
    for child in noun.children:
        if child.i < noun.i:
            continue
        restrictive = child.dep_ in {"relcl", "acl"} and doc[child.left_edge.i - 1].text != ","
        if restrictive or child.dep_ == "amod" or (child.dep_ == "prep" and child.lower_ != "of"):
            return str(doc[child.left_edge.i : child.right_edge.i + 1].text)
    return None


_JOINING = frozenset({"join", "accede", "admit", "enter", "become"})
"""Verbs of an infinitive after an ordinal that still rank the joining ("the 31st to join")."""


def ranked_act(noun: Any) -> Any | None:
    """The act an ordinal ranks, when an infinitive follows its noun: "the first member to send".

    "Poland became the first NATO member to send jets" ranks Poland among the members that
    sent jets, not among those that joined; only an infinitive of joining ("the 31st
    member to join") keeps the ordinal about accession.
    """
    doc = noun.doc
    if noun.i + 1 >= len(doc):
        return None
    marker = doc[noun.i + 1]
    verb = marker.head
    if marker.tag_ != "TO" or marker.dep_ != "aux" or verb.pos_ not in {"VERB", "AUX"}:
        return None
    return None if verb.lemma_.lower() in _JOINING else verb


def counted_within(noun: Any, pred: Any, org: Any | None) -> str | None:
    """The group a count of an organisation's members is taken from, if it is another's.

    "NATO's 32 members include 23 EU states" counts the EU states among NATO's members, not
    the Union's members: the organisation only names what the counted noun is ("EU states"),
    and the verb's subject is another group. The count is then of some members only.
    """
    if org is None or org.head.i != noun.i or noun.dep_ not in {"dobj", "attr", "pobj"}:
        return None
    subject = next((c for c in pred.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ == "PRON" or any(t.i == org.i for t in subject.subtree):
        return None
    words = list(subject.subtree)
    return "among " + str(noun.doc[words[0].i : words[-1].i + 1].text)
