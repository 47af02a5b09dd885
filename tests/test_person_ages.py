"""People named with their age are people, though the tagger missed them (issue 16).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from parallax.person_ages import tag_aged_people
from parallax.spacy_model import load_spacy


def people(text: str) -> list[str]:
    doc = load_spacy()(text)
    tag_aged_people(doc)
    return [e.text for e in doc.ents if e.label_ == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"We lost everything," said Ana Ruiz, 58, who fled with her two dogs.', "Ana Ruiz"),
        ("Tomas Herrera, 34, a farmer, said the fire came fast.", "Tomas Herrera"),
    ],
)
def test_a_name_with_an_age_in_commas_is_a_person(text: str, name: str) -> None:
    assert name in people(text)


@pytest.mark.parametrize(
    "text",
    [
        "Traffic on Route 9, 12, was closed.",  # one word before the number
        "The summit in Los Angeles, 2028, will be the largest.",  # a year, not an age
        "Crews reached Pine Hollow, 40 miles north.",  # no closing comma
    ],
)
def test_other_numbers_after_a_name_are_no_age(text: str) -> None:
    doc = load_spacy()(text)
    before = [(e.text, e.label_) for e in doc.ents]
    tag_aged_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == before, text
