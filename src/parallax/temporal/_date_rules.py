"""Handlers for the rules that name a point or stretch of the calendar.

Dates, months, years, decades, quarters, weekdays, relative days and units, times of
day and holidays, each resolved against the anchor where it is relative.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from parallax.temporal import grammar
from parallax.temporal._resolution import (
    FUTURE,
    FUTURE_CUE,
    MOD_WORDS,
    NOT_PLURAL,
    PARTS,
    PAST,
    PLAN_CUE,
    SEASONS,
    YEAR_CUES,
    Context,
    Value,
    approx_of,
    day_or_unknown,
    day_value,
    duration_value,
    likely_year,
    mod_of,
    month_number,
    nearest_year,
    next_word,
    number_value,
    prev_word,
    relative_value,
    simple_expression,
    words_before,
)
from parallax.temporal._weekday import weekday_date
from parallax.temporal.expression import offset_value, shift


def date_match_rule(m: re.Match[str], ctx: Context) -> Value | None:
    month, day = month_number(m["month"]), int(m["day"])
    year = int(m["year"]) if m["year"] else None
    relative = year is None
    if year is None and next_word(ctx, m.end()).lower() in EVENT_NAME_NOUNS:
        return Value("DATE", f"XXXX-{month:02d}-{day:02d}", relative=True, mod=mod_of(m))
    rel = (m.groupdict().get("rel") or "").lower()
    relyear = (m.groupdict().get("relyear") or "").lower()
    if year is None and ctx.anchor is not None and relyear:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(relyear, 0)
    elif year is None and ctx.anchor is not None and rel in PAST | FUTURE:
        # "last Oct. 23": the latest such day before publication; "next March 3" the first after.
        year = ctx.anchor.year
        ahead = (month, day) > (ctx.anchor.month, ctx.anchor.day)
        if rel in PAST and ahead:
            year -= 1
        elif rel in FUTURE and not ahead:
            year += 1
    elif year is None and ctx.anchor is not None:
        year = likely_year(ctx, month, min(day, 28), m.start(), m.end())
    value = day_value(year, month, day)
    if value is None:
        return None
    return Value("DATE", value, relative=relative, mod=mod_of(m))


EVENT_NAME_NOUNS = frozenset(
    {
        "attack",
        "attacks",
        "bombing",
        "bombings",
        "massacre",
        "shooting",
        "riot",
        "riots",
        "uprising",
        "revolution",
        "coup",
        "insurrection",
        "terrorist",
        "tragedy",
        "disaster",
    }
)
"""Nouns after a month and day that make the date part of an event's name.

