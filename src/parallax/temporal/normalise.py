"""Turn the grammar's matches into normalised :class:`TimeExpression` records.

:func:`find_times` runs every rule of :mod:`parallax.temporal.grammar` over a text, keeps the
longest non-overlapping matches, gives each a TIMEX3 value (resolving relative ones against
the anchor, the publication date), and joins two dates linked by "to", "and" or a dash into
one range expression ("between 1999 and 2004").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from parallax.temporal import grammar
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
class _Context:
    text: str
    anchor: date | None


@dataclass(frozen=True)
class _Value:
    type: TimexType
    value: str
    relative: bool = False
    vague: bool = False
    mod: str | None = None
    parts: tuple[TimeExpression, ...] = ()


_Handler = Callable[[re.Match[str], _Context], _Value | None]

_MODS = {
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
_APPROX = {
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
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PAST = {"last", "past", "previous", "recent", "preceding"}
_FUTURE = {"next", "coming", "following"}
_DURATION_CODES = {
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
_VAGUE_DURATION = {
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
_YEAR_CUES = frozenset(
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
_NOT_PLURAL = frozenset(
    {"was", "is", "has", "as", "this", "its", "his", "always", "perhaps", "plus", "less"}
    | {"unless", "thus", "across", "towards", "was", "does", "hers", "ours", "yes"}
)
_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|'ll|shall|going\s+to|plans?\s+to|is\s+to|are\s+to|scheduled|"
    r"due\s+to|upcoming)\b",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z][\w'’-]*)")


def _prev_word(ctx: _Context, start: int) -> str:
    m = _WORD_BEFORE.search(ctx.text, max(0, start - 20), start)
    return m[1].lower() if m else ""


def _next_word(ctx: _Context, end: int) -> str:
    m = _WORD_AFTER.match(ctx.text[end : end + 30])
    return m[1] if m else ""


def _number(text: str) -> float | None:
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


def _month(name: str) -> int:
    return grammar.MONTHS[name.lower().rstrip(".")]


def _mod(m: re.Match[str]) -> str | None:
    found = m.groupdict().get("mod")
    if not found:
        return None
    return _MODS.get(re.sub(r"\s+", " ", found.lower()).strip(" -") or "mid")


def _relative(ctx: _Context, unit: str, amount: int) -> tuple[str, bool]:
    """The value ``amount`` units from the anchor, or a relative offset without one."""
    if ctx.anchor is None:
        return offset_value(unit, amount), True
    return shift(ctx.anchor, unit, amount), True


def _day_value(year: int | None, month: int, day: int) -> str | None:
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"


def _weekday_date(ctx: _Context, weekday: int, rel: str | None, at: int) -> str:
    """The date of a weekday named near ``at``: last/next/this, else by the verb's tense."""
    if ctx.anchor is None:
        return f"XXXX-WXX-{weekday}"
    anchor = ctx.anchor
    delta = weekday - anchor.isoweekday()
    if rel in _PAST:
        delta = delta - 7 if delta >= 0 else delta
    elif rel in _FUTURE:
        delta = delta + 7 if delta <= 0 else delta
    elif rel == "this":
        pass
    else:
        window = ctx.text[max(0, at - 40) : at + 20]
        if _FUTURE_CUE.search(window):
            delta = delta + 7 if delta < 0 else delta
        elif delta > 0:
            delta -= 7
    return (anchor + timedelta(days=delta)).isoformat()


def _date_match(m: re.Match[str], ctx: _Context) -> _Value | None:
    month, day = _month(m["month"]), int(m["day"])
    year = int(m["year"]) if m["year"] else None
    relative = year is None
    if year is None and ctx.anchor is not None:
        year = _nearest_year(ctx.anchor, month, min(day, 28))
    value = _day_value(year, month, day)
    if value is None:
        return None
    return _Value("DATE", value, relative=relative, mod=_mod(m))


def _date_iso(m: re.Match[str], _ctx: _Context) -> _Value | None:
    value = _day_value(int(m["y"]), int(m["m"]), int(m["d"]))
    return _Value("DATE", value) if value and int(m["y"]) > 0 else None


def _date_slash(m: re.Match[str], _ctx: _Context) -> _Value | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    month, day = (b, a) if a > 12 else (a, b)
    value = _day_value(year, month, day)
    return _Value("DATE", value) if value and year > 0 else None


