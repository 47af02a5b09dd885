"""One storage interface, two implementations: every test here runs on SQLite and on a real
PostgreSQL server (started by scripts/postgres.sh), and the two schemas must not drift."""

from __future__ import annotations

import multiprocessing
import re
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from parallax.model import Article
from parallax.store import SQLiteStore, open_store
from parallax.store import postgres as pg
from parallax.store import sqlite as sq

pytestmark = pytest.mark.postgres


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    if request.param == "sqlite":
        return tmp_path / "store.db"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(target: Path | str) -> Iterator[Any]:
    opened = open_store(target)
    yield opened
    opened.close()


def article(text: str, source: str = "in/a.txt", **fields: Any) -> Article:
    values: dict[str, Any] = {
        "title": "Harbour news",
        "outlet": "The Coast Gazette",
        "date": date(2023, 4, 4),
        "language": "en",
        "format": "text",
        "raw": text.encode(),
        "meta": {"k": "v"},
    }
    values.update(fields)
    return Article(text=text, source=source, **values)


def test_open_store_picks_the_backend(target: Path | str) -> None:
    opened = open_store(target)
    try:
        expected = pg.PostgresStore if isinstance(target, str) else SQLiteStore
        assert isinstance(opened, expected)
        assert opened.schema_version == max(v for v, _ in sq.migrations())
    finally:
        opened.close()


def test_reopening_does_not_migrate_twice(target: Path | str) -> None:
    for _ in range(3):
        opened = open_store(target)
        opened.close()
    opened = open_store(target)
    try:
        assert opened.counts()["articles"] == 0
    finally:
        opened.close()


def test_articles_round_trip_and_are_stored_once(store: Any) -> None:
    first = article("The harbour froze early this winter. Ships waited outside.")
    assert store.put_article(first, b"\x01\x02", [5, 6, 7]) is True
    assert store.put_article(first, b"\x01\x02", [5, 6, 7]) is False
    got = store.get_article(first.id)
    assert got is not None
    assert (got.text, got.title, got.outlet, got.date, got.meta) == (
        first.text,
        first.title,
        first.outlet,
        first.date,
        first.meta,
    )
    assert store.get_article(first.id[:6]) == got
    assert store.get_article("zzzz") is None
    assert store.first_source(first.id) == "in/a.txt"
    store.add_source(first.id, "in/copy.txt")
    assert store.sources(first.id) == ["in/a.txt", "in/copy.txt"]
    assert store.raw_input(first.id) == first.raw
    assert store.band_candidates([5, 0, 0]) == {first.id}
    assert store.band_candidates([9, 9, 9]) == set()
    assert store.minhashes({first.id, "missing"}) == {first.id: b"\x01\x02"}


def test_iteration_is_oldest_first(store: Any) -> None:
    texts = [f"Article number {i} about the frozen harbour and its ships." for i in range(300)]
    for text in texts:
        store.put_article(article(text, source=f"in/{len(text)}-{text[15:18]}.txt"), None, [])
    assert [a.text for a in store.iter_articles()] == texts


def test_analyses_replace_sentences_and_search_finds_them(store: Any) -> None:
    a = article("NATO admitted Finland in April 2023. Sweden followed in 2024.")
    store.put_article(a, None, [])
    sentences = [("s1", "NATO admitted Finland in April 2023.", 0, 36)]
    store.put_analysis(a.id, "v1", "analysed", None, {"id": a.id, "n": 1}, sentences)
    store.put_analysis(a.id, "v1", "analysed", None, {"id": a.id, "n": 2}, sentences)
    assert store.get_analysis(a.id, "v1") == {"id": a.id, "n": 2}
    assert store.get_analysis(a.id, "v2") is None
    store.put_analysis(a.id, "v2", "analysed", None, {"id": a.id, "n": 3}, sentences)
    assert store.latest_analysis(a.id) == {"id": a.id, "n": 3}
    assert store.counts()["sentences"] == 1
    hits = store.search("Finland")
    assert {h.kind for h in hits} == {"article", "sentence"}
    assert all(h.article_id == a.id for h in hits)
    assert store.search('"; DROP TABLE articles; --') == []
    assert store.search("") == []


