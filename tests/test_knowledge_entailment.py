"""The entailment step: its features, its datasets' splits, the packaged model, the evidence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import shared_path
from parallax.errors import ConfigError
from parallax.knowledge.documents import fts_query
from parallax.knowledge.entailment import (
    LABELS,
    LEXICAL_FEATURES,
    MODEL_PATH,
    EntailmentModel,
    judge,
    judge_many,
    lexical_features,
    pair_features,
)
from parallax_dev.datasets.nli import (
    climate_fever_split,
    read_climate_fever,
    read_emergent,
    read_sick,
)


def _feature(premise: str, hypothesis: str, name: str) -> float:
    return float(lexical_features(premise, hypothesis, 0.5)[LEXICAL_FEATURES.index(name)])


def test_negation_mismatch() -> None:
    assert _feature("NATO did not expand.", "NATO expanded.", "negation_mismatch") == 1.0
    assert _feature("NATO didn't expand.", "NATO never expanded.", "negation_mismatch") == 0.0


def test_numbers_missing_from_the_evidence() -> None:
    assert _feature("NATO has 32 members.", "NATO has 30 members.", "hypothesis_numbers_missing")
    assert not _feature(
        "In 2004, 7 states joined.", "7 states joined in 2004.", "hypothesis_numbers_missing"
    )
    assert _feature("It cost 1,550.", "It cost 1550.", "numbers_shared") == 1.0


def test_antonyms_across_the_pair() -> None:
    assert _feature("Spending rose.", "Spending fell.", "antonym_pairs") > 0
    assert _feature("Spending rose.", "Spending rose fast.", "antonym_pairs") == 0


@given(st.text(max_size=80), st.text(max_size=80), st.floats(-1, 1))
def test_lexical_features_are_finite_and_bounded(p: str, h: str, cosine: float) -> None:
    features = lexical_features(p, h, cosine)
    assert features.shape == (len(LEXICAL_FEATURES),)
    assert np.all(np.isfinite(features))
    assert np.all(features >= -1) and np.all(features <= 1)


def test_pair_features_shape() -> None:
    u = np.eye(2, 384, dtype=np.float32)
    features = pair_features(["a", "b"], ["c", "d"], u, u)
    assert features.shape == (2, 4 * 384 + len(LEXICAL_FEATURES))
    with pytest.raises(ValueError, match="align"):
        pair_features(["a"], ["c", "d"], u, u)


def test_climate_fever_split_is_fixed_and_by_claim() -> None:
    splits = [climate_fever_split(str(i)) for i in range(2000)]
    assert splits == [climate_fever_split(str(i)) for i in range(2000)]
    share = {s: splits.count(s) / len(splits) for s in ("train", "dev", "test")}
    assert 0.65 < share["train"] < 0.75 and 0.07 < share["dev"] < 0.13
    assert 0.16 < share["test"] < 0.24


@pytest.mark.shared
def test_dataset_readers() -> None:
    sick = read_sick(shared_path("datasets", "sick", "SICK.txt"))
    assert len(sick) == 9840
    assert {p.split for p in sick} == {"train", "dev", "test"}
    assert sum(p.split == "test" for p in sick) == 4906
    fever = read_climate_fever(shared_path("datasets", "climate_fever", "climate-fever.jsonl"))
    assert len(fever) == 7675
    by_claim: dict[str, set[str]] = {}
    for pair in fever:
        by_claim.setdefault(pair.group, set()).add(pair.split)
    assert all(len(s) == 1 for s in by_claim.values())  # no claim in two splits
    assert {p.label for p in fever} == set(LABELS)
    emergent = read_emergent(
        shared_path("datasets", "emergent", "url-versions-2015-06-14-clean.csv")
    )
    assert len(emergent) == 2595 and {p.split for p in emergent} == {"test"}
    assert sum(p.label == "contradiction" for p in emergent) == 395


def test_emergent_reader_maps_stances_and_rejects_unknown_ones(tmp_path: Path) -> None:
    path = tmp_path / "emergent.csv"
    header = "id,claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId\n"
    path.write_text(
        header + "0,A bridge will close,Council shuts the bridge,for,a1,c1\n"
        "1,A bridge will close,Bridge stays open,against,a2,c1\n"
        "2,A bridge will close,Reports say the bridge may close,observing,a3,c1\n",
        encoding="utf-8",
    )
    pairs = read_emergent(path)
    assert [p.label for p in pairs] == ["entailment", "contradiction", "neutral"]
    assert pairs[0].premise == "Council shuts the bridge" and pairs[0].group == "c1"
    path.write_text(header + "0,a,b,maybe,a1,c1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown stance"):
        read_emergent(path)


def test_model_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    model = EntailmentModel(
        mean=np.zeros(5, dtype=np.float32),
        scale=np.ones(5, dtype=np.float32),
        weights=(rng.normal(size=(5, 4)).astype(np.float32), rng.normal(size=(4, 3))),
        biases=(np.zeros(4, dtype=np.float32), np.zeros(3, dtype=np.float32)),
        info={"hidden": 4},
    )
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = EntailmentModel.load(path)
    x = rng.normal(size=(6, 5)).astype(np.float32)
    probs = loaded.predict_proba(x)
    assert probs.shape == (6, 3)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert np.allclose(probs, model.predict_proba(x), atol=1e-2)
    assert loaded.info == {"hidden": 4}


def test_a_missing_model_says_how_to_make_it(tmp_path: Path) -> None:
    from parallax.errors import ConfigError

    with pytest.raises(ConfigError, match="parallax-dev train entailment"):
        EntailmentModel.load(tmp_path / "none.npz")


def test_the_packaged_model_is_small() -> None:
    assert MODEL_PATH.is_file()
    assert MODEL_PATH.stat().st_size < 4 * 1024 * 1024


@pytest.mark.parametrize(
    ("premise", "hypothesis", "label"),
    [
        (
            "Sweden became the 32nd member of NATO on 7 March 2024.",
            "Sweden is a member of NATO.",
            "entailment",
        ),
        ("A man is playing a guitar on the stage.", "Nobody is playing a guitar.", "contradiction"),
        ("The summit took place in Madrid.", "The weather in Oslo was cold.", "neutral"),
    ],
)
def test_judge_on_clear_cases(premise: str, hypothesis: str, label: str) -> None:
    result = judge(premise, hypothesis)
    assert result["label"] == label
    assert set(result["scores"]) == set(LABELS)
    assert abs(sum(result["scores"].values()) - 1) < 1e-3


def test_judge_many_keeps_order() -> None:
    assert judge_many([]) == []
    results = judge_many([("A dog runs.", "A dog runs."), ("A dog runs.", "No dog runs.")])
    assert [r["label"] for r in results] == ["entailment", "contradiction"]


@settings(max_examples=50)
@given(st.text(max_size=60))
def test_any_text_makes_a_valid_fulltext_query(text: str) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61')")
    db.execute("INSERT INTO t VALUES ('Finland joined NATO in 2023')")
    query = fts_query(text)
    if query:
        db.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()