"The Sept. 11 attacks" or "the July 20 coup" name a past event; resolving the date to the
article's year would date it wrongly, so such a date keeps an unknown year (the named-event
step or the text may still date the event).
"""


_PAST_VERB = re.compile(
    r"\b(?:was|were|had|did|said|told|met|made|took|went|came|held|[a-z]{3,}ed)\b"
)
"""Past-tense verbs near a weekend or week word: "this weekend" then is the one just past."""


def _after_since(ctx: Context, at: int) -> bool:
    """Whether "since" opens the clause before a month ("since ... began in January")."""
    window = ctx.text[max(0, at - 60) : at]
    clause = re.split(r"[.;:!?]", window)[-1]
    return bool(re.search(r"\bsince\b", clause, re.IGNORECASE))


def _capitalised_inside_sentence(m: re.Match[str], ctx: Context) -> bool:
    """Whether a match starts with a capital letter in the middle of a sentence (a title).

    A dash opens the body after a dateline ("GENEVA (AP) — Last month ..."), as a full stop
    opens a sentence.
    """
    if not m[0][:1].isupper():
        return False
    before = ctx.text[: m.start()].rstrip()
    if before.endswith((" -", " --")):
        return False
    return bool(before) and before[-1] not in ".!?\n\"\u201c\u2018':(\u2014\u2013"


def date_iso_rule(m: re.Match[str], _ctx: Context) -> Value | None:
    value = day_value(int(m["y"]), int(m["m"]), int(m["d"]))
    return Value("DATE", value) if value and int(m["y"]) > 0 else None


def date_slash_rule(m: re.Match[str], _ctx: Context) -> Value | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    month, day = (b, a) if a > 12 else (a, b)
    value = day_value(year, month, day)
    return Value("DATE", value) if value and year > 0 else None


def month_year_rule(m: re.Match[str], _ctx: Context) -> Value | None:
    return Value("DATE", f"{int(m['year']):04d}-{month_number(m['month']):02d}", mod=mod_of(m))


def bare_month_rule(m: re.Match[str], ctx: Context) -> Value | None:
    name, rel = m["month"], (m["rel"] or "").lower() or None
    cue = rel or m["mod"] or prev_word(ctx, m.start()) in YEAR_CUES
    if name.lower() == "may" and not _may_is_month(m, ctx):
        return None  # the verb ("May the talks succeed") or a person ("talks with May")
    if (
        len(name.rstrip(".")) <= 4
        and not name.endswith(".")
        and name.lower() not in {"may", "june", "july"}
    ):
        return None  # "Dec" or "Mar" alone is rarely a month; "May" is the full name
    following = next_word(ctx, m.end())
    if not cue and following[:1].isupper() and following.lower() not in grammar.WEEKDAYS:
        return None  # "June Carter", "August Strindberg"
    month = month_number(name)
    if ctx.anchor is None or (not cue and _a_kind_of_month(m, ctx, following)):
        return Value("DATE", f"XXXX-{month:02d}", relative=True, mod=mod_of(m))
    relyear = (m["relyear"] or "").lower()
    year: int | None
    if relyear:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(relyear, 0)
    elif rel in PAST or _after_since(ctx, m.start()):
        year = ctx.anchor.year - (
            month > ctx.anchor.month or (rel in PAST and month == ctx.anchor.month)
        )
    elif rel in FUTURE:
        year = ctx.anchor.year + (month <= ctx.anchor.month)
    elif rel == "this":
        year = ctx.anchor.year
    else:
        year = likely_year(ctx, month, 15, m.start(), m.end(), whole_month=True)
    shown = f"{year:04d}" if year is not None else "XXXX"
    return Value("DATE", f"{shown}-{month:02d}", relative=True, mod=mod_of(m))


_INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]|[Aa]n|[Aa]nother)\s+(?:[a-z][\w-]*\s+){0,2}$")
AFTER_A_NOUN_PHRASE = frozenset(
    {"before", "after", "by", "in", "within", "when", "that", "than", "and", "or", "like"}
    | {"is", "was", "would", "could", "will", "may", "might", ""}
)
"""Words that may follow a noun phrase the month ends ("an ice-free September before 2050")."""


def _a_kind_of_month(m: re.Match[str], ctx: Context, following: str) -> bool:
    """Whether a month with "a" or "an" before it is a kind of month, not a date.

    "The Arctic could see an ice-free September", "a wet April follows a dry March": the
    month is what happens in any such month, in no year the text gives. With a noun after
    it the month is a modifier of that noun ("a September speech"), and dates the speech.
    """
    if not _INDEFINITE_BEFORE.search(ctx.text[max(0, m.start() - 40) : m.start()]):
        return False
    return not following[:1].islower() or following.lower() in AFTER_A_NOUN_PHRASE


MAY_CUES = frozenset(
    {"in", "since", "until", "till", "by", "through", "during", "before", "after"}
    | {"early", "late", "mid"}
)
"""Words before "May" that make it the month; "to", "and" or "of" May is as often a person."""


def _may_is_month(m: re.Match[str], ctx: Context) -> bool:
    """Whether "May" is the month: a cue before it, and not a name ("May's cabinet")."""
    after = ctx.text[m.end("month") : m.end("month") + 40]
    if re.match(r"['\u2019]s\b", after):
        return False
    if m["rel"] or m["mod"] or prev_word(ctx, m.start()) in MAY_CUES:
        return True
    # "from May to July", "between May and August": a range of months.
    return prev_word(ctx, m.start()) in {"from", "between"} and bool(
        re.match(r"\s*(?:to|and|until|through|[-\u2013])\s*" + grammar.MONTH, after)
    )


YEAR_NAMED = frozenset(
    {
        "attacks",
        "elections",
        "floods",
        "games",
        "hearings",
        "midterms",
        "negotiations",
        "olympics",
        "playoffs",
        "polls",
        "primaries",
        "protests",
        "riots",
        "talks",
        "wildfires",
    }
)
"""Plural events a year before names rather than counts: "the 2022 midterms", "the 2014
protests". A count of them ("2000 protests") has no "the" or owner before it."""
DETERMINERS = frozenset({"the", "its", "his", "her", "their", "our", "this", "that", "those"})


