"""Role binding: a claim is judged only on what its sentence asserts (issue 17).

Sentences written for these tests; each pairs a checkable fact with the kind of running-news
wording that used to turn it into a false verdict.
"""

from __future__ import annotations

from datetime import date

import pytest

from parallax.factcheck import Checker

CHECKER = Checker(today=date(2025, 6, 1))


def _claims(text: str) -> list[dict[str, object]]:
    return [c.record() for c in CHECKER.check_text(text).claims]


@pytest.mark.parametrize(
    "text",
    [
        "Spain applied to join NATO in 1977.",  # an application, not an accession
        "Norway will join the European Union in 2030.",  # a plan
        "Greece withdrew from NATO's military command in 1974.",  # left a command, not NATO
        "Italian President Sergio Mattarella visited Paris on Friday.",  # a title, a side fact
        "Three diplomats said the EU discussed new sanctions.",  # counts diplomats
        "The ministers met in the capital, Helsinki, on Monday.",  # a capital in passing
        "Sweden joined NATO on Monday.",  # a date without a year is not resolved
        "The Group of Seven met in Italy in 2024.",  # a name with a number in it
        "The bank donated food to 40 countries and the African Union.",  # recipients
        "He was the first president of Russia to visit the island.",  # a rank, not the office
        # a rank among those who did something else, not in the order of joining
        "Poland became the first NATO member to send fighter jets to Ukraine in 2023.",
        "Hungary was the first EU country to ratify the treaty in 2019.",
        # the year and the verb belong to the clause about the Union, not to its count
        "The European Union, which Austria joined in 1995, has 27 members.",
        # (a present tense reported as of a year long gone is judged as of that year:
        # tests/test_claims_reported_times.py)
        # the count is of some members only
        "NATO has 23 members that spend 2 percent of output on defence.",
        "The European Union has 20 members using the euro.",
    ],
)
def test_no_verdict_on_what_the_sentence_does_not_assert(text: str) -> None:
    result = CHECKER.check_text(text)
    assert result.verdict.verdict == "not_enough_evidence", result.record()


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Norway, which joined NATO in 1949, hosted the meeting.", "supported"),
        ("Norway, which joined NATO in 1952, hosted the meeting.", "contradicted"),
        ("The Warsaw Pact, founded in 1955, was an alliance of eight states.", "supported"),
        ("The Warsaw Pact, founded in 1950, was an alliance of eight states.", "contradicted"),
        ("Portugal became a member of NATO in 1949.", "supported"),
        ("In 1990 the Warsaw Pact had 14 members.", "contradicted"),
        ("NATO has 30 members, officials said on Monday.", "contradicted"),
        ("NATO has 32 members, which agreed to spend more.", "supported"),
    ],
)
def test_asserted_relations_are_still_judged(text: str, verdict: str) -> None:
    result = CHECKER.check_text(text)
    assert result.verdict.verdict == verdict, result.record()


def test_the_record_shows_which_words_filled_each_role() -> None:
    claims = _claims("Between 2004 and 2009, NATO admitted nine more countries.")
    counted = [c for c in claims if c["quantity"] == 9]
    assert counted, claims
    binding = counted[0]["binding"]
    assert binding["quantity"] == "nine (of “countries”)"
    assert binding["organisation"] == "NATO" and "admitted" in binding["relation"]
    assert binding["time"] == "Between 2004 and 2009"


def test_a_date_of_another_event_does_not_date_the_claim() -> None:
    claims = _claims("Portugal, a founder of NATO, joined the talks after the 1974 revolution.")
    for claim in claims:
        assert claim["span"] is None or claim["verdict"] == "not_enough_evidence", claim


def test_an_unjudged_claim_says_why() -> None:
    claims = _claims("Spain applied to join NATO in 1977.")
    assert claims and all(c["unjudged"] for c in claims)
    assert all(str(c["explanation"]).startswith("not judged: ") for c in claims)


def test_a_count_in_a_joined_clause_is_not_the_first_clauses_relation() -> None:
    claims = _claims(
        "The Warsaw Pact was founded in 1955 with eight members and had seven members in 1970."
    )
    second = next(c for c in claims if c["quantity"] == 7)
    assert second["verdict"] == "not_enough_evidence"
    assert "joined" in str(second["unjudged"])
    assert any(c["quantity"] == 8 and c["verdict"] == "supported" for c in claims)
