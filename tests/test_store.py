"""The embedded SQLite store: migrations, idempotent writes, lookups, search, transactions."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parallax.errors import StoreError
from parallax.model import Article, content_id
from parallax.store import SQLiteStore, open_store
from parallax.store.sqlite import migrations

TABLES = {
    "raw_inputs",
    "articles",
    "article_sources",
    "minhash_bands",
    "analyses",
    "sentences",
    "processed_inputs",
    "runs",
    "run_items",
    "articles_fts",
    "sentences_fts",
}


def make_article(text: str = "The harbour froze early this winter.", **fields: Any) -> Article:
    values: dict[str, Any] = {
        "source": "inputs/harbour.txt",
        "title": "Harbour news",
        "outlet": "The Coast Gazette",
        "author": "Ines Ek",
        "date": date(2023, 4, 4),
        "url": None,
        "language": "en",
        "format": "text",
        "raw": b"Harbour news\n\n" + text.encode("utf-8"),
        "meta": {"tagline": "All the coast"},
    }
    values.update(fields)
    return Article(text=text, **values)


@pytest.fixture
def store(db: Path) -> Any:
    opened = SQLiteStore(db)
    yield opened
    opened.close()


# -- opening and migrations -------------------------------------------------------------


def test_new_file_is_migrated_to_the_latest_schema(db: Path) -> None:
    assert not db.exists()
    store = SQLiteStore(db)
    try:
        assert db.exists()
        assert store.schema_version == migrations()[-1][0] >= 2
        names = {
            row[0]
            for row in store.db.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")
        }
        assert names >= TABLES
    finally:
        store.close()


def test_open_store_creates_missing_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "parallax.db"
    store = open_store(path)
    try:
        assert path.exists()
        assert store.schema_version == migrations()[-1][0]
    finally:
        store.close()


def test_reopening_does_not_rerun_migrations(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = SQLiteStore(db)
    article = make_article()
    assert first.put_article(article, None, [])
    first.close()

    # Were version 1 applied again, this statement would fail and the open would raise.
    import parallax.store.sqlite as sqlite_module

    latest = migrations()[-1][0]
    monkeypatch.setattr(
        sqlite_module, "migrations", lambda: [(v, "THIS IS NOT SQL;") for v in range(1, latest + 1)]
    )
    second = SQLiteStore(db)
    try:
        assert second.schema_version == latest
        assert second.counts()["articles"] == 1
        assert second.get_article(article.id) is not None
    finally:
        second.close()


def test_database_from_a_newer_parallax_is_refused(db: Path) -> None:
    raw = sqlite3.connect(db)
    raw.execute("CREATE TABLE future (x)")
    raw.execute("PRAGMA user_version = 99")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError) as caught:
        SQLiteStore(db)
    message = str(caught.value)
    assert str(db) in message
    assert "99" in message
    assert "newer" in message
    assert "upgrade Parallax" in message
    # Nothing was changed in the file.
    check = sqlite3.connect(db)
    try:
        assert check.execute("PRAGMA user_version").fetchone()[0] == 99
    finally:
        check.close()


def test_a_file_that_is_not_a_database_is_refused(db: Path) -> None:
    garbage = bytes((i * 7919 + 13) % 256 for i in range(8192))
    db.write_bytes(garbage)
    with pytest.raises(StoreError) as caught:
        SQLiteStore(db)
    message = str(caught.value)
    assert str(db) in message
    assert "--db" in message
    assert db.read_bytes() == garbage  # left alone


def test_wal_mode_is_on(store: SQLiteStore) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_memory_database_works() -> None:
    store = SQLiteStore(":memory:")
    try:
        assert store.schema_version == migrations()[-1][0]
        article = make_article()
        assert store.put_article(article, None, [])
        assert store.get_article(article.id) == replace(article, raw=b"")
    finally:
        store.close()


# -- articles ---------------------------------------------------------------------------


def test_put_article_is_idempotent(store: SQLiteStore) -> None:
    article = make_article()
    assert store.put_article(article, b"\x01\x02", [11, 22, 33]) is True
    before = store.counts()
    assert before["articles"] == 1
    assert before["raw_inputs"] == 1
    assert before["article_sources"] == 1
    assert store.put_article(article, b"\x01\x02", [11, 22, 33]) is False
    assert store.counts() == before
    # The same text from elsewhere is the same article, not a second one.
    elsewhere = replace(article, source="inputs/copy.txt", title="Another title")
    assert store.put_article(elsewhere, None, []) is False
    assert store.counts() == before
    assert store.first_source(article.id) == "inputs/harbour.txt"
    assert store.get_article(article.id).title == "Harbour news"  # type: ignore[union-attr]


def test_raw_input_is_kept_byte_for_byte(store: SQLiteStore) -> None:
    raw = b"\xef\xbb\xbfHarbour news\r\n\r\n\x00\xff\xfe binary tail " + bytes(range(256)) * 40
    article = make_article(raw=raw)
    store.put_article(article, None, [])
    assert store.raw_input(article.id) == raw


def test_raw_input_is_none_without_raw_bytes_or_article(store: SQLiteStore) -> None:
    article = make_article(raw=b"")
    store.put_article(article, None, [])
    assert store.raw_input(article.id) is None
    assert store.raw_input("0123456789abcdef") is None


def test_identical_raw_bytes_are_stored_once(store: SQLiteStore) -> None:
    raw = b"one feed file holding two articles"
    store.put_article(make_article("First article text.", raw=raw), None, [])
    store.put_article(make_article("Second article text.", raw=raw), None, [])
    assert store.counts()["articles"] == 2
    assert store.counts()["raw_inputs"] == 1


def test_sources_are_recorded(store: SQLiteStore) -> None:
    article = make_article()
    store.put_article(article, None, [])
    store.add_source(article.id, "inputs/zz-copy.txt")
    store.add_source(article.id, "inputs/zz-copy.txt")
    assert store.sources(article.id) == ["inputs/harbour.txt", "inputs/zz-copy.txt"]


def _two_ids_sharing_a_prefix(length: int = 4) -> tuple[str, str]:
    seen: dict[str, str] = {}
    for i in range(100_000):
        text = f"Ambiguity probe article number {i}."
        prefix = content_id(text)[:length]
        if prefix in seen:
            return seen[prefix], text
        seen[prefix] = text
    raise AssertionError("no shared prefix found")  # pragma: no cover


def test_get_article_by_id_and_unique_prefix(store: SQLiteStore) -> None:
    article = make_article()
    store.put_article(article, None, [])
    expected = replace(article, raw=b"")
    assert store.get_article(article.id) == expected
    for n in (4, 6, 10, 15):
        assert store.get_article(article.id[:n]) == expected


def test_get_article_is_none_when_ambiguous_unknown_or_not_hex(store: SQLiteStore) -> None:
    first, second = _two_ids_sharing_a_prefix()
    a, b = make_article(first), make_article(second)
    store.put_article(a, None, [])
    store.put_article(b, None, [])
    shared = a.id[:4]
    assert b.id.startswith(shared)
    assert store.get_article(shared) is None  # ambiguous
    assert store.get_article(a.id) is not None
    assert store.get_article(b.id) is not None
    unknown = "f" * 16 if not a.id.startswith("f") else "0" * 16
    for query in (
        unknown,
        "",
        a.id[:3],  # too short to be a useful prefix
        a.id.upper(),
        "zzzz",
        "%",
        a.id[:4] + "%",
        "' OR 1=1 --",
        a.id + "0",
    ):
        assert store.get_article(query) is None, query


def test_iter_articles_streams_in_insertion_order(store: SQLiteStore) -> None:
    articles = [make_article(f"Article body number {i}.") for i in range(300)]
    for article in articles:
        store.put_article(article, None, [])
    assert [a.id for a in store.iter_articles()] == [a.id for a in articles]


def test_band_candidates_and_minhashes(store: SQLiteStore) -> None:
    a = make_article("Alpha text.")
    b = make_article("Beta text.")
    store.put_article(a, b"sig-a", [1, 2, 3])
    store.put_article(b, b"sig-b", [1, 9, 9])
    assert store.band_candidates([1, 0, 0]) == {a.id, b.id}
    assert store.band_candidates([0, 2, 0]) == {a.id}
    assert store.band_candidates([0, 0, 9]) == {b.id}
    assert store.band_candidates([0, 3, 2]) == set()  # buckets count only in their own band
    assert store.minhashes({a.id, b.id, "0" * 16}) == {a.id: b"sig-a", b.id: b"sig-b"}


# -- analyses and search ----------------------------------------------------------------


def _sentence_hits(store: SQLiteStore, query: str) -> list[Any]:
    return [h for h in store.search(query) if h.kind == "sentence"]


def test_put_analysis_replaces_sentences(store: SQLiteStore) -> None:
    article = make_article("Plain body without the probe words.")
    store.put_article(article, None, [])
    store.put_analysis(
        article.id,
        "v1",
        "analysed",
        None,
        {"sentences": 2},
        [("s0", "Quetzalcoatl visited.", 0, 21), ("s1", "Another quetzalcoatl.", 22, 43)],
    )
    assert store.counts()["sentences"] == 2
    assert {h.sentence_id for h in _sentence_hits(store, "quetzalcoatl")} == {"s0", "s1"}

    store.put_analysis(
        article.id, "v1", "analysed", None, {"sentences": 1}, [("t0", "Xylophonist.", 0, 12)]
    )
    assert store.counts()["sentences"] == 1
    assert store.counts()["analyses"] == 1
    assert _sentence_hits(store, "quetzalcoatl") == []
    hits = _sentence_hits(store, "xylophonist")
    assert [(h.article_id, h.sentence_id, h.snippet) for h in hits] == [
        (article.id, "t0", "Xylophonist.")
    ]
    assert store.get_analysis(article.id, "v1") == {"sentences": 1}
    assert store.get_analysis(article.id, "v2") is None
    assert store.integrity_ok()


def test_latest_analysis_is_the_most_recent(store: SQLiteStore) -> None:
    article = make_article()
    store.put_article(article, None, [])
    assert store.latest_analysis(article.id) is None
    store.put_analysis(article.id, "old", "analysed", None, {"v": "old"}, [])
    store.put_analysis(article.id, "new", "analysed", None, {"v": "new"}, [])
    assert store.latest_analysis(article.id) == {"v": "new"}
    assert store.get_analysis(article.id, "old") == {"v": "old"}


@pytest.fixture
def searchable(store: SQLiteStore) -> tuple[SQLiteStore, Article, Article]:
    a = make_article(
        "Icebreakers kept the northern harbour open through February.",
        title="Zephyrine winds close the coast",
    )
    b = make_article(
        "The ministry published its budget, and the Ålands café reopened.",
        title="Budget day",
        source="inputs/budget.txt",
    )
    store.put_article(a, None, [])
    store.put_article(b, None, [])
    store.put_analysis(
        b.id,
        "v1",
        "analysed",
        None,
        {},
        [("b0", "The ministry published its budget, and the Ålands café reopened.", 0, 63)],
    )
    return store, a, b


def test_search_finds_title_words(searchable: tuple[SQLiteStore, Article, Article]) -> None:
    store, a, _ = searchable
    hits = store.search("zephyrine")
    assert [(h.kind, h.article_id, h.title) for h in hits] == [
        ("article", a.id, "Zephyrine winds close the coast")
    ]


def test_search_finds_text_words(searchable: tuple[SQLiteStore, Article, Article]) -> None:
    store, a, _ = searchable
    hits = store.search("Icebreakers")
    assert [(h.kind, h.article_id) for h in hits] == [("article", a.id)]
    assert "[Icebreakers]" in hits[0].snippet
    assert hits[0].outlet == "The Coast Gazette"
    assert hits[0].date == "2023-04-04"


def test_search_finds_sentences(searchable: tuple[SQLiteStore, Article, Article]) -> None:
    store, _, b = searchable
    hits = store.search("ministry budget")
    kinds = {(h.kind, h.article_id, h.sentence_id) for h in hits}
    assert ("article", b.id, None) in kinds
    assert ("sentence", b.id, "b0") in kinds


def test_search_ignores_case_and_diacritics(
    searchable: tuple[SQLiteStore, Article, Article],
) -> None:
    store, _, b = searchable
    for query in ("ALANDS", "alands", "Ålands", "cafe", "CAFÉ"):
        assert {h.article_id for h in store.search(query)} == {b.id}, query


def test_search_limit(store: SQLiteStore) -> None:
    for i in range(30):
        store.put_article(make_article(f"Common word harbour, item {i}."), None, [])
    assert len(store.search("harbour", limit=5)) == 5
    assert len(store.search("harbour")) == 20


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '"""',
        "'",
        "harbour AND",
        "AND",
        "OR OR OR",
        "NOT",
        "harbour NOT",
        "NEAR(harbour open, 2)",
        "NEAR(",
        "(",
        ")",
        "((harbour)",
        "*",
        "harbour*",
        "^harbour",
        "title:harbour",
        "text:",
        "nonexistent_column:harbour",
        "-harbour",
        "+",
        "a + b",
        "{title text}: harbour",
        "harbour\x00open",
        "\u0301",
        "ǅ",
        "😀",
        "日本語のニュース",
        "١٢٣",
        "ﬁ ß İ",
        "'; DROP TABLE articles; --",
        "x" * 5000,
        " ".join(["harbour"] * 500),
    ],
)
def test_search_handles_hostile_queries(
    searchable: tuple[SQLiteStore, Article, Article], query: str
) -> None:
    store, _, _ = searchable
    hits = store.search(query)
    assert isinstance(hits, list)
    assert store.counts()["articles"] == 2


