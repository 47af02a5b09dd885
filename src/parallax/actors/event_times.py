"""Which verb a time expression dates, and a time of a known day as that day.

A time dates a verb only when it hangs on the verb directly (:func:`governing_verb`); a
time inside a noun phrase dates that noun's event, a time an event is moved to, lies
before or after, or measures a comparison from dates nothing. Used by
:mod:`parallax.actors.events`.
"""

from __future__ import annotations

import re
from typing import Any

from parallax.temporal.clause_tense import counted_occasion

UNTIL = frozenset({"until", "till", "to"})
DEFERRING = frozenset(
    {"delay", "postpone", "defer", "adjourn", "push", "move", "extend", "suspend", "put"}
    | {"reschedule", "prolong", "shift", "bring"}
)
"""Verbs that move an event to a new time: "postponed until Friday", "pushed to June" date
the new time of the event, not the postponing, which was told earlier."""


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def day_of_time(time: dict[str, Any]) -> dict[str, Any]:
    """A time of a known day ("Sunday morning", "2024-01-21TMO") as that day's date.

    A verb dated "on Sunday morning" happened on that Sunday; the timeline places events
    by day, so the part of the day is dropped rather than leaving the event undated.
    """
    value = str(time.get("value") or "")
    if time.get("type") != "TIME" or not _DAY.match(value):
        return time
    day = value[:10]
    return {**time, "type": "DATE", "value": day, "range": [day, day], "granularity": "day"}


OCCASIONS = frozenset(
    {
        "campaign",
        "championship",
        "election",
        "flood",
        "games",
        "midterm",
        "olympics",
        "primary",
        "race",
        "referendum",
        "riot",
        "session",
        "summit",
        "tournament",
        "war",
    }
)
"""Events a year before the noun dates and a clause may happen in ("voted in the 2020
election", "fought in the 2008 war"); a document's year ("said in its 2030 plan") is not
the time of what is done in it."""

YARDSTICK_VERBS = frozenset(
    {"follow", "precede", "surpass", "exceed", "eclipse", "outpace", "match", "mirror"}
    | {"echo", "rival", "equal", "top", "beat", "trail"}
)
"""Verbs that set their subject beside their object: with a time for object ("this year's
loss follows 2022", "sales topped 2019's"), or a time the object is "from" ("surpassed the
previous event from 2014 to 2017"), the time is the yardstick's, not the verb's."""

NOUN_MODIFIERS = frozenset({"poss", "compound", "amod", "nmod", "nummod"})
PHRASE_HEADS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def governing_verb(token: Any) -> Any | None:
    """The verb a time expression dates, or None when it dates something else.

    A time dates a verb only when it hangs on the verb directly: as its adverbial ("last
    week"), or through a preposition of the verb ("in 1949"). A time inside a noun phrase
    ("until a special election in June", "a deadline of May 1", "a March 16 request") dates
    that noun's event, not the verb; the exceptions are a time modifying the verb's subject
    ("the 2004 enlargement added ten countries"), which is the verb's own event, and an
    event the clause happens in ("in the Winter War of 1939-1940 they fought ..."). A date
    the verb sets something *for* ("moved the vote to Tuesday" aside, "set the vote for
    Tuesday", "scheduled for May") is the time of what was set, not of the setting. A
    measure the parser hung the time on ("voted 12-10 on Tuesday") passes it to the verb;
    the time of a comparison's yardstick ("more likely than in the 1980s") dates nothing,
    nor does a time denied ("now, not next year").
    """
    if any(c.dep_ == "neg" for c in token.children):
        return None  # "weapons now, not next year": the time it is not
    if token.dep_ in NOUN_MODIFIERS:
        noun = token.head
        verb = noun.head
        if noun.dep_ in {"nsubj", "nsubjpass"} and verb.pos_ == "VERB" and _told_as_done(verb):
            return verb
        if _within_event(noun) and noun.lemma_.lower() in OCCASIONS and _told_as_done(verb.head):
            return verb.head  # "voted by mail in the 2020 election": then, in that election
        return None
    current = token
    for _ in range(12):
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ == "pobj" and head.lower_ == "for":
            return None  # "set the hearing for June 28": the date the hearing is for
        if current.dep_ == "pobj" and head.lower_ in UNTIL and _deferring(head.head):
            return None  # "delayed the vote until next month": the delaying came before
        if current.dep_ == "pobj" and _before_or_after(head):
            return None  # "held the summit three days before Christmas": not on Christmas
        if head.lower_ == "than":
            return None  # "ten times more likely than in the 1980s": the yardstick's time
        if head.lemma_.lower() in YARDSTICK_VERBS and (
            current.dep_ == "dobj" or current.lower_ == "from"
        ):
            return None  # "follows 2022", "surpassed the event from 2014 to 2017": the other's
        if head.pos_ in {"VERB", "AUX"} and head.dep_ not in {"aux", "auxpass"}:
            if current.lower_ == "by" and _plain_present(head):
                return None  # "markets price in two cuts by the summer": the cuts' deadline
            return head if head.pos_ == "VERB" else None
        if _measure_of_verb(head) and current.lower_ in {"on", "at"}:
            current = head  # "voted 12-10 on Tuesday", "fell 3% on Monday": the verb's day
            continue
        if counted_occasion(head):
            current = head.head  # "withdrew for a second time in January": in January
            continue
        if head.pos_ in PHRASE_HEADS and not _within_event(head):
            if current.lower_ not in {"in", "on", "during"}:
                return None
            return _subject_verb(head) or _object_verb(head, current)
        current = head
    return None


