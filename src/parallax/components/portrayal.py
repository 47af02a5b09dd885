"""Fill each actor's role and sentiment, with supporting sentences, on the ``actors`` layer.

For every sentence that mentions an actor, and every voice the actor is mentioned in there
(the article's own, or a quoted source's), the target-sentiment model reads the sentence
towards that actor's mentions. It runs on the token states the embed step kept, so the
only extra cost is its two layers over those sentences; an analysis rebuilt from the store
(no kept states) has its actor sentences encoded again here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from parallax.encoder import LayerStates, shared_encoder
from parallax.model import Analysis
from parallax.pipeline.registry import register
from parallax.portrayal import portray
from parallax.portrayal.roles import PRONOUN_WEIGHT, Judgment
from parallax.portrayal.target_sentiment import Query, predict, target_mask
from parallax.portrayal.voice import Voice, VoiceIndex

Key = tuple[str, str, tuple[str, str]]
Asked = tuple[list[Key], list[Query], list[Voice], list[float]]
MAX_SENTENCES = 8
"""Sentences per actor and voice the model reads (the first ones)."""


def _states(analysis: Analysis) -> list[LayerStates]:
    kept = analysis.token_states
    if kept is not None and len(kept) == len(analysis.sentences):
        return list(kept)
    _, states = shared_encoder().encode_with_states([s.text for s in analysis.sentences], threads=1)
    return states


def queries_of(
    analysis: Analysis, states: Sequence[LayerStates]
) -> tuple[list[Key], list[Query], list[Voice], list[float]]:
    """One query per (actor, sentence, voice), with its voice and weight."""
    voices = VoiceIndex(analysis.layers.get("quotes", []))
    index = {s.id: n for n, s in enumerate(analysis.sentences)}
    masks: dict[Key, np.ndarray] = {}
    voice_of: dict[Key, Voice] = {}
    named: dict[Key, bool] = {}
    for actor in analysis.layers.get("actors", []):
        for mention in actor.get("mentions", []):
            number = index.get(mention.get("sentence_id"))
            if number is None:
                continue
            sentence, encoded = analysis.sentences[number], states[number]
            voice = voices.at(mention["start"], mention["end"])
            key = (actor["id"], sentence.id, voice.key())
            mask = target_mask(
                encoded.offsets, mention["start"] - sentence.start, mention["end"] - sentence.start
            )
            if not mask.any():
                continue  # beyond the encoder's reach in a very long sentence
            masks[key] = np.maximum(masks[key], mask) if key in masks else mask
            voice_of[key] = voice
            named[key] = named.get(key, False) or mention.get("kind", "name") != "pronoun"
    keys = list(masks)
    queries = [Query(states[index[k[1]]].states, masks[k]) for k in keys]
    weights = [1.0 if named[k] else PRONOUN_WEIGHT for k in keys]
    return trim((keys, queries, [voice_of[k] for k in keys], weights))


def trim(asked: tuple[list[Key], list[Query], list[Voice], list[float]]) -> Asked:
    """At most :data:`MAX_SENTENCES` sentences per actor and voice, the first in text order.

    What costs is the model's two layers per question, and past the first handful of
    sentences an actor's portrayal rarely changes (measured: the end-to-end scores in
    docs/evaluation.md move by less than 0.01).
    """
    keys, queries, voices, weights = asked
    kept: list[int] = []
    seen: dict[tuple[str, str], int] = {}
    for number, key in enumerate(keys):
        slot = (key[0], voices[number].kind)
        if seen.get(slot, 0) < MAX_SENTENCES:
            seen[slot] = seen.get(slot, 0) + 1
            kept.append(number)
    return (
        [keys[i] for i in kept],
        [queries[i] for i in kept],
        [voices[i] for i in kept],
        [weights[i] for i in kept],
    )


def ask(analysis: Analysis) -> Asked:
    """The questions for the model about one analysis: keys, queries, voices, weights."""
    return queries_of(analysis, _states(analysis)) if analysis.sentences else ([], [], [], [])


def answer(asked: Sequence[Asked]) -> list[dict[str, list[Judgment]]]:
    """Per analysis, the model's judgments of each actor's sentences, by actor id.

    The model runs once over all the questions, so short articles still fill its batches.
    """
    probabilities = predict([query for _, queries, _, _ in asked for query in queries])
    result: list[dict[str, list[Judgment]]] = []
    offset = 0
    for keys, queries, voices, weights in asked:
        judgments: dict[str, list[Judgment]] = {}
        for number, key in enumerate(keys):
            row = probabilities[offset + number]
            judgments.setdefault(key[0], []).append(
                Judgment(
                    key[1],
                    voices[number],
                    (float(row[0]), float(row[1]), float(row[2])),
                    weights[number],
                )
            )
        offset += len(queries)
        result.append(judgments)
    return result


class Portrayal:
    """Read each actor's sentences with the target-sentiment model, then cast the actors."""

    name = "portrayal"
    version = "2"
    requires = ("sentences", "actors", "quotes", "events", "techniques")
    assigns = ("portrayal",)

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Portray the actors of each analysis in a batch."""
        batch = list(analyses)
        for analysis, judgments in zip(batch, answer([ask(a) for a in batch]), strict=True):
            portray(
                analysis.layers.get("actors", []),
                analysis.sentences,
                analysis.article.text,
                analysis.layers.get("events", []),
                analysis.layers.get("quotes", []),
                judgments,
            )
            analysis.token_states = None  # large, and no later step reads them
            yield analysis


@register("portrayal")
def make_portrayal() -> Portrayal:
    """Factory for :class:`Portrayal`."""
    return Portrayal()