def test_search_with_fts_operators_treats_them_as_words(
    searchable: tuple[SQLiteStore, Article, Article],
) -> None:
    store, a, b = searchable
    # Words next to syntax characters are still found.
    assert {h.article_id for h in store.search('"northern" (harbour*')} == {a.id}
    # Operators are plain words that must occur too: "and" is in b's text, "near" nowhere.
    assert {h.article_id for h in store.search("ministry AND budget")} == {b.id}
    assert store.search("NEAR(icebreakers)") == []


def test_empty_query_gives_no_hits(searchable: tuple[SQLiteStore, Article, Article]) -> None:
    store, _, _ = searchable
    assert store.search("") == []
    assert store.search(" \t\n") == []
    assert store.search("!!! ???") == []


# -- transactions, runs, integrity ------------------------------------------------------


def test_transaction_rolls_back_everything_on_exception(store: SQLiteStore) -> None:
    article = make_article()
    with pytest.raises(RuntimeError, match="boom"), store.transaction():
        store.put_article(article, b"sig", [1, 2, 3])
        store.put_analysis(article.id, "v1", "analysed", None, {}, [("s0", "One.", 0, 4)])
        store.mark_processed("inputs/harbour.txt", "hash", "v1", [article.id])
        raise RuntimeError("boom")
    counts = store.counts()
    assert counts == dict.fromkeys(counts, 0)
    assert store.get_article(article.id) is None
    assert store.processed("inputs/harbour.txt", "hash", "v1") is None
    assert store.band_candidates([1, 2, 3]) == set()
    assert store.search("harbour") == []
    assert store.integrity_ok()
    # The store is usable afterwards.
    assert store.put_article(article, None, [])
    assert store.counts()["articles"] == 1


