"""Reruns change nothing, and a run killed with SIGKILL resumes without loss or duplication."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from parallax.store import SQLiteStore

PARALLAX = Path(sys.executable).parent / "parallax"

_WORDS = """
government minister council river harbour winter election budget school hospital railway
bridge farmer market village city report committee museum festival weather storm library
teacher doctor nurse engineer factory energy wind solar forest lake mountain island coast
fishing trade export import price wage worker union strike agreement treaty court judge
lawyer police officer station road traffic airport flight ticket visitor tourist season
harvest grain bread coffee garden park street house family child student university
research science survey result plan project cost fund grant tax ferry port mayor
"""
VOCABULARY = _WORDS.split()
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def article_text(number: int) -> str:
    """A short English article, different in its words from every other number's."""
    rng = random.Random(number)
    paragraphs = []
    for p in range(3):
        sentences = []
        for s in range(4):
            w = rng.sample(VOCABULARY, 9)
            sentences.append(
                f"The {w[0]} and the {w[1]} met the {w[2]} near the {w[3]} on "
                f"{DAYS[(p + s) % 5]}, while the {w[4]} said the {w[5]} would help the "
                f"{w[6]} and the {w[7]} of the {w[8]}."
            )
        paragraphs.append(" ".join(sentences))
    return f"Local report number {number}\n\n" + "\n\n".join(paragraphs) + "\n"


def make_corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"item-{i:03d}.txt").write_text(article_text(i), encoding="utf-8")
    return folder


def article_ids(db: Path) -> set[str]:
    store = SQLiteStore(db)
    try:
        return {a.id for a in store.iter_articles()}
    finally:
        store.close()


def counts(db: Path) -> dict[str, int]:
    store = SQLiteStore(db)
    try:
        return store.counts()
    finally:
        store.close()


def last_run_statuses(db: Path) -> list[tuple[str, str]]:
    store = SQLiteStore(db)
    try:
        rows = store.db.execute(
            "SELECT source, status FROM run_items WHERE run_id = (SELECT max(id) FROM runs) "
            "ORDER BY rowid"
        ).fetchall()
        return [(str(r[0]), str(r[1])) for r in rows]
    finally:
        store.close()


