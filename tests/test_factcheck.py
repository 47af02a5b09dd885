"""The checker against a small knowledge base the project wrote for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parallax.factcheck import Checker, open_knowledge

CHECKER = Checker(today=date(2025, 6, 1))
USER_KB = Path(__file__).parent / "data" / "userkb"


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Between 1999 and 2004, NATO expanded to 14 more countries.", "contradicted"),
        ("Between 1999 and 2004, NATO expanded to 10 more countries.", "supported"),
        ("Between 1999 and 2004, NATO expanded to 7 more countries.", "disputed"),
        ("NATO was formed by the U.S., Canada and 12 western European countries.", "contradicted"),
        ("NATO was formed by the U.S., Canada and 10 other countries.", "supported"),
        ("NATO was founded in 1949.", "supported"),
        ("NATO was founded in 1951.", "contradicted"),
        # a count of founders told with the founding's date asserts the date too
        ("NATO was founded in 1951 by 12 countries.", "contradicted"),
        ("NATO was founded in 1949 by 12 countries.", "supported"),
        ("In 2001, the U.S. pulled out of the ABM Treaty.", "disputed"),
        ("The United States withdrew from the ABM Treaty in 2002.", "supported"),
        # Treaty withdrawals are not all recorded: none recorded is not a contradiction.
        ("Russia withdrew the Minsk agreements in 2022.", "not_enough_evidence"),
        ("Poland withdrew from NATO in 2010.", "contradicted"),  # NATO is listed in full
        ("The Paris agreement was signed in 2015.", "disputed"),  # adopted 2015, signed 2016
        ("The Kyoto Protocol entered into force in 2005.", "supported"),
        ("The United States withdrew from the Paris agreement in 2020.", "supported"),
        ("Finland became NATO's 30th member.", "contradicted"),
        # a founding member dated before the body existed: dated by what it grew out of
        (
            "Belarus joined the Collective Security Treaty Organization in 1994.",
            "not_enough_evidence",
        ),
        ("Belarus was a member of the CSTO in 1995.", "not_enough_evidence"),
        ("Belarus joined the CSTO in 2005.", "contradicted"),
        ("Finland became NATO's 31st member.", "supported"),
        ("Sweden became the 32nd member of NATO.", "supported"),
        ("Poland was the 17th member of NATO.", "disputed"),
        ("Seven countries joined NATO in 2004.", "supported"),
        ("The 2004 enlargement of NATO added ten countries.", "contradicted"),
        ("Poland joined NATO in 2004.", "contradicted"),
        ("In 1999, Poland, Hungary and the Czech Republic joined NATO.", "supported"),
        ("Sweden is a member of NATO.", "supported"),
        ("Sweden is not a member of NATO.", "contradicted"),
        ("Sweden was a member of NATO in 2022.", "contradicted"),
        ("Ukraine is a member of NATO.", "contradicted"),
        ("NATO has 32 members.", "supported"),
        ("NATO has 30 members.", "contradicted"),
        ("NATO has more than 30 members.", "supported"),
        ("NATO had 12 founding members.", "supported"),
        ("Canada was a founding member of NATO.", "supported"),
        ("Greece was a founding member of NATO.", "contradicted"),
        ("The Soviet Union dissolved in 1991.", "supported"),
        ("The Warsaw Pact was dissolved in 1989.", "contradicted"),
        ("The North Atlantic Treaty was signed on 4 April 1949.", "supported"),
        ("The North Atlantic Treaty entered into force in 1950.", "contradicted"),
        ("Russia invaded Ukraine on 24 February 2022.", "supported"),
        ("In 2003 the United States invaded Iraq.", "supported"),
        ("The Cuban Missile Crisis took place in 1962.", "supported"),
        ("The Cuban Missile Crisis took place in 1961.", "contradicted"),
        ("The Korean War began in 1950.", "supported"),
        ("The Korean War ended in 1960.", "contradicted"),
        ("Joe Biden was president of the United States in 2022.", "supported"),
        ("Donald Trump was president of the United States in 2022.", "contradicted"),
        ("Vladimir Putin is the president of Russia.", "supported"),
        ("The capital of Finland is Helsinki.", "supported"),
        ("Helsinki is the capital of Russia.", "contradicted"),
        ("Finland shares a border with Russia.", "supported"),
        # Neighbours are listed among all the states the knowledge base knows, so a
        # missing pair is no border; a state without a list (a historical one) is unknown.
        ("Iran shares a border with Iraq.", "supported"),
        ("Afghanistan borders Pakistan.", "supported"),
        ("Brazil borders Chile.", "contradicted"),
        ("Poland borders the Soviet Union.", "not_enough_evidence"),
        ("Riyadh is the capital of Saudi Arabia.", "supported"),
        # Others who joined beside one state make one more in all; beside a group, unknown.
        ("Estonia joined NATO in 2004 along with six other countries.", "supported"),
        ("Poland joined NATO in 1999 with three other countries.", "contradicted"),
        (
            "The three Baltic states, which joined NATO in 2004 along with four other "
            "countries, asked for more air defences.",
            "not_enough_evidence",
        ),
        (
            "Estonia, Latvia and Lithuania joined NATO in 2004 with four other countries.",
            "not_enough_evidence",
        ),
        ("NATO is the largest military alliance in the world.", "not_enough_evidence"),
        ("Finland and Russia share a border of 1,340 km.", "supported"),
        ("The weather was nice.", "not_enough_evidence"),
    ],
)
def test_verdicts(claim: str, verdict: str) -> None:
    result = CHECKER.check_text(claim)
    assert result.verdict.verdict == verdict, result.verdict.explanation


def test_the_count_is_explained_with_the_names() -> None:
    result = CHECKER.check_text("Between 1999 and 2004, NATO expanded to 14 more countries.")
    assert "10 joined NATO between 1999 and 2004" in result.verdict.explanation
    assert "Slovenia" in result.verdict.explanation and "Poland" in result.verdict.explanation
    assert len(result.verdict.evidence) == 10
    assert all(e.source.startswith("https://") for e in result.verdict.evidence)


def test_ties_are_explained() -> None:
    result = CHECKER.check_text("Poland was the 17th member of NATO.")
    assert "17th to 19th" in result.verdict.explanation


def test_never_a_confident_verdict_without_evidence() -> None:
    for text in ["Atlantis joined NATO in 1999.", "NATO was founded.", "Finland joined the EU."]:
        result = CHECKER.check_text(text)
        assert result.verdict.verdict == "not_enough_evidence" or result.verdict.evidence


def test_json_record_shape() -> None:
    record = CHECKER.check_text("NATO was founded in 1951.").record()
    assert set(record) >= {"claim", "structured", "verdict", "evidence", "explanation"}
    structured = record["structured"]
    assert structured is not None and structured["relation"] == "founded"
    assert record["evidence"][0]["kind"] == "fact" and record["evidence"][0]["source"]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The Baltic Sea Compact was founded in 2010.", "supported"),
        ("Latvia joined the Baltic Sea Compact in 2012.", "supported"),
        ("Germany was a founding member of the Baltic Sea Compact.", "contradicted"),
        ("Between 2011 and 2015, the Compact grew by three more countries.", "supported"),
        ("Poland became the sixth member of the Baltic Sea Compact.", "supported"),
        ("Norway is a member of the Baltic Sea Compact.", "contradicted"),
    ],
)
def test_a_user_knowledge_base_sits_beside_the_bundled_one(claim: str, verdict: str) -> None:
    checker = Checker(open_knowledge([USER_KB]), today=date(2025, 6, 1))
    result = checker.check_text(claim)
    assert result.verdict.verdict == verdict, result.verdict.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the knowledge base gives Kyiv as the capital now, not since when
        ("Kyiv has been Ukraine's capital since 1934.", "not_enough_evidence"),
        ("Kyiv was the capital of Ukraine in 1925.", "not_enough_evidence"),
        ("In 2025 the capital of Ukraine is Kyiv.", "supported"),
        # a dated capital is judged at the claim's time
        ("Bonn was the capital of West Germany in 1960.", "supported"),
    ],
)
def test_an_undated_capital_says_nothing_of_another_time(text: str, verdict: str) -> None:
    assert CHECKER.check_text(text).verdict.verdict == verdict


def test_a_war_counted_from_its_main_campaign_is_disputed_not_contradicted() -> None:
    # the Gulf War is dated from Iraq's invasion of Kuwait (1990); many count it from the
    # coalition's air campaign (1991), which the source notes
    assert CHECKER.check_text("The Gulf War began in 1991.").verdict.verdict == "disputed"
    assert CHECKER.check_text("The Gulf War began in 1993.").verdict.verdict == "contradicted"
