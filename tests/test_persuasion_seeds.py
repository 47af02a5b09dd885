"""On the seed editorials, the techniques a reader can see in the highlighted words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import shared_path


@pytest.fixture(scope="module")
def seed_analyses(pipeline: Any) -> dict[str, Any]:
    from parallax.ingest import read_inputs
    from parallax.settings import Settings

    folder = shared_path("seeds")
    articles = list(read_inputs(sorted(folder.glob("*.txt")), Settings(db_path=Path("unused.db"))))
    return {a.source.rsplit("/", 1)[-1][:3]: pipeline(a) for a in articles}


def highlighted(analysis: Any) -> set[tuple[str, str]]:
    text = analysis.article.text
    return {
        (t["name"], text[t["start"] : t["end"]]) for s in analysis.sentences for t in s.techniques
    }


@pytest.mark.shared
def test_every_seed_technique_has_a_visible_span_score_and_voice(
    seed_analyses: dict[str, Any],
) -> None:
    for analysis in seed_analyses.values():
        for sentence in analysis.sentences:
            for technique in sentence.techniques:
                start, end = technique["start"], technique["end"]
                assert sentence.start <= start < end <= sentence.end
                # A whole sentence says nothing about where the technique is, except
                # for a standalone exclamation, whose form is the slogan.
                whole = sentence.text.strip() == analysis.article.text[start:end].strip()
                assert not whole or technique["name"] == "slogans"
                assert technique["source"] in {"rule", "model"}
                assert 0.0 < technique["score"] <= 1.0
                assert technique["voice"] in {"own", "quoted"}


@pytest.mark.shared
def test_seed_summary_counts_each_voice(seed_analyses: dict[str, Any]) -> None:
    for analysis in seed_analyses.values():
        summary = analysis.layers["techniques_by_voice"]
        own = sum(summary["own"].values())
        quoted = sum(sum(q["techniques"].values()) for q in summary["quoted"])
        assert own + quoted == sum(len(s.techniques) for s in analysis.sentences)
