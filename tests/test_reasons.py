"""Specifications of the one-line reasons shown for verdicts and alignments (issue 17 item 5)."""

from __future__ import annotations

from parallax.report import reasons
from parallax.report.reasons import alignment_line, evidence_line, verdict_line

FACT = {
    "kind": "fact",
    "text": "Alliance X was founded on 1949-04-04",
    "source": "https://example.org/founding",
}


def test_a_verdict_line_puts_reason_evidence_and_source_side_by_side() -> None:
    claim = {
        "verdict": "contradicted",
        "explanation": "Alliance X was founded on 1949-04-04; the claim says in 1951.",
        "evidence": [FACT, {**FACT, "text": "another fact"}],
    }
    line = verdict_line(claim)
    assert line.startswith("contradicted: Alliance X was founded on 1949-04-04; the claim says")
    assert "Evidence: Alliance X was founded on 1949-04-04 (source: https://example.org/" in line
    assert line.endswith("(+1 more)") and "\n" not in line


def test_a_verdict_without_evidence_or_reason_still_reads() -> None:
    assert verdict_line({"verdict": "not_enough_evidence", "explanation": "no fact\nknown"}) == (
        "not enough evidence: no fact known."
    )
    assert verdict_line({"verdict": "supported"}) == "supported."
    assert evidence_line({"text": "a note"}) == "a note"


def test_an_alignment_line_names_its_kind_once() -> None:
    clash = {"kind": "contradiction", "reason": "dates disagree: 1949 vs 1951: A says ..."}
    assert alignment_line(clash) == "contradiction: dates disagree: 1949 vs 1951: A says ..."
    same = {"kind": "same", "reason": "same: A and B say it in other words"}
    assert alignment_line(same) == "same: A and B say it in other words"


def test_confirmed_titles_are_one_line_and_mismatched_titles_stay_verdicts() -> None:
    confirmed = {"kind": "title", "verdict": "supported", "text": "Senator  X", "sentence_id": "s2"}
    wrong = {"kind": "title", "verdict": "contradicted", "text": "President Y", "sentence_id": "s3"}
    other = {"kind": "membership", "verdict": "supported", "text": "NATO has 28 members"}
    assert reasons.is_routine_title(confirmed)
    assert not reasons.is_routine_title(wrong) and not reasons.is_routine_title(other)
    line = reasons.routine_titles_line([confirmed, wrong, other])
    assert line.startswith("1 office title held") and "Senator X (s2)" in line
    assert "President Y" not in line and reasons.routine_titles_line([other]) == ""
