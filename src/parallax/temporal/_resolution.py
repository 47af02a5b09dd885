"""What every rule handler shares.

The match context, the value it resolves to, the words around a match, and arithmetic
against the anchor date.

Internal to :mod:`parallax.temporal`; :mod:`parallax.temporal.normalise` is the entry point.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from parallax.temporal import grammar
from parallax.temporal.clause_tense import Lean, LeanOf
from parallax.temporal.expression import (
    TimeExpression,
    TimexType,
    granularity_of,
    narrow,
    offset_value,
    shift,
    value_range,
)


@dataclass(frozen=True)
class Context:
    """The text a rule matched in, its anchor, and (with a parse) which way each clause leans.

    ``lean`` takes a character span of ``text`` and says whether the verb governing it is in
    a past or a forward-looking tense (:mod:`parallax.temporal.clause_tense`); without one,
    or where it returns None, the rules read the words around the expression.
    """

    text: str
    anchor: date | None
    lean: LeanOf | None = None

    def lean_at(self, start: int, end: int) -> Lean | None:
        """The lean of the clause governing ``text[start:end]``, when a parse tells it."""
        return self.lean(start, end) if self.lean is not None else None


@dataclass(frozen=True)
class Value:
    type: TimexType
    value: str
    relative: bool = False
    vague: bool = False
    mod: str | None = None
    parts: tuple[TimeExpression, ...] = ()
    side: Literal["before", "after"] | None = None
    """"Earlier this year" lies before publication, "later this month" after it: the range
    is cut at the anchor rather than narrowed to a third of the period."""


Handler = Callable[[re.Match[str], Context], Value | None]


MOD_WORDS = {
    "early": "START",
    "the beginning of": "START",
    "beginning of": "START",
    "the start of": "START",
    "start of": "START",
    "mid": "MID",
    "mid-": "MID",
    "the middle of": "MID",
    "late": "END",
    "the end of": "END",
    "end of": "END",
    "earlier": "START",
    "later": "END",
}


APPROX_WORDS = {
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "well over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "under": "LESS_THAN",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
}


BOUNDING_MODS = frozenset({"MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"})
"""Modifiers that make a date a bound ("more than a century ago" lies before the year a
century back, "less than a year ago" after it): the value is kept, but no range is given,
so nothing is dated to the bound's own year or day."""


PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


PAST = {"last", "past", "previous", "recent", "preceding"}


FUTURE = {"next", "coming", "following"}


DURATION_CODES = {
    "second": ("T", "S", 1),
    "minute": ("T", "M", 1),
    "hour": ("T", "H", 1),
    "day": ("", "D", 1),
    "week": ("", "W", 1),
    "fortnight": ("", "W", 2),
    "month": ("", "M", 1),
    "quarter": ("", "M", 3),
    "year": ("", "Y", 1),
    "decade": ("", "Y", 10),
    "century": ("", "Y", 100),
}


VAGUE_DURATION = {
    "second": "PTXS",
    "minute": "PTXM",
    "hour": "PTXH",
    "day": "PXD",
    "week": "PXW",
    "fortnight": "PXW",
    "month": "PXM",
    "quarter": "PXM",
    "year": "PXY",
    "decade": "PXDE",
    "century": "PXCE",
}


YEAR_CUES = frozenset(
    {
        "in",
        "by",
        "since",
        "until",
        "till",
        "from",
        "to",
        "between",
        "and",
        "of",
        "before",
        "after",
        "during",
        "early",
        "late",
        "mid",
        "circa",
        "around",
        "through",
        "year",
        "fiscal",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "or",
        "than",
        "for",
        "at",
        "on",
        "as",
        "throughout",
        "within",
    }
)


NOT_PLURAL = frozenset(
    {"was", "is", "has", "as", "this", "its", "his", "always", "perhaps", "plus", "less"}
    | {"unless", "thus", "across", "towards", "was", "does", "hers", "ours", "yes"}
)


FUTURE_CUE = re.compile(
    r"\b(?:will|won't|'ll|shall|going\s+to|plans?\s+to|is\s+to|are\s+to|scheduled|"
    r"due\s+to|upcoming)\b",
    re.IGNORECASE,
)


