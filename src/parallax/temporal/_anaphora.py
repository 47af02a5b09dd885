"""Expressions that take their time from an earlier one in the text, not from publication.

"The following year", "that month", "the previous day", "the next day", "that morning", "the
day before", "two days later" and a time of day alone ("at 6 a.m.") count from the last
date the narrative gave; "the quarter",
"the latest period" and "the year-ago quarter" in a results report name the quarter it
reports on (the last one it mentioned, else the last quarter completed before publication)
or the same quarter a year earlier, and so does "a year earlier" in a sentence that compares
quarters. A day counted from the story ("the next day", "a day earlier", "that evening")
takes its day from the same sentence or the one before; without such a day it is left out
or left as an offset, never counted from publication, since nothing in the text says it is
relative to the time of writing. Each handler in the grammar gives such an expression a
value from the publication date alone; :func:`resolve` then replaces it, in text order, when
an earlier expression supplies the reference.

Internal to :mod:`parallax.temporal`; :mod:`parallax.temporal.normalise` calls it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from parallax.temporal import grammar
from parallax.temporal.expression import TimeExpression, shift, value_range

_WINDOW = 600
"""How far back (characters) a reference date may lie: a few sentences of narrative."""

_FOLLOWING = re.compile(
    r"^(?:the\s+)?(?P<rel>following|previous|preceding)\s+(?P<unit>day|week|month|year)$",
    re.IGNORECASE,
)
_THAT = re.compile(r"^(?:that|the\s+same)\s+(?P<unit>day|week|month|year)$", re.IGNORECASE)
_BEFORE = re.compile(
    r"^the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|later)$",
    re.IGNORECASE,
)
_COUNTED_BACK = re.compile(
    r"^(?:(?:some|about|nearly|almost|roughly)\s+)?(?P<n>a|an|one|\d+|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?P<unit>day|week|month)s?\s+(?P<dir>earlier|before|later)$",
    re.IGNORECASE,
)
"""A span counted from a moment of the story: "two days earlier", "a week later".

"Later" counts from the story's last date only when that date is as fine as the span (a
day for days and weeks, a month for months); years later are read by the grammar from the
last year the text gave. TimeML annotates "two days
later" as the span it names, but what a reader (and a claim) needs is the day it lands on;
TempEval-3 holds almost none of these."""
_PART = re.compile(
    r"^(?:(?P<that>that|the\s+same)|the\s+(?P<rel>following|next|previous|preceding))\s+"
    r"(?P<part>morning|afternoon|evening|night)$",
    re.IGNORECASE,
)
"""A part of a day the story names: "that morning", "the next evening"."""
_CLOCK = re.compile(
    r"^(?:(?:about|around|approximately|roughly|nearly|shortly|just)\s+(?:(?:after|before)\s+)?)?"
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d\d|noon|midnight)$",
    re.IGNORECASE,
)
"""A time of day alone ("6 a.m.", "about 9:30 p.m."): on the day the story last named, in
its sentence or the one before, as "that morning" is; with no such day, on the day of
publication, as the grammar reads it."""
_BOUNDARY = re.compile(r"(?<!\b[A-Z])[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z])|\n")
"""Where one sentence (or paragraph) ends and the next begins, in the text between two
expressions. Initials ("the U.K. Treasury") are no boundary; a longer abbreviation
("Gen. Smith") reads as one, which only makes a reference look further away."""
_FORWARD_UNITS = frozenset({"day", "week"})
_PART_STEP = {"following": 1, "next": 1, "previous": -1, "preceding": -1}
_REPORTED = re.compile(
    r"^(?:the\s+)?(?:(?:latest|current|comparable|corresponding|same)\s+)?(?:fiscal\s+)?"
    r"(?:quarter|period)$",
    re.IGNORECASE,
)
_YEAR_AGO = re.compile(
    r"^(?:the\s+)?(?:comparable\s+|corresponding\s+)?(?:year-ago|year-earlier|prior-year)"
    r"(?:\s+(?:fiscal\s+)?(?:quarter|period))?$"
    r"|^(?:a|one)\s+year\s+(?:ago|earlier|before)$",
    re.IGNORECASE,
)
_QUARTER_TALK = re.compile(r"\bquarter", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[a-z\d)][.!?])\s+")

_UNIT_CODES = {"day": 10, "month": 7, "year": 4}
"""How many characters of a reference's value name its day, month or year."""


