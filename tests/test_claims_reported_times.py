"""A claim reported with its own time is judged at that time, not at the article's (issue 17).

Sentences written for these tests: the time of the saying comes before the reporting verb, after
it, in a participle clause ("Speaking in 2019, ..."), in an "according to" phrase, or is a time
no reader could resolve ("said last year").
"""

from __future__ import annotations

from datetime import date

import pytest

from parallax.factcheck import Checker

CHECKER = Checker(today=date(2025, 6, 10))


def _checked(text: str) -> tuple[str, str]:
    found = CHECKER.check_text(text, date(2025, 6, 10))
    [claim] = [c for c in found.claims if c.claim.kind not in {"title", "description"}]
    return found.verdict.verdict, claim.claim.binding.get("time", "")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # both orders, and after the clause: true then, false now
        ("In 2023, the alliance's chief told reporters that NATO has 31 members.", "supported"),
        ("The alliance's chief told reporters in 2023 that NATO has 31 members.", "supported"),
        ("NATO has 30 members, officials told reporters in 2021.", "supported"),
        ("Officials said in 2021 that NATO has 30 members.", "supported"),
        ("NATO has 30 members, diplomats said in 2021.", "supported"),
        ("Speaking in March 2021, officials said the EU had 27 members.", "supported"),
        ("Speaking in March 2021, officials said the EU had 28 members.", "contradicted"),
        ("Writing in 2014, the historian noted that the EU has 28 members.", "supported"),
        ("According to a 2014 report, NATO has 28 members.", "supported"),
        ("The envoy, speaking in 2019, said NATO has 29 members.", "supported"),
        ("In her 2019 memoir, the envoy wrote that NATO has 29 members.", "supported"),
        # true now, false when said
        ("Speaking in 2019, officials said NATO has 32 members.", "contradicted"),
        ("The envoy, speaking in 2019, said NATO has 32 members.", "contradicted"),
        ("In 2019 the minister said Sweden is not a member of NATO.", "supported"),
        ("Speaking in 2019, the minister said Sweden was not a NATO member.", "supported"),
    ],
)
def test_a_state_said_at_a_dated_time_is_judged_at_that_time(text: str, verdict: str) -> None:
    label, time = _checked(text)
    assert label == verdict
    assert time.endswith("(when it was said)")


@pytest.mark.parametrize(
    "text",
    [
        # a time with no year on the reporting verb is not resolved with confidence
        "Officials said last year that NATO has 30 members.",
        "Two years ago, the alliance's chief said NATO has 31 members.",
        # an act said to have happened is dated before the saying, not at it
        "Officials said in 2021 that Finland joined NATO.",
        # the participle of another act dates that act, not the saying
        "Having joined NATO in 2023, Finland said the alliance has 32 members.",
        # membership changed during the year it was said in: it depends on the day
        "In 2024 the minister said Sweden is not a member of NATO.",
        "Sweden was not a member of NATO in 2024.",
    ],
)
def test_a_report_time_that_does_not_date_the_claim_leaves_it_unjudged(text: str) -> None:
    assert CHECKER.check_text(text, date(2025, 6, 10)).verdict.verdict == "not_enough_evidence"


def test_a_near_time_without_a_year_leaves_the_present_the_articles() -> None:
    found = CHECKER.check_text(
        "Officials said on Monday that NATO has 32 members.", date(2025, 6, 10)
    )
    assert found.verdict.verdict == "supported"
