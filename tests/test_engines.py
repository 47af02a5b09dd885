"""Corpus runs (`parallax run`): locally and on a real Ray runtime, idempotent, resumable,
with a summary whose size does not grow with the corpus."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from parallax.engines import run_corpus
from parallax.engines.work import FAILURE_SAMPLE, CorpusSummary, UnitResult
from parallax.settings import Settings
from parallax.store import open_store

TOPICS = [
    ("harbour", "The harbour authority in Tallinn reopened the northern pier after repairs."),
    ("budget", "The city council in Tartu approved a budget for new school buildings."),
    ("rail", "A new rail link between Riga and Vilnius carried its first passengers."),
    ("energy", "Finland's grid operator connected a large offshore wind farm to the network."),
    ("fishing", "Fishermen in Gdansk reported the best herring season in a decade."),
    ("museum", "A museum in Turku opened an exhibition about medieval trade routes."),
]


def corpus_record(i: int) -> dict[str, Any]:
    name, sentence = TOPICS[i % len(TOPICS)]
    return {
        "title": f"Report {i}: {name}",
        "text": f"{sentence} Officials counted {i * 7 + 3} visitors on day {i}. "
        f"Residents of district {i} said the change was welcome and overdue.",
        "date": f"2023-04-{(i % 28) + 1:02d}",
        "outlet": f"Outlet {i % 3}",
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    with (folder / "wire.jsonl").open("w") as handle:
        for i in range(20):
            handle.write(json.dumps(corpus_record(i)) + "\n")
        handle.write("{not json\n")
    for i in range(20, 24):
        record = corpus_record(i)
        (folder / f"story-{i}.txt").write_text(f"{record['title']}\n\n{record['text']}\n")
    (folder / "empty.txt").write_text("")
    return folder


def settings_for(target: Path | str) -> Settings:
    return Settings(db_path=target, batch_size=4)


def test_local_run_stores_every_article_and_reports_failures(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "run.db"
    summary = run_corpus([corpus], settings=settings_for(db))
    assert summary.counts["stored"] == 24
    assert summary.counts["failed"] == 2  # the broken JSONL line and the empty file
    assert {Path(s).name for s, _ in summary.failures} == {"wire.jsonl:21", "empty.txt"}
    store = open_store(db)
    try:
        assert store.counts()["articles"] == 24
        assert store.counts()["analyses"] == 24
    finally:
        store.close()


def test_a_rerun_changes_nothing(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "run.db"
    (corpus / "empty.txt").unlink()
    run_corpus([corpus], settings=settings_for(db))
    before = open_store(db).counts()
    again = run_corpus([corpus], settings=settings_for(db))
    assert again.counts["stored"] == 0
    assert again.counts["unchanged"] >= 5  # the container and the four files
    after = open_store(db).counts()
    assert {k: v for k, v in after.items() if k != "runs"} == {
        k: v for k, v in before.items() if k != "runs"
    }


def test_ingest_only_stores_without_analyses(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "run.db"
    summary = run_corpus([corpus], settings=settings_for(db), components=())
    assert summary.counts["stored"] == 24
    assert open_store(db).counts()["analyses"] == 0


def test_the_summary_does_not_grow_with_the_corpus() -> None:
    summary = CorpusSummary(run_id=1, engine="local", workers=1)
    for i in range(20_000):
        summary.add(UnitResult(f"in/{i}", {"failed": 1, "stored": 3}, [(f"in/{i}", "bad")]))
    assert summary.counts["stored"] == 60_000
    assert summary.failure_count == 20_000
    assert len(summary.failures) == FAILURE_SAMPLE
    assert summary.as_dict()["failures_not_listed"] == 20_000 - FAILURE_SAMPLE


def test_unknown_engine_is_refused(tmp_path: Path) -> None:
    from parallax.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown engine 'spark'"):
        run_corpus([tmp_path], settings=settings_for(tmp_path / "x.db"), engine="spark")


def test_cli_run_prints_a_summary(corpus: Path, cli: Any, tmp_path: Path) -> None:
    result = cli("run", "--db", str(tmp_path / "cli.db"), str(corpus))
    assert result.exit_code == 1  # two inputs failed
    assert "24 stored" in result.stderr
    assert "empty.txt" in result.stderr


@pytest.mark.ray
def test_ray_run_with_two_workers_resumes_without_duplicates(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "ray.db"
    # A first, partial run stands for a run that crashed after some inputs.
    run_corpus([corpus / "story-20.txt", corpus / "story-21.txt"], settings=settings_for(db))
    summary = run_corpus([corpus], settings=settings_for(db), engine="ray", workers=2)
    assert summary.engine == "ray" and summary.workers == 2
    assert summary.counts["stored"] == 22
    assert summary.counts["unchanged"] == 2
    assert summary.counts["failed"] == 2
    store = open_store(db)
    try:
        counts = store.counts()
        assert counts["articles"] == 24
        assert counts["analyses"] == 24
        assert store.integrity_ok()
    finally:
        store.close()
    again = run_corpus([corpus], settings=settings_for(db), engine="ray", workers=2)
    assert again.counts["stored"] == 0
    assert open_store(db).counts()["articles"] == 24


def test_a_killed_run_resumes_to_the_same_store(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        record = corpus_record(i)
        (folder / f"a{i:02d}.txt").write_text(f"{record['title']}\n\n{record['text']}\n")
    db = tmp_path / "kill.db"
    parallax = Path(sys.executable).parent / "parallax"
    command = [str(parallax), "run", "--quiet", "--db", str(db), str(folder)]
    process = subprocess.Popen(command, env=os.environ.copy())
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists() and _stored(db) >= 5:
            break
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = _stored(db)
    assert partial < 30, "the run finished before it could be killed; use more inputs"
    done = subprocess.run(command, env=os.environ.copy(), capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr
    store = open_store(db)
    try:
        assert store.counts()["articles"] == 30
        assert store.counts()["analyses"] == 30
        assert store.integrity_ok()
    finally:
        store.close()


def _stored(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM analyses").fetchone()[0])
    except sqlite3.DatabaseError:
        return 0