def _month_year(m: re.Match[str], _ctx: _Context) -> _Value | None:
    return _Value("DATE", f"{int(m['year']):04d}-{_month(m['month']):02d}", mod=_mod(m))


def _bare_month(m: re.Match[str], ctx: _Context) -> _Value | None:
    name, rel = m["month"], (m["rel"] or "").lower() or None
    cue = rel or m["mod"] or _prev_word(ctx, m.start()) in _YEAR_CUES
    if name.lower() == "may" and not cue:
        return None  # "May" opening a sentence is the verb more often than the month
    if (
        len(name.rstrip(".")) <= 4
        and not name.endswith(".")
        and name.lower() not in {"june", "july"}
    ):
        return None  # "Dec" or "Mar" alone is rarely a month
    following = _next_word(ctx, m.end())
    if not cue and following[:1].isupper() and following.lower() not in grammar.WEEKDAYS:
        return None  # "June Carter", "August Strindberg"
    month = _month(name)
    if ctx.anchor is None:
        return _Value("DATE", f"XXXX-{month:02d}", relative=True, mod=_mod(m))
    relyear = (m["relyear"] or "").lower()
    if relyear:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(relyear, 0)
    elif rel in _PAST:
        year = ctx.anchor.year - (month >= ctx.anchor.month)
    elif rel in _FUTURE:
        year = ctx.anchor.year + (month <= ctx.anchor.month)
    elif rel == "this":
        year = ctx.anchor.year
    else:
        year = _nearest_year(ctx.anchor, month, 15)
    return _Value("DATE", f"{year:04d}-{month:02d}", relative=True, mod=_mod(m))


def _nearest_year(anchor: date, month: int, day: int) -> int:
    """The year that puts a month and day without a year closest to the anchor.

    News dates a month without a year by proximity: "in November" written in January is
    the November just past, written in April the coming one (the anchor's year wins ties).
    """
    years = [y for y in (anchor.year, anchor.year - 1, anchor.year + 1) if 1 <= y <= 9999]
    return min(years, key=lambda y: abs((date(y, month, day) - anchor).days))


def _year(m: re.Match[str], ctx: _Context) -> _Value | None:
    year = int(m["year"])
    cue = m["mod"] or m["fiscal"] or _prev_word(ctx, m.start()) in _YEAR_CUES
    if not cue:
        if not 1800 <= year <= 2099:
            return None
        following = _next_word(ctx, m.end())
        if following[:1].islower() and following.endswith("s") and following not in _NOT_PLURAL:
            return None  # "1500 soldiers": a quantity, not a year
        before = ctx.text[max(0, m.start() - 4) : m.start()].lower()
        if before.endswith(("no. ", "no ", "#")):
            return None
    return _Value("DATE", f"{year:04d}", mod=_mod(m))


def _year_range(m: re.Match[str], ctx: _Context) -> _Value | None:
    first, second = int(m["y1"]), int(m["y2"])
    if len(m["y2"]) == 2:
        second += first // 100 * 100
        if second <= first:
            return None
    if not first < second <= first + 200:
        return None
    parts = (
        _simple(ctx, m.start("y1"), m.end("y1"), _Value("DATE", f"{first:04d}")),
        _simple(ctx, m.start("y2"), m.end("y2"), _Value("DATE", f"{second:04d}")),
    )
    return _Value("DATE", f"{first:04d}/{second:04d}", parts=parts)


def _decade(m: re.Match[str], ctx: _Context) -> _Value | None:
    if m["dec"]:
        stem = m["dec"]
    else:
        digit = int(m["short"])
        recent = ctx.anchor is not None and digit * 10 <= ctx.anchor.year % 100
        stem = f"20{digit}" if digit < 2 or recent else f"19{digit}"
    return _Value("DATE", f"{stem}X", mod=_mod(m))


def _decade_rel(m: re.Match[str], ctx: _Context) -> _Value | None:
    rel = m["rel"].lower()
    if rel == "this":
        value, relative = _relative(ctx, "decade", 0)
        return _Value("DATE", value, relative=relative)
    return _Value("DURATION", "P10Y")


