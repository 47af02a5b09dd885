"""Bodies the tagger calls people, told by what the article does with their name (issue 16).

"Who leads Greenpeace" shows a body whatever the tagger typed; "Ms. Berg" or "Ana Berg" is
a person whatever is said of her. Invented sentences, one rule each.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, Span

from parallax.actors.body_context import body_context
from parallax.actors.name_spans import without_trailing_amount
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


def actor_named(nlp: Pipeline, text: str, name: str) -> dict[str, Any]:
    analysis = nlp(Article(text=text, source="<test>", language="en"))
    return next(
        a for a in analysis.layers["actors"] if any(m["text"] == name for m in a["mentions"])
    )


def types_of(nlp: Pipeline, text: str) -> dict[str, str]:
    """Each actor's name and type in ``text``."""
    analysis = nlp(Article(text=text, source="<test>", language="en"))
    return {a["name"]: a["type"] for a in analysis.layers["actors"]}


def _token(sentence: str, word: str) -> Any:
    return next(t for t in load_spacy()(sentence) if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Ingrid Dahl, who leads Verdane in Norway, spoke.", "Verdane"),
        ("Tomas Aas founded Verdane in 1998.", "Verdane"),
        ("A director of Verdane said the fine was small.", "Verdane"),
        ("Verdane's members voted to sue.", "Verdane"),
    ],
)
def test_what_only_a_body_is_said_to_have_or_undergo(sentence: str, word: str) -> None:
    assert body_context(_token(sentence, word))


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The coach led Haldor to the podium.", "Haldor"),
        ("Haldor's spokesman declined to comment.", "Haldor"),
        ("Haldor's office said nothing.", "Haldor"),
        ("Voters backed Haldor in the runoff.", "Haldor"),
    ],
)
def test_what_a_person_too_can_have_or_undergo_shows_no_body(sentence: str, word: str) -> None:
    assert not body_context(_token(sentence, word))


def test_a_one_word_name_the_article_shows_to_be_a_body_is_an_organisation(
    nlp: Pipeline,
) -> None:
    text = (
        'Verdane called the fine too small. "They knew for weeks," said Ingrid Dahl, who '
        "leads Verdane in Norway. Verdane has campaigned against offshore drilling for years."
    )
    assert actor_named(nlp, text, "Verdane")["type"] == "organisation"


def test_a_person_with_an_honorific_stays_a_person(nlp: Pipeline) -> None:
    # Invented: the honorific settles it even beside wording a body's name would have.
    text = "Ms. Haldor said the plan was sound. A director of Haldor agreed with her."
    assert actor_named(nlp, text, "Haldor")["type"] != "organisation"


def test_the_company_is_the_firm_named_as_one_not_a_campaign_group(nlp: Pipeline) -> None:
    text = (
        "Northby Petroleum was fined on Tuesday over a pipeline leak. Verdane accused the "
        "company of hiding the damage. Ingrid Dahl, who leads Verdane, spoke in Oslo. "
        "The company also cut 200 jobs last month."
    )
    firm = actor_named(nlp, text, "Northby Petroleum")
    said = [m["text"].lower() for m in firm["mentions"]]
    assert said.count("the company") == 2


def test_a_name_right_after_a_noun_for_a_body_is_the_bodys(nlp: Pipeline) -> None:
    # Invented: the tagger reads both two-word names here as people's.
    for text, name in [
        (
            "Profits rose, according to an analysis by the research group Tide Ledger.",
            "Tide Ledger",
        ),
        ("The campaign group Tide Watch said the plan was weak.", "Tide Watch"),
        ("Environmental group Maas Alive called the fine too small.", "Maas Alive"),
    ]:
        assert actor_named(nlp, text, name)["type"] == "organisation", name
    # With a comma between, the name may be someone speaking about the group.
    berg = actor_named(nlp, "The group, Ana Berg said, will appeal.", "Ana Berg")
    assert berg["type"] == "person"