def test_nested_transaction_failure_rolls_back_the_outer_one(store: SQLiteStore) -> None:
    first = make_article("First text.")
    second = make_article("Second text.")
    with pytest.raises(ValueError), store.transaction():
        store.put_article(first, None, [])
        with store.transaction():
            store.put_article(second, None, [])
            raise ValueError("inner")
    assert store.counts()["articles"] == 0


def test_committed_writes_are_visible_to_another_connection(db: Path) -> None:
    store = SQLiteStore(db)
    try:
        article = make_article()
        with store.transaction():
            store.put_article(article, None, [])
        other = sqlite3.connect(db)
        try:
            assert other.execute("SELECT id FROM articles").fetchall() == [(article.id,)]
        finally:
            other.close()
    finally:
        store.close()


def test_processed_inputs(store: SQLiteStore) -> None:
    assert store.processed("a.txt", "h1", "v1") is None
    store.mark_processed("a.txt", "h1", "v1", ["id1", "id2"])
    store.mark_processed("b.txt", "h2", "v1", [])
    assert store.processed("a.txt", "h1", "v1") == ["id1", "id2"]
    assert store.processed("b.txt", "h2", "v1") == []
    assert store.processed("a.txt", "h1", "v2") is None  # another pipeline version
    assert store.processed("a.txt", "changed", "v1") is None  # the file changed


