"""Whether a weekday the times layer placed fits the tense of the verb it dates.

The times layer reads text without a parse: a bare weekday ("on Saturday") is the one just
past unless a plan is in view ("will", "expected to", "scheduled"). News also plans in the
present tense ("the tariffs take effect on Saturday", "the Senate votes Friday"), which that
reading puts a week early. With the parse in hand the events layer can tell: a weekday set
before publication on a present-tense verb, or after it on a past-tense one, dates nothing.
No time wholly after publication dates a verb in the simple past, weekday or not: in "The
agency warned of aftershocks over the coming week" the week is the aftershocks', and the
parse hung it on the warning, given on the day of the report.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

_WEEKDAY = re.compile(r"^(?:(?:on|by|until)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.I)


def tense_fits(verb: Any, time: dict[str, Any], anchor: date | None) -> bool:
    """Whether a bare weekday, placed before or after publication, fits its verb's tense.

    A bare weekday is read as the one just past unless a plan is in view; "the tariffs take
    effect on Saturday" plans without saying so, and a present-tense verb with no auxiliary
    never reports a day already past in news, so such a date is left off the event rather
    than put a week early. A past-tense verb is never dated ahead of publication, by any
    time.
    """
    if anchor is None:
        return True
    if verb.tag_ == "VBD" and str(time["range"][0]) > anchor.isoformat():
        return False  # "warned of aftershocks over the coming week": not the warning's week
    if not _WEEKDAY.match(str(time.get("text", "")).strip()):
        return True
    helpers = {"aux", "auxpass"}
    shared = verb.head.children if verb.dep_ == "conj" else ()
    auxiliaries = [c for c in (*verb.children, *shared) if c.dep_ in helpers]
    past = str(time["range"][1]) < anchor.isoformat()
    if past and _looks_ahead(auxiliaries, verb):
        return False  # "a standoff that could shut down the government by Friday"
    # The tagger gives some present verbs the bare form ("the tariffs ... take effect").
    present = verb.tag_ in {"VBZ", "VBP"} or (verb.tag_ == "VB" and verb.dep_ != "xcomp")
    if present and not auxiliaries:
        return not past
    return True


MODALS_AHEAD = frozenset(
    {"will", "would", "could", "might", "may", "must", "should", "can", "shall"}
    | {"'ll", "\u2019ll", "'d", "\u2019d", "wo", "ca"}
)
"""Modals that put what a verb tells after the telling, unless with a perfect or denied."""


def _looks_ahead(auxiliaries: list[Any], verb: Any) -> bool:
    """Whether a verb's modal says what is yet to happen ("could shut down", "will vote").

    "Could have met" tells the past, and so may a denied ability ("could not agree on
    Friday"); a plain modal does not report a day already gone.
    """
    words = {a.lower_ for a in auxiliaries}
    if not words & MODALS_AHEAD or words & {"have", "has", "had", "'ve", "\u2019ve"}:
        return False
    return not any(c.dep_ == "neg" for c in verb.children)
