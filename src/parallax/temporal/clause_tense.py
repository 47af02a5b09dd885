"""Which way the clause that governs a time expression points: back from publication, or ahead.

Without a parse the rules read the words around a weekday or a month for a plan ("will",
"scheduled"), and the sentence's other clauses lead them astray: in "the ministers, who will
meet in June, spoke on Friday" the "will" of the relative clause puts "Friday" ahead, and in
"the election is on Nov. 4", written in March, nothing plans, so November is the one past.
What decides is the verb the expression hangs on: "spoke" is past, so Friday is the one just
gone; "is" is present, and news does not report a past day in the present tense, so the
election is the coming one. This module reads that verb's tense from a dependency parse
(spaCy's English labels, read duck-typed) and tells the rules which way to lean; where the
parse does not say (an active participle, "could", a verb of saying in the present, a date
that only bounds the clause, "since May"), it says nothing and the rules read the words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import Any, Literal

Lean = Literal["past", "ahead", "later"]
""""past": on or before publication; "ahead": on or after it; "later": after a past moment
the text reports from ("said they would meet on Tuesday"), which may lie on either side."""
LeanOf = Callable[[int, int], Lean | None]
"""Given a time expression's character span, the way its clause points (or None)."""

WILL = frozenset({"will", "shall", "'ll", "wo", "\u2019ll"})
FUTURE_AUX = WILL | {"may", "must", "should", "can", "ca"}
"""Modals that look ahead, unless with a perfect ("may have met" is past)."""
LATER_AUX = frozenset({"would", "'d", "\u2019d"})
OTHER_MODALS = frozenset({"could", "might"})
"""Modals that may tell the past as well ("could not agree on Friday")."""
PERFECT = frozenset({"have", "has", "had", "'ve", "\u2019ve", "having"})

AT_PREPOSITIONS = frozenset({"on", "in", "at", "during", "by", "until", "till", "through", "into"})
"""Prepositions that place a clause at (or up to) a time. "Since May", "from March", "than
in June" or "for Tuesday" measure from or set something for a time, whatever the tense."""

TIME_DEPS = frozenset({"npadvmod", "tmod", "dobj", "nsubj", "nsubjpass", "attr"})
"""How a bare time ("met Friday", "the deadline is Friday") hangs on its verb."""

NOUN_DEPS = frozenset({"poss", "compound", "nmod", "amod"})

UNDATED_PRESENT = frozenset(
    {
        "say",
        "tell",
        "add",
        "note",
        "write",
        "report",
        "claim",
        "argue",
        "insist",
        "warn",
        "show",
        "suggest",
        "mean",
        "think",
        "believe",
        "know",
        "remember",
        "recall",
        "date",
        "mark",
        "come",
        "follow",
        "cover",
        "describe",
    }
)
"""Verbs whose present tense tells nothing about when their time lies: a report ("officials
say"), a stance, "the letter is dated", "the vote comes after", "the day marks"."""

PLANNING = frozenset(
    {"schedule", "set", "plan", "postpone", "delay", "move", "push", "call", "reschedule"}
    | {"cancel", "announce", "approve", "suspend", "scrap"}
)
"""Verbs that arrange an event: "scheduled a vote on Tuesday" may date the vote, and "the
March 3 election was cancelled" is dated by the election, not by the cancelling."""


EXPECTING = PLANNING | {"expect", "slate", "due", "host", "hold"}
"""Participles that may name an event still to come ("talks, expected in June", "the
summit, hosted by Brazil in November"), unlike "a deal, first proposed in March"."""


def lean_of_doc(doc: Any) -> LeanOf:
    """The lean of the clause governing each time expression of a parsed text."""
    starts = [token.idx for token in doc]

    def lean(start: int, end: int) -> Lean | None:
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, max(start, end - 1)) - 1
        if first < 0 or last < first:
            return None
        return clause_lean(doc[first : last + 1].root)

    return lean


def clause_lean(token: Any) -> Lean | None:
    """The lean of the verb a time expression's head token hangs on, or None."""
    verb = _governing_verb(token)
    if verb is None:
        return None
    if in_a_caption(token):
        # "Photo: Firefighters watch the fire on Monday.": a caption tells in the present
        # what the picture shows, which was taken before it was published
        return "past"
    if _new_end(token, verb):
        return "ahead"
    if verb.lemma_ in PLANNING and _dates_the_arranging(token, verb):
        # "Johnson on Wednesday scheduled a vote for Friday", "the talks, postponed on
        # Monday, ...": the time dates the arranging, which is told in the past
        return "past"
    tense = _tense(verb)
    if tense != "past" and _acted_on(token):
        # "ice that survives the summer": a time the verb acts on or lasts through, in a
        # present that tells what happens every year, not the coming one
        return None
    return tense