def year_rule(m: re.Match[str], ctx: Context) -> Value | None:
    year = int(m["year"])
    cue = m["mod"] or m["fiscal"] or prev_word(ctx, m.start()) in YEAR_CUES
    if not cue:
        if not 1800 <= year <= 2099:
            return None
        following = next_word(ctx, m.end())
        if (
            following[:1].islower()
            and following.endswith("s")
            and following not in NOT_PLURAL
            and not (following in YEAR_NAMED and prev_word(ctx, m.start()) in DETERMINERS)
        ):
            return None  # "1500 soldiers": a quantity, not a year
        before = ctx.text[max(0, m.start() - 4) : m.start()].lower()
        if before.endswith(("no. ", "no ", "#")):
            return None
    return Value("DATE", f"{year:04d}", mod=mod_of(m))


def year_range_rule(m: re.Match[str], ctx: Context) -> Value | None:
    first, second = int(m["y1"]), int(m["y2"])
    if len(m["y2"]) == 2:
        second += first // 100 * 100
        if second <= first:
            return None
    if not first < second <= first + 200:
        return None
    parts = (
        simple_expression(ctx, m.start("y1"), m.end("y1"), Value("DATE", f"{first:04d}")),
        simple_expression(ctx, m.start("y2"), m.end("y2"), Value("DATE", f"{second:04d}")),
    )
    return Value("DATE", f"{first:04d}/{second:04d}", parts=parts)


def decade_rule(m: re.Match[str], ctx: Context) -> Value | None:
    if m["dec"]:
        stem = m["dec"]
    else:
        # "the '80s" is the latest such decade not after the anchor's: the 1980s in 1989
        # and in 2023, the 2010s in 2023; without an anchor, the 20th century's.
        digit = int(m["short"])
        century = ctx.anchor.year // 100 if ctx.anchor else 19
        if ctx.anchor is not None and digit * 10 > ctx.anchor.year % 100:
            century -= 1
        stem = f"{century}{digit}"
    return Value("DATE", f"{stem}X", mod=mod_of(m))


def decade_rel_rule(m: re.Match[str], ctx: Context) -> Value | None:
    rel = m["rel"].lower()
    if rel == "this":
        value, relative = relative_value(ctx, "decade", 0)
        return Value("DATE", value, relative=relative)
    return Value("DURATION", "P10Y")


def century_rule(m: re.Match[str], ctx: Context) -> Value | None:
    if m["rel"]:
        rel = m["rel"].lower()
        if rel in {"past", "coming"}:
            return Value("DURATION", "P100Y")
        amount = -1 if rel in PAST else 1 if rel in FUTURE else 0
        value, relative = relative_value(ctx, "century", amount)
        return Value("DATE", value, relative=relative)
    number = int(m["num"]) if m["num"] else grammar.ORDINALS[re.sub(r"\s+", " ", m["ord"].lower())]
    if not 1 <= number <= 22:
        return None
    return Value("DATE", f"{number - 1:02d}", mod=mod_of(m))


