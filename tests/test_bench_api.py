"""The API latency benchmark: dated copies carry real analyses, and the load run measures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from parallax.store import open_store
from parallax_dev.bench import api_latency
from web_fixtures import build_store


def test_bench_api_runs_on_a_small_store(tmp_path: Path, pipeline: Any) -> None:
    from conftest import SAMPLES

    db = tmp_path / "bench.db"
    samples = [SAMPLES / "helsinki-herald-report.txt", SAMPLES / "northern-voice-opinion.html"]
    build_store(db, samples, pipeline)
    result = api_latency.run(tmp_path, db=db, articles=9, clients=4, requests=60)
    assert result.articles == 9 and result.analysed_distinct == 2
    store = open_store(db)
    copies = [a for a in store.iter_articles() if "#copy-" in a.source]
    assert len(copies) == 7
    record = store.latest_analysis(copies[0].id)
    assert record is not None and record["id"] == copies[0].id and record["sentences"]
    store.close()
    names = {r.name for r in result.results}
    assert {"article", "search", "comparison", "health (baseline)"} <= names
    for latencies in result.results:
        assert latencies.errors == 0 and len(latencies.samples) == 12
        assert 0 < latencies.percentile(50) <= latencies.percentile(95) <= latencies.percentile(99)
    table = api_latency.format_markdown(result)
    assert "| comparison |" in table and "p95" in table
