"""Sentence embeddings, computed once per sentence for every later component to share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from parallax.encoder import MODEL_NAME, shared_encoder
from parallax.model import Analysis
from parallax.pipeline.registry import register


class Embed:
    """Put one unit-length vector per sentence on :attr:`Analysis.vectors`.

    The whole batch of articles is encoded in one call, so short articles still fill the
    encoder's batches. Torch releases the GIL during the encoder's matrix products, so the
    pipeline runs this step in a worker thread alongside the parse of the next batch
    (``releases_gil``), with one torch thread (``threads``): measured on 2 cores, a second
    torch thread spins on the core the parse needs and the whole pipeline gets slower
    (see docs/performance.md).
    """

    releases_gil = True
    threads = 1
    name = "embed"
    version = f"1-{MODEL_NAME}"
    requires = ("sentences",)
    assigns = ("vectors",)

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Encode the sentences of a batch of analyses."""
        batch = list(analyses)
        texts = [s.text for a in batch for s in a.sentences]
        vectors = (
            shared_encoder().encode(texts, threads=self.threads)
            if texts
            else np.zeros((0, 384), np.float32)
        )
        offset = 0
        for analysis in batch:
            count = len(analysis.sentences)
            analysis.vectors = vectors[offset : offset + count]
            offset += count
            yield analysis


@register("embed")
def make_embed() -> Embed:
    """Factory for :class:`Embed`."""
    return Embed()