PLAN_CUE = re.compile(
    r"\b(?:(?:set|plans?|expected|due|likely|ready|hopes?|"
    r"intends?|intended|is|are)\s+to|(?:is|are|been|be)\s+(?:set|slated|due)\s+for|planned|"
    r"(?:is|are)\s+(?:expected|due)\s+(?:by|in|on|before|within)|"
    r"planning|scheduled|"
    r"as\s+(?:soon|early)\s+as|postponed|"
    r"would\s+be\s+[a-z]+ing|will|won't|'ll|shall|going\s+to|upcoming|"
    r"(?<!was\s)(?<!were\s)(?<!been\s)(?:due|expected|slated)(?:\s+(?:out|back))?\s+(?:on\s+)?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)
"""What puts a bare weekday ahead of the publication date: a plan, a schedule, a deadline.

"Set to resume Monday", "planned to leave on Thursday", "the vote is set for Tuesday", "a
ruling is expected by June", "as early as Tuesday", "postponed until Friday", "the report,
due out Friday", "a decision expected Friday": news names the coming weekday this way;
without such a cue a weekday is the one just past, as most weekdays in reports are ("the
vote was set for Tuesday" may be either, and stays so).
"""


WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")


WORD_AFTER = re.compile(r"^\s+([A-Za-z][\w'’-]*)")


def prev_word(ctx: Context, start: int) -> str:
    m = WORD_BEFORE.search(ctx.text, max(0, start - 20), start)
    return m[1].lower() if m else ""


def next_word(ctx: Context, end: int) -> str:
    m = WORD_AFTER.match(ctx.text[end : end + 30])
    return m[1] if m else ""


def number_value(text: str) -> float | None:
    """The number a word or figure stands for, or None when it is vague ("several")."""
    text = re.sub(r"\s+", " ", text.lower().strip())
    if text in grammar.SMALL_NUMBERS:
        return float(grammar.SMALL_NUMBERS[text])
    if text in grammar.VAGUE_NUMBERS:
        return None
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)(?: 1/2)?", text):
        return float(m[1]) + (0.5 if text.endswith("1/2") else 0.0)
    tens, _, unit = text.replace("-", " ").partition(" ")
    if tens in grammar.SMALL_NUMBERS and unit in grammar.SMALL_NUMBERS:
        return float(grammar.SMALL_NUMBERS[tens] + grammar.SMALL_NUMBERS[unit])
    return None


def month_number(name: str) -> int:
    return grammar.MONTHS[name.lower().rstrip(".")]


def mod_of(m: re.Match[str]) -> str | None:
    found = m.groupdict().get("mod")
    if not found:
        return None
    return MOD_WORDS.get(re.sub(r"\s+", " ", found.lower()).strip(" -") or "mid")


def relative_value(ctx: Context, unit: str, amount: int) -> tuple[str, bool]:
    """The value ``amount`` units from the anchor, or a relative offset without one."""
    if ctx.anchor is None:
        return offset_value(unit, amount), True
    return shift(ctx.anchor, unit, amount), True


def day_value(year: int | None, month: int, day: int) -> str | None:
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"


_ASIDE = re.compile(r",\s*(?:who|which)\b[^,;]*,", re.IGNORECASE)


def words_before(text: str, at: int, reach: int = 80) -> str:
    """The words of the sentence before ``at`` (up to ``reach`` characters), no aside."""
    return without_aside(_SENTENCE_END.split(text[max(0, at - reach) : at])[-1])


def without_aside(head: str) -> str:
    """The words before a time with any relative clause closed before it taken out.

    In "the ministers, who will meet in June, spoke on Friday" the "will" belongs to the
    aside; the weekday dates "spoke", whose clause the aside only interrupts.
    """
    return _ASIDE.sub(",", head)


def sentence_window(text: str, at: int, before: int, after: int) -> str:
    """The text ``before`` characters back and ``after`` on from ``at``, within its sentence.

    The window is cut at sentence ends and stretched to whole words, so that a cue is read
    only from the sentence it belongs to and never from a clipped word ("will" in "willing").
    """
    start = max(0, at - before)
    head = _SENTENCE_END.split(text[start:at])[-1]
    end = at + after
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    tail = _SENTENCE_END.split(text[at:end])[0]
    return head + tail


