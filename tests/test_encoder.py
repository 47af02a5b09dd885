"""The shared sentence encoder: packaged weights, unit vectors, meaning-preserving geometry."""

from pathlib import Path

import numpy as np
import pytest

from parallax.encoder import (
    DIMENSION,
    PRECISION_VARIABLE,
    SentenceEncoder,
    choose_precision,
    cpu_has_native_bfloat16,
    encode,
)
from parallax.errors import ConfigError


def test_unit_vectors_and_shape() -> None:
    vectors = encode(["NATO expanded eastwards.", "", "The weather was fine."])
    assert vectors.shape == (3, DIMENSION)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[[0, 2]], axis=1), 1.0, atol=1e-4)
    assert not vectors[1].any()


def test_paraphrases_are_closer_than_unrelated_sentences() -> None:
    a, b, c = encode(
        [
            "Finland joined NATO in April 2023.",
            "In April 2023 Finland became a member of the alliance NATO.",
            "The recipe needs two eggs and a cup of flour.",
        ]
    )
    assert a @ b > a @ c + 0.3


def test_empty_input() -> None:
    assert encode([]).shape == (0, DIMENSION)


def test_precision_setting_is_validated_and_named(monkeypatch: pytest.MonkeyPatch) -> None:
    assert choose_precision("float32") == "float32"
    assert choose_precision(" BFloat16 ") == "bfloat16"
    monkeypatch.setenv(PRECISION_VARIABLE, "float32")
    assert choose_precision() == "float32"
    with pytest.raises(ConfigError, match=f"{PRECISION_VARIABLE}='half'.*auto, float32, bfloat16"):
        choose_precision("half")


def test_auto_precision_follows_the_cpu_flags(tmp_path: Path) -> None:
    with_bf16 = tmp_path / "bf16"
    with_bf16.write_text("processor\t: 0\nflags\t\t: fpu avx2 avx512f avx512_bf16\n")
    without = tmp_path / "plain"
    without.write_text("processor\t: 0\nflags\t\t: fpu avx2\n")
    assert cpu_has_native_bfloat16(with_bf16)
    assert not cpu_has_native_bfloat16(without)
    assert not cpu_has_native_bfloat16(tmp_path / "missing")


def test_bfloat16_vectors_match_float32_ones() -> None:
    """The heads are trained once; both precisions must give practically the same vectors."""
    texts = [
        "Ten countries joined the alliance in the five years after 1999.",
        "We demand an end to the sanctions!",
        "Is this the peace they promised?",
    ]
    single = SentenceEncoder("float32").encode(texts)
    half = SentenceEncoder("bfloat16").encode(texts)
    assert np.allclose(np.linalg.norm(half, axis=1), 1.0, atol=1e-4)
    assert float((single * half).sum(axis=1).min()) > 0.999