def resolve(text: str, anchor: date | None, found: list[TimeExpression]) -> list[TimeExpression]:
    """Re-anchor the anaphoric expressions of ``found`` (in text order) on earlier ones.

    Expressions that name their own time serve as references, and so does a day reached
    by moving the story forward ("the next day", "two days later", "that evening"): "He
    arrived on March 1. The next day he met the minister. The day after, he left" moves
    day by day. A day reached by looking back ("a day earlier", "the day before") is a
    flashback and leaves the story where it was. A reference-only expression ("that day",
    "the quarter") that finds no reference is left out rather than guessed, and a day
    counted back with nothing to count from ("a day earlier" alone) stays an offset.
    """
    kept: list[TimeExpression] = []
    references: list[TimeExpression] = []
    for index, expression in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if following is not None and _shifted_by(text, expression, following):
            continue  # "the same period a year earlier": the pair names the second's time
        updated = _resolve_one(text, anchor, expression, references)
        if updated is not None:
            kept.append(updated)
            if _moves_story_on(expression, updated):
                references.append(updated)
            continue
        if expression.value.startswith("XXXX") and _is_reference_only(expression):
            continue
        if (unresolved := _day_counted_back(expression)) is not None:
            kept.append(unresolved)
            continue
        kept.append(expression)
        phrase = re.sub(r"\s+", " ", expression.text.strip())
        if not (_FOLLOWING.match(phrase) or _BEFORE.match(phrase)):
            references.append(expression)
    return kept


def _shifted_by(text: str, expression: TimeExpression, following: TimeExpression) -> bool:
    """Whether a period named by reference is shifted by the span right after it.

    "In the same period a year earlier": the period is the year-ago one, which the
    second expression names; the first alone would date it to the reported period.
    """
    phrase = re.sub(r"\s+", " ", expression.text.strip())
    if not (_THAT.match(phrase) or _REPORTED.match(phrase)):
        return False
    if text[expression.end : following.start].strip():
        return False
    after = re.sub(r"\s+", " ", following.text.strip())
    return bool(_YEAR_AGO.match(after) or _COUNTED_BACK.match(after))


def _moves_story_on(expression: TimeExpression, updated: TimeExpression) -> bool:
    """Whether a re-anchored expression is a later day the story has moved on to."""
    if updated.granularity not in {"day", "time"}:
        return False
    phrase = _phrase(expression)
    if m := _FOLLOWING.match(_NEXT_DAY.sub("following day", phrase)):
        return m["rel"].lower() == "following"
    if m := _BEFORE.match(phrase):
        return m["dir"].lower() in {"after", "later"}
    if m := _COUNTED_BACK.match(phrase):
        return m["dir"].lower() == "later"
    if m := _PART.match(phrase):
        return (m["rel"] or "").lower() in {"following", "next"}
    return bool(_THAT.match(phrase))


def _day_counted_back(expression: TimeExpression) -> TimeExpression | None:
    """A day or week counted from the story, with no day of the story before it: an offset.

    The grammar counted "a day earlier" and "the previous week" from publication, but they
    are relative to a moment of the story, not to the time of writing ("yesterday" and "last
    week" are); a date guessed from publication would date a claim wrongly, so the value
    stays the offset it names.
    """
    phrase = _phrase(expression)
    if expression.range is None:
        return None
    if (m := _FOLLOWING.match(phrase)) and m["unit"].lower() == "week":
        sign = "+" if m["rel"].lower() == "following" else "-"
        return replace(expression, type="DATE", value=f"{sign}P1W", range=None, relative=True)
    m = _COUNTED_BACK.match(phrase)
    if m is None or m["unit"].lower() not in _FORWARD_UNITS:
        return None
    count = _small_number(m["n"])
    if count is None:
        return None
    sign = "-" if m["dir"].lower() in {"earlier", "before"} else "+"
    value = f"{sign}P{count}{'W' if m['unit'].lower() == 'week' else 'D'}"
    return replace(expression, type="DATE", value=value, range=None, relative=True)


_THAN = re.compile(r"\bthan\b[^.,;:!?]{0,30}$", re.IGNORECASE)


def _compared_with(text: str, expression: TimeExpression) -> bool:
    """Whether a time is what something is compared with ("thinner than it was in 2006").

    It gives the standard of a comparison, not a time the story has moved to: in "the ice
    is thinner than it was two decades ago, which makes it likely to melt the next year",
    the next year is counted from now. ("The following year" always counts from the story,
    and still does from such a time.)
    """
    return bool(_THAN.search(text, max(0, expression.start - 40), expression.start))


