"""Specifications of sums committed across sources, on invented sentences.

Also the parts of the comparison report next to them: a dateline's place counts as covered,
and one sentence read as two claims is listed once under its verdict.
"""

from __future__ import annotations

from typing import Any

import pytest

from parallax.comparison import compare_story
from parallax.comparison.alignment import clash
from parallax.comparison.pledges import has_pledge, parse_pledges, pledge_clash
from parallax.report import build_report
from parallax.report.compare_html import render_compare_html
from parallax.report.compare_markdown import render_compare_markdown
from test_comparison import record

PLEDGED = "Norvania pledged 40 million euros in military aid to Kestria on Monday."

SAME_PACKAGE = [
    # Another verb, the future of giving, the recipient as indirect object, the day of saying.
    "Norvania will send Kestria 45 million euros in military aid, its premier said on Monday.",
    "Norvania will provide Kestria with 45 million euros in military aid.",
    "Norvania pledges 45 million euros in new military aid to Kestria.",
    "Norvania announced a 45 million euro military aid package for Kestria on Monday.",
    "Norvania pledged \u20ac45M in military aid to Kestria.",  # a headline's glued scale
]
OTHER_QUANTITIES = [
    "Norvania pledged 45 million euros in humanitarian aid to Kestria on Monday.",  # other aid
    "Norvania pledged 45 million euros in military aid to Ostland on Monday.",  # recipient
    "Velmark pledged 45 million euros in military aid to Kestria on Monday.",  # giver
    "Norvania pledged 45 million euros in military aid to Kestria last year.",  # another day
    "Norvania has sent Kestria 45 million euros in military aid.",  # a delivery
    "Norvania has pledged a total of 45 million euros in military aid to Kestria.",  # total
    "Norvania pledged an additional 45 million euros in military aid to Kestria.",  # tranche
    "Norvania would send Kestria 45 million euros in military aid if parliament agreed.",
    "Norvania plans to send Kestria 45 million euros in military aid.",  # a plan
    "Norvania did not pledge 45 million euros in military aid to Kestria.",  # negated
    "Norvania will give Kestria 45 million euros a year in military aid.",  # a rate
    "Norvania pledged 45 million dollars in military aid to Kestria on Monday.",  # currency
    "Norvania pledged 45 million euros in military loans to Kestria on Monday.",  # a loan
    "Norvania will send Kestria 40 million euros in military aid.",  # the same sum
    "Norvania pledged about 44 million euros in military aid to Kestria.",  # within the hedge
    "Norvania pledged \u20ac40M in military aid to Kestria.",  # the same sum, scale glued
]


def test_a_sum_committed_is_read_with_its_giver_recipient_and_thing() -> None:
    (pledge,) = parse_pledges([PLEDGED])[0]
    assert pledge.sum == "40 million euros" and pledge.what == "aid"
    assert pledge.qualifiers == {"military"} and pledge.when == {"monday"}
    assert pledge.phrase == "Norvania pledged 40 million euros in military aid to Kestria"
    assert has_pledge(PLEDGED) and not has_pledge("Norvania pledged to help Kestria.")


@pytest.mark.parametrize("other", SAME_PACKAGE)
def test_two_sums_for_one_package_clash_whatever_verb_tells_them(other: str) -> None:
    first, second = parse_pledges([PLEDGED, other])
    found = pledge_clash(first, second)
    assert found is not None
    assert "for the same military aid: 40 million euros vs " in found.describe("A", "B")


@pytest.mark.parametrize("other", OTHER_QUANTITIES)
def test_sums_of_other_quantities_never_clash(other: str) -> None:
    first, second = parse_pledges([PLEDGED, other])
    assert pledge_clash(first, second) is None


def test_the_clash_reads_as_one_line_with_both_sources() -> None:
    reason = clash(
        {"text": PLEDGED},
        {"text": SAME_PACKAGE[0]},
        sources=("Wire One", "Daily Two"),
    )
    assert reason == (
        "figures differ for the same military aid: 40 million euros vs 45 million euros: "
        "Wire One says \u201cNorvania pledged 40 million euros in military aid to Kestria\u201d, "
        "Daily Two says \u201cNorvania will send Kestria 45 million euros in military aid\u201d"
    )