def _acted_on(token: Any) -> bool:
    """Whether a time is its verb's object with a determiner ("survives the summer")."""
    return bool(token.dep_ == "dobj" and any(c.dep_ == "det" for c in token.children))


_CAPTION = re.compile(r"(?:photo|photograph|pictured|caption|image|file photo)\s*:", re.I)


def in_a_caption(token: Any) -> bool:
    """Whether a token lies on a line that a caption label opens ("Photo: ...")."""
    text = token.doc.text
    line = text.rfind("\n", 0, token.idx) + 1
    return bool(_CAPTION.match(text, line))


def _dates_the_arranging(token: Any, verb: Any) -> bool:
    """Whether a time dates the arranging of an event rather than the event arranged.

    Before a past arranging verb ("on Wednesday scheduled a vote for Friday"), or after the
    participle of a reduced relative clause with "on" ("the talks, postponed on Monday,
    will resume"), the time is when the arranging was done.
    """
    if token.i < verb.i:
        return bool(verb.tag_ == "VBD")
    preposition = token.head if token.dep_ == "pobj" else None
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and preposition is not None
        and preposition.lower_ == "on"
        and preposition.head.i == verb.i
    )


EXTENDING = frozenset(
    {"extend", "prolong", "renew", "postpone", "delay", "defer", "adjourn", "reschedule"}
)
"""Verbs that set a later end or a later time: "extended the sanctions until July"."""

BOUNDS = frozenset({"until", "till", "through", "to"})


def _new_end(token: Any, verb: Any) -> bool:
    """Whether the time is the new end an extension set ("extended the curfew until July").

    Whatever the tense of the extending, the end it sets lies after it, and news reports
    an extension when it is made: "the EU extended the sanctions until July", written in
    March, is the coming July, not the one past that the past tense would give.
    """
    current = token
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    preposition = current.head if current.dep_ == "pobj" else current
    return (
        preposition.dep_ == "prep"
        and preposition.lower_ in BOUNDS
        and preposition.head.i == verb.i
        and verb.lemma_ in EXTENDING
    )


def _governing_verb(token: Any) -> Any | None:
    """The verb whose time ``token`` is, when it hangs on one directly enough to read its tense.

    "On Friday" and "Friday" dating a verb, and a weekday owning its clause's subject
    ("Monday's meeting ended"); a time inside another noun phrase ("a vote on Friday", "at
    Monday's hearing") dates that noun, whose time the verb does not tell.
    """
    current = token
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head  # "on Monday and Tuesday": the first conjunct's place
    if current.dep_ == "prep" and _places_at(current):
        return _verb_or_none(current.head)
    if current.dep_ in NOUN_DEPS:
        # "Monday's meeting ended": the event's own course. A passive ("a June 3 hearing
        # has been scheduled") or a planning verb arranges the event, at another time.
        noun = current.head
        verb = _verb_or_none(noun.head) if noun.dep_ == "nsubj" else None
        return verb if verb is not None and verb.lemma_ not in PLANNING else None
    if current.dep_ == "pobj":
        preposition = current.head
        if preposition.dep_ != "prep":
            return None
        if _period_end(preposition):
            head = preposition.head
            return _period_verb(head) if head.lemma_.lower() in PERIODS else _verb_or_none(head)
        if not _places_at(preposition):
            return None
        head = preposition.head
        if counted_occasion(head):
            return _verb_or_none(head.head.head)  # "withdrew for a second time in January"
        return _verb_or_none(head)
    if current.dep_ in TIME_DEPS:
        return _verb_or_none(current.head)
    return None


def counted_occasion(noun: Any) -> bool:
    """Whether a noun is the "time" of "for a second time": a count of the verb's doings.

    A time hung on it ("withdrew for a second time in January") is the verb's own, not the
    noun's, which names no event of its own.
    """
    return bool(noun.lemma_ == "time" and noun.dep_ == "pobj" and noun.head.lower_ == "for")


RANGE_ENDS = frozenset({"to", "until", "till", "through"})

PERIODS = frozenset(
    {"day", "week", "month", "quarter", "year", "period", "season", "decade", "half"}
)
"""Nouns of a stretch of time that a month or a day can end: "the 12 months to February"."""