def nearest_year(anchor: date, month: int, day: int) -> int:
    """The year that puts a month and day without a year closest to the anchor.

    News dates a month without a year by proximity: "in November" written in January is
    the November just past, written in April the coming one (the anchor's year wins ties).
    """
    years = [y for y in (anchor.year, anchor.year - 1, anchor.year + 1) if 1 <= y <= 9999]
    return min(years, key=lambda y: abs((date(y, month, day) - anchor).days))


PAST_SPAN_MONTHS = 7
"""How far back a month named without a year may lie when nothing points ahead."""

AHEAD_SPAN_MONTHS = 10
"""How far ahead it may lie when a plan or schedule points ahead ("will open in March")."""


_SENTENCE_END = re.compile(r"(?<=[a-z\d)][.!?;])\s+")
"""A sentence or clause end (not an initial's full stop, as in "Daniel P. Davison")."""


_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)

_FUTURE = re.compile(r"\b(?:will|shall|going\s+to|upcoming)\b|'ll\b", re.IGNORECASE)
"""A clause in the future tense: its month cannot be the one just past ("will be held in
November", written in December, is next November), while a plan told in the past ("was
expected to open in November") may be."""


LEAN_REACH_MONTHS = 10
"""How far from publication a month (or day) may be put by its clause's tense alone.

When the tense of the governing verb moves a date to the other side of publication from
where the words put it, and that lands it further than this, the two readings disagree too
much to trust either: the date is left without a year rather than guessed."""


NEAR_DAYS = 31
"""A day this close to publication is not moved a year by its verb's tense: a year away is
no likelier than a loose tense or a misread parse (a past form read where the day lies a
week ahead), so the day is left without a year."""


def leaning_year(ctx: Context, month: int, day: int | None, lean: Lean, guess: int) -> int | None:
    """The year that puts a month (and day) on the side of publication its clause leans to.

    ``guess`` is the year the words gave; it stands when it is already on that side
    (publication's own month or day counts as both). Otherwise the nearest year on that
    side is taken, or None when that lies beyond ``LEAN_REACH_MONTHS``; a day within
    ``NEAR_DAYS`` of publication, and a "later" clause ("would") whose time the words put
    in the past, are left without a year.
    """
    anchor = ctx.anchor
    assert anchor is not None

    def side(year: int) -> int:
        if day is None:
            return (year * 12 + month) - (anchor.year * 12 + anchor.month)
        return (date(year, month, day) - anchor).days

    def fits(year: int) -> bool:
        return side(year) <= 0 if lean == "past" else side(year) >= 0

    if fits(guess):
        return guess
    if lean == "later" or (day is not None and abs(side(guess)) <= NEAR_DAYS):
        return None  # "would take effect in January", or a day a week ahead read as past
    step = -1 if lean == "past" else 1
    year = next((y for y in (guess + step, guess + 2 * step) if 1 <= y <= 9999 and fits(y)), None)
    if year is None:
        return None
    months = (year * 12 + month) - (anchor.year * 12 + anchor.month)
    return year if abs(months) <= LEAN_REACH_MONTHS else None


def likely_year(
    ctx: Context, month: int, day: int, at: int, end: int, *, whole_month: bool = False
) -> int | None:
    """The year of a month (and day) named without one: by the clause's tense, else ``guess``.

    With a parse, the tense of the verb the expression hangs on decides which side of
    publication it lies (:func:`leaning_year`); without one, or where the parse says
    nothing, :func:`guess_year` reads the words.
    """
    guess = guess_year(ctx, month, day, at)
    lean = ctx.lean_at(at, end)
    if lean is None:
        return guess
    return leaning_year(ctx, month, None if whole_month else day, lean, guess)


