"""Cross-source alignment on AllSides round-ups, against pairs judged by hand (issue 17).

The full measure (every contradiction in the 505 stories, every "same" pair in a seeded
sample of 100) takes minutes and lives in ``parallax-dev eval alignment``. CI re-aligns
only the stories where a pair was judged wrong: no contradiction judged wrong may come
back, any contradiction given there must be one judged correct, and the "same" pairs judged
wrong may not grow in number.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import shared_path
from parallax_dev.evaluation import alignment


def _allsides(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if str(r["story"]).startswith("allsides:")]


def test_the_sample_is_a_stable_prefix_of_one_seeded_order() -> None:
    ids = [f"allsides:{n}" for n in range(400)]
    sample = alignment.allsides_sample(ids)
    assert len(sample) == alignment.ALLSIDES_SAMPLE
    assert sample == alignment.allsides_sample(reversed(ids))
    pairs = [
        {"story": "allsides:x", "kind": "contradiction"},
        {"story": "allsides:x", "kind": "same"},
        {"story": next(iter(sample)), "kind": "same"},
    ]
    assert alignment.allsides_scope(pairs, sample) == [pairs[0], pairs[2]]


def test_every_same_pair_of_the_sample_is_judged() -> None:
    judged = _allsides(alignment.read_judgements())
    same = [r for r in judged if r["kind"] == "same" and r["system"] == "current"]
    assert len(same) >= 100
    right = sum(r["label"] == "correct" for r in same)
    assert right / len(same) >= 0.8, (right, len(same))


@pytest.fixture(scope="module")
def current() -> list[dict[str, Any]]:
    """Today's pairs on the AllSides stories that hold a pair judged wrong."""
    shared = shared_path("inputs").parent
    wrong = {r["story"] for r in _allsides(alignment.read_judgements()) if r["label"] != "correct"}
    return alignment.align_stories(alignment.allsides_stories(shared, wrong))


ALLOWED_WRONG_SAME = 12
""""Same" pairs of today's alignment judged wrong (12 of 141 in the sample when measured; 10
of 115 before the shared-event rule, whose 26 new pairs were judged by hand, 2 of them
wrong)."""


@pytest.mark.shared
def test_no_allsides_pair_judged_wrong_is_given_again(current: list[dict[str, Any]]) -> None:
    judged = alignment.labels(alignment.read_judgements())

    def label(pair: dict[str, Any]) -> str | None:
        found = judged.get(pair)
        return str(found["label"]) if found is not None else None

    again = [p for p in current if label(p) == "incorrect"]
    assert len([p for p in again if p["kind"] == "same"]) <= ALLOWED_WRONG_SAME
    for pair in current:
        if pair["kind"] == "contradiction":
            assert label(pair) == "correct", pair["reason"]
