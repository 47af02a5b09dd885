"""Time expressions in claims, as inclusive date ranges: "in 1949", "between 1999 and 2004".

A claim's time is what the checker compares with a fact's dates, so every expression becomes
an inclusive ``[begin, end]`` range of :class:`datetime.date` plus how it bounds the claim
(``at`` a time, ``since``, ``before``, ``by``, ``after``). This is a deliberately small
reader for the shapes claims use; the pipeline's ``times`` layer (full TIMEX3 normalisation)
replaces it through :func:`from_times_layer` when that layer is present, so the grammar only
ever sees :class:`TimeMention` values.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Bound = Literal["at", "since", "before", "by", "after", "until"]

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?:[0-3]?[0-9])(?:st|nd|rd|th)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "range",
        re.compile(
            rf"\b(?:between|from)\s+(?:the\s+years?\s+)?(?P<y1>{_YEAR})\s+(?:and|to|until|till|through)"
            rf"\s+(?P<y2>{_YEAR})\b",
            re.IGNORECASE,
        ),
    ),
    ("range", re.compile(rf"\b(?P<y1>{_YEAR})\s?[-\u2013\u2014/]\s?(?P<y2>{_YEAR}|\d{{2}})\b")),
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b", re.IGNORECASE
        ),
    ),
    (
        "mdy",
        re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b", re.IGNORECASE),
    ),
    ("my", re.compile(rf"\b(?P<m>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b", re.IGNORECASE)),
    (
        "dm",
        re.compile(rf"\b(?P<d>{_DAY})\s+(?P<m>{_MONTH})\b(?!,?\s+\d)", re.IGNORECASE),
    ),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<y>1[0-9]{2}0|20[0-9]0)'?s\b", re.IGNORECASE)),
    ("year", re.compile(rf"(?<![\d,.$€£])\b(?P<y>{_YEAR})\b(?![,.]?\d)(?!\s?%)")),
]
_BOUND_WORDS: list[tuple[Bound, re.Pattern[str]]] = [
    ("since", re.compile(r"\b(?:since|from|starting in|beginning in)\s+(?:the\s+)?$", re.I)),
    ("before", re.compile(r"\b(?:before|prior to|earlier than)\s+(?:the\s+)?$", re.I)),
    ("by", re.compile(r"\b(?:by|no later than)\s+(?:the\s+)?$", re.I)),
    ("after", re.compile(r"\b(?:after|later than)\s+(?:the\s+)?$", re.I)),
    ("until", re.compile(r"\b(?:until|till|up to)\s+(?:the\s+)?$", re.I)),
]
_NOT_A_YEAR_AFTER = re.compile(
    r"^\s*(?:km|kilometres|kilometers|miles|people|soldiers|troops|members|countries|states)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeMention:
    """A time expression found in text.

    Attributes:
        text: the words, as written.
        start: offset of the first character in the searched text.
        end: offset after the last character.
        begin: first day the expression covers.
        last: last day it covers (inclusive).
        granularity: "day", "month", "year", "decade" or "range" (two years).
        bound: how the claim uses it: ``at`` the time, ``since`` it, ``before`` it ...
    """

    text: str
    start: int
    end: int
    begin: date
    last: date
    granularity: str
    bound: Bound = "at"

    def span(self) -> list[str]:
        """The inclusive range as two ISO dates, the form claims and the times layer use."""
        return [self.begin.isoformat(), self.last.isoformat()]


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _range(kind: str, match: re.Match[str], anchor: date | None) -> tuple[date, date, str] | None:
    groups = match.groupdict()
    if kind == "range":
        first = int(groups["y1"])
        second_text = groups["y2"]
        second = (
            int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
        )
        if second < first or second - first > 200:
            return None
        return date(first, 1, 1), date(second, 12, 31), "range"
    if kind == "decade":
        year = int(groups["y"])
        return date(year, 1, 1), date(year + 9, 12, 31), "decade"
    if kind == "year":
        year = int(groups["y"])
        return date(year, 1, 1), date(year, 12, 31), "year"
    if kind == "my":
        year, month = int(groups["y"]), _month(groups["m"])
        return date(year, month, 1), _month_end(year, month), "month"
    year = int(groups["y"]) if groups.get("y") else (anchor.year if anchor else 0)
    if not year:
        return None
    month = int(groups["m"]) if kind == "iso" else _month(groups["m"])
    day_value = _day(year, month, int(re.sub(r"\D", "", groups["d"])))
    if day_value is None:
        return None
    return day_value, day_value, "day"


def find_times(text: str, anchor: date | None = None) -> list[TimeMention]:
    """Every time expression in ``text``, longest first where they overlap, in text order.

    Args:
        text: the text to search (a sentence or a claim).
        anchor: the publication date, which gives a year to "4 April" when the text omits it.
    """
    taken: list[tuple[int, int]] = []
    found: list[TimeMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and end > a for a, b in taken):
                continue
            if kind == "year" and _NOT_A_YEAR_AFTER.match(text[end:]):
                continue
            parsed = _range(kind, match, anchor)
            if parsed is None:
                continue
            begin, last, granularity = parsed
            bound: Bound = "at"
            before = text[max(0, start - 30) : start]
            for name, cue in _BOUND_WORDS:
                if cue.search(before) and not (kind == "range" and name == "since"):
                    bound = name
                    break
            taken.append((start, end))
            found.append(TimeMention(match.group(0), start, end, begin, last, granularity, bound))
    return sorted(found, key=lambda t: t.start)


def from_times_layer(
    times: Iterable[Mapping[str, Any]], sentence_start: int, sentence_text: str
) -> list[TimeMention]:
    """Time mentions of one sentence from the pipeline's ``times`` layer (when it is present).

    Only dated expressions with a range are kept; offsets become sentence-relative.
    """
    found = []
    for record in times:
        rng = record.get("range")
        start = int(record.get("start", -1)) - sentence_start
        end = int(record.get("end", -1)) - sentence_start
        if not rng or start < 0 or end > len(sentence_text) or record.get("type") != "DATE":
            continue
        try:
            begin, last = date.fromisoformat(rng[0]), date.fromisoformat(rng[1])
        except (TypeError, ValueError):
            continue
        bound: Bound = "at"
        before = sentence_text[max(0, start - 30) : start]
        for name, cue in _BOUND_WORDS:
            if cue.search(before):
                bound = name
                break
        found.append(
            TimeMention(
                text=sentence_text[start:end],
                start=start,
                end=end,
                begin=begin,
                last=last,
                granularity=str(record.get("granularity") or "day"),
                bound=bound,
            )
        )
    return sorted(found, key=lambda t: t.start)
