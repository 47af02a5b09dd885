"""A normalised time expression, and the calendar arithmetic behind its TIMEX3 value.

Values follow TIMEX3 (TimeML 1.2): ``2022-02-07`` (day), ``2022-02`` (month), ``2022``
(year), ``199X`` (decade), ``19`` (century), ``2022-W05`` (ISO week), ``2022-W05-WE``
(weekend), ``2022-Q3`` (quarter), ``2022-H1`` (half), ``2022-SU`` (season), ``2022-02-07T10:30``
and ``2022-02-07TMO`` (times and parts of day), ``P30Y`` / ``PT2H`` / ``PXY`` (durations),
``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF`` (vague). A range of two dates ("between 1999 and
2004") is the ISO 8601 interval ``1999/2004``.

Expressions that depend on the publication date but were found without one keep a relative
value: ``XXXX-06`` (a month of an unknown year), ``XXXX-WXX-5`` (a Friday), or an offset from
the unknown anchor at the expression's granularity, ``-P1D`` (yesterday), ``+P1M`` (next
month), ``+P0Y`` (this year). Their ``range`` is None and ``relative`` is True.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

TimexType = Literal["DATE", "DURATION", "SET", "TIME"]

Range = tuple[date, date]

_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X$")
_CENTURY = re.compile(r"^(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True)
class TimeExpression:
    """One time expression found in a text.

    Attributes:
        text: the expression exactly as written (``text[start:end]`` of the input).
        start, end: character offsets into the input.
        type: the TIMEX3 type.
        value: the TIMEX3 value (see the module docstring).
        range: the first and last day covered (inclusive), or None when the expression is a
            duration, a set, vague, or relative without a known anchor.
        granularity: ``day``, ``week``, ``month``, ``quarter``, ``half``, ``season``,
            ``year``, ``decade``, ``century``, ``time``, or for durations/sets/vague ones
            ``duration``, ``set``, ``vague``.
        vague: the expression names no definite time ("recently", "for decades").
        relative: the value was computed from the anchor (publication date), or would have
            been had one been given ("yesterday", "last week", a month without a year).
        mod: ``START`` / ``MID`` / ``END`` / ``APPROX`` / ... as TIMEX3's ``mod`` attribute.
        parts: the two ends of a range expression ("between 1999 and 2004"), each a
            TimeExpression with its own offsets; empty for simple expressions.
    """

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    range: Range | None
    granularity: str
    vague: bool = False
    relative: bool = False
    mod: str | None = None
    parts: tuple[TimeExpression, ...] = field(default=())

    def to_record(self, expression_id: str, sentence_id: str) -> dict[str, Any]:
        """The JSON record of the ``times`` layer for this expression."""
        return {
            "id": expression_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence_id": sentence_id,
            "type": self.type,
            "value": self.value,
            "range": [self.range[0].isoformat(), self.range[1].isoformat()] if self.range else None,
            "granularity": self.granularity,
            "vague": self.vague,
            "relative": self.relative,
        }


def value_range(value: str) -> Range | None:
    """The inclusive first and last day a DATE/TIME value covers, or None when it has none."""
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = value_range(first), value_range(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    if m := _DAY.match(value):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return day, day
    if m := _MONTH.match(value):
        return _months(int(m[1]), int(m[2]), int(m[2]))
    if m := _YEAR.match(value):
        return _years(int(m[1]), int(m[1]))
    if m := _DECADE.match(value):
        return _years(int(m[1]) * 10, int(m[1]) * 10 + 9)
    if m := _CENTURY.match(value):
        return _years(int(m[1]) * 100, int(m[1]) * 100 + 99)
    if m := _WEEK.match(value):
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if m := _QUARTER.match(value):
        q = int(m[2])
        return _months(int(m[1]), 3 * q - 2, 3 * q)
    if m := _HALF.match(value):
        h = int(m[2])
        return _months(int(m[1]), 6 * h - 5, 6 * h)
    if m := _SEASON.match(value):
        opening, closing = _SEASON_MONTHS[m[2]]
        return _months(int(m[1]), opening, closing)
    return None


def timeml_value(value: str) -> str:
    """The value as TimeML 1.2 writes it, for comparison with TIMEX3 annotations.

    Our values are TIMEX3 values with one change made for readers: a decade is ``199X``
    (shown in a timeline as "199X", the 1990s) where TimeML writes ``199``, a form that reads
    as a truncated year. In TimeML ``199X`` would be some unknown year of the 1990s, so the
    notation is converted rather than the value compared as written. Every other value is
    already TimeML's; the two ends of a range are converted each on its own. An offset we
    could not anchor ("+P3D" for "three days later" with no date before it) has no TimeML
    form: TimeML marks the counted span ("three days", ``P3D``) and leaves "later" as the
    signal, so the offset is compared as that duration.
    """
    if "/" in value:
        return "/".join(timeml_value(part) for part in value.split("/"))
    if m := _DECADE.match(value):
        return m[1]
    if m := _OFFSET.match(value):
        return m[1]
    return value


_OFFSET = re.compile(r"^[+-](PT?\d+[A-Z]+)$")


def granularity_of(value: str) -> str:
    """The calendar unit a TIMEX3 value is given in (``day``, ``month``, ``decade`` ...)."""
    value = value.partition("/")[0]
    for pattern, name in (
        (_DAY, "day"),
        (_MONTH, "month"),
        (_YEAR, "year"),
        (_DECADE, "decade"),
        (_CENTURY, "century"),
        (_WEEK, "week"),
        (_QUARTER, "quarter"),
        (_HALF, "half"),
        (_SEASON, "season"),
    ):
        if m := pattern.match(value):
            if name == "day" and m[4]:
                return "time"
            return name
    return "unknown"


def narrow(span: Range, mod: str | None) -> Range:
    """Narrow a range to its first, middle or last third for "early", "mid" and "late".

    Whole years split into years (the early 1990s are 1990-1992) and whole months into
    months (early 2022 is January to April), so the narrowed range stays on calendar units.
    """
    if mod not in {"START", "MID", "END"}:
        return span
    first, last = span
    whole_years = first.month == 1 and first.day == 1 and (last.month, last.day) == (12, 31)
    month_end = (last + timedelta(days=1)).day == 1
    if whole_years and last.year - first.year >= 2:
        count = last.year - first.year + 1
        third = count // 3
        bounds = {
            "START": (first.year, first.year + third - 1),
            "MID": (first.year + third, last.year - third),
            "END": (last.year - third + 1, last.year),
        }[mod]
        return date(bounds[0], 1, 1), date(bounds[1], 12, 31)
    if first.day == 1 and month_end:
        start_index = first.year * 12 + first.month - 1
        count = last.year * 12 + last.month - start_index
        if count >= 3:
            third = count // 3
            low, high = {
                "START": (0, third - 1),
                "MID": (third, count - third - 1),
                "END": (count - third, count - 1),
            }[mod]
            begin, end = start_index + low, start_index + high
            end_year, end_month = end // 12, end % 12 + 1
            return (
                date(begin // 12, begin % 12 + 1, 1),
                date(end_year, end_month, monthrange(end_year, end_month)[1]),
            )
        if count == 1:  # a month: 1-10, 11-20, 21-end, as "early/mid/late June" are used
            low_day, high_day = {"START": (1, 10), "MID": (11, 20), "END": (21, last.day)}[mod]
            return first.replace(day=low_day), first.replace(day=high_day)
    days = (last - first).days + 1
    third = max(days // 3, 1)
    if mod == "START":
        return first, first + timedelta(days=third - 1)
    if mod == "END":
        return last - timedelta(days=third - 1), last
    return first + timedelta(days=third), last - timedelta(days=third)


def shift(anchor: date, unit: str, amount: int) -> str:
    """The value of the ``unit`` (day, week, month ...) ``amount`` units from the anchor's."""
    if unit == "day":
        return (anchor + timedelta(days=amount)).isoformat()
    if unit in {"week", "weekend"}:
        year, week, _ = (anchor + timedelta(weeks=amount)).isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + amount
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "half":
        index = anchor.year * 2 + (anchor.month - 1) // 6 + amount
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if unit == "year":
        return f"{anchor.year + amount:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + amount:03d}X"
    if unit == "century":
        return f"{anchor.year // 100 + amount:02d}"
    raise ValueError(f"unknown calendar unit {unit!r}")


def offset_value(unit: str, amount: int) -> str:
    """The relative value kept when no anchor is known, e.g. ``-P1D`` for yesterday."""
    if unit in {"hour", "minute", "second"}:
        return _clock_offset(unit, amount)
    code = {
        "day": "D",
        "week": "W",
        "weekend": "W",
        "month": "M",
        "quarter": "Q",
        "half": "H",
        "year": "Y",
        "decade": "DE",
        "century": "CE",
    }[unit]
    sign = "-" if amount < 0 else "+"
    return f"{sign}P{abs(amount)}{code}"


def _clock_offset(unit: str, amount: int) -> str:
    code = {"hour": "H", "minute": "M", "second": "S"}[unit]
    return f"{'-' if amount < 0 else '+'}PT{abs(amount)}{code}"


def _months(year: int, first: int, last: int) -> Range | None:
    if not 1 <= year <= 9998:
        return None
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, monthrange(end_year, end_month)[1])


def _years(first: int, last: int) -> Range | None:
    if not 1 <= first <= last <= 9999:
        return None
    return date(first, 1, 1), date(last, 12, 31)
