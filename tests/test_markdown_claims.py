"""The Markdown report's fact-check section says what was checked, even when nothing was decided."""

from __future__ import annotations

from typing import Any, cast

from parallax.record import ArticleRecord
from parallax.report.markdown import _claims_markdown


def _article(*verdicts: str) -> ArticleRecord:
    claims: list[dict[str, Any]] = [
        {"text": f"Claim {i}.", "sentence_id": f"s{i}", "verdict": v, "evidence": []}
        for i, v in enumerate(verdicts, start=1)
    ]
    return cast(ArticleRecord, {"title": "A wire report", "claims": claims})


def test_an_article_whose_claims_were_all_undecided_still_says_so() -> None:
    lines = _claims_markdown([_article("not_enough_evidence", "not_enough_evidence")])
    text = "\n".join(lines)
    assert "## Fact-check" in text
    assert "### A wire report" in text
    assert "2 claim(s) checked, none with enough evidence to judge" in text


def test_no_section_without_checked_claims() -> None:
    assert _claims_markdown([cast(ArticleRecord, {"title": "Quiet", "claims": []})]) == []
