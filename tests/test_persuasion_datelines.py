"""The loaded-language head reads a wire lede without its dateline; everything else whole."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pytest

from parallax.encoder import LayerStates, TokenStates
from parallax.model import Analysis, Article, Sentence
from parallax.persuasion.loaded import datelined


class WordEncoder:
    """A stand-in encoder: one piece per word, each piece's state the length of its text.

    The state tells which text a piece was read in, so a test can see whether the lede's
    pieces come from the whole sentence or from the words after its dateline.
    """

    def encode_with_layers(
        self, texts: Sequence[str], batch_size: int = 64, threads: int | None = None
    ) -> tuple[np.ndarray, list[TokenStates], list[LayerStates]]:
        vectors = np.array([[float(len(t))] + [0.0] * 383 for t in texts], dtype=np.float32)
        tokens, layers = [], []
        for text in texts:
            words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
            states = np.full((len(words), 384), float(len(text)), dtype=np.float32)
            tokens.append(TokenStates(states, np.array(words, dtype=np.int32).reshape(-1, 2)))
            layers.append(LayerStates(states, tokens[-1].offsets))
        return vectors, tokens, layers


LEDE = "PHOENIX (Wire) — County officials extended the ballot deadline after a storm."
BODY = "The change affects about 1.9 million voters."


def test_a_dateline_is_read_as_a_dateline_and_plain_text_is_not() -> None:
    assert datelined([BODY, LEDE, "Oslo — a calm city — woke up."]) == [(1, 17)]


def test_the_head_reads_a_lede_without_its_dateline(monkeypatch: pytest.MonkeyPatch) -> None:
    import parallax.components.embed as embed

    monkeypatch.setattr(embed, "shared_encoder", WordEncoder)
    text = f"{LEDE}\n\n{BODY}"
    analysis = Analysis(
        article=Article(text=text, source="test"),
        sentences=[
            Sentence(id="s1", index=1, text=LEDE, start=0, end=len(LEDE)),
            Sentence(id="s2", index=2, text=BODY, start=len(LEDE) + 2, end=len(text)),
        ],
    )
    (done,) = embed.Embed().pipe([analysis])
    lede, body = done.tokens
    tail = LEDE[17:]
    # The lede's pieces are those of the words after the dateline, read on their own ...
    assert set(lede.states[:, 0]) == {float(len(tail))}
    assert [LEDE[a:b] for a, b in lede.offsets] == tail.split()
    # ... while its vector and fourth-layer states are still the whole sentence's.
    assert done.vectors[0, 0] == float(len(LEDE))
    assert set(done.layer_states[0].states[:, 0]) == {float(len(LEDE))}
    assert set(body.states[:, 0]) == {float(len(BODY))}
