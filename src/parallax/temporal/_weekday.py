"""Which day a weekday named in running text is: the one just past, the coming one, or neither.

"On Friday" in a report is the Friday just gone unless a plan points ahead ("set to resume
Monday", "will meet on Friday"); a report verb just before it ("said Sunday") or a past
relative clause ("who resigned on Friday") keeps it past, and a plan told in the past ("the
talks were due to end on Tuesday") may point either way. What "would" puts after a
report with no time of its own ("said the plant would reopen on Thursday", on a Tuesday) is
the coming day when that day is later this week: the last one came before any recent
telling. With a parse, the tense of the
verb the weekday hangs on decides first (:mod:`parallax.temporal.clause_tense`).

Internal to :mod:`parallax.temporal`; the rules of :mod:`parallax.temporal._date_rules`
call :func:`weekday_date`.
"""

from __future__ import annotations

import re
from datetime import timedelta

from parallax.number_words import CARDINALS
from parallax.temporal._resolution import (
    FUTURE,
    PAST,
    PLAN_CUE,
    Context,
    sentence_window,
    without_aside,
)


def weekday_date(ctx: Context, weekday: int, rel: str | None, at: int, end: int) -> str:
    """The date of a weekday named at ``at``: last/next/this, else by the verb's tense.

    The tense is the parse's where there is one (the verb the weekday hangs on, see
    :mod:`parallax.temporal.clause_tense`), else read from the words of the clause.
    """
    if ctx.anchor is None:
        return f"XXXX-WXX-{weekday}"
    anchor = ctx.anchor
    delta = weekday - anchor.isoweekday()
    if rel is None and (weeks := _weeks_ago_before(ctx.text, at)) is not None:
        # "two weeks ago Monday": the Monday that many weeks before the last one. Said of a
        # weekday still to come this week ("a week ago Friday" on a Wednesday), readers
        # count from last week's or from this week's, so it is left unresolved.
        if delta >= 0:
            return f"XXXX-WXX-{weekday}"
        return (anchor + timedelta(days=delta - 7 * weeks)).isoformat()
    lean = ctx.lean_at(at, end) if rel in {None, "this"} else None
    if rel in PAST:
        delta = delta - 7 if delta >= 0 else delta
    elif rel in FUTURE:
        delta = delta + 7 if delta <= 0 else delta
    elif rel == "this":
        # "This Friday" is this week's, except that a day already gone is not what a verb
        # pointing ahead means: "the talks are due to end this Friday", written on a
        # Sunday, is the Friday to come.
        if lean == "ahead" and delta < 0:
            delta += 7
    elif lean == "past":
        delta = delta - 7 if delta > 0 else delta
    elif lean == "ahead":
        delta = delta + 7 if delta < 0 else delta
    else:
        # "Monday's meeting ... will be": a weekday in a possessive names a thing whose verb
        # comes after it, so the whole clause is read for a plan
        possessive = re.match(r"\w*['\u2019]s\b", ctx.text[at : at + 14])
        window = without_aside(sentence_window(ctx.text, at, 40, 0)) + sentence_window(
            ctx.text, at, 0, 80 if possessive else 20
        )
        # the clause's own plan may lie further back ("plans to campaign with former
        # President Barack Obama on Saturday"), but not past the clause's start, and not
        # with a verb of its own between the plan and the day
        window = _planned_before(ctx.text, at, 90) + window
        if (told := _past_plan(ctx.text, at, end)) is not None:
            if told == "mixed":
                return f"XXXX-WXX-{weekday}"
            # "the talks were due to end on Tuesday": the plan is told in the past, so the
            # day may lie on either side of publication; an outcome told after it ("but
            # failed") puts it past, else only a day one or two days away is read
            past, ahead = (delta - 7 if delta > 0 else delta), (delta + 7 if delta < 0 else delta)
            delta = past if told == "outcome" or -past <= ahead else ahead
            if told != "outcome" and abs(delta) > NEAREST_PLANNED_DAYS:
                return f"XXXX-WXX-{weekday}"
        elif (
            PLAN_CUE.search(window)
            and not _TOLD_ON.search(ctx.text, max(0, at - 30), at)
            and not _DONE_ON.search(ctx.text, max(0, at - 30), at)
        ):
            delta = delta + 7 if delta < 0 else delta
        elif lean == "later" and delta > 0 and not _TOLD_BEFORE.search(before_day(ctx, at)):
            pass  # "said blackouts would start on Thursday", on a Wednesday: tomorrow
        elif delta > 0:
            delta -= 7
        if lean == "later" and delta < 0:
            return f"XXXX-WXX-{weekday}"  # "said they would meet on Tuesday": not the past one
    return (anchor + timedelta(days=delta)).isoformat()


_TOLD_BEFORE = re.compile(r"\b(?:last|ago|earlier|previous|prior|since)\b", re.IGNORECASE)
"""Words that may put the telling of a "would" a week or more back: the day after it is
then not known to lie ahead of publication."""