def guess_year(ctx: Context, month: int, day: int, at: int) -> int:
    """The year of a month (and day) named without one, leaning to the past unless planned.

    News mostly reports what happened: on the TempEval-3 training documents, months named
    without a year lie up to about seven months before the publication date far more often
    than four or more months after it, and those ahead are nearly all announced with a plan
    or schedule ("will", "is expected to", "scheduled"). So the month is placed in the
    ``PAST_SPAN_MONTHS`` before the anchor's month (and the few after), or, when the clause
    around it looks ahead, in the ``AHEAD_SPAN_MONTHS`` from the month before the anchor's
    (from the anchor's own month when the clause is in the future tense).
    """
    anchor = ctx.anchor
    assert anchor is not None
    sentence = words_before(ctx.text, at)
    after = ctx.text[at : at + 20].partition(",")[0]
    ahead = bool(PLAN_CUE.search(sentence + after)) and not _SINCE.search(sentence)
    behind = 0 if ahead and _FUTURE.search(sentence) else 1 if ahead else PAST_SPAN_MONTHS
    first = anchor.year * 12 + anchor.month - 1 - behind
    last = first + (AHEAD_SPAN_MONTHS + 1 if ahead else 12 - 1)
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if first <= year * 12 + month - 1 <= last and 1 <= year <= 9999:
            return year
    return nearest_year(anchor, month, day)


def day_or_unknown(value: str) -> str:
    return value if value[:1].isdigit() else "XXXX-XX-XX"


def approx_of(m: re.Match[str]) -> str | None:
    found = m.groupdict().get("approx")
    if not found:
        return None
    return APPROX_WORDS.get(re.sub(r"\s+", " ", found.lower()), "APPROX")


def duration_value(number: float | None, unit: str) -> str:
    if number is None:
        return VAGUE_DURATION[unit]
    time, code, factor = DURATION_CODES[unit]
    amount = number * factor
    if amount != int(amount) and code in {"Y", "H"} and (amount * 12 if code == "Y" else 1):
        if code == "Y":
            return f"P{int(amount)}Y{round((amount - int(amount)) * 12)}M"
        return f"PT{int(amount)}H{round((amount - int(amount)) * 60)}M"
    shown = str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"P{time}{shown}{code}"


def simple_expression(ctx: Context, start: int, end: int, found: Value) -> TimeExpression:
    """Build the record for ``text[start:end]`` with a resolved value."""
    vague = found.vague or found.value.endswith("_REF")
    span = None
    if found.type in {"DATE", "TIME"} and not vague:
        whole = value_range(found.value)
        span = narrow(whole, found.mod) if whole else None
        if whole and found.side and ctx.anchor and whole[0] <= ctx.anchor <= whole[1]:
            span = (whole[0], ctx.anchor) if found.side == "before" else (ctx.anchor, whole[1])
        if found.mod in BOUNDING_MODS:
            span = None  # "more than a century ago": before 1926, not in it
    if found.type == "DURATION":
        granularity = "duration"
    elif found.type == "SET":
        granularity = "set"
    elif vague:
        granularity = "vague"
    else:
        granularity = granularity_of(found.value)
        if granularity == "unknown":
            granularity = unresolved_granularity(found.value)
    return TimeExpression(
        text=ctx.text[start:end],
        start=start,
        end=end,
        type=found.type,
        value=found.value,
        range=span,
        granularity=granularity,
        vague=vague,
        relative=found.relative,
        mod=found.mod,
        parts=found.parts,
    )


OFFSET_UNITS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "H": "half", "Y": "year"}
OFFSET_UNITS |= {"DE": "decade", "CE": "century"}


def unresolved_granularity(value: str) -> str:
    if m := re.fullmatch(r"[+-]P\d+([A-Z]+)", value):
        return OFFSET_UNITS.get(m[1], "unknown")
    if value.startswith("XXXX-WXX"):
        return "day"
    if "T" in value:
        return "time"
    if value.startswith("XXXX-Q"):
        return "quarter"
    if value.startswith("XXXX-H"):
        return "half"
    if re.fullmatch(r"XXXX-(SP|SU|FA|WI)", value):
        return "season"
    if value.startswith("XXXX-"):
        return "month" if value.count("-") == 1 else "day"
    return "unknown"