def _unit_rows(count: int, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((count, 384)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_sentence_vectors_round_trip_and_go_with_their_analysis(store: Any) -> None:
    a = article("NATO admitted Finland in April 2023. Sweden followed in 2024.")
    store.put_article(a, None, [])
    sentences = [("s1", "NATO admitted Finland in April 2023.", 0, 36)]
    store.put_analysis(a.id, "v1", "analysed", None, {"id": a.id}, sentences)
    assert store.get_sentence_vectors(a.id, "v1") == {}
    first = _unit_rows(3)
    store.put_sentence_vectors(a.id, "v1", first)
    got = store.get_sentence_vectors(a.id, "v1")
    assert sorted(got) == [0, 1, 2]
    assert all(got[i] == first[i].astype("<f4").tobytes() for i in range(3))
    assert all(len(blob) == 384 * 4 for blob in got.values())
    # Another pipeline version's analysis has its own vectors.
    store.put_analysis(a.id, "v2", "analysed", None, {"id": a.id}, sentences)
    store.put_sentence_vectors(a.id, "v2", _unit_rows(1, seed=1))
    assert len(store.get_sentence_vectors(a.id, "v2")) == 1
    # Storing vectors again replaces them all (fewer rows leave no stale ones behind).
    store.put_sentence_vectors(a.id, "v1", first[:2])
    assert sorted(store.get_sentence_vectors(a.id, "v1")) == [0, 1]
    # Re-analysing replaces the analysis: its old vectors go with it, others stay.
    store.put_analysis(a.id, "v1", "analysed", None, {"id": a.id, "n": 2}, sentences)
    assert store.get_sentence_vectors(a.id, "v1") == {}
    assert len(store.get_sentence_vectors(a.id, "v2")) == 1


def test_deleting_an_analysis_deletes_its_vectors(store: Any) -> None:
    a = article("The harbour froze early this winter. Ships waited outside.")
    store.put_article(a, None, [])
    store.put_analysis(a.id, "v1", "analysed", None, {"id": a.id}, [])
    store.put_sentence_vectors(a.id, "v1", _unit_rows(2))
    marker = "?" if isinstance(store, SQLiteStore) else "%s"
    with store.transaction():
        store.db.execute(
            f"DELETE FROM analyses WHERE article_id={marker} AND pipeline={marker}", (a.id, "v1")
        )
    assert store.get_sentence_vectors(a.id, "v1") == {}


def test_vectors_need_a_stored_analysis_and_a_2d_array(store: Any) -> None:
    a = article("Ships waited outside the frozen harbour for a week.")
    store.put_article(a, None, [])
    with pytest.raises(Exception, match=r"(?i)foreign key"):
        store.put_sentence_vectors(a.id, "never-analysed", _unit_rows(1))
    store.put_analysis(a.id, "v1", "analysed", None, {"id": a.id}, [])
    with pytest.raises(ValueError, match="2-D"):
        store.put_sentence_vectors(a.id, "v1", np.zeros(384, np.float32))
    assert store.get_sentence_vectors(a.id, "v1") == {}


def test_lead_vectors_round_trip_and_go_with_their_analysis(store: Any) -> None:
    a = article("NATO admitted Finland in April 2023. Sweden followed in 2024.")
    store.put_article(a, None, [])
    store.put_analysis(a.id, "v1", "analysed", None, {"id": a.id}, [])
    assert store.get_lead_vector(a.id, "v1") is None
    first, second = _unit_rows(2)
    store.put_lead_vector(a.id, "v1", "digest-1", first)
    assert store.get_lead_vector(a.id, "v1") == ("digest-1", first.astype("<f4").tobytes())
    # Another pipeline version's analysis has its own lead vector.
    store.put_analysis(a.id, "v2", "analysed", None, {"id": a.id}, [])
    store.put_lead_vector(a.id, "v2", "digest-2", second)
    # Storing it again replaces it.
    store.put_lead_vector(a.id, "v1", "digest-3", second)
    assert store.get_lead_vector(a.id, "v1") == ("digest-3", second.astype("<f4").tobytes())
    # Re-analysing replaces the analysis: its old lead vector goes with it, others stay.
    store.put_analysis(a.id, "v1", "analysed", None, {"id": a.id, "n": 2}, [])
    assert store.get_lead_vector(a.id, "v1") is None
    assert store.get_lead_vector(a.id, "v2") == ("digest-2", second.astype("<f4").tobytes())
    # Deleting the analysis deletes it.
    marker = "?" if isinstance(store, SQLiteStore) else "%s"
    with store.transaction():
        store.db.execute(
            f"DELETE FROM analyses WHERE article_id={marker} AND pipeline={marker}", (a.id, "v2")
        )
    assert store.get_lead_vector(a.id, "v2") is None


def test_a_lead_vector_needs_a_stored_analysis_and_a_1d_array(store: Any) -> None:
    a = article("Ships waited outside the frozen harbour for a week.")
    store.put_article(a, None, [])
    with pytest.raises(Exception, match=r"(?i)foreign key"):
        store.put_lead_vector(a.id, "never-analysed", "d", _unit_rows(1)[0])
    store.put_analysis(a.id, "v1", "analysed", None, {"id": a.id}, [])
    with pytest.raises(ValueError, match="1-D"):
        store.put_lead_vector(a.id, "v1", "d", _unit_rows(1))
    assert store.get_lead_vector(a.id, "v1") is None


def test_a_failed_transaction_leaves_nothing(store: Any) -> None:
    a = article("A text that will be rolled back with its analysis.")
    with pytest.raises(RuntimeError), store.transaction():
        store.put_article(a, None, [])
        store.put_analysis(a.id, "v1", "analysed", None, {}, [("s1", "x", 0, 1)])
        raise RuntimeError("boom")
    assert store.first_source(a.id) is None
    assert store.counts()["sentences"] == 0


def test_runs_and_processed_inputs(store: Any) -> None:
    run = store.start_run("analyze")
    store.record_item(run, "in/a.txt", "stored", None, "abc")
    store.finish_run(run, {"stored": 1})
    assert store.processed("in/a.txt", "h", "v1") is None
    store.mark_processed("in/a.txt", "h", "v1", ["abc"])
    store.mark_processed("in/a.txt", "h", "v1", ["abc", "def"])
    assert store.processed("in/a.txt", "h", "v1") == ["abc", "def"]
    assert store.counts()["runs"] == 1


def test_text_with_nul_characters_is_stored(store: Any) -> None:
    a = article("Broken\x00 bytes in a text that SQLite keeps and PostgreSQL refuses.")
    assert store.put_article(a, None, [])
    assert store.get_article(a.id) is not None


def _writer(target: str, worker: int, count: int) -> None:
    opened = open_store(target)
    try:
        for i in range(count):
            # Every worker also writes the shared articles, so the race is real.
            for text in (f"Shared story number {i} about the harbour.", f"Own {worker}-{i} story."):
                a = article(text, source=f"w{worker}/{i}.txt")
                with opened.transaction():
                    created = opened.put_article(a, None, [i])
                    if not created:
                        opened.add_source(a.id, a.source)
                    opened.put_analysis(a.id, "v1", "analysed", None, {"w": worker}, [])
    finally:
        opened.close()


def test_concurrent_writers_in_several_processes_lose_nothing(postgres_url: str) -> None:
    open_store(postgres_url).close()  # migrate once before the race
    workers, count = 4, 25
    context = multiprocessing.get_context("spawn")
    processes = [
        context.Process(target=_writer, args=(postgres_url, w, count)) for w in range(workers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
    assert [p.exitcode for p in processes] == [0] * workers
    opened = open_store(postgres_url)
    try:
        counts = opened.counts()
        assert counts["articles"] == count + workers * count
        assert counts["analyses"] == counts["articles"]
        assert counts["article_sources"] == workers * count + workers * count
        assert opened.integrity_ok()
    finally:
        opened.close()


def test_concurrent_first_opens_migrate_once(postgres_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_open_close, args=(postgres_url,)) for _ in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [p.exitcode for p in processes] == [0] * 4
    opened = open_store(postgres_url)
    try:
        versions = [r[0] for r in opened.db.execute("SELECT version FROM parallax_schema")]
        assert versions == sorted(set(versions))
    finally:
        opened.close()


def _open_close(target: str) -> None:
    open_store(target).close()


def _columns_sqlite(path: Path) -> dict[str, set[str]]:
    db = sqlite3.connect(path)
    tables = [
        r[0]
        for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        if not re.search(r"_fts($|_)", r[0]) and not r[0].startswith("sqlite_")
    ]
    return {t: {r[1] for r in db.execute(f"PRAGMA table_info({t})")} for t in tables}


def test_both_backends_have_the_same_migrations_and_columns(
    tmp_path: Path, postgres_url: str
) -> None:
    assert [v for v, _ in sq.migrations()] == [v for v, _ in pg.migrations()], (
        "every SQLite migration needs a PostgreSQL twin in store/migrations/postgres/"
    )
    SQLiteStore(tmp_path / "s.db").close()
    lite = _columns_sqlite(tmp_path / "s.db")
    opened = pg.PostgresStore(postgres_url)
    try:
        rows = opened.db.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema='public' AND table_name <> 'parallax_schema'"
        ).fetchall()
    finally:
        opened.close()
    post: dict[str, set[str]] = {}
    for table, column in rows:
        post.setdefault(table, set()).add(column)
    # PostgreSQL spells SQLite's implicit rowid and FTS tables as seq and search columns.
    post = {t: c - {"seq", "search"} for t, c in post.items()}
    assert post == lite


def test_unreachable_server_gives_a_clear_error() -> None:
    from parallax.errors import StoreError

    with pytest.raises(StoreError, match=r"cannot connect to PostgreSQL at .*:\*\*\*@"):
        open_store("postgresql://someone:secret@127.0.0.1:9/none")


def test_the_cli_analyses_searches_and_resumes_on_postgres(
    postgres_url: str, sample_files: list[Path], cli: Any
) -> None:
    paths = [str(p) for p in sample_files]
    first = cli("analyze", "--quiet", "--db", postgres_url, "--format", "json", *paths)
    assert first.exit_code == 0, first.output
    again = cli("analyze", "--db", postgres_url, "--format", "json", *paths)
    assert again.exit_code == 0
    assert "unchanged" in again.stderr
    found = cli("search", "--db", postgres_url, "Finland")
    assert found.exit_code == 0 and "Finland" in found.output
    opened = open_store(postgres_url)
    try:
        assert opened.counts()["articles"] == len(paths)
        assert opened.counts()["analyses"] == len(paths)
    finally:
        opened.close()


def test_browsing_methods_agree_on_both_backends(store: Any) -> None:
    texts = [
        ("NATO admitted Finland in April 2023 after a long debate.", "North Post", "2023-04-05"),
        ("Sweden joined the alliance in March 2024, ending neutrality.", "South Daily", None),
        ("Fishermen reported a record herring season on the coast.", "North Post", "2022-09-01"),
    ]
    ids = []
    for i, (text, outlet, day) in enumerate(texts):
        a = article(
            text, source=f"in/{i}.txt", outlet=outlet, date=date.fromisoformat(day) if day else None
        )
        store.put_article(a, None, [])
        data = {
            "genre": "news_report" if i else "opinion",
            "claims": [{"verdict": "supported", "n": i}, {"verdict": "contradicted", "n": i}],
        }
        store.put_analysis(a.id, "v1", "analysed", None, data, [("s1", text, 0, len(text))])
        ids.append(a.id)
    total, page = store.list_articles(limit=2)
    assert total == 3 and [p["id"] for p in page] == [ids[0], ids[2]]
    total, page = store.list_articles(query="Finland")
    assert total == 1 and page[0]["id"] == ids[0] and "[" in (page[0]["snippet"] or "")
    assert store.list_articles(outlet="North Post")[0] == 2
    assert store.list_articles(genre="opinion")[0] == 1
    assert store.list_articles(date_from="2023-01-01")[0] == 1
    assert store.list_articles(query="!!!")[0] == 0
    assert store.facets()["outlets"] == ["North Post", "South Daily"]
    total, items = store.latest_layer_items("claims", where="verdict=contradicted")
    assert total == 3 and [item["n"] for _, item in items] == [0, 1, 2]
    run = store.start_run("ingest")
    store.record_item(run, "in/0.txt", "stored", None, ids[0])
    store.update_run(run, {"done": 1})
    got = store.get_run(run)
    assert got is not None and got["summary"] == {"done": 1} and len(got["items"]) == 1
    assert [r["id"] for r in store.recent_runs(command="ingest")] == [run]
