"""Handlers for durations, recurring sets and vague references to past, present or future.

None of these has an anchored date.
"""

from __future__ import annotations

import re

from parallax.temporal import grammar
from parallax.temporal._resolution import (
    PARTS,
    SEASONS,
    VAGUE_DURATION,
    Context,
    Value,
    approx_of,
    duration_value,
    number_value,
)


def duration_rule(m: re.Match[str], ctx: Context) -> Value | None:
    unit = grammar.UNITS[m["unit"].lower()]
    word = re.sub(r"\s+", " ", m["number"].lower())
    if unit in {"second", "minute"} and word in {"a", "an", "one"}:
        following = ctx.text[m.end() : m.end() + 3]
        if re.match(r"\s+[a-z]", following) or m["unit"].lower() == "second":
            return None  # "a second term", "one minute silence" read as ordinal or adjective
    if re.fullmatch(r"(?:1[89]|20)\d\d", word) and not m["unit"].lower().endswith("s"):
        return None  # "the 1988 quarter": a year naming a period, not 1988 quarters
    if unit == "quarter" and _is_fraction(m, ctx):
        return None
    number = number_value(word)
    return Value("DURATION", duration_value(number, unit), vague=number is None, mod=approx_of(m))


_OF_A_YEAR = re.compile(r"\s+of\s+(?:the\s+|this\s+|last\s+|next\s+)?(?:fiscal\s+)?(?:year|\d{4})")


def _is_fraction(m: re.Match[str], ctx: Context) -> bool:
    """Whether "quarters" is a share, not a span of time ("three-quarters of its food").

    A number joined to "quarters" by a hyphen is written as a fraction, unless a year
    follows ("three-quarters of 1990"); "several quarters of losses" stays a span of time.
    """
    written = m[0].lower()
    if not re.search(r"[a-z]-quarters$", written):
        return False
    return not _OF_A_YEAR.match(ctx.text[m.end() : m.end() + 40])


def vague_duration_rule(m: re.Match[str], _ctx: Context) -> Value | None:
    unit = grammar.UNITS[(m["unit"] or m["unit2"]).lower()]
    return Value("DURATION", VAGUE_DURATION[unit], vague=True)


def set_rule(m: re.Match[str], _ctx: Context) -> Value | None:
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
        return Value("SET", value)
    word = (m["unit"] or m["unit3"]).lower()
    if word in grammar.WEEKDAYS:
        return Value("SET", f"XXXX-WXX-{grammar.WEEKDAYS[word]}")
    if word in PARTS:
        return Value("SET", f"XXXX-XX-XXT{PARTS[word]}")
    if word in SEASONS:
        return Value("SET", f"XXXX-{SEASONS[word]}")
    if word == "season":
        return Value("SET", "P3M")
    if word == "weekend":
        return Value("SET", "XXXX-WXX-WE")
    unit = grammar.UNITS[word]
    count = number_value(m["number"]) if m.groupdict().get("number") else 1.0
    count = (count or 1.0) * (2 if m.groupdict().get("other") else 1)
    return Value("SET", duration_value(count, unit))


_PRESENT = ("now", "right now", "currently", "at present", "presently", "nowadays", "these days")


def ref_rule(m: re.Match[str], _ctx: Context) -> Value | None:
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
    return Value("DATE", value, vague=True)
