"""Pronouns on invented wire copy: left unresolved where the text allows two readings.

Measured on MEANTIME by ``parallax-dev eval actors`` (docs/evaluation.md); each test pins one
rule with sentences written for it.
"""

from __future__ import annotations

import pytest

from parallax.components.actors import Actors
from parallax.components.entities import Entities
from parallax.components.parse import SpacyParse
from parallax.components.sentences import Sentences
from parallax.knowledge import bundled
from parallax.model import Article
from parallax.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Entities(), Actors(bundled())])


def pronouns(nlp: Pipeline, text: str) -> dict[str, list[str]]:
    analysis = nlp(Article(text=text, source="<test>", language="en"))
    return {
        a["name"]: [m["text"] for m in a["mentions"] if m.get("kind") == "pronoun"]
        for a in analysis.layers["actors"]
    }


def test_he_in_a_report_naming_another_person_first_is_left_open(nlp: Pipeline) -> None:
    # Invented: the one who can allow a vote is the chamber's leader, not the one reporting;
    # nothing but subjecthood tells the two apart.
    found = pronouns(
        nlp,
        "Minority leader Dan Ruiz said his caucus would protect Tom Hale if he allowed a vote.",
    )
    assert "he" not in found.get("Dan Ruiz", [])
    assert found.get("Dan Ruiz") == ["his"]


def test_he_in_a_report_naming_no_one_else_is_the_speaker(nlp: Pipeline) -> None:
    found = pronouns(nlp, "Senator Tom Hale said he would vote against the bill.")
    assert found.get("Tom Hale") == ["he"]


def test_it_after_a_product_the_maker_is_not_named_in_is_left_open(nlp: Pipeline) -> None:
    # Invented: "it" is the aircraft, which is no actor, not the maker named before it
    found = pronouns(
        nlp,
        "Vantor Aerospace unveiled a new jet on Monday. The Skylark X9 can fly "
        "9,000 miles, giving it a range greater than any rival.",
    )
    assert "it" not in found.get("Vantor Aerospace", [])


def test_its_in_what_an_unnamed_body_says_is_not_the_country_named_before(
    nlp: Pipeline,
) -> None:
    # Invented war report: the troops are the general staff's, not Russia's
    found = pronouns(
        nlp,
        "Ukrainian forces repelled a Russian assault, while Russia's defence ministry "
        "claimed a village. The general staff said its troops destroyed 11 tanks.",
    )
    assert "its" not in found.get("Russia", [])


def test_its_in_what_a_described_firm_says_is_the_firms(nlp: Pipeline) -> None:
    found = pronouns(
        nlp, "Regulators fined Calder Power on Monday. The company said its profits fell."
    )
    assert found.get("Calder Power") == ["its"]


def test_it_after_a_thing_a_relative_clause_on_it_names_a_body_in_is_the_thing(
    nlp: Pipeline,
) -> None:
    # Invented: "it" continues the main clause's subject (the version), not the subject of
    # the relative clause that describes it.
    found = pronouns(
        nlp,
        "Every spring, Congress passes a budget. The version the House Agriculture Committee "
        "approved last week is no exception. It would raise fees for ports.",
    )
    assert "It" not in found.get("House Agriculture Committee", [])
    # The body as the main clause's own subject is still what "it" continues.
    found = pronouns(
        nlp,
        "Every spring, Congress passes a budget. The House Agriculture Committee approved its "
        "version last week. It would raise fees for ports.",
    )
    assert "It" in found.get("House Agriculture Committee", [])


def test_a_relative_of_the_other_gender_is_no_rival_for_he(nlp: Pipeline) -> None:
    # Invented: "his mother" stands between Hale and "he", but is no "he".
    found = pronouns(
        nlp,
        "Daniel Hale said in an interview that he had not asked his mother for her support. "
        '"She has taught me to earn every vote," he said.',
    )
    assert found["Daniel Hale"].count("he") == 2, found


def test_its_opening_a_subject_after_a_sentence_on_a_thing_is_left_open(nlp: Pipeline) -> None:
    # Invented: the head is the office's, the thing the sentence before is about
    found = pronouns(
        nlp,
        "The Interior Ministry said it expected a decision this month. The permits office "
        "handles about 9,000 applications a year. Its last director quit in March.",
    )
    assert found.get("Interior Ministry") == ["it"]


def test_its_opening_a_subject_after_the_actors_own_sentence_is_the_actors(
    nlp: Pipeline,
) -> None:
    found = pronouns(
        nlp,
        "The Interior Ministry said the decision would come this month. Its last director "
        "quit in March.",
    )
    assert found.get("Interior Ministry") == ["Its"]


def test_he_saying_a_quotation_is_not_the_person_the_quotation_names(nlp: Pipeline) -> None:
    # Invented: the senator speaks; the governor is only spoken about
    found = pronouns(
        nlp,
        'Senator Ann Kerr warned that the state would run out of money. "Governor Tom '
        'Price spends like there is no tomorrow," she said.',
    )
    assert "she" not in found.get("Tom Price", [])
    assert found.get("Ann Kerr") == ["she"]