def _phrase(expression: TimeExpression) -> str:
    return re.sub(r"\s+", " ", expression.text.strip())


def _is_reference_only(expression: TimeExpression) -> bool:
    phrase = re.sub(r"\s+", " ", expression.text.strip())
    following = _FOLLOWING.match(_NEXT_DAY.sub("following day", phrase))
    return bool(
        _PART.match(phrase)
        or _THAT.match(phrase)
        or (following is not None and following["unit"].lower() == "day")
        or _BEFORE.match(phrase)
        or _REPORTED.match(phrase)
        or _YEAR_AGO.match(phrase)
    )


def _resolve_one(
    text: str, anchor: date | None, expression: TimeExpression, earlier: list[TimeExpression]
) -> TimeExpression | None:
    phrase = re.sub(r"\s+", " ", expression.text.strip())
    near = [e for e in earlier if expression.start - e.end <= _WINDOW]
    # A day or a week counted from the story's day comes from the sentence it is in or the
    # one before: further back, the day named may belong to another part of the story.
    close = [e for e in near if _sentences_between(text, e, expression) <= 1]
    # A day counted from the story's last date needs that date to name a day: after "a
    # member since 1999", "the previous day" has nothing to count from.
    if m := _FOLLOWING.match(_NEXT_DAY.sub("following day", phrase)):
        unit = m["unit"].lower()
        amount = -1 if m["rel"].lower() != "following" else 1
        pool = close if unit in _FORWARD_UNITS else near
        return _counted(expression, pool, unit, amount, strict=unit == "day")
    if m := _THAT.match(phrase):
        unit = m["unit"].lower()
        pool = close if unit in _FORWARD_UNITS else near
        return _counted(expression, pool, unit, 0, strict=unit == "day")
    if (m := _NEXT_UNIT.match(phrase)) and anchor is not None:
        return _next_in_story(text, anchor, expression, m["unit"].lower(), close, near)
    if m := _BEFORE.match(phrase):
        unit = m["unit"].lower()
        amount = -1 if m["dir"].lower() in {"before", "earlier"} else 1
        pool = close if unit in _FORWARD_UNITS else near
        return _counted(expression, pool, unit, amount, strict=unit == "day")
    if m := _PART.match(phrase):
        step = _PART_STEP.get((m["rel"] or "").lower(), 0)
        return _part_of_day(expression, close, step)
    if (
        _CLOCK.match(phrase)
        and anchor is not None
        and expression.value.startswith(f"{anchor.isoformat()}T")
    ):
        # "The train derailed on Monday. It happened at about 6 a.m.": Monday's 6 a.m.
        return _part_of_day(expression, close, 0)
    if (story := _story_month(text, expression, near)) is not None:
        return story
    comparing = re.match(r"\s+than\b", text[expression.end : expression.end + 6])
    if (
        anchor is not None
        and not comparing
        and (years := _years_in_story(text, anchor, expression, near))
    ):
        return years
    counted_back = (
        _COUNTED_BACK.match(phrase) if expression.type == "DATE" and not comparing else None
    )
    if counted_back and (count := _small_number(counted_back["n"])) is not None:
        # "Two days earlier" counts from the day the story last named ("Monday's meeting"),
        # not from publication; without such a day :func:`_day_counted_back` unsets it.
        unit = counted_back["unit"].lower()
        sign = 1 if counted_back["dir"].lower() == "later" else -1
        pool = close if unit in _FORWARD_UNITS else near
        return _counted(expression, pool, unit, sign * count, strict=True)
    if anchor is None:
        return None
    if _in_named_year_kind(expression) and (dated := _in_named_year(text, expression, near)):
        return dated
    if _REPORTED.match(phrase):
        if "period" in phrase.lower() and not _quarter_context(text, expression, near):
            return None
        running = "current" in phrase.lower()
        return _with_value(expression, _reported_quarter(anchor, near, running))
    if m := _YEAR_AGO.match(phrase):
        if phrase.lower().startswith(("a ", "one ")) and not (
            _quarter_sentence(text, expression)
            or any(e.granularity == "quarter" for e in near[-2:])
        ):
            return None
        if not _quarter_context(text, expression, near):
            return None
        quarter = _reported_quarter(anchor, near)
        year, number = int(quarter[:4]), quarter[-1]
        return _with_value(expression, f"{year - 1:04d}-Q{number}")
    return None


