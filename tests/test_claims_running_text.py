"""Counts and dates read from running news text are judged only on what they say (issue 17).

Sentences written for these tests, each of a shape found wrong while probing the checker with
invented wire copy: a count of only some members ("Baltic states"), a claim dated by another
event instead of a date ("when the Wall fell"), a claim dated by two years at once, a count
whose verb heads a clause of its own, and a total read as an addition.
"""

from __future__ import annotations

from datetime import date

import pytest

from parallax.factcheck import Checker

CHECKER = Checker(today=date(2025, 6, 1))


def _verdict(text: str) -> str:
    return CHECKER.check_text(text).verdict.verdict


@pytest.mark.parametrize(
    "text",
    [
        # a part of those who joined: true, though fewer than joined in all
        "Eight central and eastern European states joined the European Union in 2004.",
        "Five formerly communist states joined NATO in 2004.",
        "Three countries from the Balkans joined NATO in 2004.",
        # a former membership names the countries, not the organisation they joined
        "Two former Warsaw Pact members joined the European Union in 2007.",
    ],
)
def test_a_count_of_some_members_is_never_contradicted_by_the_whole(text: str) -> None:
    assert _verdict(text) == "not_enough_evidence", CHECKER.check_text(text).record()


def test_a_count_of_some_members_cannot_exceed_the_whole() -> None:
    record = CHECKER.check_text("Eleven Baltic states joined the European Union in 2004.").record()
    assert record["verdict"] == "contradicted", record
    assert "“Baltic” ones alone" in str(record["explanation"])
    assert record["structured"] and record["structured"]["narrowed"] == "Baltic"


def test_words_that_only_say_members_do_not_narrow_a_count() -> None:
    assert _verdict("The Warsaw Pact had eight founding members.") == "supported"
    assert _verdict("Ten new member states joined the European Union in 2004.") == "supported"


@pytest.mark.parametrize(
    "text",
    [
        # both false, and were confirmed because each count was true at some other time
        "The Warsaw Pact had six members when the Berlin Wall came down.",
        "The European Union had 12 members after the Brexit referendum.",
        # false (Croatia joined in 2013), confirmed from the joining alone
        "Croatia joined the European Union after the Brexit referendum was held.",
    ],
)
def test_a_claim_dated_by_another_event_is_not_judged(text: str) -> None:
    result = CHECKER.check_text(text).record()
    assert result["verdict"] == "not_enough_evidence", result
    assert "dated by another event" in str(result["explanation"])


def test_a_claim_dated_by_two_years_is_not_judged_on_one_of_them() -> None:
    result = CHECKER.check_text("Two countries joined the European Union in 2004 and 2013.")
    assert result.verdict.verdict == "not_enough_evidence", result.record()


def test_a_count_is_not_the_relation_of_a_clause_under_its_verb() -> None:
    text = "The European Union has 27 members after Croatia joined in 2013."
    assert _verdict(text) == "not_enough_evidence", CHECKER.check_text(text).record()


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "had 12 members" is a total, whatever the enlargement beside it adds
        ("The European Union had 15 members before the 2004 enlargement.", "supported"),
        ("The European Union had 25 members before the 2004 enlargement.", "contradicted"),
        ("The European Union had 28 members after 2013.", "supported"),
    ],
)
def test_a_total_before_or_after_a_date_is_counted_on_that_side(text: str, verdict: str) -> None:
    assert _verdict(text) == verdict, CHECKER.check_text(text).record()


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the office was held in 2000, but not without a break since (prime minister 2008-12)
        ("Vladimir Putin has been president of Russia since 2000.", "not_enough_evidence"),
        ("Emmanuel Macron has been president of France since 2017.", "supported"),
        # "before 1999" is the years before it, not 1999 itself (Putin took office on its last day)
        ("Vladimir Putin was president of Russia before 1999.", "contradicted"),
        ("Boris Yeltsin was president of Russia before 1999.", "supported"),
    ],
)
def test_an_office_held_since_or_before_a_year_is_checked_on_those_days(
    text: str, verdict: str
) -> None:
    assert _verdict(text) == verdict, CHECKER.check_text(text).record()


