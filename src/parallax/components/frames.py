"""The article's frames (``layers["frames"]``) and genre (``layers["genre"]``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from parallax.framing.frames import article_frames, bundled_head
from parallax.framing.genre import classify
from parallax.model import Analysis
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion


class Frames:
    """Score every frame of the taxonomy and keep the ones the article uses."""

    name = "frames"
    version = CodeVersion(data=("models/frames.json", "models/frames.npz"))
    requires = ("sentences", "vectors")
    assigns = ("frames",)

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add ``frames`` to each analysis."""
        head = bundled_head()
        for analysis in analyses:
            texts = [s.text for s in analysis.sentences]
            vectors = analysis.vectors
            if vectors is None or len(vectors) != len(texts):
                vectors = np.zeros((len(texts), 384), dtype=np.float32)
            analysis.layers["frames"] = article_frames(texts, vectors, head)
            yield analysis


class Genre:
    """News report, opinion or satire, with a score for each and the cues behind them."""

    name = "genre"
    version = CodeVersion()
    requires = ("sentences", "techniques")
    assigns = ("genre", "genre_scores")

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add ``genre`` and ``genre_scores`` to each analysis."""
        for analysis in analyses:
            genre, scores, cues = classify(
                [s.text for s in analysis.sentences],
                analysis.article.outlet,
                own_technique_share(analysis),
            )
            analysis.layers["genre"] = genre
            analysis.layers["genre_scores"] = {**scores, "cues": cues.as_dict()}
            yield analysis


def own_technique_share(analysis: Analysis) -> float:
    """Share of sentences past the lede holding a persuasion technique in the article's voice.

    The techniques step keeps each sentence's techniques on the sentence
    (``Sentence.techniques``, each with its ``voice``), not in a layer of their own. The
    lede is left out: the loaded-language head leans on a sentence's position, since
    reporters load their openings most (it flags most news ledes, and on BASIL a flagged
    lede is loaded little more often than ledes are at all), so a flag there tells a
    report from an opinion piece nothing.
    """
    body = analysis.sentences[1:]
    if not body:
        return 0.0
    marked = sum(
        any(t.get("voice", "own") == "own" for t in sentence.techniques or []) for sentence in body
    )
    return marked / len(body)


@register("frames")
def make_frames() -> Frames:
    """Factory for :class:`Frames`."""
    return Frames()


@register("genre")
def make_genre() -> Genre:
    """Factory for :class:`Genre`."""
    return Genre()