_COMPARED = re.compile(r"\b(?:from|with|over|than|versus|vs)\b", re.IGNORECASE)
_YEARS_COUNTED = re.compile(
    r"^(?:(?:some|about|nearly|almost|roughly|just)\s+)?(?P<n>a|an|one|\d+|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?P<unit>year|decade)s?\s+(?P<dir>earlier|before|later)$",
    re.IGNORECASE,
)


def _years_in_story(
    text: str, anchor: date, expression: TimeExpression, near: list[TimeExpression]
) -> TimeExpression | None:
    """A number of years "earlier" or "later", after a past year of the story: counted from it.

    "The treaty was signed in 1985. Six years earlier, talks had begun" is 1979, not six
    years before publication: "earlier" and "later" count from the story, "ago" from the
    time of writing. Only a story that has moved to a year before publication's counts (in
    a results report "a year earlier" is the year-ago period, read elsewhere), and only its
    last expression that names its own year (not one counted from publication, as "a year
    ago" is), in this sentence or the ones just before. With no dated expression before it
    at all, more than a year "earlier" stays an offset.
    """
    m = _YEARS_COUNTED.match(_phrase(expression)) if expression.type == "DATE" else None
    if m is None or (count := _small_number(m["n"])) is None or _quarter_sentence(text, expression):
        return None
    clause = _SENTENCE_END.split(text[max(0, expression.start - 40) : expression.start])[-1]
    if _COMPARED.search(clause.rpartition(",")[2]):
        return None  # "up 15% from 4 pence a year earlier": the year-ago period
    story = next(
        (
            e
            for e in reversed(near)
            if e.end <= expression.start
            and e.type == "DATE"
            and not (e.vague or e.parts or e.relative)
            and re.match(r"\d{4}", e.value)
        ),
        None,
    )
    years = count * (10 if m["unit"].lower() == "decade" else 1)
    sign = 1 if m["dir"].lower() == "later" else -1
    if story is None and years > 1:
        # nothing to count from: an offset, not a year counted back from publication ("a
        # year earlier" alone stays the year before publication, as results reports mean)
        value = f"{'+' if sign > 0 else '-'}P{years}Y"
        return replace(expression, type="DATE", value=value, range=None, relative=True)
    if story is None or int(story.value[:4]) >= anchor.year:
        return None
    return _with_value(expression, f"{int(story.value[:4]) + sign * years:04d}")


_NEXT_UNIT = re.compile(r"^the\s+next\s+(?P<unit>week|month|year)$", re.IGNORECASE)
_SPAN_OPENER = re.compile(
    r"\b(?:over|in|during|within|for|throughout|through|of|into|by|until)\s+$", re.IGNORECASE
)
"""Words that make "the next year" a span ahead of the present ("over the next year")."""
_OFFSET_CODE = {"week": "W", "month": "M", "year": "Y"}


def _next_in_story(
    text: str,
    anchor: date,
    expression: TimeExpression,
    unit: str,
    close: list[TimeExpression],
    near: list[TimeExpression],
) -> TimeExpression | None:
    """The year (month, week) after a past date of the story, for "the next year".

    "In 2014, Russia annexed Crimea. The next year, fighting went on" is 2015: once the
    story has moved to a period before the present one, "the next year" (unlike "next
    year") follows the story, as "the following year" does. Counted from publication it
    lands on the wrong side of it. With no such date, or after "over" or "in" ("over the
    next year", a span from now), the grammar's value from publication stands (None); with
    a past date too coarse to count from ("in 2014 ... the next month") the value stays an
    offset.
    """
    if _SPAN_OPENER.search(text, max(0, expression.start - 12), expression.start):
        return None
    pool = close if unit in _FORWARD_UNITS else near
    before = [e for e in pool if e.end <= expression.start and e.range is not None]
    if before and _compared_with(text, before[-1]):
        return None  # "thinner than two decades ago ... likely to melt the next year"
    if not before or before[-1].vague or before[-1].parts:
        return None
    assert before[-1].range is not None
    if before[-1].range[1] >= _period_start(anchor, unit):
        return None  # the story is in the present period: "the next week" is from now
    counted = _counted(expression, before, unit, 1, strict=True)
    if counted is not None:
        return counted
    return replace(
        expression, type="DATE", value=f"+P1{_OFFSET_CODE[unit]}", range=None, relative=True
    )


def _period_start(anchor: date, unit: str) -> date:
    """The first day of the week, month or year that ``anchor`` falls in."""
    if unit == "week":
        return date.fromordinal(anchor.toordinal() - anchor.weekday())
    if unit == "month":
        return anchor.replace(day=1)
    return anchor.replace(month=1, day=1)


