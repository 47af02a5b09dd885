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

import re

MAX_WORDS = 6
"""Longest place, or state or country after its comma, that a dateline gives."""

_WORD = r"[A-Z][\w.'\u2019\-]*"
_PLACE = rf"{_WORD}(?:[ \t]+{_WORD}){{0,{MAX_WORDS - 1}}}"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"\d{1,2}"
_FILED_ON = rf"(?:,[ \t]*(?:{_MONTH}[ \t]+{_DAY}|{_DAY}[ \t]+{_MONTH}))"
"""The date a wire service stamps after the place: "Nov 20", "3 March"."""
_OPENING = re.compile(
    rf"\s*(?P<place>{_PLACE})"
    rf"(?:,[ \t]*{_PLACE})?"
    rf"{_FILED_ON}?"
    r"[ \t]*(?P<agency>\([^()\n]{1,40}\)[ \t]*)?"
    r"(?:[\u2014\u2013\u2015]|--|-(?=\s))\s*"
)


def dateline_length(text: str) -> int:
    """How many characters of ``text`` its opening dateline takes (trailing space included).

    0 when the text opens with none: a place in mixed case without an agency ("Oslo — a
    calm city — woke up") is a subject set off by a dash, not a dateline.
    """
    match = _OPENING.match(text)
    if match is None:
        return 0
    if not (match["place"].isupper() or match["agency"]):
        return 0
    return match.end()


def without_dateline(text: str) -> str:
    """``text`` with its opening dateline, if any, cut off."""
    return text[dateline_length(text) :]
