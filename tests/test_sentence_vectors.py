"""Stored sentence and lead vectors: comparisons read what the pipeline computed.

Every test here uses the bundled sample articles analysed by the real pipeline into a real
SQLite file; the encoder is the real one, wrapped only to count what it is asked to encode.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from parallax.comparison import compare
from parallax.comparison.alignment import claim_sentences
from parallax.comparison.terms import lead
from parallax.comparison.vectors import KnownVectors, decode_vector, stored_encoder, text_digest
from parallax.components.embed import lead_text
from parallax.encoder import LayerStates, SentenceEncoder, TokenStates, encode
from parallax.model import Analysis
from parallax.settings import Settings
from parallax.store import SQLiteStore, open_store
from parallax.usecases import current_records, ingest
from parallax.web import ServerSettings, create_app


class CountingEncoder:
    """The real shared encoder, counting the texts it is asked to encode."""

    def __init__(self, inner: Any = encode) -> None:
        self.inner = inner
        self.texts: list[str] = []

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        result: np.ndarray = self.inner(texts)
        return result


def analyse(db: Path, files: list[Path], pipeline: Any) -> list[dict[str, Any]]:
    store = open_store(db)
    try:
        result = ingest(files, store=store, settings=Settings(db_path=db), pipeline=pipeline)
        assert result.exit_code == 0, result.items
        return current_records(store, result.article_ids)
    finally:
        store.close()


@pytest.fixture(scope="module")
def analysed(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Any
) -> tuple[Path, list[dict[str, Any]]]:
    from conftest import SAMPLES

    files = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html", ".md"})
    files = [p for p in files if p.name != "README.md"]
    db = tmp_path_factory.mktemp("vectors") / "samples.db"
    return db, analyse(db, files, pipeline)


@pytest.fixture
def copy_db(analysed: tuple[Path, list[dict[str, Any]]], tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    source = sqlite3.connect(analysed[0])
    with sqlite3.connect(target) as copy:
        source.backup(copy)
    source.close()
    return target


def claim_texts(records: list[dict[str, Any]]) -> list[str]:
    return [s["text"] for r in records for s in claim_sentences(r)]


def test_the_runner_stores_one_vector_per_sentence_equal_to_fresh_encoding(
    analysed: tuple[Path, list[dict[str, Any]]],
) -> None:
    db, records = analysed
    store = SQLiteStore(db)
    try:
        for record in records:
            stored = store.get_sentence_vectors(record["id"], record["pipeline"])
            texts = [s["text"] for s in record["sentences"]]
            assert sorted(stored) == list(range(len(texts)))
            vectors = np.vstack([decode_vector(stored[i], t) for i, t in enumerate(texts)])
            cosines = np.sum(vectors * encode(texts), axis=1)
            assert cosines.min() >= 0.9999
    finally:
        store.close()


def test_the_runner_stores_the_lead_vector_of_the_stored_records_lead(
    analysed: tuple[Path, list[dict[str, Any]]],
) -> None:
    db, records = analysed
    store = SQLiteStore(db)
    try:
        for record in records:
            article = store.get_article(record["id"])
            assert article is not None
            # The embed step encodes lead_text(analysis): the stored record's lead exactly.
            assert lead_text(Analysis(article=article)) == lead(record)
            stored = store.get_lead_vector(record["id"], record["pipeline"])
            assert stored is not None
            assert stored[0] == text_digest(lead(record))
            vector = decode_vector(stored[1], lead(record))
            assert vector is not None
            assert float(vector @ encode([lead(record)])[0]) >= 0.9999
    finally:
        store.close()


def test_comparison_of_stored_analyses_calls_the_encoder_zero_times(
    analysed: tuple[Path, list[dict[str, Any]]],
) -> None:
    db, records = analysed
    counting = CountingEncoder()
    store = SQLiteStore(db)
    try:
        encoder = stored_encoder(store, records, counting)
        compare(records, encode=encoder)
    finally:
        store.close()
    assert counting.texts == []
    assert encoder.encoded == 0
    # Leads and claims at least; the positions view also pairs opinions and demands.
    assert encoder.served >= len(records) + len(claim_texts(records))


def _listen(caplog: pytest.LogCaptureFixture) -> None:
    """Capture the vectors module's warnings, even after a library reconfigured logging.

    A ``logging.config.dictConfig`` run by a dependency earlier in the session (with its
    default ``disable_existing_loggers``) silences loggers created before it; the warnings
    are what these tests check, so the logger is switched back on first.
    """
    logger = logging.getLogger("parallax.comparison.vectors")
    logger.disabled = False
    logger.propagate = True
    caplog.set_level(logging.WARNING, logger="parallax.comparison.vectors")


def compare_from_store(db: Path, records: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    """Compare ``records`` with the vectors stored at ``db``; also return what was encoded."""
    counting = CountingEncoder()
    store = SQLiteStore(db)
    try:
        result = compare(records, encode=stored_encoder(store, records, counting))
    finally:
        store.close()
    return result, counting.texts


def _without_scores(result: dict[str, Any]) -> dict[str, Any]:
    def strip(item: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in item.items() if k not in {"score", "reason"}}

    positions = [
        {**p, "opposed": [strip(row) for row in p.get("opposed", [])]}
        for p in result.get("positions", [])
    ]
    return {
        **result,
        "alignments": [strip(a) for a in result["alignments"]],
        "positions": positions,
    }


def test_stored_vectors_give_the_comparison_fresh_encoding_gives(
    analysed: tuple[Path, list[dict[str, Any]]],
) -> None:
    """The same alignments, gaps, portrayal, stories and timeline on the real samples.

    Scores may differ in the third decimal when the encoder runs in bfloat16 (the default
    on CPUs that have it): there, encoding the same sentence in a different batch moves
    its vector by up to about 1e-3 anyway. The float32 test below asserts exact equality.
    """
    db, records = analysed
    store = SQLiteStore(db)
    try:
        stored = compare(records, encode=stored_encoder(store, records))
    finally:
        store.close()
    fresh = compare(records)
    assert stored["alignments"], "the samples should align some claims"
    assert _without_scores(stored) == _without_scores(fresh)
    for a, b in zip(stored["alignments"], fresh["alignments"], strict=True):
        assert a["score"] == pytest.approx(b["score"], abs=0.002)


class RecordingEncoder(SentenceEncoder):
    """The real encoder, keeping every text the pipeline's embed step gives it."""

    def __init__(self, precision: str) -> None:
        super().__init__(precision)
        self.seen: list[str] = []

    def encode(
        self, texts: Sequence[str], batch_size: int = 64, threads: int | None = None
    ) -> np.ndarray:
        self.seen.extend(texts)
        return super().encode(texts, batch_size, threads)

    def encode_with_layers(
        self, texts: Sequence[str], batch_size: int = 64, threads: int | None = None
    ) -> tuple[np.ndarray, list[TokenStates], list[LayerStates]]:
        # What the embed step calls (and encode_with_tokens and encode_with_states too).
        self.seen.extend(texts)
        return super().encode_with_layers(texts, batch_size, threads)


