"""Whether what an action reaches names people: help to a bill casts no hero."""

from __future__ import annotations

from typing import Any

import pytest

from parallax.actors.animacy import names_people
from parallax.spacy_model import load_spacy


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_spacy()


def object_of(nlp: Any, sentence: str) -> Any:
    """The direct object of the sentence's main verb."""
    doc = nlp(sentence)
    return next(t for t in doc if t.dep_ == "dobj")


@pytest.mark.parametrize(
    "sentence",
    [
        "The volunteers rescued the villagers.",
        "Doctors treated the wounded.",
        "The charity sheltered them.",
        "The agency fed thousands of children.",
        "Medics helped the survivors.",
        "The city protected its residents.",
    ],
)
def test_people(nlp: Any, sentence: str) -> None:
    assert names_people(object_of(nlp, sentence)), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "The committee approved the bill.",
        "The senators protected the funding.",
        "The mayor signed an agreement.",
        "The board endorsed the proposal.",
    ],
)
def test_things(nlp: Any, sentence: str) -> None:
    assert not names_people(object_of(nlp, sentence)), sentence


def test_nothing_reached_is_no_one() -> None:
    assert not names_people(None)


@pytest.mark.parametrize(
    "sentence",
    [
        "The utility repaired the power plants.",
        "The ministry paid the grants.",
        "The engineers replaced the components.",
    ],
)
def test_a_noun_in_ant_or_ent_formed_on_no_verb_is_a_thing(nlp: Any, sentence: str) -> None:
    assert not names_people(object_of(nlp, sentence)), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "The council housed the migrants.",
        "The court freed the defendants.",
        "The charity helped the tenants.",
    ],
)
def test_a_noun_in_ant_or_ent_for_who_does_something_is_people(nlp: Any, sentence: str) -> None:
    assert names_people(object_of(nlp, sentence)), sentence