def _period_end(preposition: Any) -> bool:
    """Whether a preposition ends a stretch of time ("in the year to February").

    Such a period is measured up to a time the verb reports on: "emissions rose 16% in the
    12 months to February", written in November, covers the February just gone, as "rose
    until February" does, however near the next February lies.
    """
    if preposition.lower_ not in RANGE_ENDS or preposition.i == 0:
        return False
    # the parser hangs "to" on the noun or on the verb: the word before it tells
    return bool(preposition.doc[preposition.i - 1].lemma_.lower() in PERIODS)


def _period_verb(period: Any) -> Any | None:
    """The verb a stretch of time dates: "rose in the year to", "the year to May saw"."""
    if period.dep_ == "pobj" and period.head.dep_ == "prep" and _places_at(period.head):
        return _verb_or_none(period.head.head)
    if period.dep_ in TIME_DEPS:
        return _verb_or_none(period.head)
    return None


def _places_at(preposition: Any) -> bool:
    """Whether a preposition places its verb at (or up to) the time it governs.

    "From" measures from a time whatever the tense ("applies from March"), except as the
    start of a range the verb spans ("prices rose from June to August"), whose two ends
    both lie where the verb's tense puts them; so does the "to" of such a range. Under
    "will" or "would" a start is a start: "rationing will apply from Monday" begins then.
    """
    word = preposition.lower_
    if word in AT_PREPOSITIONS:
        return True
    if word == "from" and _modal_ahead(preposition.head):
        return True  # "blackouts will be introduced from Thursday": they start then
    siblings = {
        c.lower_ for c in preposition.head.children if c.dep_ == "prep" and c.i != preposition.i
    }
    return (word == "from" and bool(siblings & RANGE_ENDS)) or (word == "to" and "from" in siblings)


def _modal_ahead(verb: Any) -> bool:
    """Whether a verb is under "will", "shall" or "would" (a start after some moment)."""
    return bool({a.lower_ for a in _auxiliaries(verb)} & (WILL | LATER_AUX))


def _verb_or_none(token: Any) -> Any | None:
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in {"aux", "auxpass"}):
        return token
    return None


def _auxiliaries(verb: Any) -> list[Any]:
    own = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if not own and verb.dep_ == "conj" and verb.tag_ in {"VB", "VBN", "VBG"}:
        # "will meet and vote on Friday": the second verb shares the first one's auxiliary
        return [c for c in verb.head.children if c.dep_ in {"aux", "auxpass"}]
    return own


def _tense(verb: Any, depth: int = 0) -> Lean | None:
    """Whether a verb's clause points back ("spoke", "had met", "was killed") or ahead.

    Ahead: the future ("will meet", "must pass by"), the present of a verb that is not a
    report or a state ("votes", "is on", "is held", "is meeting"), and an infinitive under
    such a verb ("is expected to end", "plans to visit"). Past: the simple past, the
    perfect and a past auxiliary. Later: "would", after a past moment but not necessarily
    after publication. Anything else (an active participle, "could", an infinitive under a
    past verb, "planned to") is left to the words around the time.
    """
    auxiliaries = _auxiliaries(verb)
    words = {a.lower_ for a in auxiliaries}
    if not auxiliaries and verb.tag_ == "VBN" and verb.dep_ in {"acomp", "xcomp", "oprd"}:
        # "remains closed until Thursday", "stays shut": the tense is the linking verb's
        return _tense(verb.head, depth + 1) if depth <= 3 else None
    if "to" in words:
        if verb.dep_ != "xcomp" or depth > 3 or words & PERFECT:
            return "past" if words & PERFECT else None
        above = _tense(verb.head, depth + 1)
        if above == "past" and _recent_commitment(verb.head):
            return "later"  # "pledged last week to send them by the spring": after it
        return "ahead" if above == "ahead" else None
    past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries)
    if (past or (words & PERFECT and verb.tag_ == "VBN")) and verb.lemma_ in PLANNING:
        return None
    if words & PERFECT and verb.tag_ == "VBN":
        return "ahead" if words & WILL else "past"  # "will have left by Friday"
    if words & FUTURE_AUX:
        return "ahead"
    if words & LATER_AUX:
        return "later"
    if words & OTHER_MODALS:
        # "Lines could grow longer in November" is a possibility still open, but "could
        # not agree on Friday" and "residents could cross freely in March" tell the past:
        # only a plain possibility is kept off the past, and like "would" not placed.
        negated = any(c.dep_ == "neg" for c in verb.children)
        return "later" if verb.tag_ == "VB" and not negated and _possibility(verb) else None
    if past:
        return "past"
    if verb.lemma_ in UNDATED_PRESENT:
        return None
    if any(a.tag_ in {"VBZ", "VBP"} for a in auxiliaries):
        return "ahead"  # "is held on Nov. 4", "is meeting on Friday"
    if auxiliaries:
        return None
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and _kept_in_state(verb):
        # "a bill that keeps the government funded through November": the state lasts as
        # long as the keeping verb says, so its tense decides
        return _tense(verb.head.head, depth + 1) if depth <= 3 else None
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.lemma_ not in EXPECTING:
        return "past"  # "a deal, first proposed in March, ...": a passive told of the past
    present = verb.tag_ in {"VBZ", "VBP"} or (
        verb.tag_ == "VB" and verb.dep_ != "xcomp" and _plural_subject(verb)
    )
    return "ahead" if present else None