def test_run_log(store: SQLiteStore) -> None:
    run_id = store.start_run("analyze")
    store.record_item(run_id, "a.txt", "stored", None, "abc")
    store.record_item(run_id, "b.txt", "failed", "empty", None)
    store.finish_run(run_id, {"stored": 1, "failed": 1})
    assert store.counts()["runs"] == 1
    row = store.db.execute("SELECT command, finished_at, summary FROM runs").fetchone()
    assert row[0] == "analyze"
    assert row[1] is not None
    assert '"failed": 1' in row[2]
    items = store.db.execute("SELECT source, status FROM run_items ORDER BY rowid").fetchall()
    assert [tuple(i) for i in items] == [("a.txt", "stored"), ("b.txt", "failed")]


def test_integrity_ok_after_writes(store: SQLiteStore) -> None:
    assert store.integrity_ok()
    for i in range(50):
        article = make_article(f"Integrity text number {i} about the harbour.")
        store.put_article(article, None, [i])
        store.put_analysis(
            article.id, "v1", "analysed", None, {}, [(f"s{i}", article.text, 0, len(article.text))]
        )
        if i % 3 == 0:  # re-analysis replaces sentences
            store.put_analysis(article.id, "v1", "analysed", None, {}, [])
    assert store.integrity_ok()