def _century(m: re.Match[str], ctx: _Context) -> _Value | None:
    if m["rel"]:
        rel = m["rel"].lower()
        if rel in {"past", "coming"}:
            return _Value("DURATION", "P100Y")
        amount = -1 if rel in _PAST else 1 if rel in _FUTURE else 0
        value, relative = _relative(ctx, "century", amount)
        return _Value("DATE", value, relative=relative)
    number = int(m["num"]) if m["num"] else grammar.ORDINALS[re.sub(r"\s+", " ", m["ord"].lower())]
    if not 1 <= number <= 22:
        return None
    return _Value("DATE", f"{number - 1:02d}", mod=_mod(m))


def _season(m: re.Match[str], ctx: _Context) -> _Value | None:
    code = _SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower() or None
    if m["year"]:
        year = int(m["year"])
        return _Value("DATE", f"{year:04d}-{code}", mod=_mod(m))
    if not rel and not m["mod"] and code in {"SP", "FA"}:
        return None  # "spring" and "fall" alone are more often not seasons
    if ctx.anchor is None:
        return _Value("DATE", f"XXXX-{code}", relative=True, mod=_mod(m))
    year, start = ctx.anchor.year, _SEASON_START[code]
    if code == "WI" and ctx.anchor.month <= 2:
        year -= 1
    if rel in _PAST and start + 3 > ctx.anchor.month:
        year -= 1
    elif rel in _FUTURE and start <= ctx.anchor.month:
        year += 1
    return _Value("DATE", f"{year:04d}-{code}", relative=True, mod=_mod(m))


def _quarter(m: re.Match[str], ctx: _Context) -> _Value | None:
    if m["q"]:
        return _Value("DATE", f"{m['qyear']}-{m['q']}")
    unit = m["unit"].lower()
    number = grammar.ORDINALS[m["ord"].lower()]
    letter, count = ("Q", 4) if unit == "quarter" else ("H", 2)
    if m["ord"].lower() == "final":
        number = count
    if number > count:
        return None
    which = (m["which"] or m["relyear"] or "").lower()
    if m["year"]:
        return _Value("DATE", f"{m['year']}-{letter}{number}")
    if ctx.anchor is None:
        return _Value("DATE", f"XXXX-{letter}{number}", relative=True)
    year = ctx.anchor.year
    current = (ctx.anchor.month - 1) // (12 // count) + 1
    if which.startswith("last"):
        year -= 1
    elif which.startswith("next"):
        year += 1
    elif not which.startswith("this") and number > current:
        year -= 1  # "third-quarter results" published in February are last year's
    return _Value("DATE", f"{year:04d}-{letter}{number}", relative=True)


def _weekday(m: re.Match[str], ctx: _Context) -> _Value | None:
    weekday = grammar.WEEKDAYS[m["weekday"].lower().rstrip(".")]
    rel = (m["rel"] or "").lower() or None
    day = _weekday_date(ctx, weekday, rel, m.start())
    if m["part"]:
        return _Value("TIME", f"{day}T{_PARTS[m['part'].lower()]}", relative=True)
    return _Value("DATE", day, relative=True)


def _relday(m: re.Match[str], ctx: _Context) -> _Value | None:
    word = re.sub(r"\s+", " ", m["day"].lower())
    amount = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[word]
    value, relative = _relative(ctx, "day", amount)
    part = m["part"].lower() if m["part"] else ("night" if word == "tonight" else None)
    if part:
        return _Value("TIME", f"{_day_or_unknown(value)}T{_PARTS[part]}", relative=relative)
    return _Value("DATE", value, relative=relative, mod=_mod(m))


def _day_or_unknown(value: str) -> str:
    return value if value[:1].isdigit() else "XXXX-XX-XX"


def _partofday(m: re.Match[str], ctx: _Context) -> _Value | None:
    rel = m["rel"].lower()
    amount = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    value, relative = _relative(ctx, "day", amount)
    code = _PARTS[m["part"].lower()]
    return _Value("TIME", f"{_day_or_unknown(value)}T{code}", relative=relative)


def _weekend(m: re.Match[str], ctx: _Context) -> _Value | None:
    if ctx.anchor is None:
        return _Value("DATE", "XXXX-WXX-WE", relative=True)
    this_weekend = ctx.anchor.isoweekday() >= 6 or m[0].lower().startswith("this")
    future = _FUTURE_CUE.search(ctx.text, max(0, m.start() - 40), m.end() + 20)
    amount = 0 if this_weekend or future else -1
    return _Value("DATE", shift(ctx.anchor, "weekend", amount), relative=True)


