"""Places the tagger calls organisations (:mod:`parallax.actors.place_names`)."""

from __future__ import annotations

import pytest

from parallax.components.actors import Actors
from parallax.components.entities import Entities
from parallax.components.parse import SpacyParse
from parallax.components.sentences import Sentences
from parallax.knowledge import bundled
from parallax.model import Article
from parallax.pipeline import Pipeline
from parallax.spacy_model import load_spacy


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Entities(), Actors(bundled())])


def types(nlp: Pipeline, text: str) -> dict[str, str]:
    analysis = nlp(Article(text=text, source="<test>", language="en"))
    return {a["name"]: a["type"] for a in analysis.layers["actors"]}


def test_a_town_tagged_as_an_organisation_is_a_place_on_the_articles_evidence(
    nlp: Pipeline,
) -> None:
    # parallax.actors.place_names: an apposition, or a place tag elsewhere in the article.
    found = types(
        nlp,
        "Valdoro, a port city in northern Brazil, spent millions on hotels. Valdoro "
        "hosted the climate talks last year.",
    )
    assert found["Valdoro"] == "place"
    found = types(
        nlp,
        "Valdoro hosted the climate talks last year. Delegates gathered in Valdoro again "
        "on Monday.",
    )
    assert found["Valdoro"] == "place"


def test_an_organisation_without_a_places_evidence_keeps_its_type(nlp: Pipeline) -> None:
    found = types(
        nlp,
        "Halden Bank said on Monday that it would cut 300 jobs in Lindby. Halden Bank, a "
        "lender in Norway, lost money last year.",
    )
    assert found["Halden Bank"] == "organisation"


def test_a_name_before_a_noun_for_an_area_is_a_place(nlp: Pipeline) -> None:
    # Invented: the tagger may read an unknown district's name as a body's or a person's.
    found = types(
        nlp,
        "Two people were killed in the Darnova district and dozens of homes were damaged. "
        "Officials in the Pelkiv region said power was cut.",
    )
    for name in ("Darnova", "Pelkiv"):
        assert found.get(name, "place") == "place", name


def test_a_peoples_name_the_tagger_gave_an_area_is_a_place(nlp: Pipeline) -> None:
    # Invented: the small tagger reads "Zelgorod" and "Brenovsk" here as names of peoples.
    for name in ("Zelgorod", "Brenovsk"):
        found = types(
            nlp,
            f"The attack came a day after drones hit an oil depot in the {name} region, "
            "according to a source.",
        )
        assert found.get(name, "place") == "place", name


def test_a_name_before_a_hub_or_a_port_keeps_its_type(nlp: Pipeline) -> None:
    found = types(nlp, "Harlow Logistics opened a new depot at the Harlow hub on Monday.")
    assert found.get("Harlow Logistics") == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Missiles and drones pounded Kharkiv overnight, officials said.", "Kharkiv"),
        ("Orlenko's residents fled as the front moved closer.", "Orlenko"),
        ("Three soldiers were wounded outside Bilenko overnight.", "Bilenko"),
        ("Velinsk was hit by missiles overnight, officials said.", "Velinsk"),
    ],
)
def test_a_town_tagged_as_a_person_is_a_place_where_only_a_place_stands(
    nlp: Pipeline, text: str, name: str
) -> None:
    # Each name here is one the small tagger calls a person (checked below).
    assert name in {e.text for e in load_spacy()(text).ents if e.label_ == "PERSON"}
    assert types(nlp, text)[name] == "place"


def test_a_person_with_a_full_name_or_who_speaks_stays_a_person(nlp: Pipeline) -> None:
    found = types(
        nlp, "Greta Marlow said she would stay in Velinsk. Marlow's aide declined to comment."
    )
    assert found["Greta Marlow"] == "person"


def test_a_place_introduced_with_an_age_or_a_job_is_a_person(nlp: Pipeline) -> None:
    # Invented: the tagger reads the first name "Galina" here as a town's.
    found = types(
        nlp,
        '"We want it to end," said Galina, 67, a retired teacher who gave no surname. '
        "Shebekino, a town near the border, was shelled again.",
    )
    assert found.get("Galina") == "person"
    assert found.get("Shebekino", "place") == "place"


def test_a_state_the_tagger_missed_is_found_by_its_own_name(nlp: Pipeline) -> None:
    # Invented: in this context the tagger tags no entity at all.
    found = types(
        nlp,
        "Meanwhile, the island nations are already watching the sea swallow their homes. "
        "Tuvalu's foreign minister begged the conference to act.",
    )
    assert found.get("Tuvalu") == "country"


def test_the_name_a_settlement_is_of_is_a_place(nlp: Pipeline) -> None:
    # Invented: the tagger reads the unknown town's name as a body's.
    found = types(
        nlp,
        "A wildfire destroyed more than 900 homes in the foothill town of Caldwell last "
        "month. Caldwell rebuilt its school.",
    )
    assert found["Caldwell"] == "place"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Residents of Haddon Bay were given three minutes each to speak.", "Haddon Bay"),
        ("The mayor of Tarnow Falls said the bridge would reopen.", "Tarnow Falls"),
    ],
)
def test_the_name_its_dwellers_or_mayor_are_of_is_a_place(
    nlp: Pipeline, text: str, name: str
) -> None:
    # Invented: the tagger reads the unknown towns as a body and as a person.
    assert types(nlp, text)[name] == "place"