@pytest.fixture
def float32_encoder(monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordingEncoder]:
    """The whole pipeline and every comparison on one float32 encoder (deterministic)."""
    import parallax.components.embed
    import parallax.encoder

    encoder = RecordingEncoder("float32")
    monkeypatch.setattr(parallax.encoder, "shared_encoder", lambda: encoder)
    monkeypatch.setattr(parallax.components.embed, "shared_encoder", lambda: encoder)
    yield encoder


def test_in_float32_the_comparison_is_identical(
    float32_encoder: RecordingEncoder, pipeline: Any, sample_files: list[Path], tmp_path: Path
) -> None:
    db = tmp_path / "f32.db"
    records = analyse(db, sample_files, pipeline)
    # The texts the embed step gave the encoder include every stored record's exact lead.
    assert {lead(r) for r in records} <= set(float32_encoder.seen)
    with_stored, encoded = compare_from_store(db, records)
    assert encoded == []
    assert with_stored == compare(records)


def test_an_old_database_gets_the_table_and_still_compares(
    analysed: tuple[Path, list[dict[str, Any]]], copy_db: Path
) -> None:
    """A store at schema 2 (before vectors were kept) migrates and falls back to encoding."""
    records = analysed[1]
    with sqlite3.connect(copy_db) as old:
        old.execute("DROP TABLE sentence_vectors")
        old.execute("DROP TABLE lead_vectors")
        old.execute("PRAGMA user_version = 2")
    store = SQLiteStore(copy_db)
    try:
        assert store.schema_version == 3
        names = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master")}
        assert {"sentence_vectors", "lead_vectors"} <= names
        assert store.get_sentence_vectors(records[0]["id"], records[0]["pipeline"]) == {}
        assert store.get_lead_vector(records[0]["id"], records[0]["pipeline"]) is None
        counting = CountingEncoder()
        encoder = stored_encoder(store, records, counting)
        result = compare(records, encode=encoder)
    finally:
        store.close()
    assert encoder.served == 0
    assert set(claim_texts(records)) <= set(counting.texts)
    assert counting.texts[: len(records)] == [lead(r) for r in records]
    assert _without_scores(result) == _without_scores(compare(records))


