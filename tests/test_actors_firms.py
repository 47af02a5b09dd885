"""Firms in invented business copy: legal names, products and firms typed as places (issue 16).

"Apple Inc." and "Apple" are one firm; "the new iPhone" is no company; "Shares of Cisco
fell" names a firm, however the tagger typed it. Each test pins one rule with sentences
written for it.
"""

from __future__ import annotations

from typing import Any, cast

import pytest

from parallax.actors.firm_names import business_name, firm_key, full_firm_name, legal_name
from parallax.comparison.actor_keys import story_keys
from parallax.components.actors import Actors
from parallax.components.entities import Entities
from parallax.components.parse import SpacyParse
from parallax.components.sentences import Sentences
from parallax.knowledge import bundled
from parallax.model import Analysis, Article
from parallax.pipeline import Pipeline
from parallax.record import ArticleRecord


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Entities(), Actors(bundled())])


def analyse(nlp: Pipeline, text: str) -> Analysis:
    return nlp(Article(text=text, source="<test>", language="en"))


def actor_of(analysis: Analysis, text: str) -> dict[str, Any]:
    return next(
        a for a in analysis.layers["actors"] if any(m["text"] == text for m in a["mentions"])
    )


def texts(actor: dict[str, Any]) -> list[str]:
    return [m["text"] for m in actor["mentions"]]


def test_a_name_without_its_legal_form_is_the_same_name() -> None:
    assert firm_key("Acme Holdings Ltd") == "Acme"
    assert firm_key("JPMorgan Chase & Co.") == "JPMorgan Chase"
    assert firm_key("Stonebridge Energy Corp.'s") == "Stonebridge Energy"
    assert firm_key("the Group") == "Group"
    assert legal_name("Ford Motor Co.") and not legal_name("Lindqvist Group")


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        (
            "Marlowe Inc. reported record revenue on Thursday. Marlowe said sales of its "
            "speakers rose 8 percent in the quarter.",
            "Marlowe Inc.",
            "Marlowe",
        ),
        (
            "Stonebridge Energy Corp. agreed to buy a rival pipeline operator. Stonebridge "
            "Energy said the deal would close in June.",
            "Stonebridge Energy Corp.",
            "Stonebridge Energy",
        ),
        (
            "Acme Holdings Ltd said profit fell by a third. Shares of Acme dropped 5 percent "
            "in London trading.",
            "Acme Holdings Ltd",
            "Acme",
        ),
    ],
)
def test_a_firms_legal_name_and_its_short_name_are_one_actor(
    nlp: Pipeline, text: str, full: str, short: str
) -> None:
    analysis = analyse(nlp, text)
    assert actor_of(analysis, full)["id"] == actor_of(analysis, short)["id"]


def test_the_first_words_of_a_legal_name_are_that_firm(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Brackwell Mining plc said output at its copper mine fell. Shares of Brackwell fell 3 "
        "percent.",
    )
    assert actor_of(analysis, "Brackwell Mining plc")["id"] == actor_of(analysis, "Brackwell")["id"]


def test_a_firms_short_name_tagged_as_a_person_is_the_firm(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Halvorsen Shipping Co. ordered six tankers. Halvorsen said the ships would be built "
        "in Korea.",
    )
    assert (
        actor_of(analysis, "Halvorsen")["id"] == actor_of(analysis, "Halvorsen Shipping Co.")["id"]
    )


def test_a_short_name_two_legal_names_begin_with_stays_apart(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Deutsche Bank AG and Deutsche Telekom AG both reported results. Deutsche said costs rose.",
    )
    ids = {actor_of(analysis, name)["id"] for name in ("Deutsche Bank AG", "Deutsche Telekom AG")}
    assert actor_of(analysis, "Deutsche")["id"] not in ids


def test_a_body_named_after_a_place_is_not_the_place(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp, "The Minsk Group met in Vienna. Officials in Minsk said they had not been invited."
    )
    assert actor_of(analysis, "Minsk")["type"] == "place"
    assert actor_of(analysis, "The Minsk Group")["id"] != actor_of(analysis, "Minsk")["id"]


def test_sources_naming_a_firm_with_and_without_its_legal_form_share_a_key() -> None:
    def record(actor_id: str, name: str) -> ArticleRecord:
        actor = {"id": actor_id, "name": name, "type": "organisation", "mentions": [{}]}
        return cast(ArticleRecord, {"actors": [actor]})

    keys = story_keys(
        [record("local:marlowe-inc", "Marlowe Inc."), record("local:marlowe", "Marlowe")]
    )
    assert set(keys.items()) <= {
        ("local:marlowe-inc", "local:marlowe"),
        ("local:marlowe", "local:marlowe-inc"),
    }
    assert keys


def test_a_product_counted_as_one_of_many_is_not_the_company(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp, "Students bought a MacBook Air for the new term. The company said prices would rise."
    )
    assert "The company" not in texts(actor_of(analysis, "MacBook Air"))


def test_a_product_with_a_model_number_leaves_the_company_to_its_maker(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Boeing said the 737 MAX would resume deliveries. The company had halted them in January.",
    )
    assert "The company" in texts(actor_of(analysis, "Boeing"))