AID_A = record(
    "a1",
    "Norvania pledges aid to Kestria",
    [
        "PELLA (AP) \u2014 Norvania pledged 40 million euros in new military aid to Kestria on "
        "Monday.",
        "Premier Arno Velt announced the package at a news conference in the capital.",
    ],
    outlet="Wire One",
)
AID_B = record(
    "b1",
    "Norvania sends Kestria more help",
    [
        "Norvania will send Kestria 45 million euros in military aid, Premier Arno Velt said "
        "on Monday.",
        "Speaking in Pella, Velt said Norvania would stand with Kestria.",
    ],
    outlet="Daily Two",
)


def _place(aid: str, name: str) -> dict[str, Any]:
    return {"id": aid, "name": name, "type": "place", "kb_id": None, "role": None,
            "sentiment": None, "mentions": [{"text": name, "start": 0, "end": 1,
                                             "sentence_id": "s2"}]}  # fmt: skip


@pytest.fixture(scope="module")
def aid_report() -> dict[str, Any]:
    a = dict(AID_A, actors=[_place("kestria", "Kestria")])
    b = dict(AID_B, actors=[_place("kestria", "Kestria"), _place("pella", "Pella")])
    claim = {"text": AID_B["sentences"][0]["text"], "sentence_id": "s1", "evidence": [],
             "verdict": "not_enough_evidence", "explanation": "not judged"}  # fmt: skip
    b["claims"] = [dict(claim, kind="numeric"), dict(claim, kind="event")]
    records = [a, b]
    return build_report(records, comparison=compare_story("story-1", records))


def test_the_disagreement_is_shown_in_json_markdown_and_html(aid_report: dict[str, Any]) -> None:
    (found,) = [a for a in aid_report["comparison"]["alignments"] if a["kind"] == "contradiction"]
    assert found["basis"] == "figures"
    assert [i["sentence_id"] for i in found["items"]] == ["s1", "s1"]
    reason = found["reason"]
    assert "figures differ for the same military aid: 40 million euros vs 45 million" in reason
    md = render_compare_markdown(aid_report)
    part = md[md.index("### Where they contradict") : md.index("### What each says")]
    assert "Norvania pledged 40 million" in part and "Norvania will send Kestria" in part
    assert "figures differ for the same military aid" in part
    assert "figures differ for the same military aid" in render_compare_html(aid_report)


def test_the_place_a_report_is_filed_from_is_covered(aid_report: dict[str, Any]) -> None:
    gaps = [g for g in aid_report["comparison"]["gaps"] if g["kind"] == "actor"]
    assert not any(g["label"] == "Pella" for g in gaps)
    md = render_compare_markdown(aid_report)
    assert "Leaves out what others cover: Pella" not in md


def test_one_sentence_read_as_two_claims_is_one_row(aid_report: dict[str, Any]) -> None:
    md = render_compare_markdown(aid_report)
    part = md[md.index("### Do their factual claims hold up?") :]
    rows = [line for line in part.splitlines() if line.startswith("- ")]
    assert len(rows) == 1 and "Norvania will send Kestria" in rows[0]


def test_one_sentence_with_two_verdicts_says_which_part_each_is_on() -> None:
    text = "Norvania, a member of the Ostland Pact since 1990, has 12 provinces."
    claims = [
        {"text": text, "sentence_id": "s1", "verdict": "supported", "explanation": "ok",
         "evidence": [], "binding": {"relation": "member"}, "cue": "member"},
        {"text": text, "sentence_id": "s1", "verdict": "not_enough_evidence",
         "explanation": "not judged", "evidence": [],
         "binding": {"quantity": "12 (of \u201cprovinces\u201d)"}},
    ]  # fmt: skip
    a = dict(record("a1", "Norvania", [text], outlet="One"), claims=claims)
    b = record("b1", "Norvania", ["Norvania has twelve provinces, officials said."], outlet="Two")
    md = render_compare_markdown(build_report([a, b], comparison=compare_story("s", [a, b])))
    part = md[md.index("### Do their factual claims hold up?") :]
    rows = [line for line in part.splitlines() if line.startswith("- ")]
    assert len(rows) == 2
    assert "(on member): **holds up**" in rows[0]
    assert "(on 12 (of \u201cprovinces\u201d)): **not enough evidence**" in rows[1]
