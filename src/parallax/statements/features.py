"""Cheap lexical features that the sentence embedding blurs: numbers, hedges, pronouns, modals.

Computed from the text alone with regular expressions (no parse), so training on 22,000
dataset sentences and analysing an article give exactly the same features, and they cost
nothing next to the encoder. Each feature is a small count or a 0/1 flag, squashed to [0, 1]
so the heads' weights stay comparable to the embedding's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np


def _words(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("digits", re.compile(r"\d")),
    ("percent", re.compile(r"%|\bper ?cent\b", re.IGNORECASE)),
    ("money", re.compile(r"[$€£]|\b(?:dollars?|euros?|billion|million|trillion)\b", re.I)),
    ("year", re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")),
    (
        "number_word",
        _words(
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "hundreds?",
            "thousands?",
            "half",
            "twice",
            "double",
            "triple",
        ),
    ),
    ("comparative", _words(r"\w+est", "most", "least", "more than", "less than", "fewer")),
    ("first_singular", _words("i", "me", "my", "mine", "i'm", "i've", "i'd", "i'll")),
    ("first_plural", _words("we", "us", "our", "ours", "we're", "we've", "we'll", "let's")),
    ("second_person", _words("you", "your", "yours", "you're", "you've")),
    ("modal", _words("must", "should", "ought", "need to", "have to", "has to", "shall")),
    ("possibility", _words("may", "might", "could", "would", "can")),
    (
        "hedge",
        _words(
            "perhaps",
            "maybe",
            "probably",
            "possibly",
            "likely",
            "seems?",
            "appears?",
            "suggests?",
            "believe",
            "think",
            "feel",
            "guess",
            "suppose",
            "apparently",
        ),
    ),
    (
        "evaluative",
        _words(
            "good",
            "bad",
            "great",
            "terrible",
            "best",
            "worst",
            "wonderful",
            "awful",
            "wrong",
            "right",
            "shameful",
            "absurd",
            "ridiculous",
            "outrageous",
            "disgrace\\w*",
            "brilliant",
            "stupid",
            "evil",
            "fair",
            "unfair",
            "beautiful",
            "horrible",
        ),
    ),
    ("intensifier", _words("very", "really", "so", "too", "extremely", "truly", "utterly")),
    ("negation", _words("not", "no", "never", "nothing", "n't", "none", "nobody")),
    ("quote_mark", re.compile(r"[\"“”]")),
    ("exclamation", re.compile(r"!")),
    ("question", re.compile(r"\?")),
    (
        "report_verb",
        _words(r"said", "says", "told", "reported", "announced", "according to", "stated"),
    ),
    (
        "past_event",
        _words(
            "was",
            "were",
            "had",
            "did",
            r"\w+ed",
            "voted",
            "passed",
            "signed",
            "cut",
            "raised",
            "lost",
            "won",
            "created",
        ),
    ),
)

_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")
_WORD = re.compile(r"\w+")

FEATURE_NAMES: tuple[str, ...] = (
    *(name for name, _ in _PATTERNS),
    "capitalised",
    "length",
)
"""The order of the columns :func:`lexical_features` returns."""


def lexical_features(texts: Sequence[str]) -> np.ndarray:
    """One row of :data:`FEATURE_NAMES` per text, every value in [0, 1]."""
    rows = np.zeros((len(texts), len(FEATURE_NAMES)), dtype=np.float32)
    for i, text in enumerate(texts):
        for j, (_name, pattern) in enumerate(_PATTERNS):
            count = len(pattern.findall(text))
            rows[i, j] = count / (count + 1.0)
        capitalised = len(_CAPITALISED.findall(text))
        rows[i, -2] = capitalised / (capitalised + 2.0)
        rows[i, -1] = min(len(_WORD.findall(text)), 60) / 60.0
    return rows