def test_shares_of_a_firm_make_it_an_organisation_whatever_the_tagger_said(
    nlp: Pipeline,
) -> None:
    analysis = analyse(
        nlp,
        "Cisco said on Tuesday that quarterly profit rose 12 percent. Shares of Cisco fell 4 "
        "percent in early trading. The company said demand was weak.",
    )
    cisco = actor_of(analysis, "Cisco")
    assert cisco["type"] == "organisation"
    assert "The company" in texts(cisco)


def test_a_chief_executive_makes_a_name_a_firm_not_a_person(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Analysts expect Ericsson to cut jobs this year. Ericsson's chief executive said the "
        "company would close two plants.",
    )
    assert actor_of(analysis, "Ericsson")["type"] == "organisation"


def test_a_countrys_share_of_a_market_keeps_it_a_place(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Valdoro's share of the tourist market grew. Delegates gathered in Valdoro on Monday.",
    )
    assert actor_of(analysis, "Valdoro")["type"] == "place"


def test_a_name_ending_in_a_line_of_business_is_a_firms_name() -> None:
    assert business_name("Northsea Petroleum") and business_name("Orbit Airlines")
    assert business_name("Kestrel Mining") and business_name("Lindqvist Group")
    assert not business_name("the West Bank") and not business_name("Petroleum")
    assert full_firm_name("Kestrel Mining") and not full_firm_name("Lindqvist Group")


@pytest.mark.parametrize(
    "text",
    [
        "OSLO (Reuters) - Kestrel Petroleum was fined 40 million crowns on Tuesday over a "
        "pipeline leak, the environment agency said.\n\nKestrel said it would appeal the "
        "ruling. The company also cut 200 jobs at its Bergen yard last month.",
        "Varnholt Mining was ordered to pay damages to farmers downstream of its mine. "
        "Varnholt said it would appeal the ruling.",
    ],
)
def test_a_firm_named_by_its_line_of_business_and_its_first_word_are_one_firm(
    nlp: Pipeline, text: str
) -> None:
    analysis = analyse(nlp, text)
    full = next(w for w in ("Kestrel Petroleum", "Varnholt Mining") if w in text)
    firm = actor_of(analysis, full)
    assert firm["type"] == "organisation"
    assert firm["id"] == actor_of(analysis, full.split()[0])["id"]


def test_a_business_name_tagged_as_a_person_is_retyped_a_firm() -> None:
    from types import SimpleNamespace

    from parallax.actors.firm_context import firms_tagged_otherwise
    from parallax.spacy_model import load_spacy

    doc = load_spacy()("Kestrel Mining said on Monday that output fell.")
    firm = SimpleNamespace(
        actor="local:kestrel-mining", label="PERSON", head=1, text="Kestrel Mining"
    )
    actors = {"local:kestrel-mining": SimpleNamespace(type="person", kb_id=None)}
    firms_tagged_otherwise([firm], actors, doc)  # type: ignore[arg-type]
    assert actors["local:kestrel-mining"].type == "organisation" and firm.label == "ORG"


def test_the_company_after_a_firm_named_with_its_line_of_business_is_that_firm(
    nlp: Pipeline,
) -> None:
    # Invented: "oil company" modifies the name; it is no unnamed company of its own.
    analysis = analyse(
        nlp,
        "Fishermen sued oil company Harlow Petroleum on Monday. Harlow said the case had no "
        "merit. The company said it would appeal any ruling.",
    )
    firm = actor_of(analysis, "Harlow Petroleum")
    assert any(m["text"] == "The company" for m in firm["mentions"]), firm["mentions"]


def test_a_partys_first_word_and_a_surname_read_as_a_noun_are_kept(nlp: Pipeline) -> None:
    # Invented: the tagger tags only "Democrats", and takes a sentence's first surname for a
    # common noun.
    analysis = analyse(
        nlp,
        "Prime Minister Ola Brekke met the Liberal Democrats on Monday. The Free Democrats "
        "stayed away. Brekke won the vote.",
    )
    names = {a["name"] for a in analysis.layers["actors"]}
    assert {"Liberal Democrats", "Free Democrats"} <= names, names
    assert "Democrats" not in names, names
    brekke = actor_of(analysis, "Ola Brekke")
    assert [m["text"] for m in brekke["mentions"]] == ["Ola Brekke", "Brekke"]


def test_a_firms_short_name_typed_as_a_place_is_that_firm(nlp: Pipeline) -> None:
    # Invented: the tagger calls the short name a place; no city bears it
    analysis = analyse(
        nlp,
        "A permit lets Northline Energy run a crude oil pipeline under the lake. "
        "Northline is no stranger to disaster.",
    )
    assert texts(actor_of(analysis, "Northline")) == ["Northline Energy", "Northline"]
    assert actor_of(analysis, "Northline")["type"] == "organisation"


def test_a_city_that_begins_a_firms_name_stays_the_city(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp, "Boston Scientific shares rose. Boston officials said the plant would stay."
    )
    assert actor_of(analysis, "Boston")["type"] == "place"