_NEXT_DAY = re.compile(r"(?<=^the )next day$", re.IGNORECASE)
"""Read "the next day" as "the following day" ("the next week" counts from publication)."""


def _sentences_between(text: str, reference: TimeExpression, expression: TimeExpression) -> int:
    """How many sentence (or paragraph) breaks lie between a reference and an expression."""
    if reference.end > expression.start:
        return 0
    # the next sentence's first letter is the expression's own: the boundary looks at it
    return len(_BOUNDARY.findall(text, reference.end, expression.start + 2))


def _part_of_day(
    expression: TimeExpression, near: list[TimeExpression], amount: int
) -> TimeExpression | None:
    """A part of the story's last day ("that morning"), or of the day after or before it."""
    for reference in reversed(near):
        if reference.type not in {"DATE", "TIME"} or reference.vague or reference.parts:
            continue
        if reference.end > expression.start:
            continue
        if not re.match(r"\d{4}-\d\d-\d\d", reference.value):
            return None  # the story's last time is coarser than a day: nothing to place
        day = shift(date.fromisoformat(reference.value[:10]), "day", amount)
        value = f"{day}T{expression.value.rpartition('T')[2]}"
        return replace(
            expression,
            type="TIME",
            value=value,
            range=value_range(value),
            granularity="time",
            relative=True,
        )
    return None


_STORY_REL = re.compile(r"\bthe\s+(?P<rel>following|next|previous|preceding)\s+$", re.IGNORECASE)
_STORY_WORD = re.compile(r"(?P<rel>following|next|previous|preceding)\s+", re.IGNORECASE)
_MONTH_OWN = re.compile(r"(?:\d{4}|XXXX)-(?P<month>\d\d)(?P<day>-\d\d)?")


def _story_month(
    text: str, expression: TimeExpression, near: list[TimeExpression]
) -> TimeExpression | None:
    """A month named as "the following January" or "the previous June": from the story.

    "Elected in 2024, he took office the following January" is January 2025, counted from
    the last date the text gave, not the January of the publication year. Without such a
    date the month is left without a year.
    """
    # "the following January" (the grammar took only the month) or "the previous December"
    # (it took "previous December" as counted from publication)
    rel = _STORY_REL.search(text, max(0, expression.start - 16), expression.start)
    inside = _STORY_WORD.match(expression.text)
    before = text[max(0, expression.start - 5) : expression.start]
    if inside and re.search(r"\bthe\s+$", before, re.IGNORECASE):
        rel = inside
    elif rel is not None and rel.end() != expression.start:
        rel = None
    own = _MONTH_OWN.fullmatch(expression.value)
    if rel is None or own is None:
        return None
    month, day = int(own["month"]), own["day"] or ""
    ahead = rel["rel"].lower() in {"following", "next"}
    for reference in reversed(near):
        value = reference.value
        if reference.end > expression.start or reference.vague or reference.parts:
            continue
        if reference.type != "DATE" or not re.match(r"\d{4}(?:-\d\d)?(?:-\d\d)?$", value):
            continue
        year = int(value[:4])
        since = int(value[5:7]) if len(value) >= 7 else (12 if ahead else 1)
        year += (month <= since) if ahead else -(month >= since)
        return _with_value(expression, f"{year:04d}-{month:02d}{day}")
    return _with_value(expression, f"XXXX-{month:02d}{day}")


_MONTH_VALUE = re.compile(r"\d{4}(-\d{2}(?:-\d{2})?)$")


_FROM_PUBLICATION = frozenset({"last", "next", "this", "coming", "past"})
_OPENING_WORDS = 2
"""Words that may come before the year that frames a sentence ("Back in 2019, ...")."""


def _in_named_year_kind(expression: TimeExpression) -> bool:
    return expression.relative and expression.granularity in {"month", "day"}


