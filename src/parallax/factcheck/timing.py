"""Dates of facts and claims as inclusive ranges, and how a claim's time matches a fact's.

Facts are dated at whatever precision their source gives ("1949", "1949-04", "1949-04-04");
claims are dated by expressions with a bound ("in 1999", "since 2004", "before 1990"). Both
become inclusive day ranges so one comparison serves every check.
"""

from __future__ import annotations

import calendar
from datetime import date

from parallax.claims.when import TimeMention


def fact_range(value: str | None) -> tuple[date, date] | None:
    """The inclusive day range of an ISO date, year-month or year; None when unreadable."""
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 4:
            year = int(text)
            return date(year, 1, 1), date(year, 12, 31)
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:7])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date.fromisoformat(text[:10])
        return day, day
    except ValueError:
        return None


def first_day(value: str | None) -> date | None:
    """The first day an ISO date (at any precision) covers."""
    rng = fact_range(value)
    return rng[0] if rng else None


def matches(time: TimeMention, when: tuple[date, date]) -> bool:
    """Whether something that happened within ``when`` fits the claim's time expression."""
    begin, last = when
    if time.bound == "since":
        return last >= time.begin
    if time.bound == "after":
        return last > time.last
    if time.bound == "before":
        return begin < time.begin
    if time.bound in {"by", "until"}:
        return begin <= time.last
    return begin <= time.last and last >= time.begin


def show(time: TimeMention) -> str:
    """The claim's time in words for explanations ("in 1999", "between 1999 and 2004")."""
    if time.granularity == "range":
        return f"between {time.begin.year} and {time.last.year}"
    if time.bound != "at":
        return f"{time.bound} {time.text}"
    if time.granularity == "day":
        return f"on {time.begin.isoformat()}"
    return f"in {time.text}"