def _desynchronise_fts(store: SQLiteStore) -> Article:
    """Change an article's text behind the FTS index's back (its trigger bypassed)."""
    article = make_article("Original words about the harbour.")
    store.put_article(article, None, [])
    store.db.execute("DROP TRIGGER articles_au")
    store.db.execute(
        "UPDATE articles SET text='Completely different words.' WHERE id=?", (article.id,)
    )
    return article


def test_a_stale_fts_index_gives_wrong_hits(store: SQLiteStore) -> None:
    # Why the FTS check below matters: a stale index finds words that are not there.
    article = _desynchronise_fts(store)
    assert store.search("completely") == []
    assert [h.article_id for h in store.search("harbour")] == [article.id]
    assert "harbour" not in store.get_article(article.id).text  # type: ignore[union-attr]


def test_integrity_ok_detects_an_fts_index_out_of_step_with_its_table(
    store: SQLiteStore,
) -> None:
    _desynchronise_fts(store)
    assert not store.integrity_ok()


# -- properties -------------------------------------------------------------------------

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=10,
)

articles = st.builds(
    Article,
    text=st.text(min_size=1).filter(lambda t: t.strip() != ""),
    source=st.text(min_size=1),
    title=st.none() | st.text(),
    outlet=st.none() | st.text(),
    author=st.none() | st.text(),
    date=st.none() | st.dates(),
    url=st.none() | st.text(),
    language=st.sampled_from(["en", "fi", "ru", "und"]),
    format=st.sampled_from(["text", "markdown", "html", "pdf", "jsonl"]),
    raw=st.binary(),
    meta=st.dictionaries(st.text(), JSON_VALUES, max_size=5),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles)
def test_any_article_round_trips(article: Article) -> None:
    store = SQLiteStore(":memory:")
    try:
        assert store.put_article(article, None, [])
        got = store.get_article(article.id)
        assert got is not None
        assert got == replace(article, raw=b"")
        assert got.id == article.id
        assert store.raw_input(article.id) == (article.raw or None)
        assert [a.id for a in store.iter_articles()] == [article.id]
        assert store.put_article(article, None, []) is False
    finally:
        store.close()


def test_search_never_raises(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "search.db")
    try:
        store.put_article(make_article(title="Ålands café, NATO AND OR"), None, [])
        article = make_article("Another body: “quoted” words, émigré, 日本, don't-stop.")
        store.put_article(article, None, [])
        store.put_analysis(
            article.id, "v1", "analysed", None, {}, [("s0", article.text, 0, len(article.text))]
        )

        @settings(max_examples=300, deadline=None)
        @given(query=st.text())
        def check(query: str) -> None:
            hits = store.search(query, limit=5)
            assert len(hits) <= 10
            for hit in hits:
                assert hit.kind in {"article", "sentence"}

        check()
        assert store.integrity_ok()
    finally:
        store.close()
