"""The handler for holidays: "on Christmas Day", "over Easter", "Thanksgiving 2019".

A fixed holiday is placed as a month and day would be, by the tense of the verb it dates;
a movable feast (Easter and the days around it, US Thanksgiving) by that tense too where
the parse tells it ("will open on Thanksgiving", written in December, is next year's),
else by the nearest one. Another nation's Independence Day is not July 4.

Internal to :mod:`parallax.temporal`; :mod:`parallax.temporal.normalise` calls it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from parallax.temporal._resolution import Context, Value, likely_year, nearest_year

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


def _easter(year: int) -> date:
    """Western Easter Sunday of ``year`` (the Gregorian computus, anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday) // 433
    month = (h + weekday - 7 * m + 90) // 25
    return date(year, month, (h + weekday - 7 * m + 33 * month + 19) % 32)


_EASTER_OFFSETS = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}


def _year_by_tense(ctx: Context, m: re.Match[str], day_in: Callable[[int], date]) -> int | None:
    """The year of a movable feast whose clause's tense says which side of publication it is.

    "Shops will close for Thanksgiving", written in December, is next year's; "the church
    was full on Easter", written in December, this year's. None when the parse tells no
    tense, or there is no parse.
    """
    anchor = ctx.anchor
    lean = ctx.lean_at(m.start(), m.end())
    if anchor is None or lean not in {"past", "ahead"}:
        return None
    if lean == "past":
        return anchor.year if day_in(anchor.year) <= anchor else anchor.year - 1
    return anchor.year if day_in(anchor.year) >= anchor else anchor.year + 1


def holiday_rule(m: re.Match[str], ctx: Context) -> Value | None:
    name = re.sub(r"\s+", " ", m["holiday"].lower())
    if name in _EASTER_OFFSETS:
        year = int(m["year"]) if m["year"] else None

        def easter_day(y: int) -> date:
            return _easter(y) + timedelta(days=_EASTER_OFFSETS[name])

        if year is None and ctx.anchor is not None:
            year = _year_by_tense(ctx, m, easter_day)
        if year is None and ctx.anchor is not None:
            year = ctx.anchor.year
            if easter_day(year) < ctx.anchor - timedelta(days=240):
                year += 1  # written in December, "Easter" is the coming one
        if year is None:
            return Value("DATE", "XXXX-XX-XX", relative=True)
        feast = _easter(year) + timedelta(days=_EASTER_OFFSETS[name])
        return Value("DATE", feast.isoformat(), relative=not m["year"])
    if name.startswith("thanksgiving"):
        year = int(m["year"]) if m["year"] else None
        if year is None and ctx.anchor is not None:
            year = _year_by_tense(ctx, m, lambda y: date(y, 11, _thanksgiving(y)))
        if year is None and ctx.anchor is not None:
            year = nearest_year(ctx.anchor, 11, 25)
        if year is None:
            return Value("DATE", "XXXX-11", relative=True)
        return Value("DATE", f"{year:04d}-11-{_thanksgiving(year):02d}", relative=not m["year"])
    month, day = _HOLIDAYS[name]
    if name.startswith("independence") and _OTHER_NATION.search(ctx.text, 0, m.start()):
        return Value("DATE", "XXXX-XX-XX", relative=True)  # "Ukraine's Independence Day"
    if m["year"]:
        return Value("DATE", f"{m['year']}-{month:02d}-{day:02d}")
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-{month:02d}-{day:02d}", relative=True)
    # by the tense of the verb it dates, as a month and day is: "was attacked on
    # Christmas Day", written on Jan. 10, is the one past; "will close on" the coming one
    year = likely_year(ctx, month, day, m.start(), m.end())
    value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
    return Value("DATE", value, relative=True)


_OTHER_NATION = re.compile(
    r"\b(?!America|American|U\.S)[A-Z][A-Za-z.]+(?:'s|\u2019s|ian|ish|an|i)\s+$"
)
"""A nation other than the United States owning an Independence Day ("Ukraine's",
"Ukrainian", "Israeli"): its day is not July 4, and which day it is is not known here."""