COMMITTING = frozenset(
    {"pledge", "promise", "vow", "agree", "decide", "vote", "aim", "intend", "hope", "seek"}
    | {"threaten", "resolve", "commit", "offer", "undertake"}
)
"""Verbs whose infinitive is an act still to come when the commitment is made ("pledged to
send", "voted to extend"). "Planned to" is not among them: a plan told in the past is as
often one carried out since."""

NEAR_TIMES = frozenset(
    {"yesterday", "today", "monday", "tuesday", "wednesday", "thursday", "friday"}
    | {"saturday", "sunday", "week", "weekend", "night", "morning", "evening", "afternoon"}
)
"""Times that put a commitment within days of publication ("on Monday", "last week")."""


def _recent_commitment(verb: Any) -> bool:
    """Whether a past verb commits to a later act and is told as recent news.

    A commitment with no time of its own, or one dated to the last days ("pledged last
    week", "agreed on Monday"), was made shortly before publication, so the time of the act
    it commits to lies after publication too, unless that time has come and gone within
    days. One dated further back ("promised in January to deliver by the spring") may have
    fallen due since: its act is left to the words.
    """
    if verb.lemma_ not in COMMITTING:
        return False
    times = [c for c in verb.children if c.dep_ in {"npadvmod", "tmod"}]
    times += [g for c in verb.children if c.dep_ == "prep" for g in c.children]
    return all(t.lower_ in NEAR_TIMES for t in times if t.ent_type_ in {"DATE", "TIME"})


CHANGE_VERBS = frozenset(
    {"grow", "rise", "fall", "drop", "reach", "increase", "decrease", "climb", "double"}
    | {"triple", "worsen", "improve", "spread", "collapse", "slow", "surge", "hit", "top"}
    | {"exceed", "face", "lose", "gain", "happen", "occur", "come", "arrive", "begin", "end"}
    | {"start", "resume", "close", "open", "delay", "derail", "trigger", "cost", "mean"}
)
"""Verbs of change and outcome: with "could" or "might" they tell what may yet happen
("costs could double by March"), not an ability someone had ("could travel freely")."""


def _possibility(verb: Any) -> bool:
    """Whether a verb under "could"/"might" says what may happen rather than what one could do.

    An ability of the past ("residents could cross freely in March", "he could not
    attend") has a person or group for its subject and a verb of doing; a possibility has
    a verb of change or outcome ("lines could grow", "talks might collapse") or is
    passive ("the vote could be delayed").
    """
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return str(verb.lemma_).lower() in CHANGE_VERBS


KEEPING = frozenset({"keep", "leave", "hold"})
"""Verbs that keep their object in a state a participle names ("keeps the government
funded", "left the border closed"): the participle is no reduced relative clause."""


def _kept_in_state(participle: Any) -> bool:
    """Whether a participle describing a noun is the state a keeping verb holds it in."""
    noun = participle.head
    return bool(noun.dep_ == "dobj" and noun.head.lemma_ in KEEPING)


PLURAL_PRONOUNS = frozenset({"i", "you", "we", "they"})


def _plural_subject(verb: Any) -> bool:
    """Whether a bare-form verb has a subject it could be the present tense of.

    The tagger gives some present verbs the bare form ("the ministers meet"), and some past
    ones too ("the army retook", an irregular form it does not know): with a singular
    subject a present would end in -s, so the bare form there is no present.
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":
        # "talks ended Saturday and resume on Thursday": the first verb's subject
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return any(
        s.tag_ in {"NNS", "NNPS"}
        or s.lower_ in PLURAL_PRONOUNS
        or any(c.dep_ == "conj" for c in s.children)
        for s in subjects
    )
