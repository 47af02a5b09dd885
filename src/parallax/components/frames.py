"""The article's frames (``layers["frames"]``) and genre (``layers["genre"]``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from parallax.framing.frames import article_frames, bundled_head
from parallax.framing.genre import classify, labelled_opinion
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
            article = analysis.article
            label = labelled_opinion(
                section_labels(article.meta), article.title, article.url, article.author
            )
            genre, scores, cues = classify(
                [s.text for s in analysis.sentences],
                article.outlet,
                own_technique_share(analysis),
                label,
            )
            analysis.layers["genre"] = genre
            analysis.layers["genre_scores"] = {**scores, "cues": cues.as_dict()}
            if label is not None:
                analysis.layers["genre_scores"]["label"] = label
            yield analysis


def section_labels(meta: dict[str, Any]) -> list[str]:
    """The section names an input gave the article: a header line, page categories, tags.

    Readers keep them under ``section`` (text files), ``categories`` and ``tags`` (HTML
    pages and feeds), as one string, a comma-separated string or a list.
    """
    labels: list[str] = []
    for key in ("section", "categories", "tags"):
        value = meta.get(key)
        if isinstance(value, str):
            labels += value.split(",")
        elif isinstance(value, (list, tuple)):
            labels += [str(v) for v in value]
    return labels


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
