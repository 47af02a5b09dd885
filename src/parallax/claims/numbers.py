"""Numbers as claims write them: digits, number words, "a dozen", ordinals, percentages, money.

Fact-checking compares quantities, so "fourteen", "14" and "a dozen and two" must all become
the same number; "thirty-first", "31st" and "31" the same ordinal. The finder returns each
number with its character offsets so a claim can point at the words it was read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parallax.number_words import CARDINALS, ORDINALS, TENS

UNITS = {"zero": 0, **CARDINALS}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
ORDINAL_WORDS = {**ORDINALS, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60}
COLLECTIVES = {"a dozen": 12, "dozen": 12, "a couple of": 2, "a pair of": 2, "a score of": 20}
MULTIPLIERS = {"twice": 2.0, "thrice": 3.0, "half": 0.5, "double": 2.0, "triple": 3.0}

_CARDINAL_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_ORDINAL_WORD = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_TENS_WORD = "|".join(TENS)
_WORD_NUMBER = re.compile(
    rf"\b(?:{_CARDINAL_WORD})(?:[\s-]+(?:and\s+)?(?:{_CARDINAL_WORD}))*"
    rf"(?:[\s-]+(?:{_ORDINAL_WORD}))?\b"
    rf"|\b(?:(?:{_TENS_WORD})[\s-]+)?(?:{_ORDINAL_WORD})\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(
    r"(?<![\w.,])(?P<currency>[$€£])?\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?P<suffix>st|nd|rd|th)?(?:\s?(?P<scale>million|billion|thousand|bn|m)\b)?"
    r"(?:\s?(?P<percent>%|per\s?cent|percent))?(?![\w])",
    re.IGNORECASE,
)
_COLLECTIVE = re.compile(
    r"\b(?:" + "|".join(sorted(COLLECTIVES, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Number:
    """A number read from text.

    Attributes:
        text: the words it was read from.
        start: offset of the first character in the searched text.
        end: offset after the last character.
        value: the number (an ordinal's position for ordinals).
        ordinal: True for "31st", "thirty-first".
        percent: True for "80%", "80 per cent".
        currency: "$", "€" or "£" for money, else None.
    """

    text: str
    start: int
    end: int
    value: float
    ordinal: bool = False
    percent: bool = False
    currency: str | None = None


def words_to_number(text: str) -> tuple[float, bool] | None:
    """Turn number words into (value, is_ordinal): "thirty-first" -> (31, True).

    Returns None when ``text`` is not made of number words.
    """
    parts = [p for p in re.split(r"[\s-]+", text.lower().strip()) if p and p != "and"]
    if not parts:
        return None
    total, current, ordinal = 0, 0, False
    for part in parts:
        if part in UNITS:
            current += UNITS[part]
        elif part in TENS:
            current += TENS[part]
        elif part in ORDINAL_WORDS:
            current += ORDINAL_WORDS[part]
            ordinal = True
        elif part in SCALES:
            scale = SCALES[part]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
    return float(total + current), ordinal


def find_numbers(text: str) -> list[Number]:
    """Every number in ``text``, left to right, with offsets (years are numbers too).

    Callers that know where dates are drop the numbers inside them.
    """
    found: list[Number] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in _DIGITS.finditer(text):
        value = float(match.group("num").replace(",", ""))
        scale = (match.group("scale") or "").lower()
        value *= {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}.get(
            scale, 1
        )
        found.append(
            Number(
                text=match.group(0).strip(),
                start=match.start() + (len(match.group(0)) - len(match.group(0).lstrip())),
                end=match.end(),
                value=value,
                ordinal=bool(match.group("suffix")),
                percent=bool(match.group("percent")),
                currency=match.group("currency"),
            )
        )
        taken.append((match.start(), match.end()))
    for match in _COLLECTIVE.finditer(text):
        if free(match.start(), match.end()):
            key = match.group(0).lower()
            found.append(Number(match.group(0), match.start(), match.end(), COLLECTIVES[key]))
            taken.append((match.start(), match.end()))
    for match in _WORD_NUMBER.finditer(text):
        if not free(match.start(), match.end()):
            continue
        parsed = words_to_number(match.group(0))
        if parsed is None:
            continue
        value, ordinal = parsed
        rest = text[match.end() :]
        percent = bool(re.match(r"\s?(?:%|per\s?cent|percent)\b", rest, re.IGNORECASE))
        found.append(Number(match.group(0), match.start(), match.end(), value, ordinal, percent))
        taken.append((match.start(), match.end()))
    return sorted(found, key=lambda n: n.start)
