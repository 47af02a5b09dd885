"""A relation noun that belongs to another figure does not make a total a count of it.

Sentences written for these tests (issue 17), of a shape found while probing the checker with
invented alliance copy: "NATO has 32 members, up from 12 at its founding in 1949" is true,
but "founding" (said of the 12) was read as the relation of the 32, and the sentence came out
"contradicted" because NATO had 12 founders, not 32.
"""

from __future__ import annotations

from datetime import date

import pytest

from parallax.factcheck import Checker

CHECKER = Checker(today=date(2024, 7, 10))


@pytest.mark.parametrize(
    "text",
    [
        "NATO has 32 members, up from 12 at its founding in 1949.",
        "The alliance, which has 32 members, is up from 12 at its founding.",
    ],
)
def test_a_total_is_not_a_count_of_founders_said_of_another_figure(text: str) -> None:
    record = CHECKER.check_text(text).record()
    assert record["verdict"] != "contradicted", record


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("NATO had 12 members at its founding.", "supported"),
        ("At its founding, NATO had 14 members.", "contradicted"),
        ("NATO had 14 founding members.", "contradicted"),
        ("NATO has 32 members, up from 16 at the end of the Cold War.", "supported"),
    ],
)
def test_a_founding_tied_to_the_count_still_counts_founders(text: str, verdict: str) -> None:
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == verdict, record


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # Invented: "EU" only says what the object's states are; the 32 are the alliance's.
        ("The alliance's 32 allies include 23 EU states.", "not_enough_evidence"),
        ("NATO's 32 allies include 23 EU states.", "supported"),
        ("32 countries are NATO members.", "supported"),
        ("The EU has 27 member states.", "supported"),
    ],
)
def test_a_name_that_only_describes_another_argument_owns_no_count(text: str, verdict: str) -> None:
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == verdict, record


def test_reasons_given_as_phrases_end_as_sentences_when_joined() -> None:
    from parallax.factcheck.model import sentences

    joined = sentences(["not judged: “met” says no count", "NATO had 32 members.", " "])
    assert joined == "not judged: “met” says no count. NATO had 32 members."


@pytest.mark.parametrize(
    "text", ["France withdrew from NATO in 1966.", "Greece left NATO in 1974."]
)
def test_leaving_the_military_command_is_not_contradicted_as_leaving(text: str) -> None:
    # Invented wording news often uses for leaving NATO's integrated command: not judged,
    # with the command's dates in the reason; a withdrawal never made is still contradicted.
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == "not_enough_evidence", record
    assert "integrated military command" in record["explanation"], record
    never = CHECKER.check_text("Norway withdrew from NATO in 1970.").record()
    assert never["verdict"] == "contradicted", never
