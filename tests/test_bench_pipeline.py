from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_path
from parallax_dev.bench.pipeline_speed import PipelineBench, Timing, format_markdown, load_corpus


def test_ratios_are_throughput_over_spacy() -> None:
    result = PipelineBench(
        articles=2,
        words=1000,
        baseline=Timing("spaCy alone", 2.0, 1000),
        pipeline=Timing("pipeline", 4.0, 1000),
        full_run=Timing("run", 5.0, 1000),
    )
    assert result.ratio(result.pipeline) == pytest.approx(0.5)
    table = format_markdown(result)
    assert "| pipeline | 250 | 0.50 |" in table and "| spaCy alone | 500 | 1.00 |" in table


def test_missing_corpus_says_where(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"basil_articles\.jsonl"):
        load_corpus(tmp_path)


@pytest.mark.shared
def test_basil_corpus_reads_whole() -> None:
    articles = load_corpus(shared_path("inputs", "basil-media-bias").parents[1])
    assert len(articles) == 210 and all(a.text for a in articles)
    assert sum(1 for a in articles if a.title) >= 209  # one BASIL record has no title


def test_component_shares_are_listed_when_measured() -> None:
    result = PipelineBench(
        articles=1,
        words=100,
        baseline=Timing("spaCy alone", 1.0, 100),
        pipeline=Timing("pipeline", 2.0, 100),
        full_run=Timing("run", 2.0, 100),
        components={"parse": 1.5, "actors": 0.5},
    )
    table = format_markdown(result)
    assert "| parse | 1.5 | 75% |" in table and "| actors | 0.5 | 25% |" in table
