"""The day a direct quotation speaks from, when its attribution dates the speaking.

"'Yesterday we lost three soldiers,' the commander said on Sunday": the quoted "yesterday"
is Saturday, the day before the speaking, not the day before publication. Words inside a
direct quotation are the speaker's, and their "today", "tomorrow", "last week" or "on
Friday" count from when the speaker spoke. When the attribution next to the quotation (in
the same sentence, before or after it) dates the report verb to a day, the quotation's
times are read from that day; when it dates it only to a longer period that leaves
publication out ("said last week", "told the paper in January"), the day the speaker spoke
is unknown and the quotation's relative times are left relative rather than counted from
publication. A quotation with no attribution of its own that follows a dated one in the
same paragraph, or opens the next paragraph after one left open, is the same speaker on
the same occasion, as news continues a quote. In
reported speech, a weekday that "would" or "was to" put after a dated telling ("said on
Sunday that talks would begin on Monday") is the first such weekday after the telling.

Internal to :mod:`parallax.temporal`; :mod:`parallax.temporal.normalise` calls it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from parallax.temporal.expression import TimeExpression

_OPEN = "\u201c"
_CLOSE = "\u201d"
_STRAIGHT = '"'

_REPORT = re.compile(
    r"\b(?:said|says|say|told|tells|wrote|writes|added|declared|announced|stated|insisted"
    r"|warned|tweeted|posted|asked|replied|recalled|explained|noted|urged|vowed|remarked)\b",
    re.IGNORECASE,
)
"""A verb that reports what the quotation says."""

_CLAUSE_BREAK = re.compile(
    r"\b(?:that|adding|who|which|whose|when|while|after|before|as|because|since|until"
    r"|and|but)\b|[;:]"
)
"""A word between a report verb and a time that starts another clause: the time dates that
clause ("he said, adding that on Monday ..."), not the speaking."""

_HEAD_CLAUSE = re.compile(r"\b(?:after|before|when|while|since|until|as|because|if)\b", re.I)
"""A subordinating word before the time, in an attribution that opens the sentence: "After
the attack on Monday, the general said:" dates the attack."""

_SENTENCE_END = re.compile(r"(?<=[a-z\d)][.!?])\s+(?=[A-Z\"\u201c])|\n")


@dataclass(frozen=True)
class Quotation:
    """A direct quotation and the day its speaker spoke from.

    ``day`` is None when the attribution dates the speaking only to a ``period`` that
    leaves publication out: the quotation's relative times then have no anchor, except
    those no finer than that period (:meth:`placed`).
    """

    start: int
    end: int
    day: date | None
    period: tuple[date, date]

    def placed(self, expression: TimeExpression) -> bool:
        """Whether a time read from the period's first day holds for the whole period.

        "'This year has been hard,' she wrote in December" is the year of that December,
        and "next year", said in a 2019 interview, is 2020; a month or a day counted from
        a speaking known only to the year is not known.
        """
        first, last = self.period
        if expression.granularity in {"year", "decade", "century"}:
            return first.year == last.year
        if expression.granularity in {"month", "quarter", "season", "half"}:
            return (first.year, first.month) == (last.year, last.month)
        return False


