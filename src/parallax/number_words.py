"""English number words, shared by every grammar that reads quantities.

Time expressions ("three decades ago") and claims ("fourteen more countries", "the
thirty-first member") read the same words; each grammar adds its own extras (``a dozen``,
``zero``, ``last``) on top of these tables.
"""

from __future__ import annotations

import re

CARDINALS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
"""One to nineteen."""

TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
"""Twenty to ninety."""

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
"""First to twentieth."""


_COUNT = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w,]*\d)"
    r"|\b(" + "|".join(TENS) + r")(?:-(" + "|".join(CARDINALS) + r"))?\b"
    r"|\b(" + "|".join(CARDINALS) + r")\b",
    re.IGNORECASE,
)


def counts_in(text: str, least: int = 10) -> set[int]:
    """Whole numbers of at least ``least`` written in ``text``, in digits or words.

    "Twenty-one people" and "wounding 21" give 21 alike; a decimal's whole part counts, and
    a number that reads as a year (1800 to 2100) is left out, since every dated lede has one.
    """
    found: set[int] = set()
    for match in _COUNT.finditer(text):
        if match.group(1):
            value = int(match.group(1).replace(",", ""))
        elif match.group(2):
            value = TENS[match.group(2).lower()] + CARDINALS.get((match.group(3) or "").lower(), 0)
        else:
            value = CARDINALS[match.group(4).lower()]
        if value >= least and not 1800 <= value <= 2100:
            found.add(value)
    return found
