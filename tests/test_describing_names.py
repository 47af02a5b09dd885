"""Names that name no actor where they stand (:mod:`parallax.actors.describing`).

Each test is one behaviour on sentences written for it.
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


def mentioned(nlp: Pipeline, text: str) -> dict[str, str]:
    """Mention text -> actor id."""
    analysis = nlp(Article(text=text, source="<test>", language="en"))
    return {m["text"]: a["id"] for a in analysis.layers["actors"] for m in a["mentions"]}


def test_a_name_inside_an_era_compound_is_no_actor(nlp: Pipeline) -> None:
    found = mentioned(
        nlp,
        "Senators voted to scrap several Clinton-era farm rules on Wednesday, saying the "
        "Obama-era guidance on loans had been gutted by Trump-era policies.",
    )
    assert not {"Clinton", "Obama", "Trump"} & set(found)


def test_a_name_in_what_someone_is_quoted_calling_a_thing_is_no_actor(nlp: Pipeline) -> None:
    found = mentioned(
        nlp,
        'Critics described the levy as "Robin Hood in reverse." Police described the '
        "driver as Tom Veld, 41.",
    )
    assert "Robin Hood" not in found
    assert "Tom Veld" in found


def test_a_name_before_a_participle_is_still_the_doer(nlp: Pipeline) -> None:
    # "backed by Biden": the name does something, unlike a date or a likeness.
    found = mentioned(nlp, "A Biden-backed bill to cap rents failed in committee on Monday.")
    assert "Biden" in found


def test_a_name_used_on_its_own_elsewhere_stays_an_actor(nlp: Pipeline) -> None:
    found = mentioned(
        nlp,
        "Former President Barack Obama spoke in Chicago. Critics of the Obama-era rules "
        "stayed away.",
    )
    assert found["Barack Obama"] == "barack-obama"
    assert list(found.values()).count("barack-obama") == 1  # not the "-era" one


def test_a_counted_plural_tagged_as_a_person_is_no_person(nlp: Pipeline) -> None:
    found = mentioned(
        nlp,
        "Russia launched 40 Shaheds at Ukraine overnight. Air defences shot down 30 Shaheds "
        "near Odesa, the air force said.",
    )
    assert "Shaheds" not in found
    assert found["Russia"] == "russia"


def test_a_model_of_arms_before_its_noun_is_no_actor(nlp: Pipeline) -> None:
    # Invented: the tagger reads the model's name as a person's; a known armed group's
    # name before its weapons is still the group.
    found = mentioned(
        nlp,
        "President Anna Varga again asked allies for more Patriot air defence systems. "
        "Hamas rockets hit Ashkelon.",
    )
    assert "Patriot" not in found
    assert found["Anna Varga"] and found["Hamas"] == "hamas"


def test_a_one_word_person_naming_systems_is_a_model_of_arms(nlp: Pipeline) -> None:
    # Invented: "systems" alone, with no word of arms beside it, still bears the model.
    found = mentioned(
        nlp, "President Anna Varga renewed her appeal for more Patriot systems on Tuesday."
    )
    assert "Patriot" not in found, found
    assert found["Anna Varga"]


def test_a_time_zone_after_a_clock_time_is_no_actor(nlp: Pipeline) -> None:
    found = mentioned(nlp, "Brent crude was up 85 cents at $84.40 a barrel by 1120 GMT.")
    assert "GMT" not in found


def test_who_reported_and_edited_a_story_is_no_actor_of_it(nlp: Pipeline) -> None:
    found = mentioned(
        nlp,
        "Norway raised its rates on Thursday, the central bank said. "
        "(Reporting by Ana Berg; Additional reporting by Tom Hale in Oslo; Editing by Jo Lee)",
    )
    assert "Norway" in found
    assert not {"Ana Berg", "Tom Hale", "Oslo", "Jo Lee"} & set(found)
    # A parenthesis that is no credit line keeps its names.
    kept = mentioned(nlp, "The minister (Ana Berg, since 2021) resigned on Thursday.")
    assert "Ana Berg" in kept


def test_who_took_a_photo_is_no_actor_of_the_story(nlp: Pipeline) -> None:
    # Invented caption and credit lines; an acronym pair in parentheses is no credit.
    found = mentioned(
        nlp,
        "Crews cleared the road on Monday. (Lia Moreno/Valley Post)\n\nThe mayor thanked "
        "them. (AP Photo/Ben Ortiz) The plan (EU/NATO) was set in Vilnius.",
    )
    assert not {"Lia Moreno/Valley Post", "Lia Moreno", "Ben Ortiz"} & set(found), found


def test_a_laws_name_the_tagger_types_as_a_body_is_no_actor(nlp: Pipeline) -> None:
    # Invented op-ed line: the act does not force anyone; its makers do.
    found = mentioned(
        nlp,
        "Europe has shown another way. Its Digital Markets Act forces the largest platforms "
        "to open their services to rivals.",
    )
    assert "Digital Markets Act" not in found and "Europe" in found, found


def test_a_wildfires_name_in_a_report_about_it_is_no_actor(nlp: Pipeline) -> None:
    # Invented wire copy: the fire is what happens, not a body with a role.
    found = mentioned(
        nlp,
        "The Cedar Ridge Fire has burned 9,000 acres since Friday, the state forestry "
        "agency said. Governor Lena Dahl toured the area.",
    )
    assert not any("Fire" in name for name in found) and "Lena Dahl" in found, found


def test_the_platform_a_statement_was_posted_on_is_no_actor(nlp: Pipeline) -> None:
    # Invented: Telegram is where the photos appeared; Apple posting profits is the firm.
    found = mentioned(nlp, "President Ivo Marek posted photos on Telegram on Friday.")
    assert "Telegram" not in found and "Ivo Marek" in found, found
    found = mentioned(nlp, "Apple posted record profits on Monday.")
    assert "Apple" in found, found