def quarter_rule(m: re.Match[str], ctx: Context) -> Value | None:
    if m["q"]:
        return Value("DATE", f"{m['qyear']}-{m['q']}")
    unit = m["unit"].lower()
    number = grammar.ORDINALS[m["ord"].lower()]
    letter, count = ("Q", 4) if unit == "quarter" else ("H", 2)
    if m["ord"].lower() == "final":
        number = count
    if number > count:
        return None
    which = (m["which"] or m["relyear"] or "").lower()
    if m["year"] or m["ayear"]:
        return Value("DATE", f"{m['year'] or m['ayear']}-{letter}{number}")
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-{letter}{number}", relative=True)
    year = ctx.anchor.year
    current = (ctx.anchor.month - 1) // (12 // count) + 1
    if which.startswith(("last", "year-", "prior")):
        year -= 1
        if number > current and not which.startswith("last"):
            year -= 1  # the year-ago third quarter, written in February: two years back
    elif which.startswith("next"):
        year += 1
    elif not which.startswith("this") and number > current and not _looks_ahead(m, ctx):
        year -= 1  # "third-quarter results" published in February are last year's
    return Value("DATE", f"{year:04d}-{letter}{number}", relative=True)


def _looks_ahead(m: re.Match[str], ctx: Context) -> bool:
    """Whether the clause of a period looks ahead ("will open in the third quarter").

    The parse's tense says so where there is one; else a plan, a schedule or a commitment in
    the words before it in its sentence ("will", "is expected to", "agreed to").
    """
    lean = ctx.lean_at(m.start(), m.end())
    if lean is not None:
        return lean in {"ahead", "later"}
    window = words_before(ctx.text, m.start(), reach=120)
    return bool(PLAN_CUE.search(window) or _COMMITTED.search(window))


_COMMITTED = re.compile(
    r"\b(?:agreed|decided|voted|promised|pledged|vowed|aims?|aimed|seeks?|sought)\s+to\b", re.I
)
"""A commitment to an act still to come ("agreed to extend cuts into the second quarter")."""


def weekday_rule(m: re.Match[str], ctx: Context) -> Value | None:
    weekday = grammar.WEEKDAYS[m["weekday"].lower().rstrip(".")]
    rel = (m["rel"] or "").lower() or None
    day = weekday_date(ctx, weekday, rel, m.start(), m.end())
    if m["part"]:
        return Value("TIME", f"{day}T{PARTS[m['part'].lower()]}", relative=True)
    return Value("DATE", day, relative=True)


def relday_rule(m: re.Match[str], ctx: Context) -> Value | None:
    word = re.sub(r"\s+", " ", m["day"].lower())
    amount = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[word]
    value, relative = relative_value(ctx, "day", amount)
    part = m["part"].lower() if m["part"] else ("night" if word == "tonight" else None)
    if part:
        return Value("TIME", f"{day_or_unknown(value)}T{PARTS[part]}", relative=relative)
    return Value("DATE", value, relative=relative, mod=mod_of(m))


def partofday_rule(m: re.Match[str], ctx: Context) -> Value | None:
    rel = m["rel"].lower()
    amount = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    value, relative = relative_value(ctx, "day", amount)
    code = PARTS[m["part"].lower()]
    return Value("TIME", f"{day_or_unknown(value)}T{code}", relative=relative)


def weekend_rule(m: re.Match[str], ctx: Context) -> Value | None:
    if ctx.anchor is None:
        return Value("DATE", "XXXX-WXX-WE", relative=True)
    window = ctx.text[max(0, m.start() - 40) : m.end() + 20]
    future = FUTURE_CUE.search(window)
    this_weekend = ctx.anchor.isoweekday() >= 6 or (
        m[0].lower().startswith("this") and (future or not _PAST_VERB.search(window))
    )
    amount = 0 if this_weekend or future else -1
    return Value("DATE", shift(ctx.anchor, "weekend", amount), relative=True)


