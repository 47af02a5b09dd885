"""The handler for seasons: "in the spring", "last winter", "the autumn of 2019".

A season without a year is placed by its clause: last/next/this where written, else the
tense of the verb it dates (with a parse), else as its middle month would be. "The Winter
War" or "the fall of the regime" are no seasons.

Internal to :mod:`parallax.temporal`; :mod:`parallax.temporal.normalise` calls it.
"""

from __future__ import annotations

import re
from datetime import date

from parallax.temporal._resolution import (
    FUTURE,
    PAST,
    SEASON_START,
    SEASONS,
    Context,
    Value,
    guess_year,
    mod_of,
)


def season_rule(m: re.Match[str], ctx: Context) -> Value | None:
    code = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower() or None
    if m["year"]:
        year = int(m["year"])
        return Value("DATE", f"{year:04d}-{code}", mod=mod_of(m))
    if not rel and not m["mod"] and code in {"SP", "FA"}:
        return None  # "spring" and "fall" alone are more often not seasons
    if season_is_a_name(m, ctx) or _a_decline(m, ctx):
        return None
    if ctx.anchor is None:
        return Value("DATE", f"XXXX-{code}", relative=True, mod=mod_of(m))
    year, start = ctx.anchor.year, SEASON_START[code]
    if code == "WI" and ctx.anchor.month <= 2:
        year -= 1
    lean = ctx.lean_at(m.start(), m.end()) if rel in {None, "the"} else None
    if lean is not None:
        year = _leaning_season_year(ctx.anchor, start, lean)
    elif rel in {None, "the"}:
        # "in the autumn", written in January: placed as its middle month would be (the
        # autumn just past, unless the clause plans), not in the publication's own year
        middle = start % 12 + 1
        year = guess_year(ctx, middle, 15, m.start()) - (code == "WI")
    elif rel in PAST and start + 3 > ctx.anchor.month:
        year -= 1
    elif rel in FUTURE and start <= ctx.anchor.month:
        year += 1
    return Value("DATE", f"{year:04d}-{code}", relative=True, mod=mod_of(m))


def _leaning_season_year(anchor: date, start: int, lean: str) -> int:
    """The year of a season whose clause leans back (begun by publication) or ahead (not over).

    "Agreed in the spring", written in November, is this year's spring; "holds elections in
    the spring", written in October, next year's.
    """
    now = anchor.year * 12 + anchor.month
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if lean == "past":
        return max(y for y in years if y * 12 + start <= now)
    return min(y for y in years if y * 12 + start + 2 >= now)


TIME_PREPOSITIONS = frozenset(
    {"in", "during", "through", "throughout", "until", "till", "by", "into"}
)
"""Prepositions before "the fall" that make it the season ("in the fall", "by the fall")."""


def _a_decline(m: re.Match[str], ctx: Context) -> bool:
    """Whether "the fall" is a drop, not autumn: no preposition of time before it.

    "Much of the fall came from weak demand", "the fall in prices" and "blamed the fall on
    tariffs" tell a decline; autumn is "in the fall", "during the fall", "by the fall"
    (or "this fall", "last fall", which are read as seasons).
    """
    if m["season"].lower() != "fall" or (m["rel"] or "").lower() != "the":
        return False
    previous = re.search(r"(\w+)\W*$", ctx.text[: m.start("rel")])
    return previous is None or previous[1].lower() not in TIME_PREPOSITIONS


def season_is_a_name(m: re.Match[str], ctx: Context) -> bool:
    """Whether a season word is part of a name or a figure of speech, not a time of year.

    "The Winter War", "the Arab Spring" and "the fall of the regime" name an event or mean
    a collapse: a capitalised season inside a sentence, one after a capitalised word, or one
    followed by "of" and no year is not a season.
    """
    if m["year"]:
        return False
    start = m.start("season")
    word = m["season"]
    before = ctx.text[:start].rstrip()
    sentence_start = not before or before[-1] in '.!?\n"\u201c'
    bare = m["rel"] is None or m["rel"].lower() == "the"
    if word[0].isupper() and not sentence_start and bare:
        return True
    previous = re.search(r"(\w+)\W*$", before)
    if previous and previous[1][0].isupper() and not sentence_start and m["rel"] is None:
        return previous[1].lower() not in {"in", "the", "this", "last", "next", "early", "late"}
    return bool(re.match(r"\s+of\s+(?!\d)", ctx.text[m.end("season") :]))