def before_day(ctx: Context, at: int) -> str:
    """The sentence up to a weekday, where a telling's own time would be written."""
    return sentence_window(ctx.text, at, 200, 0)


NEAREST_PLANNED_DAYS = 2
"""How far from publication a weekday a plan told in the past names may be placed.

"The talks were due to end on Tuesday", written on a Wednesday, is the day before (the
talks ran over); "the vote was scheduled for Thursday" the day after. Both readings are
possible for any such weekday; only when one lies this close to publication, and the other
five or more days away, is the near one taken. Otherwise the weekday is left unplaced."""

_PAST_PLAN = re.compile(
    r"\b(?:(?:was|were|had\s+been)\s+(?:[a-z]+ly\s+)?(?:due|set|scheduled|expected|slated"
    r"|supposed|planned|meant|poised)\s+(?:to|for)|(?:was|were)\s+to|had\s+(?:planned"
    r"|hoped|intended)\s+to)\b",
    re.IGNORECASE,
)
"""A plan told in the past ("was due to", "were scheduled for", "had hoped to")."""


def _past_plan(text: str, at: int, end: int) -> str | None:
    """How a plan told in the past governs the weekday at ``at``, if one does.

    None when no such plan does. "mixed" when the clause also plans in the present or
    future ("was due to ... but is now"), which leaves the day unplaced; "outcome" when the
    sentence goes on to tell what became of the plan in the past ("was set for Tuesday but
    failed"); "plan" otherwise. Only a plan in the weekday's own clause counts, with no verb
    of its own between the plan and the day.
    """
    head = without_aside(sentence_window(text, at, 80, 0))
    starts = list(_CLAUSE_START.finditer(head))
    head = head[starts[-1].end() :] if starts else head
    plans = list(_PAST_PLAN.finditer(head))
    if not plans:
        return None
    rest = head[plans[-1].end() :]
    if re.search(r",|\b(?:who|which|that|did|said|but|and)\b|\b[a-z]{3,}ed\b", rest):
        return None
    if re.search(r"\b(?:will|now|is|are)\b", rest):
        return "mixed"
    after = sentence_window(text, end, 0, 60)
    return "outcome" if _OUTCOME.match(after) else "plan"


_OUTCOME = re.compile(
    r",?\s+but\s+(?:(?:it|they|he|she|the\s+\w+)\s+)?(?:was|were|had|failed|fell|collapsed"
    r"|[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
"""What became of a plan, told in the past right after its day ("but failed", "but it
was postponed")."""


_TOLD_ON = re.compile(
    r"\b(?:said|told|announced|reported|added|wrote|confirmed|denied|declared|insisted)"
    r"(?:\s+on)?\s*$",
    re.IGNORECASE,
)
"""A report verb just before a weekday ("Castro said Sunday"): the telling is past."""

_DONE_ON = re.compile(
    r"\b(?:who|which|that)\s+(?:[a-z]{3,}ed|was|were|met|took|came|went|left|held|made|won"
    r"|lost|fell|rose|began|quit)(?:\s+(?:late|early))?(?:\s+on)?\s*$"
)
"""A relative clause whose past verb a weekday follows ("who resigned on Friday, will leave
..."): the weekday dates that clause, whatever the rest of the sentence plans."""


_CLAUSE_START = re.compile(r"(?:[,;:]\s+(?:while|and|but|as|after|before|when)\b|[;:(\u2014])")


_PLANNED = re.compile(r"\b(?:plans?|planning|intends?|expected|scheduled|due|set)\s+to\s+\w+")
_OWN_VERB = re.compile(
    r",|\b(?:who|which|that|was|were|is|are|has|have|had|did|said|[a-z]{3,}ed)\b"
)


def _planned_before(text: str, at: int, before: int) -> str:
    """The plan ("plans to campaign") up to ``before`` characters back whose verb ``at`` dates.

    Only within the clause, and only when nothing between the plan's verb and ``at`` could
    be another verb the day belongs to (a comma, a relative pronoun, a past form).
    """
    head = sentence_window(text, at, before, 0)
    starts = list(_CLAUSE_START.finditer(head))
    head = head[starts[-1].end() :] if starts else head
    plans = list(_PLANNED.finditer(head))
    if not plans or _OWN_VERB.search(head[plans[-1].end() :]):
        return ""
    return plans[-1].group()


_WEEKS_AGO = re.compile(
    r"\b(?P<n>a|one|two|three|four|\d)\s+weeks?\s+ago,?\s+(?:on\s+|last\s+)?$", re.IGNORECASE
)


def _weeks_ago_before(text: str, at: int) -> int | None:
    """How many weeks back "N weeks ago" right before a weekday sends it, if it is there."""
    found = _WEEKS_AGO.search(text, max(0, at - 30), at)
    if found is None:
        return None
    word = found["n"].lower()
    return int(word) if word.isdigit() else 1 if word == "a" else CARDINALS[word]