def relunit_rule(m: re.Match[str], ctx: Context) -> Value | None:
    if _capitalised_inside_sentence(m, ctx) or m["unit"][:1].isupper():
        return None  # "This Week", "Next Year": a programme's or a book's title
    rel, unit = m["rel"].lower(), m["unit"].lower()
    amount = -1 if rel in PAST else 1 if rel in FUTURE else 0
    if unit == "weekend" and rel == "this" and ctx.anchor and ctx.anchor.isoweekday() < 6:
        # "Marched this weekend", written on a Tuesday: the weekend just past. Early in the
        # week a weekend without a plan or schedule ("will", "is set to") is the past one
        # too, as reports tell what happened; later in the week only a past verb says so.
        window = ctx.text[max(0, m.start() - 40) : m.end() + 20]
        early = ctx.anchor.isoweekday() <= 3
        if not PLAN_CUE.search(window) and (early or _PAST_VERB.search(window)):
            amount = -1
    value, relative = relative_value(ctx, unit, amount)
    # "earlier this year": up to publication, not the year's first third
    word = (m["mod"] or "").lower() if rel == "this" else ""
    side: Literal["before", "after"] | None = None
    if word in {"earlier", "later"}:
        side = "before" if word == "earlier" else "after"
    return Value("DATE", value, relative=relative, mod=mod_of(m), side=side)


_SAYING_THAT = re.compile(
    r"\b(?:said|says|say|told|reported|announced|added|noted|believes?|believed|thinks?|"
    r"thought|hopes?|hoped|warned|argued|claimed|insisted|feared|knew|know|so)\s+$",
    re.IGNORECASE,
)


def period_ref_rule(m: re.Match[str], ctx: Context) -> Value | None:
    """A period named by reference to another ("the quarter", "that year").

    The value here says only what kind of period it is; :mod:`parallax.temporal._anaphora`
    dates it from the expression it refers to, or leaves it undated.
    """
    if m["closing"]:
        # "the year ended March 31": twelve months named by their end, a span of time.
        return Value("DURATION", "P1Y")
    if m["edge"]:
        # "the end of the year": the year (month) of publication, narrowed by the edge.
        value, relative = relative_value(ctx, m["unit3"].lower(), 0)
        mod = MOD_WORDS.get(re.sub(r"\s+", " ", m["edge"].lower()))
        return Value("DATE", value, relative=relative, mod=mod)
    if m["part2"]:
        # "that morning", "the next evening": a part of a day the story names; the day is
        # filled in from it, or the expression is left out. After "said" or "hoped", "that"
        # opens a clause ("said that evening classes would close").
        if m[0][:4].lower() == "that" and _SAYING_THAT.search(ctx.text, 0, m.start()):
            return None
        return Value("TIME", f"XXXX-XX-XXT{PARTS[m['part2'].lower()]}", relative=True)
    unit = (m["unit"] or m["unit2"] or m["unit4"] or "").lower()
    if m["ref"].lower().endswith("period"):
        return Value("DATE", "XXXX-XX", relative=True)
    unknown = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}
    return Value("DATE", unknown.get(unit, "XXXX-QX"), relative=True)


def ago_rule(m: re.Match[str], ctx: Context) -> Value | None:
    number = number_value(m["number"])
    unit = grammar.UNITS[m["unit"].lower()]
    direction = -1 if m["dir"].lower() in {"ago", "earlier", "before", "back"} else 1
    if number is None:
        return Value("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", vague=True)
    amount = round(number) * direction
    word = m["dir"].lower()
    if word == "since" or (
        word == "before" and re.match(r"\s+[A-Za-z]", ctx.text[m.end() : m.end() + 3])
    ):
        # "wait 30 days before closing", "four years before Hitler came to power": a span
        # before an event the text names, not a date counted back from publication. So is
        # "marked three years since the invasion": the span since it, never a date ahead.
        return Value("DURATION", duration_value(number, unit), mod=approx_of(m))
    if unit in {"second", "minute", "hour"}:
        if word in {"later", "earlier", "before"}:
            # "an hour later": counted from a moment of the story, not from publication.
            return Value("DATE", offset_value(unit, amount), relative=True, mod=approx_of(m))
        value, relative = relative_value(ctx, "day", 0)
        return Value("TIME", value, relative=relative)
    if unit == "fortnight":
        unit, amount = "week", amount * 2
    elif unit == "decade":
        unit, amount = "year", amount * 10
    elif unit == "century":
        unit, amount = "year", amount * 100
    if m["dir"].lower() == "later":
        return _later_than_before(m, ctx, unit, amount)
    value, relative = relative_value(ctx, unit, amount)
    return Value("DATE", value, relative=relative, mod=approx_of(m))


