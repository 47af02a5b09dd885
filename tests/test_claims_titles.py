"""Office titles before a name are claims about the title only, checked on the article's date."""

from __future__ import annotations

from datetime import date

import pytest

from parallax.claims.titles import find_titles, offices_of
from parallax.components.claims import Claims
from parallax.components.factcheck import FactCheck
from parallax.factcheck import Checker
from parallax.factcheck.model import Verdict
from parallax.model import Analysis, Article, Sentence


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _titles(checker: Checker, text: str, day: date | None) -> list[tuple[str, Verdict, str | None]]:
    found = checker.check_text(text, day)
    return [
        (c.claim.text, c.verdict, c.claim.unjudged) for c in found.claims if c.claim.kind == "title"
    ]


def test_a_title_held_on_the_article_date_is_supported_with_the_term(checker: Checker) -> None:
    [(text, verdict, _)] = _titles(
        checker, "Defense Secretary Ash Carter wrote to Congress on Monday.", date(2016, 9, 29)
    )
    assert text == "Defense Secretary Ash Carter" and verdict.verdict == "supported"
    [evidence] = verdict.evidence
    assert evidence.fact is not None and evidence.fact.property == "secretary_of_defense"
    assert (evidence.fact.start, evidence.fact.end) == ("2015-02-17", "2017-01-20")


def test_the_place_before_the_title_is_part_of_it(checker: Checker) -> None:
    [(text, verdict, _)] = _titles(
        checker, "Russian President Vladimir Putin spoke.", date(2021, 6, 16)
    )
    assert text == "Russian President Vladimir Putin" and verdict.verdict == "supported"
    assert verdict.evidence[0].fact is not None and verdict.evidence[0].fact.subject == "russia"


def test_a_title_never_held_by_the_person_named_in_full_is_contradicted(checker: Checker) -> None:
    [(_, verdict, _)] = _titles(
        checker, "Ukrainian President Hillary Clinton spoke.", date(2016, 5, 4)
    )
    assert verdict.verdict == "contradicted"
    assert "Petro Poroshenko" in verdict.explanation  # who held the office then


def test_a_title_held_before_the_article_date_may_be_as_of_then(checker: Checker) -> None:
    [(_, verdict, _)] = _titles(
        checker, "Russian President Dmitry Medvedev spoke.", date(2016, 5, 4)
    )
    assert verdict.verdict == "not_enough_evidence" and "2008-05-07" in verdict.explanation


def test_without_a_country_a_wrong_title_is_not_contradicted(checker: Checker) -> None:
    # "President" of what? A surname alone, or a title of an unnamed body, proves nothing.
    [(_, verdict, _)] = _titles(checker, "President Herzog visited the town.", date(2023, 12, 22))
    assert verdict.verdict == "not_enough_evidence"


def test_former_means_held_before_and_no_longer(checker: Checker) -> None:
    [(_, held, _)] = _titles(checker, "Former President Bill Clinton spoke.", date(2021, 5, 4))
    assert held.verdict == "supported" and "no longer" in held.explanation
    [(text, fox, _)] = _titles(
        checker, "Former Mexican President Vicente Fox spoke.", date(2016, 8, 31)
    )
    assert text == "Former Mexican President Vicente Fox" and fox.verdict == "supported"
    [(_, still, _)] = _titles(checker, "Former President Joe Biden spoke.", date(2022, 5, 4))
    assert still.verdict == "not_enough_evidence" and "not borne out" in still.explanation


def test_a_surname_after_a_title_is_found_among_the_office_holders(checker: Checker) -> None:
    titles = _titles(checker, "Speaker Pelosi met Vice President Harris.", date(2021, 5, 4))
    assert [(t, v.verdict) for t, v, _ in titles] == [
        ("Speaker Pelosi", "supported"),
        ("Vice President Harris", "supported"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The then-President Trump spoke.",
        "The then-Russian President Dmitry Medvedev spoke.",
        "President-elect Biden spoke.",
        "A President Hillary Clinton would do otherwise.",
        "Acting Defense Secretary Mark Esper spoke.",
    ],
)
def test_titles_not_meant_as_of_the_article_date_are_not_read(checker: Checker, text: str) -> None:
    assert _titles(checker, text, date(2020, 12, 1)) == []


