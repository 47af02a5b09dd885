"""The standard a comparison holds something up to is not what the sentence praises (issue 16).

Sentences are invented. "Better than X" reads warmly, and the sentence model gave X the
warmth; the object of "than" is left out of the portrayal, in either direction.
"""

from __future__ import annotations

from typing import Any

import pytest

from parallax.portrayal.compared import compared_against
from parallax.spacy_model import load_spacy


def actor(text: str, name: str) -> dict[str, Any]:
    start = text.index(name)
    mention = {"start": start, "end": start + len(name), "sentence_id": "s1"}
    return {"id": "x", "mentions": [mention]}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Families deserve better than a Congress that ignores them.", "Congress"),
        ("The new mayor is far more honest than Governor Hale.", "Governor Hale"),
        ("Nobody handled the flood worse than the Harlow council.", "Harlow council"),
    ],
)
def test_the_object_of_than_is_compared_against(text: str, name: str) -> None:
    assert compared_against(load_spacy()(text), [actor(text, name)]) == {("x", "s1")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Congress deserves better than this.", "Congress"),
        ("Governor Hale won more than 60 percent of the vote.", "Governor Hale"),
    ],
)
def test_the_actor_a_comparison_is_about_is_not(text: str, name: str) -> None:
    assert compared_against(load_spacy()(text), [actor(text, name)]) == set()
