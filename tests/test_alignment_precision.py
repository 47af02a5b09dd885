"""Cross-source alignment on real stories, against pairs the project judged by hand (issue 17).

The judgements (``parallax_dev/data/alignment_judgements.jsonl``) are BASIL story and
article ids, sentence offsets, the pair's kind and our label with a short reason; the
articles are read from ../shared. Aligning the judged stories runs the analysis the
``compare`` command runs on about 200 articles, so this takes a few minutes.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from conftest import shared_path
from parallax.comparison.alignment import clash
from parallax_dev.evaluation import alignment, alignment_ruwa

SAME_FLOOR = 0.9
"""Precision of ``same`` pairs: 0.935 when measured (docs/evaluation.md); the issue asks 0.8."""
CONTRADICTION_FLOOR = 0.8
"""Precision of ``contradiction`` pairs, where any are given (the issue's floor)."""
MIN_SAME_JUDGED = 100
RECALL_FLOOR = 0.45
"""Share of hand-picked facts all three outlets report that get aligned (11 of 24 when
measured: a shared quoted remark and one event of a named actor on one day are found, facts
told in other words with other actors or framing are still missed)."""


def test_judgements_are_ids_and_labels_only() -> None:
    rows = alignment.read_judgements()
    assert sum(r["kind"] == "same" and r["system"] == "current" for r in rows) >= MIN_SAME_JUDGED
    for row in rows:
        assert set(row) == {"story", "kind", "a", "b", "system", "label", "reason"}, row
        assert row["kind"] in alignment.KINDS and row["label"] in {"correct", "incorrect"}
        for article, start, end in (row["a"], row["b"]):
            assert article.startswith(row["story"]) and 0 <= start < end
        assert row["reason"].strip() and len(row["reason"]) < 120
    facts = alignment.read_shared_facts()
    assert facts and all(len({m[0] for m in f["mentions"]}) == 3 for f in facts)


def test_unjudged_pairs_count_against_precision_and_facts_need_an_aligned_pair() -> None:
    judged = {"story": "s", "kind": "same", "a": ["s_1.json", 0, 9], "b": ["s_2.json", 5, 20]}
    new = {**judged, "a": ["s_1.json", 30, 40]}
    fact = {"story": "s", "mentions": [["s_1.json", 0, 9], ["s_2.json", 0, 30], ["s_3.json", 1, 2]]}
    result = alignment.score([judged, new], [{**judged, "label": "correct"}], [fact])
    assert result.precision("same") == 0.5 and len(result.unjudged) == 1
    assert result.recall() == 1.0
    assert alignment.score([new], [], [fact]).recall() == 0.0


@pytest.fixture(scope="module")
def current() -> list[dict[str, Any]]:
    """Today's aligned pairs on every story that has a judged pair or a shared fact."""
    shared = shared_path("inputs").parent
    wanted = {r["story"] for r in alignment.read_judgements()}
    wanted |= {f["story"] for f in alignment.read_shared_facts()}
    return alignment.align_stories(alignment.stories(shared, wanted))


@pytest.mark.shared
def test_precision_floors_on_basil_stories(current: list[dict[str, Any]]) -> None:
    result = alignment.score(current, alignment.read_judgements(), alignment.read_shared_facts())
    same = result.precision("same")
    assert same is not None and same >= SAME_FLOOR, (result.as_dict(), result.unjudged[:5])
    assert result.total["same"] >= MIN_SAME_JUDGED
    contradiction = result.precision("contradiction")
    assert contradiction is None or contradiction >= CONTRADICTION_FLOOR, result.as_dict()
    recall = result.recall()
    assert recall is not None and recall >= RECALL_FLOOR, result.as_dict()


@pytest.mark.shared
def test_no_pair_judged_wrong_is_given_again(current: list[dict[str, Any]]) -> None:
    wrong = alignment.labels(r for r in alignment.read_judgements() if r["label"] == "incorrect")
    again = [p for p in current if wrong.get(p) is not None]
    assert len(again) <= ALLOWED_WRONG_AGAIN, Counter(p["basis"] for p in again)


@pytest.mark.shared
def test_ruwa_contradictions_judged_wrong_stay_apart() -> None:
    """Every contradiction judged on RUWA's war headlines, read by today's rules again.

    The full alignment of RUWA takes about a quarter of an hour (``parallax-dev eval
    alignment``); here only the judged sentence pairs are parsed, which takes seconds.
    """
    judged = [
        j
        for j in alignment.read_judgements()
        if alignment_ruwa.is_ruwa(j["story"]) and j["kind"] == "contradiction"
    ]
    shared = shared_path("inputs").parent
    days = alignment_ruwa.ruwa_stories(shared, {j["story"] for j in judged})
    texts = {a.article: a.source.text for items in days.values() for a in items}
    pairs = [[texts[j[side][0]][j[side][1] : j[side][2]] for side in ("a", "b")] for j in judged]
    found = [clash({"text": a}, {"text": b}) for a, b in pairs]
    wrong = [
        j["reason"] for j, f in zip(judged, found, strict=True) if f and j["label"] != "correct"
    ]
    assert not wrong
    right = sum(bool(f) and j["label"] == "correct" for j, f in zip(judged, found, strict=True))
    assert right >= RUWA_CONTRADICTIONS_FOUND


RUWA_CONTRADICTIONS_FOUND = 7
"""Contradictions judged correct on RUWA that are still found (figures 2, attackers 5); only
goes up."""
ALLOWED_WRONG_AGAIN = 26
"""Pairs judged wrong that today's alignment still gives (all ``same``); only goes down
(19 before the shared-quote rule, which added 49 right and 4 wrong on BASIL; 23 before the
shared-event rule, which added 32 right and 3 wrong)."""