def test_an_organisation_with_one_recorded_member_is_not_counted() -> None:
    # the knowledge base records one past member of the Group of Seven, not its roll
    assert _verdict("The Group of Seven has seven members.") != "contradicted"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a term that was running in 1987 but began in 1985 is no term begun in 1987
        ("Mikhail Gorbachev became the Soviet leader in 1987.", "contradicted"),
        ("Mikhail Gorbachev became the Soviet leader in 1985.", "supported"),
        # an acting term from the last day of 1999: too close to the year to call it wrong
        ("Vladimir Putin became president of Russia in 2000.", "not_enough_evidence"),
        ("Volodymyr Zelensky was elected president of Ukraine in 2019.", "supported"),
    ],
)
def test_taking_office_is_checked_on_the_start_of_the_term(text: str, verdict: str) -> None:
    assert _verdict(text) == verdict, CHECKER.check_text(text).record()


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the "not" belongs to the phrase about the other organisation
        ("Ireland is an EU member but not in NATO.", "supported"),
        ("Norway is not a member of the European Union.", "supported"),
        ("Estonia is not a member of NATO.", "contradicted"),
        # "not ... until 2024" says it happened in 2024
        ("Sweden was not admitted to NATO until 2024.", "supported"),
        ("Croatia was not admitted to the European Union until 2011.", "contradicted"),
    ],
)
def test_a_negation_is_read_where_the_parse_attaches_it(text: str, verdict: str) -> None:
    assert _verdict(text) == verdict, CHECKER.check_text(text).record()


def test_an_event_that_does_something_is_not_checked_with_the_verbs_other_parties() -> None:
    # the alliance is what the attacks led, not one of those who attacked: the war NATO
    # fought from that year is no evidence about the attacks
    result = CHECKER.check_text("The 2001 attacks led NATO to invoke its defence clause.")
    assert result.verdict.verdict == "not_enough_evidence", result.record()


def test_a_dated_event_name_does_not_decide_the_sentence() -> None:
    text = "Russia's 2014 annexation of Crimea pushed Sweden towards NATO."
    result = CHECKER.check_text(text)
    assert result.verdict.verdict == "not_enough_evidence", result.record()
    # a wrong date is still an error the text makes
    wrong = CHECKER.check_text("Russia's 2015 annexation of Crimea pushed Sweden towards NATO.")
    assert wrong.verdict.verdict == "contradicted", wrong.record()
    # the name and its date are still checked, as a claim of their own
    assert any(
        c.claim.kind == "description" and c.verdict.verdict == "supported" for c in result.claims
    )


@pytest.mark.parametrize(
    "text",
    [
        # accurate sentences about a wrong statement someone made or a belief someone holds
        "The minister wrongly claimed that the European Union had 30 members.",
        "The senator falsely said that NATO had 40 members in 2019.",
        "Many voters believe the European Union has 35 members.",
    ],
)
def test_a_claim_someone_else_makes_is_not_the_sentences(text: str) -> None:
    assert _verdict(text) == "not_enough_evidence", CHECKER.check_text(text).record()


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the city a story was filed from is no party of its first sentence
        ("PARIS — Turkey joined NATO in 1952.", "supported"),
        ("ZAGREB, Croatia (AP) — Croatia became the 28th member of the EU in 2013.", "supported"),
        ("WARSAW, Poland — Poland joined the European Union in 2004.", "supported"),
        # what the first of two joined verbs acted on is not the second one's subject
        ("Lithuania left the Soviet Union in 1990 and joined the EU in 2004.", "supported"),
    ],
)
def test_a_dateline_and_a_first_verbs_object_are_no_subjects(text: str, verdict: str) -> None:
    assert _verdict(text) == verdict, CHECKER.check_text(text).record()


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a country the sentence compares with, or whose neighbour the subject is, is no party
        ("Croatia, unlike Slovenia, joined the European Union in 2013.", "supported"),
        ("Unlike Poland, Switzerland never joined the European Union.", "supported"),
        (
            "Germany's neighbour Austria, which joined the EU in 1995, hosted the talks.",
            "supported",
        ),
        # the names in apposition to the subject noun are the subjects
        ("Russia's neighbours Estonia and Latvia both joined NATO in 2004.", "supported"),
    ],
)
def test_compared_and_possessing_countries_are_no_subjects(text: str, verdict: str) -> None:
    assert _verdict(text) == verdict, CHECKER.check_text(text).record()


def test_an_unnamed_organisation_is_not_guessed_when_two_are_in_play() -> None:
    from parallax.components import load
    from parallax.model import Article

    # the story is about the Union, but NATO is named last before the unnamed "joined"
    text = (
        "Croatia hosted European Union leaders on Monday. The country is also a NATO member. "
        "Croatia joined in 2013 after a decade of talks."
    )
    pipeline = load(["parse", "sentences", "times", "claims", "factcheck"])
    analysis = next(iter(pipeline.pipe([Article(text=text, source="t", date=date(2022, 7, 12))])))
    verdicts = [c["verdict"] for c in analysis.layers["claims"]]
    assert "contradicted" not in verdicts, analysis.layers["claims"]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "which now has" is present, whatever the tense of "joined" before it
        ("Croatia joined the European Union, which now has 28 members.", "contradicted"),
        # "have joined": an auxiliary, not a total; counted from the year or after it
        ("Since 2007, three countries have joined the European Union.", "supported"),
        ("Since 2007, five countries have joined the European Union.", "contradicted"),
        ("Since 2004, three countries have joined the European Union.", "disputed"),
        # the year dates the joining, and the count is of that moment
        ("The European Union had 27 members when Croatia joined in 2013.", "not_enough_evidence"),
    ],
)
def test_a_total_is_read_with_its_own_verb(text: str, verdict: str) -> None:
    assert _verdict(text) == verdict, CHECKER.check_text(text).record()


