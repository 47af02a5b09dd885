"""Turn the grammar's matches into normalised :class:`TimeExpression` records.

:func:`find_times` runs every rule of :mod:`parallax.temporal.grammar` over a text, keeps the
longest non-overlapping matches, gives each a TIMEX3 value (resolving relative ones against
the anchor, the publication date), and joins two dates linked by "to", "and" or a dash into
one range expression ("between 1999 and 2004").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from parallax.temporal import _anaphora, _speech_time, grammar
from parallax.temporal._date_rules import (
    ago_rule,
    bare_month_rule,
    century_rule,
    date_iso_rule,
    date_match_rule,
    date_slash_rule,
    decade_rel_rule,
    decade_rule,
    month_year_rule,
    partofday_rule,
    period_ref_rule,
    quarter_rule,
    relday_rule,
    relunit_rule,
    spoken_year_rule,
    time_rule,
    weekday_rule,
    weekend_rule,
    year_range_rule,
    year_rule,
)
from parallax.temporal._holiday_rules import holiday_rule
from parallax.temporal._resolution import (
    Context,
    Handler,
    Value,
    simple_expression,
)
from parallax.temporal._season_rules import season_rule
from parallax.temporal._span_rules import (
    duration_rule,
    ref_rule,
    set_rule,
    vague_duration_rule,
)
from parallax.temporal.clause_tense import LeanOf
from parallax.temporal.expression import TimeExpression, value_range

_HANDLERS: dict[str, Handler] = {
    "date_mdy": date_match_rule,
    "date_dmy": date_match_rule,
    "date_iso": date_iso_rule,
    "date_slash": date_slash_rule,
    "month_year": month_year_rule,
    "month": bare_month_rule,
    "year": year_rule,
    "year_range": year_range_rule,
    "decade": decade_rule,
    "decade_rel": decade_rel_rule,
    "century": century_rule,
    "season": season_rule,
    "quarter": quarter_rule,
    "weekday": weekday_rule,
    "relday": relday_rule,
    "partofday": partofday_rule,
    "relunit": relunit_rule,
    "weekend": weekend_rule,
    "ago": ago_rule,
    "period_ref": period_ref_rule,
    "duration": duration_rule,
    "vague_duration": vague_duration_rule,
    "set": set_rule,
    "ref": ref_rule,
    "time": time_rule,
    "holiday": holiday_rule,
    "spoken_year": spoken_year_rule,
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
            "spoken_year",
            "relday",
            "partofday",
            "relunit",
            "weekend",
            "decade_rel",
            "period_ref",
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


def _candidates(ctx: Context) -> list[tuple[int, int, int, str, re.Match[str]]]:
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


def _select(ctx: Context) -> list[TimeExpression]:
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
        chosen.append(simple_expression(ctx, start, end, value))
    return sorted(chosen, key=lambda e: e.start)


def _can_join(a: TimeExpression, b: TimeExpression) -> bool:
    if a.type != "DATE" or b.type != "DATE" or a.vague or b.vague or a.parts or b.parts:
        return False
    if a.range and b.range:
        return a.range[0] <= b.range[1]
    return True


_WEEKDAY_NAME = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def _after(a: TimeExpression, b: TimeExpression) -> TimeExpression:
    """``b`` moved a year on when both ends were dated without a year and b fell before a.

    "From June to August" written in February places each month on its own; a range's end
    follows its start, so an end that landed a year early is moved to the next year, and
    a weekday that landed before the start of its range a week on.
    """
    if not (a.relative and b.relative and a.range and b.range and b.range[1] < a.range[0]):
        return b
    if b.granularity not in {"day", "month"} or not b.value[:4].isdigit():
        return b
    if _WEEKDAY_NAME.search(b.text) and b.granularity == "day":
        # "from Monday to Wednesday": a week on, not a year ("will run from Monday to
        # Wednesday", written on a Wednesday, ends on the coming one)
        day = b.range[0] + timedelta(days=7)
        if day < a.range[0]:
            return b
        return replace(b, value=day.isoformat(), range=(day, day))
    value = f"{int(b.value[:4]) + 1:04d}{b.value[4:]}"
    span = value_range(value)
    return replace(b, value=value, range=span) if span else b


def _join_ranges(ctx: Context, found: list[TimeExpression]) -> list[TimeExpression]:
    """Join "from A to B", "between A and B" and "A-B" into one range expression."""
    joined: list[TimeExpression] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found) and _can_join(a, _after(a, found[i + 1])):
            b = _after(a, found[i + 1])
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
                value = Value(
                    "DATE",
                    f"{a.value}/{b.value}",
                    relative=a.relative or b.relative,
                    parts=(a, b),
                )
                merged = simple_expression(ctx, start, b.end, value)
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
    ctx = Context(text, anchor)
    return _join_ranges(ctx, _anaphora.resolve(text, anchor, _select(ctx)))


def find_times_in_sentences(
    text: str,
    sentences: Sequence[tuple[int, int]],
    anchor: date | None = None,
    lean: LeanOf | None = None,
) -> list[list[TimeExpression]]:
    """The time expressions of each sentence, with offsets into the whole ``text``.

    Each sentence is scanned on its own, so no expression runs across a sentence boundary,
    but the expressions that count from an earlier one ("the previous day", "two days
    earlier") take it from the sentences before, as the narrative does, rather than being
    left out or counted from publication. The times of a direct quotation whose attribution
    dates the speaking ("'Yesterday we lost three,' he said on Sunday") count from the day
    the speaker spoke (:mod:`parallax.temporal._speech_time`).

    Args:
        text: the whole text.
        sentences: the start and end offset of each sentence, in text order.
        anchor: the publication date, as for :func:`find_times`.
        lean: with a parse of ``text``, which way the clause governing a span of it points
            (:func:`parallax.temporal.clause_tense.lean_of_doc`); a weekday, a month or a
            season named without a year is then placed by its verb's tense.

    Returns:
        One list per sentence, in the order given.
    """
    scanned = _respoken(text, sentences, anchor, lean, _scan(text, sentences, anchor, lean))
    found = _speech_time.reported_weekdays(text, [e for e, _ in scanned])
    owner = [n for _, n in scanned]
    resolved = {(e.start, e.end): e for e in _anaphora.resolve(text, anchor, found)}
    by_sentence: list[list[TimeExpression]] = [[] for _ in sentences]
    for expression, number in zip(found, owner, strict=True):
        kept = resolved.get((expression.start, expression.end))
        if kept is not None:
            by_sentence[number].append(kept)
    return [
        _join_ranges(Context(text, anchor), expressions) if expressions else []
        for expressions in by_sentence
    ]


def _scan(
    text: str,
    sentences: Sequence[tuple[int, int]],
    anchor: date | None,
    lean: LeanOf | None,
    only: Sequence[int] | None = None,
) -> list[tuple[TimeExpression, int]]:
    """Each expression of the sentences (or of the sentences ``only``), with its sentence."""
    found: list[tuple[TimeExpression, int]] = []
    for number in range(len(sentences)) if only is None else only:
        start, end = sentences[number]
        piece = text[start:end]
        if not grammar.TRIGGER.search(piece):
            continue
        for expression in _select(Context(piece, anchor, _shifted(lean, start))):
            moved = replace(expression, start=expression.start + start, end=expression.end + start)
            found.append((moved, number))
    return found


def _respoken(
    text: str,
    sentences: Sequence[tuple[int, int]],
    anchor: date | None,
    lean: LeanOf | None,
    scanned: list[tuple[TimeExpression, int]],
) -> list[tuple[TimeExpression, int]]:
    """``scanned`` with the times of quotations spoken on another day read from that day.

    The speaker's "yesterday" counts from the day they spoke, not from publication; a
    speaking dated to a year or month places only the times no finer than it
    (:mod:`parallax.temporal._speech_time`).
    """
    starts = [start for start, _ in sentences]
    by_owner: dict[int, list[TimeExpression]] = {}
    for expression, number in scanned:
        by_owner.setdefault(number, []).append(expression)
    replaced: set[tuple[int, int]] = set()
    added: list[tuple[TimeExpression, int]] = []
    for quotation in _speech_time.elsewhen(text, anchor, [e for e, _ in scanned]):
        first = max(0, bisect_right(starts, quotation.start) - 1)
        owners = range(first, bisect_left(starts, quotation.end))
        replaced.update(
            (e.start, e.end)
            for n in owners
            for e in by_owner.get(n, [])
            if quotation.start <= e.start < quotation.end
        )
        spoken = [
            (e, n)
            for e, n in _scan(text, sentences, quotation.day, lean, owners)
            if quotation.start <= e.start and e.end <= quotation.end
        ]
        if quotation.day is None:
            # spoken in a known year or month: "next year" is counted from it
            period = {
                (e.start, e.end): e
                for e, _ in _scan(text, sentences, quotation.period[0], lean, owners)
                if quotation.placed(e)
            }
            spoken = [(period.get((e.start, e.end), e), n) for e, n in spoken]
        added += spoken
    if not replaced and not added:
        return scanned
    kept = [pair for pair in scanned if (pair[0].start, pair[0].end) not in replaced]
    return sorted(kept + added, key=lambda pair: pair[0].start)


def _shifted(lean: LeanOf | None, offset: int) -> LeanOf | None:
    """``lean`` for a piece of the text that starts at ``offset``."""
    if lean is None:
        return None
    whole = lean
    return lambda start, end: whole(start + offset, end + offset)


def normalise(text: str, anchor: date | None = None) -> TimeExpression | None:
    """Normalise one time expression, e.g. ``normalise("last week", date(2022, 2, 7))``.

    Returns:
        The longest expression found in ``text``, or None when it holds none.
    """
    found = find_times(text, anchor)
    return max(found, key=lambda e: e.end - e.start) if found else None
