"""Word lists and patterns the claim grammar reads sentences with.

Which nouns count members ("countries", "allies"), which measure time ("years"), which are
function words, modifiers between a number and its noun ("more", "western"), the anaphors
that stand for an organisation ("the alliance"), and the shapes of superlatives, multiples
and comparatives; and for role binding (:mod:`parallax.claims.roles`), the modals,
verbs of intention, ranks and verbs of counting that decide whether a clause asserts a
claim. They are English and deliberately generic: none names a particular organisation or
event.
"""

from __future__ import annotations

import re

from parallax.domains import domain_pack
from parallax.knowledge import KnowledgeBase

MEMBER_NOUNS = frozenset(
    {
        "country",
        "countries",
        "nation",
        "nations",
        "state",
        "states",
        "member",
        "members",
        "ally",
        "allies",
        "signatory",
        "signatories",
        "founder",
        "founders",
    }
)
DURATION_NOUNS = frozenset(
    {
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "times",
        "time",
        "anniversary",
        "inch",
    }
)
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "she",
        "than",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "under",
        "was",
        "we",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
    ]
)
INCREMENT_WORDS = frozenset({"more", "additional", "new", "further", "another", "extra"})
OTHER_WORDS = frozenset({"other", "remaining"})
MODIFIER_WORDS = frozenset(
    {
        *INCREMENT_WORDS,
        *OTHER_WORDS,
        "western",
        "eastern",
        "northern",
        "southern",
        "central",
        "former",
        "sovereign",
        "independent",
        "founding",
        "original",
        "member",
        "allied",
        "european",
        "of",
        "the",
        "its",
        "their",
        "full",
    }
)
"""Words between a number and its member noun ("30 European member states"); the domain
pack adds the organisation names that modify one ("NATO member states")."""
NEUTRAL_MODIFIERS = frozenset(
    {
        *INCREMENT_WORDS,
        *OTHER_WORDS,
        "member",
        "allied",
        "sovereign",
        "independent",
        "founding",
        "original",
        "full",
        "current",
        "present",
        "existing",
        "total",
        "official",
        "fellow",
        "participating",
        "signatory",
        "of",
        "the",
        "its",
        "their",
    }
)
"""Modifiers of a counted member noun that do not sort the members into a part: "27 member
states", "14 more countries", "the 30 other allies" count all of those the relation is about,
where "three Baltic states" counts only some."""
ANAPHORS = re.compile(
    r"\b(?:the|its|this|that)\s+(?:alliance|bloc|pact|union|organi[sz]ation|treaty organi[sz]ation)"
    r"(?:'s|\u2019s)?\b",
    re.IGNORECASE,
)
SUPERLATIVE = re.compile(
    r"\bthe\s+(?:\w+(?:'s|\u2019s)\s+)?(?P<sup>(?:most|least)\s+\w+|(?!latest\b)(?!best\b)"
    r"\w{2,}(?<!inter)(?<!w)est|largest|biggest|oldest|best|worst)\b(?P<rest>(?:\s+[\w-]+){0,3})",
    re.IGNORECASE,
)
NOT_SUPERLATIVE = frozenset({"interest", "west", "rest", "request", "protest", "contest", "honest"})
MULTIPLE = re.compile(
    r"\b(?P<mult>twice|thrice|half|double|triple|(?:\w+|\d+)\s+times)\s+as\s+(?:many|much|large|big)",
    re.IGNORECASE,
)
COMPARATIVE = re.compile(
    r"\b(?:more|fewer|less|larger|bigger|smaller)\s+(?:\w+\s+){0,2}than\b", re.I
)
PRESENT = re.compile(r"\b(?:is|are|has|have|remains?|counts?|now|today|currently)\b", re.IGNORECASE)
PAST = re.compile(r"\b(?:was|were|had|did|\w+ed)\b", re.IGNORECASE)
WORD = re.compile(r"[\w\u00C0-\u024F'\u2019-]+")


_STOP_NAMES = frozenset({"The", "In", "On", "At", "A", "An", "It", "This", "That", "When"})


def proper_words(text: str) -> set[str]:
    """Capitalised words of a sentence, a cheap sign that it names something ("Crimea")."""
    skipped = _STOP_NAMES | domain_pack().not_event_names
    return {w for w in re.findall(r"\b[A-Z][\w\u00C0-\u024F]+", text) if w not in skipped}


def event_name_words(kb: KnowledgeBase) -> set[str]:
    """Capitalised words in the names and aliases of the knowledge base's events."""
    words: set[str] = set()
    for entity in kb.entities.values():
        if entity.type == "event":
            for name in entity.names():
                words |= proper_words(name)
    return words


# -- words the role binding reads (parallax.claims.roles) ---------------------------------