@pytest.mark.parametrize(
    "text",
    [
        # accurate sentences about claims others make; the clause is not the writer's
        "The rumour that Norway joined the European Union in 1994 keeps circulating.",
        "The allegation that the European Union has 30 members was repeated online.",
        # the sentence calls its clause false: the clause is no assertion to confirm
        "It is untrue that Poland joined NATO in 1999.",
    ],
)
def test_a_clause_reported_as_a_claim_or_called_false_is_not_asserted(text: str) -> None:
    assert _verdict(text) == "not_enough_evidence", CHECKER.check_text(text).record()


@pytest.mark.parametrize(
    "text",
    [
        # a total in a clause describing the organisation is not the number of its founders
        "NATO, which has 32 members, was founded in 1949.",
        "The European Union, which counts 27 members, was founded in 1993.",
        "NATO, which today has 32 members, was founded in 1949 by 12 countries.",
    ],
)
def test_a_total_describing_the_organisation_is_not_its_founders(text: str) -> None:
    record = CHECKER.check_text(text).record()
    assert _verdict(text) != "contradicted", record


@pytest.mark.parametrize(
    "text",
    [
        # what was withdrawn is an application, troops, an objection or an envoy: the
        # subject did not leave the organisation the sentence names
        "Malta withdrew its EU membership application in 1996.",
        "France withdrew troops from NATO command in 1966.",
        "Hungary withdrew its objection to Sweden's NATO membership in 2024.",
        "The United States withdrew its ambassador to NATO in 2019.",
    ],
)
def test_withdrawing_something_else_is_not_leaving_the_organisation(text: str) -> None:
    assert _verdict(text) == "not_enough_evidence", CHECKER.check_text(text).record()


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Albania pulled out of the Warsaw Pact in 1968.", "supported"),
        ("Britain quit the European Union in 2020.", "supported"),
        ("Poland left the Warsaw Pact in 1985.", "contradicted"),
    ],
)
def test_leaving_the_organisation_itself_is_still_checked(text: str, verdict: str) -> None:
    assert _verdict(text) == verdict, CHECKER.check_text(text).record()


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "with six other countries" counts those who joined with the subject, not a total
        (
            "Estonia, which left the Soviet Union in 1991, joined NATO in 2004 with six other "
            "countries.",
            "supported",
        ),
        ("Poland joined NATO in 1999 together with two other countries.", "supported"),
        ("Estonia joined NATO in 2004 along with nine other countries.", "contradicted"),
    ],
)
def test_others_who_joined_with_the_subject_count_it_too(text: str, verdict: str) -> None:
    assert _verdict(text) == verdict, CHECKER.check_text(text).record()


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # an adjective after the counted noun counts only the members it describes
        ("NATO has 20 members ready to send troops to Ukraine.", "not_enough_evidence"),
        ("NATO had 20 members ready to send troops in 2014.", "not_enough_evidence"),
        ("The Union has 12 members willing to take more refugees.", "not_enough_evidence"),
        # a part can still not outnumber the whole
        ("NATO has 40 members ready to send troops to Ukraine.", "contradicted"),
    ],
)
def test_an_adjective_after_the_counted_noun_narrows_the_count(text: str, verdict: str) -> None:
    assert _verdict(text) == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "not" sets the second name against the first; the first membership is asserted
        ("Belarus is a member of the CSTO, not NATO.", "supported"),
        ("Austria is a member of the EU, not NATO.", "supported"),
        ("Finland is a member of the CSTO, not NATO.", "contradicted"),
    ],
)
def test_a_contrasted_name_does_not_negate_the_claim(text: str, verdict: str) -> None:
    assert CHECKER.check_text(text, date(2025, 6, 10)).verdict.verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # an adverb before the time phrase leaves it the count's time
        ("Back in 2014, NATO had 30 members.", "contradicted"),
        ("Back in 2014, NATO had 28 members.", "supported"),
        # the sentence's time dates another clause; the past count has no time of its own
        ("In 1999, the Union, which had 12 members, launched the euro.", "not_enough_evidence"),
        ("In 2021, when NATO had 30 members, Ukraine asked to join.", "not_enough_evidence"),
        # "among the 12" places the subject in the group; the count is not what is asserted
        ("Canada and Greece were among the 12 founding members of NATO.", "not_enough_evidence"),
        # a count of the parties "among" whom something was agreed is still a count
        (
            "NATO was formed by an agreement among the United States, Canada and 14 European "
            "countries.",
            "contradicted",
        ),
    ],
)
def test_a_past_count_is_judged_only_at_its_own_time(text: str, verdict: str) -> None:
    assert _verdict(text) == verdict
