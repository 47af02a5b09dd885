"""A claim that names who signed a treaty is about their signature (issue 17).

Sentences written for these tests, of a shape found while probing the checker with invented
climate and war copy: "Syria signed the Paris Agreement in 2016" was "supported" from the
day the agreement was opened for signature, and "Germany signed the North Atlantic Treaty in
1949" from the day its twelve founders signed it; the knowledge base records when a treaty
was signed, not when each later party did, so such claims are not judged. A treaty's
signing date still dates a claim naming all its original parties, or none.
"""

from __future__ import annotations

from datetime import date

import pytest

from parallax.factcheck import Checker

CHECKER = Checker(today=date(2024, 6, 1))


@pytest.mark.parametrize(
    "text",
    [
        "Syria signed the Paris Agreement in 2016.",
        "Germany signed the North Atlantic Treaty in 1949.",
        "The Paris Agreement was signed by Nicaragua in 2016.",
        "Spain, which signed the North Atlantic Treaty in 1949, hosted the summit.",
        # one of two original parties is not all of them
        "The United States signed the INF Treaty in 1990.",
        # the only original party recorded: the parties are listed in part
        "The United States signed the Paris Agreement in 2016.",
    ],
)
def test_one_partys_signature_is_not_dated_by_the_treatys(text: str) -> None:
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == "not_enough_evidence", record
    assert "not when" in str(record["explanation"]), record
    assert record["structured"] and "signer" in record["structured"]["binding"]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "The INF Treaty was signed by the United States and the Soviet Union in 1987.",
            "supported",
        ),
        ("The United States and the Soviet Union signed the INF Treaty in 1991.", "contradicted"),
        ("The North Atlantic Treaty was signed in 1950.", "contradicted"),
        # a country that is not the one signing is no signer
        ("The Kyoto Protocol, signed in 1997, still matters to Japan.", "supported"),
    ],
)
def test_a_treatys_signing_still_dates_its_original_parties(text: str, verdict: str) -> None:
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == verdict, record