def _relunit(m: re.Match[str], ctx: _Context) -> _Value | None:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    amount = -1 if rel in _PAST else 1 if rel in _FUTURE else 0
    value, relative = _relative(ctx, unit, amount)
    return _Value("DATE", value, relative=relative, mod=_mod(m))


def _ago(m: re.Match[str], ctx: _Context) -> _Value | None:
    number = _number(m["number"])
    unit = grammar.UNITS[m["unit"].lower()]
    direction = -1 if m["dir"].lower() in {"ago", "earlier", "before", "back"} else 1
    if number is None:
        return _Value("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", vague=True)
    amount = round(number) * direction
    if unit in {"second", "minute", "hour"}:
        value, relative = _relative(ctx, "day", 0)
        return _Value("TIME", value, relative=relative)
    if unit == "fortnight":
        unit, amount = "week", amount * 2
    elif unit == "decade":
        unit, amount = "year", amount * 10
    elif unit == "century":
        unit, amount = "year", amount * 100
    value, relative = _relative(ctx, unit, amount)
    return _Value("DATE", value, relative=relative, mod=_approx(m))


def _approx(m: re.Match[str]) -> str | None:
    found = m.groupdict().get("approx")
    if not found:
        return None
    return _APPROX.get(re.sub(r"\s+", " ", found.lower()), "APPROX")


def _duration_value(number: float | None, unit: str) -> str:
    if number is None:
        return _VAGUE_DURATION[unit]
    time, code, factor = _DURATION_CODES[unit]
    amount = number * factor
    if amount != int(amount) and code in {"Y", "H"} and (amount * 12 if code == "Y" else 1):
        if code == "Y":
            return f"P{int(amount)}Y{round((amount - int(amount)) * 12)}M"
        return f"PT{int(amount)}H{round((amount - int(amount)) * 60)}M"
    shown = str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"P{time}{shown}{code}"


def _duration(m: re.Match[str], ctx: _Context) -> _Value | None:
    unit = grammar.UNITS[m["unit"].lower()]
    word = re.sub(r"\s+", " ", m["number"].lower())
    if unit in {"second", "minute"} and word in {"a", "an", "one"}:
        following = ctx.text[m.end() : m.end() + 3]
        if re.match(r"\s+[a-z]", following) or m["unit"].lower() == "second":
            return None  # "a second term", "one minute silence" read as ordinal or adjective
    number = _number(word)
    return _Value("DURATION", _duration_value(number, unit), vague=number is None, mod=_approx(m))


def _vague_duration(m: re.Match[str], _ctx: _Context) -> _Value | None:
    unit = grammar.UNITS[(m["unit"] or m["unit2"]).lower()]
    return _Value("DURATION", _VAGUE_DURATION[unit], vague=True)


def _set(m: re.Match[str], _ctx: _Context) -> _Value | None:
    if m["adverb"]:
        value = {
            "daily": "P1D",
            "nightly": "P1D",
            "weekly": "P1W",
            "fortnightly": "P2W",
            "monthly": "P1M",
            "quarterly": "P3M",
            "yearly": "P1Y",
            "annually": "P1Y",
            "biannually": "P6M",
            "hourly": "PT1H",
        }[m["adverb"].lower()]
        return _Value("SET", value)
    word = (m["unit"] or m["unit3"]).lower()
    if word in grammar.WEEKDAYS:
        return _Value("SET", f"XXXX-WXX-{grammar.WEEKDAYS[word]}")
    if word in _PARTS:
        return _Value("SET", f"XXXX-XX-XXT{_PARTS[word]}")
    if word in _SEASONS:
        return _Value("SET", f"XXXX-{_SEASONS[word]}")
    if word == "season":
        return _Value("SET", "P3M")
    if word == "weekend":
        return _Value("SET", "XXXX-WXX-WE")
    unit = grammar.UNITS[word]
    count = _number(m["number"]) if m.groupdict().get("number") else 1.0
    count = (count or 1.0) * (2 if m.groupdict().get("other") else 1)
    return _Value("SET", _duration_value(count, unit))


_PRESENT = ("now", "right now", "currently", "at present", "presently", "nowadays", "these days")


