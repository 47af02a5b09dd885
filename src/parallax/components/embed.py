"""Sentence embeddings, computed once per sentence for every later component to share.

The same encoder pass also embeds each article's lead (title and start of the text, what
story clustering compares), so comparisons of stored analyses never need the encoder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from parallax.comparison.terms import lead
from parallax.encoder import MODEL_NAME, shared_encoder
from parallax.model import Analysis
from parallax.pipeline.registry import register
from parallax.report.json_report import article_record


def lead_text(analysis: Analysis) -> str:
    """The article's lead, built from the same fields as its stored record's lead.

    Comparisons compute ``lead(record)`` from the stored analysis record, whose title and
    text are ``article_record(analysis.article)``'s; encoding anything else would give a
    vector the comparison cannot use.
    """
    return lead(article_record(analysis.article))


class Embed:
    """Put one unit vector per sentence, and one for the article's lead, on the analysis.

    Sentence rows go to :attr:`Analysis.vectors`, the lead's (:func:`lead_text`) to
    :attr:`Analysis.lead_vector`; the word-piece states of each sentence after the
    encoder's fourth layer go to :attr:`Analysis.token_states` for the portrayal step, from
    the same pass (:meth:`parallax.encoder.SentenceEncoder.encode_with_states`). The whole
    batch of articles, sentences and leads, is encoded in one call, so short articles still
    fill the encoder's batches. Torch releases
    the GIL during the encoder's matrix products, so the pipeline runs this step in a worker
    thread alongside the parse of the next batch (``releases_gil``), with one torch thread
    (``threads``): measured on 2 cores, a second torch thread spins on the core the parse
    needs and the whole pipeline gets slower (see docs/performance.md).
    """

    releases_gil = True
    threads = 1
    name = "embed"
    version = f"1-{MODEL_NAME}"
    requires = ("sentences",)
    assigns = ("vectors", "lead_vector")

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Encode the sentences and leads of a batch of analyses."""
        batch = list(analyses)
        texts = [s.text for a in batch for s in a.sentences]
        sentences = len(texts)
        texts += [lead_text(a) for a in batch]
        vectors, states = (
            shared_encoder().encode_with_states(texts, threads=self.threads)
            if texts
            else (np.zeros((0, 384), np.float32), [])
        )
        offset = 0
        for number, analysis in enumerate(batch):
            count = len(analysis.sentences)
            analysis.vectors = vectors[offset : offset + count]
            analysis.token_states = states[offset : offset + count]
            analysis.lead_vector = vectors[sentences + number]
            offset += count
            yield analysis


@register("embed")
def make_embed() -> Embed:
    """Factory for :class:`Embed`."""
    return Embed()
