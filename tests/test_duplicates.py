"""Exact duplicates (same text, any file name) and near-duplicates (MinHash + LSH)."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import Result

from parallax.ingest import minhash
from parallax.settings import Settings
from parallax.store import SQLiteStore
from parallax.usecases import ingest

Analyze = Callable[..., tuple[dict[str, Any], Result]]


@pytest.fixture
def herald(sample_files: list[Path]) -> Path:
    [path] = [p for p in sample_files if p.name == "helsinki-herald-report.txt"]
    return path


def body_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def change_words(text: str, count: int, seed: int = 7) -> str:
    """Replace ``count`` words spread through ``text`` with other words."""
    words = text.split(" ")
    rng = random.Random(seed)
    for i in rng.sample(range(20, len(words)), count):
        words[i] = "zzchanged" + str(i)
    return " ".join(words)


# -- MinHash ----------------------------------------------------------------------------


def test_identical_texts_have_similarity_one(herald: Path) -> None:
    text = body_of(herald)
    a, b = minhash.signature(text), minhash.signature(text)
    assert a.shape == (minhash.PERMUTATIONS,)
    assert a.dtype == np.uint32
    assert minhash.similarity(a, b) == 1.0
    assert minhash.bands(a) == minhash.bands(b)
    assert len(minhash.bands(a)) == minhash.BANDS


def test_signatures_ignore_case_punctuation_and_spacing(herald: Path) -> None:
    text = body_of(herald)
    noisy = re.sub(r"\s+", "   \n", text.upper()).replace(",", " ;")
    assert minhash.similarity(minhash.signature(text), minhash.signature(noisy)) == 1.0


def test_unrelated_texts_are_dissimilar(sample_files: list[Path]) -> None:
    texts = [body_of(p) for p in sample_files]
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            score = minhash.similarity(minhash.signature(a), minhash.signature(b))
            assert score < 0.2


def test_a_few_changed_words_keep_similarity_high(herald: Path) -> None:
    text = body_of(herald)
    edited = change_words(text, 3)
    assert edited != text
    score = minhash.similarity(minhash.signature(text), minhash.signature(edited))
    assert 0.8 < score < 1.0


def test_similarity_estimates_jaccard(herald: Path) -> None:
    words = body_of(herald).split()
    first, second = " ".join(words[:300]), " ".join(words[100:])

    def shingles(text: str) -> set[str]:
        w = re.findall(r"\w+", text.lower())
        return {" ".join(w[i : i + 5]) for i in range(len(w) - 4)}

    a, b = shingles(first), shingles(second)
    jaccard = len(a & b) / len(a | b)
    estimate = minhash.similarity(minhash.signature(first), minhash.signature(second))
    assert abs(estimate - jaccard) < 0.15


def test_signature_round_trips_through_bytes(herald: Path) -> None:
    sig = minhash.signature(body_of(herald))
    data = minhash.to_bytes(sig)
    assert len(data) == 4 * minhash.PERMUTATIONS
    back = minhash.from_bytes(data)
    assert np.array_equal(back, sig)
    assert minhash.similarity(back, sig) == 1.0


@pytest.mark.parametrize("text", ["", "   ", "one", "two words", "!!! ???"])
def test_tiny_texts_do_not_fail(text: str) -> None:
    sig = minhash.signature(text)
    assert sig.shape == (minhash.PERMUTATIONS,)
    assert len(minhash.bands(sig)) == minhash.BANDS


def test_bands_are_deterministic_non_negative_integers(herald: Path) -> None:
    bands = minhash.bands(minhash.signature(body_of(herald)))
    assert all(isinstance(b, int) and 0 <= b < 2**63 for b in bands)  # fits SQLite INTEGER


# -- exact duplicates -------------------------------------------------------------------


def test_the_same_article_under_two_names_is_stored_once(
    herald: Path, db: Path, write: Callable[[str, bytes | str], Path], analyze_json: Analyze
) -> None:
    first = write("a-original.txt", herald.read_bytes())
    second = write("b-copy.txt", herald.read_bytes())
    report, result = analyze_json(first, second)
    assert result.exit_code == 0
    summary = report["summary"]
    assert (summary["stored"], summary["duplicate"]) == (1, 1)
    [dup] = summary["duplicates"]
    assert dup["source"] == str(second)
    assert str(first) in dup["reason"]
    assert len(report["articles"]) == 1
    assert summary["near_duplicates"] == []  # an exact duplicate is not also a near one

    store = SQLiteStore(db)
    try:
        assert store.counts()["articles"] == 1
        assert store.counts()["analyses"] == 1
        assert store.sources(dup["article_id"]) == sorted([str(first), str(second)])
        assert store.first_source(dup["article_id"]) == str(first)
        statuses = store.db.execute(
            "SELECT source, status, reason FROM run_items ORDER BY rowid"
        ).fetchall()
        assert [(r[0], r[1]) for r in statuses] == [
            (str(first), "stored"),
            (str(second), "duplicate"),
        ]
    finally:
        store.close()


def test_the_same_text_in_another_format_or_spacing_is_a_duplicate(
    db: Path, pipeline: Any, write: Callable[[str, bytes | str], Path], article_text: str
) -> None:
    plain = write("plain.txt", article_text)
    crlf = write("windows.txt", article_text.replace("\n", "\r\n").replace(". ", ".  "))
    store = SQLiteStore(db)
    try:
        result = ingest(
            [plain, crlf], store=store, settings=Settings(db_path=db), pipeline=pipeline
        )
        assert [i.status for i in result.items] == ["stored", "duplicate"]
        assert result.items[1].reason == f"same text as {plain}"
        assert result.items[0].article_id == result.items[1].article_id
        assert result.article_ids == [result.items[0].article_id]
        assert result.exit_code == 0
    finally:
        store.close()


def test_a_duplicate_in_a_later_run_names_the_first_file(
    herald: Path, db: Path, write: Callable[[str, bytes | str], Path], analyze_json: Analyze
) -> None:
    first = write("first.txt", herald.read_bytes())
    second = write("later/second.txt", herald.read_bytes())
    analyze_json(first)
    report, result = analyze_json(second)
    assert result.exit_code == 0
    [dup] = report["summary"]["duplicates"]
    assert dup["source"] == str(second)
    assert str(first) in dup["reason"]
    assert [a["id"] for a in report["articles"]] == [dup["article_id"]]
    store = SQLiteStore(db)
    try:
        assert store.counts()["articles"] == 1
        assert store.sources(dup["article_id"]) == sorted([str(first), str(second)])
    finally:
        store.close()


# -- near-duplicates --------------------------------------------------------------------


def test_a_lightly_edited_copy_is_a_near_duplicate(
    herald: Path, db: Path, write: Callable[[str, bytes | str], Path], analyze_json: Analyze
) -> None:
    text = body_of(herald)
    edited_text = (
        text.replace(
            "Sweden's application is still waiting for approval from both Ankara and Budapest.",
            "Sweden's application is still waiting for approval from Turkey and from Hungary, "
            "officials said on Tuesday.",
        ).rstrip()
        + "\n\nThis report was updated with reaction from Stockholm.\n"
    )
    assert edited_text != text
    edited = write("herald-updated.txt", edited_text)
    report, result = analyze_json(herald, edited)
    assert result.exit_code == 0
    summary = report["summary"]
    assert summary["stored"] == 2
    assert summary["duplicate"] == 0
    [near] = summary["near_duplicates"]
    assert near["source"] == str(edited)
    assert near["similar_source"] == str(herald)
    ids = {a["source"]: a["id"] for a in report["articles"]}
    assert near["article_id"] == ids[str(edited)]
    assert near["similar_to"] == ids[str(herald)]
    assert near["similarity"] >= 0.8
    assert near["similarity"] < 1.0
    store = SQLiteStore(db)
    try:
        assert store.counts()["articles"] == 2
    finally:
        store.close()


def test_unrelated_articles_are_not_near_duplicates(
    sample_files: list[Path], analyze_json: Analyze
) -> None:
    report, result = analyze_json(*sample_files)
    assert result.exit_code == 0
    assert report["summary"]["stored"] == len(sample_files)
    assert report["summary"]["near_duplicates"] == []
    assert report["summary"]["duplicates"] == []


def test_near_duplicates_are_found_across_runs_and_by_the_threshold(
    herald: Path, db: Path, pipeline: Any, write: Callable[[str, bytes | str], Path]
) -> None:
    text = body_of(herald)
    edited = write("edited.txt", change_words(text, 4))
    store = SQLiteStore(db)
    try:
        ingest([herald], store=store, settings=Settings(db_path=db), pipeline=pipeline)
        result = ingest([edited], store=store, settings=Settings(db_path=db), pipeline=pipeline)
        [near] = result.near_duplicates
        assert near["similar_source"] == str(herald)
        assert 0.8 <= near["similarity"] < 1.0
        assert [i.status for i in result.items] == ["stored"]

        # A threshold above the pair's similarity reports nothing.
        strict = Settings(db_path=db, near_duplicate_threshold=1.0)
        other = write("edited-again.txt", change_words(text, 4, seed=99))
        result = ingest([other], store=store, settings=strict, pipeline=pipeline)
        assert result.near_duplicates == []
        assert [i.status for i in result.items] == ["stored"]
    finally:
        store.close()


def test_the_closest_of_several_near_duplicates_is_reported(
    herald: Path, db: Path, pipeline: Any, write: Callable[[str, bytes | str], Path]
) -> None:
    text = body_of(herald)
    far = write("far.txt", change_words(text, 12, seed=1))
    store = SQLiteStore(db)
    try:
        settings = Settings(db_path=db, near_duplicate_threshold=0.5)
        ingest([far, herald], store=store, settings=settings, pipeline=pipeline)
        close = write("close.txt", change_words(text, 1, seed=2))
        result = ingest([close], store=store, settings=settings, pipeline=pipeline)
        [near] = result.near_duplicates
        assert near["similar_source"] == str(herald)
    finally:
        store.close()


# -- duplicates inside one container ----------------------------------------------------


def corpus_with_a_repeated_record(
    write: Callable[[str, bytes | str], Path], article_text: str
) -> Path:
    other = article_text.replace("Finland", "Sweden").replace("Helsinki", "Stockholm")
    records = [
        {"title": "First copy", "text": article_text},
        {"title": "Second copy", "text": article_text},
        {"title": "Another story", "text": other},
    ]
    return write("corpus.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")


@pytest.mark.parametrize("analyse", [False, True], ids=["ingest", "analyze"])
def test_a_record_repeated_inside_one_corpus_is_a_duplicate(
    analyse: bool,
    db: Path,
    pipeline: Any,
    write: Callable[[str, bytes | str], Path],
    article_text: str,
) -> None:
    corpus = corpus_with_a_repeated_record(write, article_text)
    store = SQLiteStore(db)
    try:
        result = ingest(
            [corpus],
            store=store,
            settings=Settings(db_path=db),
            pipeline=pipeline if analyse else None,
        )
        by_source = {i.source: i for i in result.items}
        first, second, third = (by_source[f"{corpus}:{n}"] for n in (1, 2, 3))
        assert (first.status, second.status, third.status) == ("stored", "duplicate", "stored")
        assert second.reason == f"same text as {first.source}"
        assert second.article_id == first.article_id
        assert store.counts()["articles"] == 2
        assert store.sources(first.article_id or "") == sorted([first.source, second.source])
        assert result.exit_code == 0
    finally:
        store.close()
