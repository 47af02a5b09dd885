"""Whether what an action reaches names people: help to a bill casts no hero."""

from __future__ import annotations

from typing import Any

import pytest

from parallax.actors.animacy import names_people, names_someone
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


@pytest.mark.parametrize(
    "sentence",
    [
        "A cold snap strained the regional power grid on Monday, pushing demand to a record.",
        "The storm slammed into the coast overnight, tearing roofs from buildings in the town.",
        "Wheat prices plunged after a bumper harvest in parts of the state.",
    ],
)
def test_a_sentence_about_things_and_events_names_no_one(nlp: Any, sentence: str) -> None:
    # Invented wire copy: weather, markets, places; nobody a judgement could be about.
    assert not names_someone(nlp(sentence)), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Ruiz slammed the plan on Monday.",
        "Russia launched a brutal assault on the port.",
        "They gutted the library budget.",
        "The greedy officials doubled the fees.",
        "The mayor's plan is a disaster for the poor.",
        "The reckless scheme will hurt every tenant in the city.",
    ],
)
def test_a_sentence_naming_a_party_names_someone(nlp: Any, sentence: str) -> None:
    assert names_someone(nlp(sentence)), sentence
