"""Time expressions: find them in text and give them TIMEX3 values and ISO date ranges.

A rule grammar (:mod:`parallax.temporal.grammar`) recognises dates, months, years, ranges,
decades, centuries, seasons, quarters, weekdays, relative expressions, durations, sets and
vague references; :mod:`parallax.temporal.normalise` resolves them against the publication
date. ``find_times(text, anchor)`` returns every expression in a text;
``find_times_in_sentences(text, sentences, anchor)`` the same sentence by sentence, with
"the previous day" counted across them; ``normalise(text, anchor)`` the one a short phrase
stands for.
"""

from parallax.temporal.expression import (
    TimeExpression,
    granularity_of,
    timeml_value,
    value_range,
)
from parallax.temporal.normalise import find_times, find_times_in_sentences, normalise

__all__ = [
    "TimeExpression",
    "find_times",
    "find_times_in_sentences",
    "granularity_of",
    "normalise",
    "timeml_value",
    "value_range",
]