MODALS = frozenset(
    {"will", "would", "could", "may", "might", "should", "can", "must", "shall", "'ll", "'d"}
)
"""Auxiliaries that make a clause a possibility or a plan rather than an assertion."""

NOT_ASSERTING = frozenset(
    {
        "apply",
        "hope",
        "want",
        "wish",
        "plan",
        "propose",
        "suggest",
        "ask",
        "wonder",
        "demand",
        "urge",
        "consider",
        "seek",
        "threaten",
        "promise",
        "expect",
        "try",
        "aim",
        "intend",
        "refuse",
        "vote",
        "decide",
        "agree",
        "deny",
        "doubt",
        "pledge",
        "bid",
        "push",
        "call",
        "move",
        "prepare",
        "fail",
        "claim",
        "allege",
        "insist",
        "argue",
        "assert",
        "contend",
        "believe",
        "think",
        "suspect",
        "fear",
        "speculate",
        "imagine",
        "suppose",
    }
)
"""Verbs whose complement clause is not asserted ("applied to join", "hopes to join", "claimed
that NATO had 30 members": a claim or a belief someone holds, which the writer reports)."""

DOUBTED = frozenset(
    {
        "claim",
        "allegation",
        "myth",
        "rumour",
        "rumor",
        "notion",
        "idea",
        "suggestion",
        "theory",
        "assertion",
        "belief",
        "speculation",
        "report",
        "lie",
        "fear",
        "hope",
        "charge",
        "accusation",
    }
)
"""Nouns whose content clause is someone's claim, not the writer's ("the myth that ...")."""

FALSE_WORDS = frozenset({"false", "untrue", "wrong", "incorrect", "inaccurate"})
"""Adjectives by which a sentence calls its clause false ("it is false that ...")."""

VOUCHING = frozenset(
    {"true", "clear", "certain", "evident", "obvious", "plain", "undeniable", "undisputed"}
    | {"indisputable", "correct", "accurate"}
)
"""Adjectives by which the writer vouches for the clause they introduce ("it is true that
..."); any other ("it is likely that", "it is unclear whether"), or one of these denied
("it is not true that"), leaves the clause unasserted."""

DISOWNING = frozenset({"wrongly", "falsely", "erroneously", "incorrectly", "mistakenly"})
"""Adverbs by which a writer says a reported statement is wrong ("falsely said that ...")."""

VERBAL = frozenset({"shares_border_with", "member_of", "withdrew"})
"""Relations whose cue is a verb that taggers sometimes read as a plural noun ("borders")."""

COUNT_RELATIONS = frozenset({"member_count", "gained_members", "founding_member", "member_of"})

LIGHT_VERBS = frozenset({"launch", "begin", "start", "stage", "mount", "carry", "conduct", "wage"})
"""Verbs that assert an event named by their object ("launched an *invasion*")."""

RANKS = frozenset(
    {"first", "last", "only", "sole", "next", "former", "future", "previous", "ex", "late"}
)
"""Modifiers that make an office or membership noun assert a rank or another time."""

COUNT_VERBS = frozenset(
    {
        "have",
        "be",
        "become",
        "count",
        "number",
        "comprise",
        "include",
        "total",
        "reach",
        "grow",
        "expand",
        "join",
        "admit",
        "add",
        "accede",
        "enlarge",
        "form",
        "found",
        "establish",
        "create",
        "sign",
        "consist",
        "welcome",
        "gain",
        "take",
        "swell",
        "rise",
    }
)
"""Verbs that can assert how many members an organisation has, had or gained."""

CONDITIONS = frozenset({"if", "unless", "whether", "once", "until"})

TIME_FRAMES = frozenset({"when", "whenever", "while"})
"""Words that open a clause giving the time of another ("Trump was president *when* NATO had
29 members"): the sentence presupposes that clause to date its main one and asserts only the
main one, so a count or date in it is no claim of the sentence (true or false, it would
otherwise be confirmed or refuted while what the sentence asserts went unchecked). A clause
of an event before or after ("NATO expanded after the Cold War ended in 1991") tells that
the event happened, and is still read."""


WHEN_PREPOSITIONS = frozenset(
    {"after", "before", "since", "until", "till", "following", "during", "amid"}
)
"""Prepositions whose object dates a clause ("attacked Afghanistan *after* the September 11
attacks"): an event named there is when the act happened, not the act or one of its parties."""

_WHEN_PHRASE = re.compile(
    rf"\b(?:{'|'.join(sorted(WHEN_PREPOSITIONS))})\s+(?:the\s+)?[^,;]*", re.IGNORECASE
)


def without_when(text: str, start: int) -> str:
    """``text`` with the phrases after ``start`` that a when-preposition opens blanked out."""
    return text[:start] + _WHEN_PHRASE.sub(lambda m: " " * len(m.group(0)), text[start:])