def fts_matches_tables(db: Path) -> bool:
    """The FTS indexes agree with the tables they index (rank=1 checks external content)."""
    conn = sqlite3.connect(db)
    try:
        for table in ("articles_fts", "sentences_fts"):
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def check_consistent(db: Path) -> int:
    """Every stored article has exactly its analysis and its sentences; return the count."""
    store = SQLiteStore(db)
    try:
        assert store.integrity_ok()
        ids = [a.id for a in store.iter_articles()]
        assert len(ids) == len(set(ids))
        total_sentences = 0
        for article_id in ids:
            analyses = store.db.execute(
                "SELECT data FROM analyses WHERE article_id=?", (article_id,)
            ).fetchall()
            assert len(analyses) == 1, article_id
            record = json.loads(analyses[0][0])
            assert record["id"] == article_id
            rows = store.db.execute(
                "SELECT idx, sentence_id, text FROM sentences WHERE article_id=? ORDER BY idx",
                (article_id,),
            ).fetchall()
            assert [r[0] for r in rows] == list(range(len(record["sentences"])))
            assert [(r[1], r[2]) for r in rows] == [
                (s["id"], s["text"]) for s in record["sentences"]
            ]
            assert len({r[1] for r in rows}) == len(rows)
            total_sentences += len(rows)
        c = store.counts()
        assert c["articles"] == len(ids)
        assert c["analyses"] == len(ids)
        assert c["sentences"] == total_sentences
        orphans = store.db.execute(
            "SELECT count(*) FROM analyses WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
        return len(ids)
    finally:
        store.close()


# -- rerunning --------------------------------------------------------------------------


def test_rerunning_analyze_changes_nothing(
    db: Path,
    sample_files: list[Path],
    analyze_json: Callable[..., tuple[dict[str, Any], Result]],
) -> None:
    first, result = analyze_json(*sample_files)
    assert result.exit_code == 0
    assert first["summary"]["stored"] == len(sample_files)
    counts_before = counts(db)
    ids_before = article_ids(db)
    assert len(ids_before) == len(sample_files)

    second, result = analyze_json(*sample_files)
    assert result.exit_code == 0
    counts_after = counts(db)
    assert counts_after.pop("runs") == counts_before.pop("runs") + 1
    assert counts_after == counts_before
    assert article_ids(db) == ids_before

    statuses = last_run_statuses(db)
    assert [status for _, status in statuses] == ["unchanged"] * len(sample_files)
    assert {source for source, _ in statuses} == {str(p) for p in sample_files}
    summary = second["summary"]
    assert summary["unchanged"] == len(sample_files)
    assert summary["stored"] == summary["duplicate"] == summary["failed"] == 0
    assert summary["near_duplicates"] == []
    # The report is rebuilt from the store: the same articles, the same comparison.
    assert second["articles"] == first["articles"]
    assert second["comparison"] == first["comparison"]


def test_rerunning_a_folder_is_idempotent(
    db: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    corpus = make_corpus(tmp_path / "corpus", 6)
    assert cli("analyze", str(corpus), "--quiet").exit_code == 0
    before = counts(db)
    for _ in range(2):
        assert cli("analyze", str(corpus), "--quiet").exit_code == 0
    after = counts(db)
    assert after.pop("runs") == before.pop("runs") + 2
    assert after == before
    assert {status for _, status in last_run_statuses(db)} == {"unchanged"}


def test_a_changed_file_is_read_again(
    db: Path, write: Callable[[str, bytes | str], Path], cli: Callable[..., Result]
) -> None:
    path = write("story.txt", article_text(1))
    assert cli("analyze", str(path), "--quiet").exit_code == 0
    old_ids = article_ids(db)
    write("story.txt", article_text(2))
    assert cli("analyze", str(path), "--quiet").exit_code == 0
    assert last_run_statuses(db) == [(str(path), "stored")]
    new_ids = article_ids(db)
    assert len(new_ids) == 2
    assert old_ids < new_ids
    # Restoring the old content finds the article already stored and analysed.
    write("story.txt", article_text(1))
    assert cli("analyze", str(path), "--quiet").exit_code == 0
    assert last_run_statuses(db) == [(str(path), "unchanged")]
    assert article_ids(db) == new_ids


def test_analyze_after_ingest_analyses_the_stored_articles(
    db: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    corpus = make_corpus(tmp_path / "corpus", 4)
    assert cli("ingest", str(corpus), "--quiet").exit_code == 0
    c = counts(db)
    assert (c["articles"], c["analyses"], c["sentences"]) == (4, 0, 0)
    assert cli("analyze", str(corpus), "--quiet").exit_code == 0
    assert check_consistent(db) == 4
    c = counts(db)
    assert (c["articles"], c["analyses"]) == (4, 4)
    assert c["sentences"] > 0


# -- kill -9 ----------------------------------------------------------------------------


def stored_count(db: Path) -> int | None:
    """Articles committed so far, read without writing (None when not readable yet)."""
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def analyze_command(db: Path, corpus: Path) -> list[str]:
    return [str(PARALLAX), "analyze", "--db", str(db), str(corpus), "--quiet", "--format", "json"]


def start_and_kill_midway(db: Path, corpus: Path, total: int, log: Path) -> int | None:
    """Start a run and SIGKILL it once some (not all) articles are in; None if it finished."""
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            analyze_command(db, corpus),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            cwd=db.parent,
        )
        try:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    return None
                stored = stored_count(db)
                if stored is not None and max(3, total // 4) <= stored < total:
                    os.kill(process.pid, signal.SIGKILL)
                    process.wait(timeout=30)
                    assert process.returncode == -signal.SIGKILL
                    return stored
                if stored is not None and stored >= total:
                    process.wait(timeout=60)
                    return None
                time.sleep(0.01)
            pytest.fail("the run stored no articles within 300 s; log:\n" + log.read_text())
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    return None  # pragma: no cover


@pytest.mark.timeout(300)
def test_a_killed_run_resumes_without_loss_or_duplication(tmp_path: Path) -> None:
    assert PARALLAX.exists(), f"the console script is not installed at {PARALLAX}"
    for total in (40, 150):  # a larger corpus only if the machine is too fast to catch
        workdir = tmp_path / f"attempt-{total}"
        workdir.mkdir()
        db = workdir / "parallax.db"
        corpus = make_corpus(workdir / "corpus", total)
        killed_at = start_and_kill_midway(db, corpus, total, workdir / "first-run.log")
        if killed_at is not None:
            print(f"killed after {killed_at} of {total} articles")
            break
    else:
        pytest.fail("every run finished before it could be killed")

    # The killed run left a consistent database: what is in is whole.
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        raw.close()
    partial = check_consistent(db)
    assert 3 <= partial < total
    assert fts_matches_tables(db)
    ids_after_kill = article_ids(db)

    finished = subprocess.run(
        analyze_command(db, corpus),
        capture_output=True,
        cwd=workdir,
        timeout=240,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr.decode()
    report = json.loads(finished.stdout)
    summary = report["summary"]
    assert summary["failed"] == summary["duplicate"] == summary["skipped"] == 0
    assert summary["stored"] + summary["unchanged"] == total
    assert summary["unchanged"] >= partial
    assert len(report["articles"]) == total
    assert report["errors"] == []

    assert check_consistent(db) == total
    assert fts_matches_tables(db)
    final_ids = article_ids(db)
    assert ids_after_kill <= final_ids
    assert {a["id"] for a in report["articles"]} == final_ids
    store = SQLiteStore(db)
    try:
        c = store.counts()
        assert c["articles"] == total
        assert c["analyses"] == total
        assert c["article_sources"] == total
        assert store.integrity_ok()
        processed = store.db.execute("SELECT count(*) FROM processed_inputs").fetchone()[0]
        assert processed == total
        for i in (0, total // 2, total - 1):
            hits = store.search(f"Local report number {i}")
            assert f"Local report number {i}" in {h.title for h in hits}
    finally:
        store.close()

    # And one more run finds nothing left to do.
    again = subprocess.run(
        analyze_command(db, corpus), capture_output=True, cwd=workdir, timeout=240, check=False
    )
    assert again.returncode == 0, again.stderr.decode()
    assert json.loads(again.stdout)["summary"]["unchanged"] == total