def test_the_agency_is_the_body_named_paragraphs_before(nlp: Pipeline) -> None:
    analysis = nlp(
        Article(
            text="Last year was the warmest on record, the Nordic Weather Institute said on "
            "Friday. It was the first such year. Scientists urged caution. Seas rose too. "
            "The agency said floods were the deadliest events.",
            source="<test>",
            language="en",
        )
    )
    body = next(a for a in analysis.layers["actors"] if a["name"] == "Nordic Weather Institute")
    assert "The agency" in [m["text"] for m in body["mentions"]]


def test_a_bodys_long_name_read_as_a_title_is_a_body_when_it_acts(nlp: Pipeline) -> None:
    # Invented: the tagger reads such long names as a book's title; a body's name that says
    # or does something is an organisation, and a conference one goes to stays no actor.
    text = (
        "The Conference on Fair Housing and Tenant Rights said on Monday it had filed a "
        "complaint. Delegates met at the Lisbon Conference on Ocean Health."
    )
    names = types_of(nlp, text)
    assert names.get("Conference on Fair Housing and Tenant Rights") == "organisation", names
    assert not any("Lisbon" in name or "Ocean" in name for name in names), names


def test_a_name_right_after_a_word_for_a_firm_is_the_firms(nlp: Pipeline) -> None:
    # Invented: the tagger reads the unknown name as a person's; "the company" is that firm.
    text = (
        "Dutch insurer Halvora will cut 900 jobs, the company said on Monday. Halvora's "
        "shares fell 2%."
    )
    halvora = actor_named(nlp, text, "Halvora")
    assert halvora["type"] == "organisation", halvora
    assert any(m["text"] == "the company" for m in halvora["mentions"]), halvora["mentions"]


def test_a_sum_after_a_firms_name_is_not_part_of_the_name(nlp: Pipeline) -> None:
    # Invented: the tagger runs the name on into the fine, and reads it as a person's.
    text = (
        "Regulators fined chemical maker Voss Chemie 4.2 million euros on Monday for a spill. "
        "Voss Chemie said it would appeal."
    )
    names = types_of(nlp, text)
    assert names.get("Voss Chemie") == "organisation", names
    assert not any("million" in name for name in names), names


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Voss Chemie 4.2 million", "Voss Chemie"),
        ("Voss Chemie $ 40", "Voss Chemie"),
        ("Formula 1", "Formula 1"),
        ("Boeing 737", "Boeing 737"),
    ],
)
def test_a_name_ends_before_a_sum_but_keeps_its_number(words: str, name: str) -> None:
    doc = Doc(spacy.blank("en").vocab, words=words.split())
    assert without_trailing_amount(Span(doc, 0, len(doc), label="ORG")).text == name


def test_a_bodys_name_cut_at_its_and_is_whole_and_its_owner_a_person(nlp: Pipeline) -> None:
    # Invented: the tagger cuts the party's name at "and" and runs its leader into it.
    text = (
        "President Maia Sandu said on Sunday that votes were being bought. Sandu's Party of "
        "Action and Solidarity is polling at around 30%. McDonald's Corporation said sales rose."
    )
    analysis = nlp(Article(text=text, source="<test>", language="en"))
    names = {a["name"]: [m["text"] for m in a["mentions"]] for a in analysis.layers["actors"]}
    assert "Party of Action and Solidarity" in names, names
    assert "Sandu" in names["Maia Sandu"], names
    # A firm named after someone the article does not name stays whole.
    assert "McDonald's Corporation" in names, names


def test_a_bodys_name_the_tagger_stopped_at_its_place_is_whole(nlp: Pipeline) -> None:
    # Invented: the tagger tags only "The U.S." of the chamber's name.
    text = (
        "Two unions have come out against the nomination. The U.S. Chamber of Commerce has "
        "backed him. U.S. troops left the base."
    )
    found = types_of(nlp, text)
    assert found.get("U.S. Chamber of Commerce") == "organisation", found
    assert found.get("United States") == "country", found  # "U.S. troops" are the state's