def _in_named_year(
    text: str, expression: TimeExpression, near: list[TimeExpression]
) -> TimeExpression | None:
    """A month (and day) named without a year, in the year its sentence opened with.

    "Last year the board approved it in June" is June of last year, not of the
    publication's year: a sentence that opens by placing itself in a year keeps the months
    it goes on to name in that year. Only a plain year at the sentence's opening counts
    (a year inside a clause dates that clause's event; not a span, a "since" or a decade),
    and only for a month whose value came from the publication date without "last" or
    "next" of its own.
    """
    own = _MONTH_VALUE.fullmatch(expression.value)
    words = re.findall(r"[a-z]+", expression.text.lower())
    if own is None or not any(w.rstrip(".") in grammar.MONTHS for w in words):
        return None  # "yesterday", "Monday": counted from publication, not a named month
    if set(words) & _FROM_PUBLICATION:
        return None  # "last June" says it counts from the publication date
    for reference in reversed(near):
        if reference.end > expression.start:
            continue
        between = text[reference.start : expression.start]
        if _SENTENCE_END.search(between):
            return None
        if reference.type != "DATE" or reference.granularity not in {"year", "month", "day"}:
            continue
        if reference.mod or reference.vague or reference.parts or reference.granularity != "year":
            return None  # the sentence's nearest time is finer or fuzzier: leave the month
        opening = _SENTENCE_END.split(text[max(0, reference.start - 200) : reference.start])[-1]
        if len(opening.split()) > _OPENING_WORDS or re.search(r"\bsince\b", opening, re.I):
            return None  # the year dates a clause inside the sentence, not the sentence
        year = reference.value[:4]
        if not year.isdigit() or expression.value.startswith(year):
            return None
        return _with_value(expression, year + own.group(1))
    return None


def _small_number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in {"a", "an"}:
        return 1
    tens, _, unit = word.partition("-")
    if tens in grammar.SMALL_NUMBERS and (not unit or unit in grammar.SMALL_NUMBERS):
        return grammar.SMALL_NUMBERS[tens] + (grammar.SMALL_NUMBERS[unit] if unit else 0)
    return None


def _counted(
    expression: TimeExpression,
    near: list[TimeExpression],
    unit: str,
    amount: int,
    *,
    strict: bool = False,
) -> TimeExpression | None:
    """The expression counted ``amount`` units from the last reference fine enough for it.

    With ``strict``, only the last dated reference is tried: a span counted from a moment
    ("two days earlier") counts from the latest one the story named, and when that one is
    too coarse (a year), from none.
    """
    size = _UNIT_CODES.get(unit)
    for reference in reversed(near):
        if reference.type not in {"DATE", "TIME"} or reference.vague or reference.parts:
            continue
        if strict and reference.end > expression.start:
            continue
        value = reference.value
        if not re.match(r"\d{4}", value):
            continue
        if unit == "week":
            if reference.range is None or reference.granularity not in {"day", "time", "week"}:
                if strict:
                    return None
                continue
            return _with_value(expression, shift(reference.range[0], "week", amount))
        if size is None or len(value) < size or not re.fullmatch(r"[\d-]+", value[:size]):
            if strict:
                return None
            continue
        start = date.fromisoformat((value[:size] + "-01-01"[size - 4 :])[:10])
        return _with_value(expression, shift(start, unit, amount))
    return None


def _reported_quarter(anchor: date, near: list[TimeExpression], running: bool = False) -> str:
    """The quarter a results report is about: the last one named, else the last completed.

    Results are reported for a quarter that has ended, so a quarter named that is still
    running at publication (an outlook for "the fourth quarter") is not the reference,
    unless the phrase itself says so (``running``: "the current quarter").
    """
    index = anchor.year * 4 + (anchor.month - 1) // 3 - 1
    for reference in reversed(near):
        m = re.fullmatch(r"(\d{4})-Q([1-4])", reference.value)
        ended = m is not None and int(m[1]) * 4 + int(m[2]) - 1 <= index
        if reference.granularity == "quarter" and m and (running or ended):
            return reference.value
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def _quarter_sentence(text: str, expression: TimeExpression) -> bool:
    start = max(0, expression.start - 200)
    before = _SENTENCE_END.split(text[start : expression.start])[-1]
    after = _SENTENCE_END.split(text[expression.end : expression.end + 200])[0]
    return bool(_QUARTER_TALK.search(before + " " + after))


def _quarter_context(text: str, expression: TimeExpression, near: list[TimeExpression]) -> bool:
    """Whether the text around is about quarters: one was named, or "quarter" is nearby."""
    if any(e.granularity == "quarter" for e in near):
        return True
    window = text[max(0, expression.start - _WINDOW) : expression.end + 100]
    return bool(_QUARTER_TALK.search(window))


def _with_value(expression: TimeExpression, value: str) -> TimeExpression:
    span = value_range(value)
    granularity = "quarter" if "-Q" in value else expression.granularity
    if span is not None and re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value):
        granularity = {4: "year", 7: "month", 10: "day"}[len(value)]
    if re.fullmatch(r"\d{4}-W\d\d", value):
        granularity = "week"
    return replace(
        expression, type="DATE", value=value, range=span, granularity=granularity, relative=True
    )