def test_analyses_stored_without_lead_vectors_encode_their_leads(
    analysed: tuple[Path, list[dict[str, Any]]], copy_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Analyses stored before lead vectors were kept: the leads, and only they, are encoded."""
    records = analysed[1]
    with sqlite3.connect(copy_db) as db:
        db.execute("DELETE FROM lead_vectors")
    _listen(caplog)
    result, encoded = compare_from_store(copy_db, records)
    assert encoded == [lead(r) for r in records]
    assert not caplog.records  # a missing lead vector is normal, not damage
    assert _without_scores(result) == _without_scores(compare(records))


def test_damaged_or_mismatched_lead_vectors_are_encoded_again_with_a_warning(
    analysed: tuple[Path, list[dict[str, Any]]],
    copy_db: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    records = analysed[1]
    nan, other, short = records[0], records[1], records[2]
    with sqlite3.connect(copy_db) as db:
        for record, column, value in [
            (nan, "vector", np.full(384, np.nan, np.float32).tobytes()),
            (other, "digest", text_digest("another lead")),
            (short, "vector", b"\x00\x01"),
        ]:
            db.execute(
                f"UPDATE lead_vectors SET {column}=? WHERE article_id=?", (value, record["id"])
            )
    _listen(caplog)
    result, encoded = compare_from_store(copy_db, records)
    assert encoded == [lead(nan), lead(other), lead(short)]
    for record in (nan, other, short):
        assert any(record["id"] in r.getMessage() for r in caplog.records)
    assert _without_scores(result) == _without_scores(compare(records))


def test_damaged_vectors_are_encoded_again_with_a_warning(
    analysed: tuple[Path, list[dict[str, Any]]],
    copy_db: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    records = analysed[1]
    target = next(r for r in records if len(claim_sentences(r)) >= 3)
    indices = {s["id"]: i for i, s in enumerate(target["sentences"])}
    damaged = [indices[s["id"]] for s in claim_sentences(target)[:3]]
    nan = np.full(384, np.nan, np.float32).tobytes()
    with sqlite3.connect(copy_db) as db:
        for index, blob in zip(damaged, [b"\x00\x01", nan, b"\x00" * 1536], strict=True):
            db.execute(
                "UPDATE sentence_vectors SET vector=? WHERE article_id=? AND idx=?",
                (blob, target["id"], index),
            )
    _listen(caplog)
    result, encoded = compare_from_store(copy_db, records)
    broken = {target["sentences"][i]["text"] for i in damaged}
    assert broken <= set(encoded)
    assert len(encoded) == len(broken)  # the damaged only
    assert any(target["id"] in r.getMessage() for r in caplog.records)
    assert _without_scores(result) == _without_scores(compare(records))


def test_vectors_that_do_not_match_the_sentences_are_all_ignored(
    analysed: tuple[Path, list[dict[str, Any]]],
    copy_db: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    record = analysed[1][0]
    with sqlite3.connect(copy_db) as db:
        db.execute("DELETE FROM sentence_vectors WHERE article_id=? AND idx=0", (record["id"],))
    _listen(caplog)
    store = SQLiteStore(copy_db)
    try:
        encoder = stored_encoder(store, [record], CountingEncoder())
    finally:
        store.close()
    assert list(encoder.known) == [lead(record)]  # no sentence; the lead is its own row
    assert record["id"] in caplog.text


def test_records_without_a_pipeline_version_are_encoded() -> None:
    """Records read from a report file have no stored vectors: everything is encoded."""
    counting = CountingEncoder()
    encoder = KnownVectors(encode=counting)
    known = np.eye(384, dtype=np.float32)[:2]
    encoder.known.update({"first": known[0], "second": known[1]})
    rows = encoder(["first", "a new sentence to encode", "second", "a new sentence to encode"])
    assert counting.texts == ["a new sentence to encode"]
    assert (rows[0] == known[0]).all() and (rows[2] == known[1]).all()
    assert (rows[1] == rows[3]).all()
    assert (encoder.served, encoder.encoded) == (2, 1)
    assert KnownVectors(encode=counting)([]).shape == (0, 384)


unit_rows = hnp.arrays(
    np.float32,
    st.tuples(st.integers(1, 6), st.just(384)),
    elements=st.floats(-1, 1, width=32, allow_nan=False),
).filter(lambda a: bool((np.linalg.norm(a, axis=1) > 1e-3).all()))


@settings(max_examples=25, deadline=None)
@given(
    rows=unit_rows,
    pipeline=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
)
def test_sentence_vectors_round_trip_exactly(rows: np.ndarray, pipeline: str) -> None:
    rows = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    from parallax.model import Article

    store = SQLiteStore(":memory:")
    try:
        a = Article(text="A harbour froze.", source="in/a.txt", language="en", format="text")
        store.put_article(a, None, [])
        store.put_analysis(a.id, pipeline, "analysed", None, {"id": a.id}, [])
        store.put_sentence_vectors(a.id, pipeline, rows)
        store.put_lead_vector(a.id, pipeline, text_digest(pipeline), rows[-1])
        stored = store.get_sentence_vectors(a.id, pipeline)
        stored_lead = store.get_lead_vector(a.id, pipeline)
    finally:
        store.close()
    decoded = np.vstack([decode_vector(stored[i]) for i in range(len(rows))])
    assert decoded.dtype == np.float32
    assert np.array_equal(decoded, rows)
    assert stored_lead is not None and stored_lead[0] == text_digest(pipeline)
    lead_row = decode_vector(stored_lead[1])
    assert lead_row is not None and np.array_equal(lead_row, rows[-1])


def test_api_compare_and_the_compare_page_call_the_encoder_zero_times(
    analysed: tuple[Path, list[dict[str, Any]]], copy_db: Path, pipeline: Any
) -> None:
    records = analysed[1]
    ids = [r["id"] for r in records[:2]]
    query = "&".join(f"ids={i}" for i in ids)

    def served(db: Path) -> tuple[CountingEncoder, dict[str, Any], str]:
        counting = CountingEncoder()
        app = create_app(
            ServerSettings(run=Settings(db_path=db)), pipeline=pipeline, encode=counting
        )
        with TestClient(app, base_url="http://127.0.0.1") as client:
            answer = client.get(f"/api/compare?{query}")
            page = client.get(f"/compare?{query}")
        assert answer.status_code == 200 and page.status_code == 200
        return counting, answer.json()["comparison"], page.text

    counting, stored, page = served(analysed[0])
    assert counting.texts == []  # neither a sentence nor a lead was encoded
    assert "Side by side" in page

    # The same store without its vectors (as before they were kept) encodes claims and leads.
    shutil.copy(copy_db, copy_db.with_suffix(".old.db"))
    old = copy_db.with_suffix(".old.db")
    with sqlite3.connect(old) as db:
        db.execute("DELETE FROM sentence_vectors")
        db.execute("DELETE FROM lead_vectors")
    counting_old, fresh, _ = served(old)
    assert set(claim_texts(records[:2])) <= set(counting_old.texts)
    assert {lead(r) for r in records[:2]} <= set(counting_old.texts)
    assert _without_scores(stored) == _without_scores(fresh)
