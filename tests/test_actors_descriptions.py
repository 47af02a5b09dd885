"""Definite descriptions of firms and bodies on invented business and wire copy (issue 16).

A report on one firm names it once and calls it "the company" for paragraphs; an agency
named in full is "the agency" after. Each test pins one rule with sentences written for it.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from parallax.actors.described_names import described_bodies
from parallax.components.actors import Actors
from parallax.components.entities import Entities
from parallax.components.parse import SpacyParse
from parallax.components.sentences import Sentences
from parallax.knowledge import bundled
from parallax.model import Analysis, Article
from parallax.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Entities(), Actors(bundled())])


def mentions_of(analysis: Analysis, name: str) -> list[str]:
    actor = next(a for a in analysis.layers["actors"] if a["name"] == name)
    return [m["text"] for m in actor["mentions"]]


def analyse(nlp: Pipeline, text: str) -> Analysis:
    return nlp(Article(text=text, source="<test>", language="en"))


def test_the_company_is_the_one_firm_named_even_paragraphs_later(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Regulators fined Calder Valley Power $2 million on Tuesday. Inspectors said the "
        "company had skipped checks for years. Residents were angry. A judge will rule in "
        "May. Lawyers for both sides declined to comment. The company said it would appeal.",
    )
    assert mentions_of(analysis, "Calder Valley Power").count("The company") == 1
    assert "the company" in mentions_of(analysis, "Calder Valley Power")


def test_the_company_is_never_an_alliance_or_a_body_the_knowledge_base_knows(
    nlp: Pipeline,
) -> None:
    analysis = analyse(
        nlp, "NATO ordered new radar systems last year. The company said deliveries would start."
    )
    assert "The company" not in mentions_of(analysis, "NATO")


def test_the_automaker_is_never_a_house_of_a_legislature_or_a_ministry(nlp: Pipeline) -> None:
    # Invented: the only organisation named before "the automaker" is a public body.
    analysis = analyse(
        nlp,
        "The House passed the transport bill on Friday. The automaker lowered its outlook. "
        "The Transport Ministry said the company had not applied for a subsidy.",
    )
    for body in ("House", "Transport Ministry"):
        said = [m.lower() for m in mentions_of(analysis, body)]
        assert "the automaker" not in said and "the company" not in said, body


def test_an_unnamed_firm_before_the_description_keeps_it(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Calder Valley Power hired a small software company to run its billing. The company "
        "said the system would be ready in March.",
    )
    assert "The company" not in mentions_of(analysis, "Calder Valley Power")


def test_the_agency_is_the_body_whose_name_ends_in_agency(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "The International Atomic Energy Agency sent inspectors to the plant. The agency said "
        "a power line had been cut.",
    )
    assert "The agency" in mentions_of(analysis, "International Atomic Energy Agency")


def test_a_place_that_only_says_where_someone_is_from_is_not_it(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Senator Tom Harlan, a Republican from Kansas, voted against it, saying it cost too much.",
    )
    assert mentions_of(analysis, "Kansas") == ["Kansas"]


def _parsed(words: list[str], pos: list[str], deps: list[str], heads: list[int]) -> Any:
    """A hand-parsed Doc, so the rule is pinned whatever the tagger does with the name."""
    vocab = Vocab()
    tags = ["NN" if p == "NOUN" else "NNP" if p == "PROPN" else "XX" for p in pos]
    lemmas = [w.lower() for w in words]
    return Doc(
        vocab,
        words=words,
        pos=pos,
        tags=tags,
        deps=deps,
        heads=heads,
        lemmas=lemmas,
        sent_starts=[True] + [False] * (len(words) - 1),
    )


def test_an_untagged_name_with_the_company_beside_it_is_a_firm() -> None:
    doc = _parsed(
        ["Tolver", "Energy", ",", "the", "company", ",", "spilled", "oil", "."],
        ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "NOUN", "PUNCT"],
        ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT", "dobj", "punct"],
        [1, 6, 1, 4, 1, 1, 6, 6, 6],
    )
    assert [span.text for span in described_bodies(doc, set())] == ["Tolver Energy"]
    assert list(described_bodies(doc, {0})) == []  # already another mention's


def test_a_role_noun_beside_a_name_makes_no_body() -> None:
    doc = _parsed(
        ["Ana", "Varga", ",", "a", "general", ",", "spoke", "."],
        ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"],
        ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT", "punct"],
        [1, 6, 1, 4, 1, 1, 6, 6],
    )
    assert list(described_bodies(doc, set())) == []


def test_the_company_between_two_firms_named_as_businesses_stays_unresolved(
    nlp: Pipeline,
) -> None:
    # Invented: both names end in a line of business, so neither is the better guess.
    analysis = analyse(
        nlp,
        "Halvik Mining sold its smelter to Brenner Shipping on Monday. Verdane, a campaign "
        "group, criticised the sale. The company said the price was fair.",
    )
    for firm in ("Halvik Mining", "Brenner Shipping"):
        assert "The company" not in mentions_of(analysis, firm), firm


def test_the_group_is_the_body_named_just_before(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "The levy will hurt small farms, said Ana Ruiz, director of the Valley Growers "
        "Alliance. The group said it would challenge the rule in court.",
    )
    assert "The group" in mentions_of(analysis, "Valley Growers Alliance")


def test_the_group_takes_up_an_unnamed_group_before_it(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "The Harlow Veterans League backed the bill on Monday. A group of 40 nurses marched "
        "to City Hall on Tuesday. The group said it would return next week.",
    )
    assert "The group" not in mentions_of(analysis, "Harlow Veterans League")


def test_the_firm_named_by_its_base_and_trade_is_the_firm_and_not_the_city(
    nlp: Pipeline,
) -> None:
    # Invented business copy: "its" is the carmaker's, and the city only says where it is.
    analysis = analyse(
        nlp,
        "Tarvik Motors said on Wednesday it would cut 3,000 jobs. The Leeds-based carmaker "
        "said the cuts would save $1 billion. Its shares rose 4% in early trading.",
    )
    mentions = mentions_of(analysis, "Tarvik Motors")
    assert "The Leeds-based carmaker" in mentions and "Its" in mentions


def test_the_first_words_of_a_firms_name_are_the_firm(nlp: Pipeline) -> None:
    # Invented deal copy; the tagger reads the full name after "lender" as a person's.
    analysis = analyse(
        nlp,
        "Calloway Bank agreed on Monday to buy regional lender Upper Prairie Financial for "
        "about $4.1 billion. Shareholders of Upper Prairie will receive 0.85 Calloway shares.",
    )
    assert "Upper Prairie" in mentions_of(analysis, "Upper Prairie Financial")


def test_the_governor_is_the_person_named_with_that_title(nlp: Pipeline) -> None:
    # Invented: one governor and one senator named with their titles.
    analysis = analyse(
        nlp,
        "Gov. Tessa Marlow signed the elections bill on Wednesday. The governor said it would "
        'make voting safer. "This is a solution in search of a problem," said state Sen. '
        "Owen Pike. The senator said he expected the courts to block it.",
    )
    assert "The governor" in mentions_of(analysis, "Tessa Marlow")
    assert "The senator" in mentions_of(analysis, "Owen Pike")


def test_the_governor_named_with_the_title_long_before_is_still_the_governor(
    nlp: Pipeline,
) -> None:
    # Invented: the title comes in the lede, the surname alone later, then "the governor".
    analysis = analyse(
        nlp,
        "Gov. Tessa Marlow signed the budget on Tuesday.\n\n"
        "Speaker Owen Pike called the vetoes an abuse of power. He said Republicans would "
        "consider a lawsuit.\n\n"
        "Marlow defended the vetoes. The budget raises school aid by $1 billion.\n\n"
        "Sen. Ida Voss praised the governor. She said the schools would benefit.",
    )
    assert "the governor" in mentions_of(analysis, "Tessa Marlow")


def test_the_governor_is_not_the_lieutenant_governor(nlp: Pipeline) -> None:
    # Invented: the tokenizer parts "Lt." from its point; the title is still "Lt. Gov.".
    analysis = analyse(
        nlp,
        "Ana Flores defeated Lt. Gov. Jon Husted on Tuesday. The governor said he would "
        "leave office in January.",
    )
    assert "The governor" not in mentions_of(analysis, "Jon Husted")


def test_the_senator_stays_unresolved_between_two_senators(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Sen. Tessa Marlow backed the bill. Sen. Owen Pike opposed it. The senator said the "
        "vote would be close. The former governor, Ida Voss, stayed silent.",
    )
    for name in ("Tessa Marlow", "Owen Pike"):
        assert "The senator" not in mentions_of(analysis, name)


def test_the_president_is_not_the_vice_president(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Vice President Tessa Marlow met union leaders on Monday. The president said the "
        "talks went well. Rep. Owen Pike's Twitter account was hacked. The congressman said "
        "he had called the police.",
    )
    assert "The president" not in mentions_of(analysis, "Tessa Marlow")
    assert "The congressman" in mentions_of(analysis, "Owen Pike")


def test_the_company_after_the_trade_noun_that_introduced_the_firm_is_the_firm(
    nlp: Pipeline,
) -> None:
    analysis = analyse(
        nlp,
        "Farmers sued the oil company Tarvex on Thursday. Tarvex rejected the claims. In a "
        "statement, the company said it had invested $4 billion in solar power.",
    )
    assert "the company" in mentions_of(analysis, "Tarvex")


def test_the_agency_takes_up_an_unnamed_agency_before_it(nlp: Pipeline) -> None:
    # Invented wire copy: the agency is the statistics office, not the campaign group.
    analysis = analyse(
        nlp,
        "Carbon emissions fell by 4% last year, the country's statistics agency said. "
        '"It is not enough," said Mara Holt of the campaign group Greenline Watch. '
        "The agency said output in the building sector rose.",
    )
    assert "The agency" not in mentions_of(analysis, "Greenline Watch")


def test_the_agency_means_the_body_named_on_agency_past_a_council_named_since(
    nlp: Pipeline,
) -> None:
    # Invented court report: a council is named after the agency, and the agency's name
    # lies six sentences back; "the agency" is still the agency.
    analysis = analyse(
        nlp,
        "The court narrowed the power of the Federal Wetlands Agency on Thursday. "
        "The ruling came after years of litigation. Critics were angry. "
        '"This is a blow," said Ann Lee, president of the Coastal Defense Council. '
        "Farm groups praised the ruling. The White House said it was reviewing the opinion. "
        "Last year the agency issued a rule.",
    )
    assert "the agency" in mentions_of(analysis, "Federal Wetlands Agency")
    assert "the agency" not in mentions_of(analysis, "Coastal Defense Council")


def test_the_agency_stays_unresolved_far_from_any_body_named_on_agency(nlp: Pipeline) -> None:
    # Invented: only a council in reach, the agency named long before is not built on the noun
    analysis = analyse(
        nlp,
        "Officials at the Office of Water Quality met on Monday. The talks ran late. "
        "Nothing was agreed. Reporters waited outside. Lunch was served. "
        "Then Ann Lee of the Coastal Defense Council spoke. Later the agency issued a rule.",
    )
    assert "the agency" not in mentions_of(analysis, "Office of Water Quality")


def test_the_government_is_no_ones_after_three_countries_a_paragraph_each(
    nlp: Pipeline,
) -> None:
    # Invented heatwave report: Spain is the nearest country, but Italy and Portugal were
    # named just before it, and the charge is about another country's fires.
    analysis = analyse(
        nlp,
        "Heat records fell in Portugal on Friday. Fires burned near Lisbon. "
        "In Italy, officials issued red alerts for 16 cities. "
        "In Spain, the weather agency said the heat would ease by Sunday. "
        "Farmers counted their losses. "
        "Environmental groups accused the government of cutting firefighting budgets.",
    )
    for country in ("Spain", "Italy", "Portugal"):
        assert "the government" not in mentions_of(analysis, country)


def test_the_country_in_a_leaders_words_is_the_leaders_own(nlp: Pipeline) -> None:
    # Invented: Russia is named nearer, but the Ukrainian president speaks of his country
    analysis = analyse(
        nlp,
        "Russia fired 40 missiles at Ukraine overnight. Moscow said it hit military targets. "
        "President Volodymyr Zelensky said the country needed more air defence.",
    )
    assert "the country" in mentions_of(analysis, "Ukraine")
    assert "the country" not in mentions_of(analysis, "Russia")


def test_the_bloc_is_a_body_of_members_not_any_body_named_before(nlp: Pipeline) -> None:
    # Invented: the bloc is no weather service; a union the article names may be it.
    service = analyse(
        nlp,
        "Rainfall fell to a record low, the Norwegian Grain Monitoring Service said on Friday. "
        "Farmers across the bloc sold less wheat.",
    )
    assert "the bloc" not in mentions_of(service, "Norwegian Grain Monitoring Service")
    union = analyse(nlp, "The Nordic Farmers Union met in Oslo. The bloc said prices fell.")
    assert "The bloc" in mentions_of(union, "Nordic Farmers Union")


def test_the_noun_of_a_bodys_name_takes_it_up_paragraphs_later(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "The Fairhaven Town Council met on Tuesday. Residents lined the hall. Several spoke "
        "about parking. A few left early. The meeting ran late. In the end, the council "
        "delayed the vote until spring.",
    )
    assert mentions_of(analysis, "Fairhaven Town Council")[-1] == "the council"


def test_a_far_noun_stays_unresolved_when_no_name_is_built_on_it(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "The Fairhaven Town Council met on Tuesday. Residents lined the hall. Several spoke "
        "about parking. A few left early. The meeting ran late. In the end, the board "
        "delayed the vote until spring.",
    )
    assert mentions_of(analysis, "Fairhaven Town Council") == ["The Fairhaven Town Council"]
