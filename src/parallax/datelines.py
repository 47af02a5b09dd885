"""Datelines: the place (and agency) a wire report opens with, read from text alone.

"KYIV — Ukraine and Russia exchanged ..." and "LONDON (Reuters) - The bank said ..." open
with where the story was filed, which is never a party of what the sentence says. The
parser hangs the place on the first clause, so the actors layer, the claims grammar and
the cross-source event reading each need to set it aside; they all ask this one reading,
so a place counts as a dateline, or not, the same way everywhere.

The dateline is told apart by its form alone: a place of at most :data:`MAX_WORDS` words
in capitals ("WASHINGTON", "ST. LOUIS"), or in any case when an agency in brackets follows
("Kyiv (Reuters) -"), optionally joined by a comma to a state or country ("DAYTON, Ohio"),
then a dash. A wire service's date may follow the place ("KYIV, Nov 20 (Reuters) -",
"LONDON, 3 March (AFP) -"). A hyphen counts as the dash only with a space after it, so a hyphenated
place ("WINSTON-SALEM") stays whole.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MAX_WORDS = 6
"""Longest place, or state or country after its comma, that a dateline gives."""

_WORD = r"[A-Z][\w.'\u2019\-]*"
_PLACE = rf"{_WORD}(?:[ \t]+{_WORD}){{0,{MAX_WORDS - 1}}}"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"\d{1,2}"
_YEAR = r"(?:,[ \t]*(?P<year>(?:19|20)\d\d))?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?)"
_FILED_ON = (
    rf"(?:,[ \t]*(?:{_WEEKDAY},?[ \t]+)?(?:(?P<month>{_MONTH})[ \t]+(?P<day>{_DAY})"
    rf"|(?P<day_first>{_DAY})[ \t]+(?P<month_after>{_MONTH})){_YEAR})"
)
"""The date a wire service stamps after the place: "Nov 20", "3 March", "March 3, 2024",
with or without the weekday before it ("Wednesday, May 14, 2025")."""
_DASH = r"(?:[\u2014\u2013\u2015]|--|-(?=\s))\s*"
_OPENING = re.compile(
    rf"\s*(?P<place>{_PLACE})"
    rf"(?:,[ \t]*(?P<region>{_PLACE}))?"
    rf"{_FILED_ON}?"
    r"[ \t]*(?P<agency>\([^()\n]{1,40}\)[ \t]*)?"
    rf"{_DASH}"
)
_DATE_ONLY = re.compile(
    rf"\s*(?P<month>{_MONTH})[ \t]+(?P<day>{_DAY}){_YEAR}"
    rf"[ \t]*(?P<agency>\([^()\n]{{1,40}}\))[ \t]*{_DASH}"
)
"""A dateline with a date and an agency but no place: "Sept 24 (Reuters) -"."""


FILED_BEFORE_DAYS = 60
"""How long before publication a dateline's date may lie and still be the text's own day.

A wire story stamped "KYIV, March 5" and published, or collected, a few days or weeks later
still says "yesterday" and "on Monday" from March 5."""

FILED_AFTER_DAYS = 2
"""How far after the publication date a dateline's date may lie: a time zone or a late
edition, not more. A dateline further from publication than either bound disagrees with it
too much to say which one is wrong, so the publication date stays the anchor."""

_MONTH_NAMES = tuple(name.lower() for name in calendar.month_name[1:])


def dateline_length(text: str) -> int:
    """How many characters of ``text`` its opening dateline takes (trailing space included).

    0 when the text opens with none: a place in mixed case without an agency ("Oslo — a
    calm city — woke up") is a subject set off by a dash, not a dateline.
    """
    match = _OPENING.match(text)
    if match is not None and (match["place"].isupper() or match["agency"]):
        return match.end()
    dated = _DATE_ONLY.match(text)
    return dated.end() if dated is not None else 0


def dateline_places(text: str) -> list[str]:
    """The place, and the state or country after its comma, that ``text``'s dateline names.

    "DAYTON, Ohio (AP) -" gives ["DAYTON", "Ohio"]; a text without a dateline gives none.
    A report filed from a city covers that city, though no sentence names it again.
    """
    match = _OPENING.match(text)
    if match is None or not (match["place"].isupper() or match["agency"]):
        return []
    return [p for p in (match["place"], match["region"]) if p]


def dateline_date(text: str, published: date | None) -> date | None:
    """The day the opening dateline stamps ("KYIV, March 5 (Reuters) -"), or None.

    A dateline seldom gives a year: the year is then the one that puts the day nearest
    ``published``, and without a publication date there is none to give. A day further
    from publication than :data:`FILED_BEFORE_DAYS` before or :data:`FILED_AFTER_DAYS` after
    gives None; a dateline with its year ("March 3, 2024") dates an undated text.
    """
    match = _OPENING.match(text)
    if match is None or not (match["place"].isupper() or match["agency"]):
        match = _DATE_ONLY.match(text)
    if match is None:
        return None
    groups = match.groupdict()
    month_word = groups.get("month") or groups.get("month_after")
    day_word = groups.get("day") or groups.get("day_first")
    if not month_word or not day_word:
        return None
    word = month_word.lower().rstrip(".")
    month = next((n for n, name in enumerate(_MONTH_NAMES, 1) if name.startswith(word)), 0)
    if len(word) < 3 or not month:
        return None
    if groups.get("year"):
        years = [int(groups["year"])]
    elif published is not None:
        years = [published.year - 1, published.year, published.year + 1]
    else:
        return None
    found = []
    for year in years:
        try:
            found.append(date(year, month, int(day_word)))
        except ValueError:
            continue
    if not found:
        return None
    if published is None:
        return found[0]  # "KYIV, March 5, 2024 (Reuters) -" in an undated text
    nearest = min(found, key=lambda day: abs((day - published).days))
    earliest = published - timedelta(days=FILED_BEFORE_DAYS)
    latest = published + timedelta(days=FILED_AFTER_DAYS)
    return nearest if earliest <= nearest <= latest else None


def written_on(text: str, published: date | None) -> date | None:
    """The day ``text`` speaks from: its dateline's day where it has one, else ``published``.

    "Yesterday", "on Monday" and "last week" count from the day the reporter wrote; a wire
    story's dateline says which day that was even when the story is published, or
    collected, days later, and counting from the later day puts each such day wrong.
    """
    return dateline_date(text, published) or published


def without_dateline(text: str) -> str:
    """``text`` with its opening dateline, if any, cut off."""
    return text[dateline_length(text) :]
