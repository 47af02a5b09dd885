"""Verb lemmas when a stem with and without "e" are both verbs (issue 16).

The model's rule lemmatiser kept the shorter stem: "was fined" showed as the act "fin" in
the events table. English spelling decides: an undoubled consonant before "-ed" and "-ing"
is the "e" stem's ("hoped" is "hope", "hopped" is "hop").
"""

from __future__ import annotations

import pytest

from parallax.spacy_model import load_spacy
from parallax.verb_lemmas import corrected_lemma

VERBS = frozenset({"fin", "fine", "hop", "hope", "rout", "route", "fix", "veto", "rat", "rate"})


@pytest.mark.parametrize(
    ("text", "given", "expected"),
    [
        ("fined", "fin", "fine"),
        ("hoping", "hop", "hope"),
        ("hopes", "hop", "hope"),
        ("rated", "rat", "rate"),
        ("hopped", "hop", "hop"),  # doubled: the short stem's
        ("hopping", "hop", "hop"),
        ("routed", "rout", "rout"),  # no single vowel before the consonant: left as it was
        ("fixes", "fix", "fix"),  # "-es" after a hissing sound
        ("vetoes", "veto", "veto"),
        ("walked", "walk", "walk"),
    ],
)
def test_corrected_lemma(text: str, given: str, expected: str) -> None:
    assert corrected_lemma(text, given, VERBS) == expected


def test_the_pipeline_lemmatises_fined_as_fine() -> None:
    doc = load_spacy()("Kestrel Mining was fined on Monday, and the regulator hopes it pays.")
    lemmas = {t.text: t.lemma_ for t in doc if t.pos_ == "VERB"}
    assert lemmas["fined"] == "fine"
    assert lemmas["hopes"] == "hope"
    assert lemmas["pays"] == "pay"


def test_doubled_forms_keep_their_short_stem() -> None:
    doc = load_spacy()("Rebels stopped the convoy and planned a raid while the crowd hopped.")
    lemmas = {t.text: t.lemma_ for t in doc if t.pos_ == "VERB"}
    assert lemmas["stopped"] == "stop"
    assert lemmas["planned"] == "plan"
    assert lemmas["hopped"] == "hop"