def _ref(m: re.Match[str], _ctx: _Context) -> _Value | None:
    word = re.sub(r"\s+", " ", m["ref"].lower())
    if word in _PRESENT or word == "the time being":
        value = "PRESENT_REF"
    elif (
        "future" in word
        or "coming" in word
        or "ahead" in word
        or word
        in {
            "soon",
            "as soon as possible",
        }
    ):
        value = "FUTURE_REF"
    else:
        value = "PAST_REF"
    return _Value("DATE", value, vague=True)


def _time(m: re.Match[str], ctx: _Context) -> _Value | None:
    if m["named"]:
        hour, minute = (12, 0) if m["named"].lower() in {"noon", "midday"} else (0, 0)
        day, relative = _relative(ctx, "day", 0)
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
            day, relative = _weekday_date(ctx, weekday, None, m.start()), True
        elif m.groupdict().get("relday"):
            amount = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["relday"].lower()]
            day, relative = _relative(ctx, "day", amount)
        else:
            day, relative = _relative(ctx, "day", 0)
    return _Value("TIME", f"{_day_or_unknown(day)}T{hour:02d}:{minute:02d}", relative=relative)


_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "boxing day": (12, 26),
    "may day": (5, 1),
    "bastille day": (7, 14),
}


def _thanksgiving(year: int) -> int:
    """The day in November of the fourth Thursday (US Thanksgiving)."""
    first = date(year, 11, 1).isoweekday()
    return 1 + (4 - first) % 7 + 21


def _holiday(m: re.Match[str], ctx: _Context) -> _Value | None:
    name = re.sub(r"\s+", " ", m["holiday"].lower())
    if name.startswith("thanksgiving"):
        year = int(m["year"]) if m["year"] else None
        if year is None and ctx.anchor is not None:
            year = _nearest_year(ctx.anchor, 11, 25)
        if year is None:
            return _Value("DATE", "XXXX-11", relative=True)
        return _Value("DATE", f"{year:04d}-11-{_thanksgiving(year):02d}", relative=not m["year"])
    month, day = _HOLIDAYS[name]
    if m["year"]:
        return _Value("DATE", f"{m['year']}-{month:02d}-{day:02d}")
    if ctx.anchor is None:
        return _Value("DATE", f"XXXX-{month:02d}-{day:02d}", relative=True)
    year = _nearest_year(ctx.anchor, month, day)
    return _Value("DATE", f"{year:04d}-{month:02d}-{day:02d}", relative=True)


_HANDLERS: dict[str, _Handler] = {
    "date_mdy": _date_match,
    "date_dmy": _date_match,
    "date_iso": _date_iso,
    "date_slash": _date_slash,
    "month_year": _month_year,
    "month": _bare_month,
    "year": _year,
    "year_range": _year_range,
    "decade": _decade,
    "decade_rel": _decade_rel,
    "century": _century,
    "season": _season,
    "quarter": _quarter,
    "weekday": _weekday,
    "relday": _relday,
    "partofday": _partofday,
    "relunit": _relunit,
    "weekend": _weekend,
    "ago": _ago,
    "duration": _duration,
    "vague_duration": _vague_duration,
    "set": _set,
    "ref": _ref,
    "time": _time,
    "holiday": _holiday,
}
# When two rules match exactly the same span, the earlier name here wins.
_PRIORITY = {
    name: i
    for i, name in enumerate(
        [
            "set",
            "ref",
            "date_mdy",
            "date_dmy",
            "date_iso",
            "date_slash",
            "month_year",
            "year_range",
            "decade",
            "century",
            "quarter",
            "time",
            "holiday",
            "relday",
            "partofday",
            "relunit",
            "weekend",
            "decade_rel",
            "ago",
            "weekday",
            "season",
            "month",
            "year",
            "duration",
            "vague_duration",
        ]
    )
}
_TRAILING = re.compile(r"(?:\s+of)?\s*$", re.IGNORECASE)


def _simple(ctx: _Context, start: int, end: int, found: _Value) -> TimeExpression:
    """Build the record for ``text[start:end]`` with a resolved value."""
    vague = found.vague or found.value.endswith("_REF")
    span = None
    if found.type in {"DATE", "TIME"} and not vague:
        whole = value_range(found.value)
        span = narrow(whole, found.mod) if whole else None
    if found.type == "DURATION":
        granularity = "duration"
    elif found.type == "SET":
        granularity = "set"
    elif vague:
        granularity = "vague"
    else:
        granularity = granularity_of(found.value)
        if granularity == "unknown":
            granularity = _unresolved_granularity(found.value)
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


