"""The claim grammar: table-driven sentences we wrote, and properties over any text."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.claims import Context, Party, read_claims
from parallax.claims.numbers import find_numbers, words_to_number
from parallax.claims.when import find_times
from parallax.factcheck import open_knowledge

KB = open_knowledge([Path(__file__).parent / "data" / "userkb"])
NATO = Context(anchor=date(2022, 2, 28), organisation=Party("NATO", "nato", "organisation"))


def first(text: str, context: Context | None = None, **match: Any) -> dict[str, Any]:
    claims = [c.structured() for c in read_claims(text, KB, context)]
    for claim in claims:
        if all(claim.get(k) == v for k, v in match.items()):
            return claim
    raise AssertionError(f"no claim with {match} in {claims}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Between 1999 and 2004, NATO expanded to 14 more countries.",
            {
                "subject_id": "nato",
                "relation": "gained_members",
                "quantity": 14,
                "unit": "countries",
                "span": ["1999-01-01", "2004-12-31"],
                "kind": "numeric",
            },
        ),
        (
            "NATO grew by a dozen countries in 2004.",
            {"relation": "gained_members", "quantity": 12, "increment": True},
        ),
        (
            "NATO grew to thirty members in 2020.",
            {"relation": "member_count", "quantity": 30, "increment": False},
        ),
        (
            "Finland became the alliance's thirty-first member.",
            {"subject_id": "finland", "object_id": "nato", "ordinal": 31},
        ),
        (
            "NATO was founded in 1949.",
            {"kind": "date", "relation": "founded", "span": ["1949-01-01", "1949-12-31"]},
        ),
        (
            "Finland joined NATO on 4 April 2023.",
            {
                "relation": "member_of",
                "subject_id": "finland",
                "object_id": "nato",
                "span": ["2023-04-04"] * 2,
            },
        ),
        ("Sweden is a member of NATO.", {"kind": "membership", "tense": "present"}),
        ("Ukraine is not a member of NATO.", {"negated": True, "subject_id": "ukraine"}),
        (
            "NATO is the largest military alliance.",
            {"kind": "superlative", "superlative": "largest military alliance"},
        ),
        (
            "NATO has more than 30 members.",
            {"relation": "member_count", "comparator": ">", "quantity": 30},
        ),
        ("NATO has fewer than 40 members.", {"comparator": "<", "quantity": 40}),
        (
            "NATO has twice as many members as the Warsaw Pact.",
            {"kind": "comparison", "comparator": "x", "quantity": 2},
        ),
        (
            "The North Atlantic Treaty was signed on April 4, 1949.",
            {"relation": "signed", "subject_id": "north-atlantic-treaty"},
        ),
        ("The capital of Finland is Helsinki.", {"relation": "capital", "object": "Helsinki"}),
        (
            "Russia invaded Ukraine on 24 February 2022.",
            {"kind": "event", "subject_ids": ["russia", "ukraine"]},
        ),
        (
            "Joe Biden was president of the United States in 2022.",
            {"relation": "head_of_state", "subject_id": "joe-biden", "object_id": "united-states"},
        ),
        ("Inflation reached 80% in the United States.", {"quantity": 80, "unit": "%"}),
        (
            "Since 2004, NATO has admitted nine more countries.",
            {"relation": "gained_members", "time_bound": "since"},
        ),
    ],
)
def test_sentences(text: str, expected: dict[str, Any]) -> None:
    first(text, **expected)


def test_context_supplies_the_organisation() -> None:
    claim = first("In 1999, Poland, Hungary and the Czech Republic joined.", NATO)
    assert claim["subject_ids"] == ["poland", "hungary", "czechia"]
    assert claim["object_id"] == "nato"


def test_listed_founders_are_counted_beside_the_number() -> None:
    claim = first("NATO began as an agreement between the U.S., Canada and 12 European states.")
    assert claim["relation"] == "founding_member"
    assert [p["id"] for p in claim["named"]] == ["united-states", "canada"]


@pytest.mark.parametrize(
    "text",
    [
        "Nine years later, the talks resumed.",
        "We must stand together as one.",
        "Hello world.",
        # The agency a dateline names is no relation word: no "capital" claim on Finland.
        "OSLO (Capital Desk) \u2014 Finland lowered its fuel tax on Monday.",
        "HELSINKI, Nov 2 (Capital Desk) - Finland lowered its fuel tax.",
    ],
)
def test_no_claim_without_a_checkable_shape(text: str) -> None:
    assert [c for c in read_claims(text, KB) if c.kind != "superlative"] == []


@pytest.mark.parametrize(
    ("words", "value"),
    [("fourteen", 14), ("thirty-first", 31), ("one hundred and twelve", 112), ("twelve", 12)],
)
def test_number_words(words: str, value: int) -> None:
    assert words_to_number(words) is not None
    assert words_to_number(words)[0] == value  # type: ignore[index]


def test_numbers_keep_percent_money_and_scale() -> None:
    found = {n.text: n for n in find_numbers("80% of $5 billion and 20 million people, a dozen")}
    assert found["80%"].percent and found["$5 billion"].currency == "$"
    assert found["20 million"].value == 20_000_000 and found["a dozen"].value == 12


def test_times_read_ranges_and_bounds() -> None:
    (between,) = find_times("between 1999 and 2004")
    assert between.span() == ["1999-01-01", "2004-12-31"]
    (since,) = find_times("since 2004")
    assert since.bound == "since"
    (day,) = find_times("on 4 April", date(2023, 4, 5))
    assert day.span() == ["2023-04-04", "2023-04-04"]
    assert find_times("1,340 kilometres") == []


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_grammar_never_crashes_and_parts_slice_the_text(text: str) -> None:
    for claim in read_claims(text, KB, NATO):
        assert 0 <= claim.start <= claim.end <= len(text)
        for start, end in claim.parts.values():
            assert 0 <= start <= end <= len(text)


words = st.sampled_from(
    [
        "NATO",
        "Finland",
        "joined",
        "in",
        "1999",
        "fourteen",
        "more",
        "countries",
        "the",
        "31st",
        "member",
        "between",
        "and",
        "2004",
        "was",
        "founded",
        "not",
        "Sweden",
        "largest",
        ",",
        ".",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(words, max_size=25).map(" ".join))
def test_grammar_on_claim_like_word_salad(text: str) -> None:
    for claim in read_claims(text, KB, NATO):
        record = claim.record("c1")
        for start, end in record["parts"].values():
            assert text[start:end].strip()