def test_a_sentence_about_another_time_leaves_the_title_unjudged(checker: Checker) -> None:
    [(_, verdict, unjudged)] = _titles(
        checker, "In 2009, Secretary of State Hillary Clinton went to Moscow.", date(2016, 5, 4)
    )
    assert verdict.verdict == "not_enough_evidence" and unjudged and "2009" in unjudged


def test_a_title_never_decides_the_verdict_on_the_text(checker: Checker) -> None:
    found = checker.check_text("President Biden visited the border.", date(2021, 6, 25))
    assert [c.verdict.verdict for c in found.claims] == ["supported"]
    assert found.verdict.verdict == "not_enough_evidence"
    alone = checker.check_text("President Biden", date(2021, 6, 25))
    assert alone.verdict.verdict == "supported"


def test_titles_come_from_the_domain_pack() -> None:
    assert offices_of("Vice President") == ("vice_president",)
    assert offices_of("former Secretary of State") == ("secretary_of_state",)
    assert set(offices_of("Majority Leader")) == {"senate_majority_leader", "house_majority_leader"}
    assert offices_of("Chancellor") == ()  # a finance minister in Britain: left out on purpose
    # The longer title wins over the shorter one inside it.
    assert [t.offices for t in find_titles("Vice President Harris")] == [("vice_president",)]


def _article(text: str, day: date | None) -> Analysis:
    analysis = Analysis(article=Article(text=text, source="test", date=day))
    analysis.sentences = [Sentence(id="s1", index=0, start=0, end=len(text), text=text)]
    return analysis


def test_the_pipeline_keeps_one_title_claim_per_person_and_dates_it_by_the_article() -> None:
    text = "President Biden spoke. President Biden left."
    analysis = _article(text, date(2021, 6, 25))
    analysis.sentences = [
        Sentence(id="s1", index=0, start=0, end=22, text=text[:22]),
        Sentence(id="s2", index=1, start=23, end=len(text), text=text[23:]),
    ]
    records = Claims().read(analysis)
    assert [(r["kind"], r["start"], r["end"]) for r in records] == [("title", 0, 15)]
    FactCheck().fill(records[0], date(2021, 6, 25))  # type: ignore[arg-type]
    assert records[0]["verdict"] == "supported"
    undated = Claims().read(_article("President Biden spoke.", None))
    FactCheck().fill(undated[0], None)  # type: ignore[arg-type]
    assert undated[0]["verdict"] == "not_enough_evidence" and undated[0]["unjudged"]


@pytest.mark.parametrize(
    ("text", "office", "label"),
    [
        # the chamber is not written: the person's recorded office says which it is
        ("Minority Leader Hakeem Jeffries spoke.", "house_minority_leader", "supported"),
        ("Majority Leader Steve Scalise spoke.", "house_majority_leader", "supported"),
        ("Majority Leader John Thune spoke.", "senate_majority_leader", "supported"),
        # a chamber word in the noun phrase says it, and the other chamber's term is no support
        (
            "The House's Minority Leader Hakeem Jeffries spoke.",
            "house_minority_leader",
            "supported",
        ),
        (
            "The Senate's Minority Leader Hakeem Jeffries spoke.",
            "senate_minority_leader",
            "not_enough_evidence",
        ),
    ],
)
def test_a_title_of_either_chamber_is_never_read_as_the_wrong_one(
    checker: Checker, text: str, office: str, label: str
) -> None:
    found = checker.check_text(text, date(2025, 6, 10))
    [title] = [c for c in found.claims if c.claim.kind == "title"]
    assert (title.claim.relation, title.verdict.verdict) == (office, label)
    if label == "supported":
        assert all(e.fact is not None and e.fact.property == office for e in title.verdict.evidence)


def test_an_ambiguous_title_of_an_unknown_holder_names_no_office(checker: Checker) -> None:
    from parallax.claims.model import Party
    from parallax.claims.titles import office_read

    both = ("senate_minority_leader", "house_minority_leader")
    assert office_read(checker.kb, both, "", [Party("Jane Doe", None, "person")]) is None
    assert office_read(checker.kb, both, "the House ", []) == "house_minority_leader"