_OFFSET_UNITS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "H": "half", "Y": "year"}
_OFFSET_UNITS |= {"DE": "decade", "CE": "century"}


def _unresolved_granularity(value: str) -> str:
    if m := re.fullmatch(r"[+-]P\d+([A-Z]+)", value):
        return _OFFSET_UNITS.get(m[1], "unknown")
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


def _candidates(ctx: _Context) -> list[tuple[int, int, int, str, re.Match[str]]]:
    found = []
    for rule in grammar.RULES:
        if not rule.needs.search(ctx.text):
            continue
        for m in rule.pattern.finditer(ctx.text):
            if "x" in m.groupdict() and m["x"] is not None:
                start, end = m.span("x")
            elif "x2" in m.groupdict() and m["x2"] is not None:
                start, end = m.span("x2")
            else:
                start, end = m.span()
            trailing = _TRAILING.search(ctx.text, start, end)
            if trailing is not None and trailing.start() >= start:
                end = trailing.start()
            while start < end and ctx.text[start].isspace():
                start += 1
            if end > start:
                found.append((start, end, _PRIORITY[rule.name], rule.name, m))
    return found


def _select(ctx: _Context) -> list[TimeExpression]:
    candidates = sorted(_candidates(ctx), key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[TimeExpression] = []
    for start, end, _priority, name, m in candidates:
        if any(start < b and a < end for a, b in taken):
            continue
        value = _HANDLERS[name](m, ctx)
        if value is None:
            continue
        taken.append((start, end))
        chosen.append(_simple(ctx, start, end, value))
    return sorted(chosen, key=lambda e: e.start)


def _can_join(a: TimeExpression, b: TimeExpression) -> bool:
    if a.type != "DATE" or b.type != "DATE" or a.vague or b.vague or a.parts or b.parts:
        return False
    if a.range and b.range:
        return a.range[0] <= b.range[1]
    return True


def _join_ranges(ctx: _Context, found: list[TimeExpression]) -> list[TimeExpression]:
    """Join "from A to B", "between A and B" and "A-B" into one range expression."""
    joined: list[TimeExpression] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found) and _can_join(a, found[i + 1]):
            b = found[i + 1]
            link = grammar.RANGE_LINK.match(ctx.text, a.end, b.start)
            link_ok = link is not None and link.end() == b.start
            opener = grammar.RANGE_OPEN.search(ctx.text, max(0, a.start - 12), a.start)
            word = (link["word"] or "").lower() if link_ok and link else ""
            if link_ok and (
                (word == "and" and opener and opener["open"].lower() == "between")
                or (word and word != "and" and (opener or a.granularity == b.granularity))
                or (link and link["dash"] and a.granularity == b.granularity)
            ):
                start = opener.start() if opener else a.start
                value = _Value(
                    "DATE",
                    f"{a.value}/{b.value}",
                    relative=a.relative or b.relative,
                    parts=(a, b),
                )
                merged = _simple(ctx, start, b.end, value)
                if a.range and b.range:
                    merged = replace(merged, range=(a.range[0], b.range[1]))
                joined.append(replace(merged, granularity=a.granularity))
                i += 2
                continue
        joined.append(a)
        i += 1
    return joined


def find_times(text: str, anchor: date | None = None) -> list[TimeExpression]:
    """Find and normalise every time expression in ``text``.

    Args:
        text: any text; offsets in the result index into it.
        anchor: the publication date that relative expressions ("yesterday", "in June",
            "last year") are resolved against. Without one they keep a relative value,
            ``relative=True`` and no range.

    Returns:
        The expressions in text order, non-overlapping.
    """
    if not text or not grammar.TRIGGER.search(text):
        return []
    ctx = _Context(text, anchor)
    return _join_ranges(ctx, _select(ctx))


def normalise(text: str, anchor: date | None = None) -> TimeExpression | None:
    """Normalise one time expression, e.g. ``normalise("last week", date(2022, 2, 7))``.

    Returns:
        The longest expression found in ``text``, or None when it holds none.
    """
    found = find_times(text, anchor)
    return max(found, key=lambda e: e.end - e.start) if found else None