def when_clause_verbs(token: Any) -> list[Any]:
    """The verbs of a "when" clause that a time expression heads: they happened then.

    "Since December 2022, when Congress approved $45 billion", "memories of 2022, when a
    third of the country was under water and 1,700 people died": the clause is about the
    time it hangs on, so its verbs (and the verbs joined to them) are dated by it, though
    the sentence's own verb is not.
    """
    found: list[Any] = []
    for clause in token.children:
        if clause.dep_ != "relcl" or not any(
            c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children
        ):
            continue
        found += [v for v in (clause, *clause.conjuncts) if v.pos_ == "VERB"]
    return found


def _plain_present(verb: Any) -> bool:
    """Whether a verb is in the simple present, with no auxiliary ("price", "expects").

    Such a verb tells what holds now; a deadline after it ("by the summer") is the time of
    what it is about, not of the verb.
    """
    return verb.tag_ in {"VBZ", "VBP"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in verb.children
    )


def _measure_of_verb(token: Any) -> bool:
    """Whether a token is a count or a measure the verb is by ("voted 12-10", "fell 3%").

    Only a number, or a noun counted by one; "its lowest level since April" is no measure.
    """
    counted = token.pos_ == "NUM" or any(c.dep_ == "nummod" for c in token.children)
    return bool(counted and token.dep_ == "npadvmod" and token.head.pos_ == "VERB")


def _subject_verb(noun: Any) -> Any | None:
    """The verb whose subject a time phrase sits in ("floods *in September* killed ...").

    The subject's own time dates its verb, as a year before the subject's noun does: the
    floods that killed were the September floods. Only a time put "in", "on" or "during"
    the subject's head noun, not one deeper inside it ("officials of the May talks"), and
    not on a description a name is set beside ("the party's nominee in 2020, Jo Rainer,"):
    that time says when the description held.
    """
    if noun.dep_ not in {"nsubj", "nsubjpass"} or noun.head.pos_ != "VERB":
        return None
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children):
        return None  # "The Republican nominee in 2020, Jo Rainer, said": when the role held
    verb = noun.head
    return verb if verb.dep_ not in {"aux", "auxpass"} and _told_as_done(verb) else None


EVENT_NOUNS = OCCASIONS | {
    *("vote", "meeting", "talks", "summit", "hearing", "session", "visit", "trip"),
    *("speech", "debate", "protest", "rally", "strike", "attack", "deadline"),
    *("ceremony", "launch", "test", "trial", "match", "game", "conference"),
}
"""Nouns for happenings with a day of their own ("condemned the attack on Thursday" may
date the attack, not the condemning)."""


def _object_verb(noun: Any, preposition: Any) -> Any | None:
    """The past verb whose object a day is set right after ("signed a deal on Thursday").

    The parser often hangs "on <day>" on the object before it; in news the day is when
    the verb's act was done. Not when the object is itself a happening with a day of its
    own (:data:`EVENT_NOUNS`: "scheduled a vote on Thursday"), nor when the verb moves
    something (the day is then the time it was moved to).
    """
    if preposition.lower_ != "on" or noun.dep_ != "dobj" or preposition.i != noun.i + 1:
        return None
    verb = noun.head
    if verb.pos_ != "VERB" or verb.tag_ != "VBD" or noun.lemma_.lower() in EVENT_NOUNS:
        return None
    return None if verb.lemma_ in DEFERRING else verb


def _told_as_done(verb: Any) -> bool:
    """Whether a verb tells something that happened, not a state that holds now.

    The subject's time dates a past act ("the 2004 enlargement added ten countries"), but
    not what the subject does now: "a 1977 law allows the president to ..." is a law of
    1977 that allows it today.
    """
    return str(verb.tag_) not in {"VBZ", "VBP"}


def _before_or_after(preposition: Any) -> bool:
    """Whether a preposition places its verb before or after the time, not at it."""
    word = preposition.lower_
    if word in {"before", "after"}:
        return True
    return word in {"of", "to"} and preposition.head.lower_ in {"ahead", "prior"}


def _deferring(token: Any) -> bool:
    """Whether ``token`` is a verb that moves an event, or its particle ("pushed back")."""
    if token.dep_ in {"prt", "advmod"} and token.head.i != token.i:
        token = token.head
    return token.pos_ == "VERB" and token.lemma_ in DEFERRING


def _within_event(noun: Any) -> bool:
    """Whether a noun is an event the clause happens in: "*in* the war of 1939-1940"."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ in {"in", "during"}
        and noun.head.head.pos_ == "VERB"
    )