def quotations(text: str) -> list[tuple[int, int]]:
    """The spans of the direct quotations of ``text`` (the words between the marks).

    Curly marks pair as they open and close; straight marks pair in turn within a
    paragraph. A mark left open at a paragraph's end closes there.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        opened: int | None = None
        for index, char in enumerate(paragraph):
            if char == _OPEN or (char == _STRAIGHT and opened is None):
                opened = index + 1
            elif char in (_CLOSE, _STRAIGHT) and opened is not None:
                spans.append((offset + opened, offset + index))
                opened = None
        if opened is not None:
            spans.append((offset + opened, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return [(a, b) for a, b in spans if b > a]


def elsewhen(text: str, anchor: date | None, found: list[TimeExpression]) -> list[Quotation]:
    """The quotations whose attribution dates the speaking to another time than ``anchor``.

    ``found`` are the text's time expressions read from ``anchor`` (the publication date);
    the attribution's time is one of them, outside the quotation.
    """
    if anchor is None:
        return []
    result: list[Quotation] = []
    carried: Quotation | None = None
    last_end = 0
    for start, end in quotations(text):
        dated, attributed = _attribution_time(text, start, end, found)
        spoken: Quotation | None
        if attributed:
            spoken = _spoken(dated, anchor, start, end) if dated is not None else None
        elif carried is not None and _continues(text, last_end, start):
            spoken = Quotation(start, end, carried.day, carried.period)
        else:
            spoken = None
        carried, last_end = spoken, end
        if spoken is not None:
            result.append(spoken)
    return result


def _spoken(dated: TimeExpression, anchor: date, start: int, end: int) -> Quotation | None:
    """The quotation spoken at ``dated``, or None when that includes ``anchor``."""
    assert dated.range is not None
    first, last = dated.range
    if first <= anchor <= last:
        return None
    day = first if first == last and dated.granularity in {"day", "time"} else None
    return Quotation(start, end, day, (first, last))


def _continues(text: str, previous_end: int, start: int) -> bool:
    """Whether a quotation goes on from the one ending at ``previous_end``.

    In the same paragraph, shortly after; or in the next paragraph, when the one before
    was left open at its paragraph's end, the mark news uses for a quote that goes on.
    """
    between = text[previous_end:start]
    if "\n" not in between:
        return start - previous_end <= 200
    return between.startswith("\n") and not between[:-1].strip()


def _attribution_time(
    text: str, start: int, end: int, found: list[TimeExpression]
) -> tuple[TimeExpression | None, bool]:
    """The dated time of the report verb next to a quotation, and whether a verb is there.

    The attribution is the rest of the sentence after the closing mark (", the commander
    said on Sunday.") or the start of the sentence before the opening mark ("On Sunday,
    the commander said:").
    """
    tail_end = _sentence_end(text, end + 1)
    tail = text[end + 1 : tail_end]
    head_start = _sentence_start(text, start - 1)
    head = text[head_start : max(head_start, start - 1)]
    verb = _REPORT.search(tail)
    if verb is not None:
        at = end + 1
        for expression in found:
            if expression.start < at or expression.end > tail_end or expression.range is None:
                continue
            lo, hi = sorted((verb.end() + at, expression.start))
            if verb.start() + at > expression.end and _CLAUSE_BREAK.search(text, lo, hi):
                continue
            if verb.end() + at <= expression.start and _CLAUSE_BREAK.search(text, lo, hi):
                continue
            return expression, True
        return None, True
    verbs = list(_REPORT.finditer(head))
    if verbs and re.search(r"[:,]\s*$", head):
        for expression in reversed(found):
            if expression.start < head_start or expression.end > start - 1:
                continue
            if expression.range is None or _HEAD_CLAUSE.search(text, head_start, expression.start):
                continue
            return expression, True
        return None, True
    return None, False


def _sentence_end(text: str, at: int) -> int:
    stop = _SENTENCE_END.search(text, at)
    nearest = stop.start() if stop else len(text)
    for mark in (_OPEN, _STRAIGHT):
        following = text.find(mark, at)
        if 0 <= following < nearest:
            nearest = following
    return nearest


_REACH = 400
"""How far back (characters) an attribution before a quotation may begin."""


def _sentence_start(text: str, at: int) -> int:
    reach = max(0, at - _REACH)
    starts = [m.end() for m in _SENTENCE_END.finditer(text, reach, max(0, at))]
    begin = starts[-1] if starts else reach
    for mark in (_CLOSE, _STRAIGHT):
        before = text.rfind(mark, begin, max(begin, at))
        if before >= 0:
            begin = before + 1
    return begin


_UNPLACED_WEEKDAY = re.compile(r"XXXX-WXX-(?P<day>[1-7])")
_REPORTED_THAT = re.compile(
    r"^\s*(?:,\s*)?(?:that\s+)?[^.;:!?\"\u201c\u201d]*?\b(?:would|could|might|was\s+to|were\s+to)\b",
    re.IGNORECASE,
)
"""From a dated report verb to a later weekday, in the same clause of reported speech:
"said on Sunday that talks would begin on Monday"."""


def reported_weekdays(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """Place the weekdays a dated report puts after itself ("said on Sunday ... would ...").

    "Zelenskiy said on Sunday that talks would begin on Monday": "would" looks ahead from
    the telling, so Monday is the first Monday after that Sunday, whichever side of
    publication it lies. The grammar leaves such a weekday unplaced when the words alone
    cannot say; the day of the report, named right after its verb, places it. The same
    weekday as the report's stays unplaced (that day, or a week on).
    """
    placed = list(found)
    for index, expression in enumerate(found):
        m = _UNPLACED_WEEKDAY.fullmatch(expression.value)
        if m is None:
            continue
        for report in reversed(found[:index]):
            if report.range is None or report.range[0] != report.range[1]:
                continue
            if report.granularity not in {"day", "time"}:
                continue
            verb = _REPORT.search(text, max(0, report.start - 20), report.start)
            if verb is None or _CLAUSE_BREAK.search(text, verb.end(), report.start):
                break
            if not _REPORTED_THAT.match(text[report.end : expression.start]):
                break
            step = (int(m["day"]) - report.range[0].isoweekday()) % 7
            if step:
                day = report.range[0] + timedelta(days=step)
                placed[index] = replace(
                    expression, value=day.isoformat(), range=(day, day), granularity="day"
                )
            break
    return placed