def _later_than_before(m: re.Match[str], ctx: Context, unit: str, amount: int) -> Value:
    """Count "nine years later" from the last date the text gave, not from publication.

    The reference is the nearest year-bearing date before the expression (within the
    preceding few sentences); without one the expression stays unresolved, a relative
    offset with no range, rather than landing in the future of the article.
    """
    window = ctx.text[max(0, m.start() - _ANAPHOR_WINDOW) : m.start()]
    years = _YEAR_IN_TEXT.findall(window)
    if not years or unit in {"day", "week"}:
        return Value("DATE", offset_value(unit, amount), relative=True, mod=approx_of(m))
    reference = date(int(years[-1]), 7, 1)
    if unit == "month":
        return Value("DATE", offset_value(unit, amount), relative=True, mod=approx_of(m))
    return Value("DATE", shift(reference, unit, amount)[:4], relative=True, mod=approx_of(m))


_ANAPHOR_WINDOW = 400
_YEAR_IN_TEXT = re.compile(r"(?<![\d,.$])(1[6-9]\d\d|20\d\d)(?![\d,%])")


def time_rule(m: re.Match[str], ctx: Context) -> Value | None:
    if m["named"]:
        hour, minute = (12, 0) if m["named"].lower() in {"noon", "midday"} else (0, 0)
        if m["weekday2"]:
            weekday = grammar.WEEKDAYS[m["weekday2"].lower().rstrip(".")]
            day, relative = weekday_date(ctx, weekday, None, m.start(), m.end()), True
        else:
            day, relative = relative_value(ctx, "day", 0)
    else:
        if m["hour"] is not None:
            hour, minute = int(m["hour"]), int(m["minute"] or 0)
            marker = m["ampm"].lower().replace(".", "").replace(" ", "")
            if marker.startswith(("a", "p")):
                if not 1 <= hour <= 12:
                    return None
                hour = hour % 12 + (12 if marker.startswith("p") else 0)
        else:
            hour, minute = int(m["h24"]), int(m["m24"])
        if m.groupdict().get("weekday"):
            weekday = grammar.WEEKDAYS[m["weekday"].lower().rstrip(".")]
            day, relative = weekday_date(ctx, weekday, None, m.start(), m.end()), True
        elif m.groupdict().get("month"):
            month, number = month_number(m["month"]), int(m["day"])
            year = nearest_year(ctx.anchor, month, min(number, 28)) if ctx.anchor else None
            day, relative = day_value(year, month, number) or "XXXX-XX-XX", True
        elif m.groupdict().get("relday"):
            amount = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["relday"].lower()]
            day, relative = relative_value(ctx, "day", amount)
        else:
            day, relative = relative_value(ctx, "day", 0)
    return Value("TIME", f"{day_or_unknown(day)}T{hour:02d}:{minute:02d}", relative=relative)


def spoken_year_rule(m: re.Match[str], _ctx: Context) -> Value | None:
    """A year written in words, as transcripts of speech give it ("nineteen ninety-six").

    "Two thousand" alone is as often a count ("two thousand troops"), so it is a year only
    when the text says so ("the year two thousand") or a month or season comes before it.
    """
    words = re.sub(r"[\s-]+", " ", m["spoken"].lower()).replace(" and ", " ").split(" ")
    if words[:2] == ["two", "thousand"]:
        if not (m["named"] or m["month"] or m["season"]):
            return None
        year = 2000 + sum(grammar.SMALL_NUMBERS[w] for w in words[2:])
    else:
        century = grammar.SMALL_NUMBERS[words[0]] * 100
        rest = words[1:]
        year = century + (0 if rest == ["hundred"] else sum(grammar.SMALL_NUMBERS[w] for w in rest))
    if m["month"]:
        return Value("DATE", f"{year:04d}-{month_number(m['month']):02d}")
    if m["season"]:
        season = m["season"].lower().split()[-1]
        return Value("DATE", f"{year:04d}-{SEASONS[season]}")
    return Value("DATE", f"{year:04d}")
