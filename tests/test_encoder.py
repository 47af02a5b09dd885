"""The shared sentence encoder: packaged weights, unit vectors, meaning-preserving geometry."""

import numpy as np

from parallax.encoder import DIMENSION, encode


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
