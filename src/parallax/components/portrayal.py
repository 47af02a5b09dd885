"""Fill each actor's role and sentiment, with supporting sentences, on the ``actors`` layer.

For every sentence that mentions an actor, and every voice the actor is mentioned in there
(the article's own, or a quoted source's), the target-sentiment model reads the sentence
towards that actor's mentions. It runs on the token states the embed step kept, so the
only extra cost is its two layers over those sentences; an analysis rebuilt from the store
(no kept states) has its actor sentences encoded again here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from parallax.actors.factuality import NAMING_VERBS
from parallax.actors.speech import SPEECH_VERBS
from parallax.encoder import LayerStates, shared_encoder
from parallax.model import Analysis
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion
from parallax.portrayal import portray
from parallax.portrayal.actions import JUDGEMENT_VERBS
from parallax.portrayal.asked import asked_to_act
from parallax.portrayal.compared import compared_against
from parallax.portrayal.roles import PRONOUN_WEIGHT, Judgment
from parallax.portrayal.target_sentiment import Query, predict, target_mask
from parallax.portrayal.verdicts import verdicts
from parallax.portrayal.voice import (
    OWN,
    Voice,
    VoiceIndex,
    describing_speakers,
    introducing,
    owners_of_titles,
    relayed,
    speaking,
    supposed,
    wordless_calls,
)

Key = tuple[str, str, tuple[str, str]]
Asked = tuple[list[Key], list[Query], list[Voice], list[float]]
SAYING = (SPEECH_VERBS | JUDGEMENT_VERBS | NAMING_VERBS) - {"confirm"}
"""Verbs whose subject speaks (passes a verdict in words, or names someone as something:
"voters described Quinn as a traitor") and whose object is spoken of.

"Confirm" says a fact only with a clause ("officials confirmed that ..."); with an actor as
its object it is an appointment ("the Senate confirmed Bell as secretary"), an act the
article tells in its own voice, not the Senate's words about Bell."""
MAX_SENTENCES = 4
"""Sentences per actor and voice the model reads (the first ones)."""
QUESTIONS_PER_SENTENCE = 0.5
"""Questions (actor, sentence, voice) per sentence of the article the model answers."""
MIN_QUESTIONS = 8
"""Questions a short article gets whatever its length."""
MIN_NAMED = 1
"""Sentences that must name an actor before the model reads about it (see :func:`trim`).

With 8 sentences per actor and voice and no budget (the portrayal branch's limits) the
model read about 1.9 times as many word pieces as BASIL's sentences hold, and its two
layers cost a third of the encoder's six; with these limits about a third of that
(docs/performance.md has what that does to the pipeline's throughput)."""


def _states(analysis: Analysis) -> list[LayerStates]:
    kept = analysis.layer_states
    if kept is not None and len(kept) == len(analysis.sentences):
        return list(kept)
    _, states = shared_encoder().encode_with_states([s.text for s in analysis.sentences], threads=1)
    return states


def queries_of(analysis: Analysis, states: Sequence[LayerStates]) -> Asked:
    """One query per (actor, sentence, voice), with its voice and weight, before :func:`trim`."""
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
    return keys, queries, [voice_of[k] for k in keys], weights


def said(analysis: Analysis) -> list[Mapping[str, Any]]:
    """The events layer without the calls that say nothing (:func:`wordless_calls`).

    An analysis rebuilt from the store has no parse, and keeps every call as speech.
    """
    events: list[Mapping[str, Any]] = analysis.layers.get("events", [])
    if analysis.doc is None:
        return events
    silent = wordless_calls(analysis.doc, events)
    return [event for event in events if str(event.get("id")) not in silent]


def charged(
    analysis: Analysis, asked: Asked, events: Sequence[Mapping[str, Any]] | None = None
) -> Asked:
    """The questions with an accused actor's sentence moved into its accuser's voice.

    A mention outside any quotation is still in someone else's voice when that someone
    accuses, blames or otherwise speaks of the actor in the sentence ("officials accused
    Westland of shelling the market": :func:`parallax.portrayal.voice.relayed`). Two
    questions that end up with the same key are both kept; the model reads each.
    """
    charges = relayed(said(analysis) if events is None else events, SAYING)
    keys, queries, voices, weights = asked
    moved_keys, moved_voices = [], []
    for key, voice in zip(keys, voices, strict=True):
        if voice.kind == OWN and (key[0], key[1]) in charges:
            voice = charges[(key[0], key[1])]
            key = (key[0], key[1], voice.key())
        moved_keys.append(key)
        moved_voices.append(voice)
    return moved_keys, list(queries), moved_voices, list(weights)


def unspoken(
    analysis: Analysis, asked: Asked, events: Sequence[Mapping[str, Any]] | None = None
) -> Asked:
    """The questions without those about an actor's own words in the article's voice.

    In "Smith said the plan would help families" Smith's mention is in the article's voice,
    but the sentence's tone towards Smith is the tone of what Smith says: the article only
    relays it. Such a sentence (:func:`parallax.portrayal.voice.speaking`) is not asked
    about the speaker in the article's voice, so the budget goes to sentences about the
    actor; what it says about others is still read, in the quoted voice, towards them. An
    actor named only in who the speaker is ("said Ann Berg, the committee's top Democrat":
    :func:`parallax.portrayal.voice.introducing`) is not asked about there either, nor one
    named only as the owner of another person's title ("Kroll's challenger, Amy Lindgren,":
    :func:`parallax.portrayal.voice.owners_of_titles`), nor one in a sentence that only
    supposes ("if she does not, she will have ...": :func:`parallax.portrayal.voice.supposed`).
    Nor
    is a speaker asked about in its own quoted words ("Dalton told supporters that his
    opponent was a failure": the "his" is Dalton's, the tone his of his rival): a source's
    casting is of others.
    """
    events = said(analysis) if events is None else events
    spoken = speaking(analysis.layers.get("quotes", []), events, analysis.sentences, SAYING)
    spoken |= introducing(
        analysis.layers.get("actors", []),
        events,
        analysis.article.text,
        SAYING,
    )
    if analysis.doc is not None:
        spoken |= owners_of_titles(analysis.doc, analysis.layers.get("actors", []))
        spoken |= describing_speakers(
            analysis.doc,
            analysis.layers.get("quotes", []),
            analysis.sentences,
            analysis.layers.get("actors", []),
            SAYING,
        )
        spoken |= supposed(analysis.doc, analysis.layers.get("actors", []))
    keys, queries, voices, weights = asked
    kept = [
        n
        for n, key in enumerate(keys)
        if (voices[n].kind != OWN or (key[0], key[1]) not in spoken) and voices[n].speaker != key[0]
    ]
    return (
        [keys[i] for i in kept],
        [queries[i] for i in kept],
        [voices[i] for i in kept],
        [weights[i] for i in kept],
    )


def named_sentences(asked: Asked) -> dict[str, int]:
    """Per actor, how many of the questions about it read a sentence that names it."""
    named: dict[str, int] = {}
    for key, weight in zip(asked[0], asked[3], strict=True):
        if weight >= 1.0:
            named[key[0]] = named.get(key[0], 0) + 1
    return named


def trim(
    asked: Asked,
    sentences: int | None = None,
    most: int | None = None,
    least: int | None = None,
    named: Mapping[str, int] | None = None,
) -> Asked:
    """The questions worth the model's time: prominent actors, their first sentences.

    An actor named (not only by pronoun) in fewer than ``least`` sentences
    (:data:`MIN_NAMED`) is not read at all. Of the others, at most ``most``
    (:data:`MAX_SENTENCES`) sentences per actor and voice are read, the first in text
    order: past the first handful an actor's portrayal rarely changes. And an article of
    ``sentences`` sentences gets at most :data:`QUESTIONS_PER_SENTENCE` questions per
    sentence (never fewer than :data:`MIN_QUESTIONS`), given to the actors named in the most
    sentences first: a passing mention is weak evidence, and its portrayal stays neutral
    (the action and name-calling evidence still count). What costs is the model's two
    layers per question, which run on the pipeline's main thread (docs/performance.md has
    the throughput, docs/evaluation.md what the limits cost in accuracy).

    ``named`` counts the sentences naming each actor before any question was dropped
    (:func:`named_sentences`): an actor named only where it speaks ("Harlan says he ...")
    and then discussed by pronoun is still prominent, and what the article goes on to say
    about "him" is its portrayal. By default the counts come from ``asked`` itself.
    """
    most = MAX_SENTENCES if most is None else most
    least = MIN_NAMED if least is None else least
    budget = (
        len(asked[0])
        if sentences is None
        else max(MIN_QUESTIONS, math.ceil(QUESTIONS_PER_SENTENCE * sentences))
    )
    keys, queries, voices, weights = asked
    named = named_sentences(asked) if named is None else named
    wanted: list[int] = []
    seen: dict[tuple[str, str], int] = {}
    for number, key in enumerate(keys):
        slot = (key[0], voices[number].kind)
        if named.get(key[0], 0) >= least and seen.get(slot, 0) < most:
            seen[slot] = seen.get(slot, 0) + 1
            wanted.append(number)
    wanted.sort(key=lambda n: -named.get(keys[n][0], 0))  # stable: text order within
    kept = sorted(wanted[:budget])
    return (
        [keys[i] for i in kept],
        [queries[i] for i in kept],
        [voices[i] for i in kept],
        [weights[i] for i in kept],
    )


def ask(analysis: Analysis) -> Asked:
    """The questions for the model about one analysis: keys, queries, voices, weights."""
    if not analysis.sentences:
        return [], [], [], []
    events = said(analysis)  # read once: the parse is walked for every "call"
    asked = charged(analysis, queries_of(analysis, _states(analysis)), events)
    return trim(
        unspoken(analysis, asked, events), len(analysis.sentences), named=named_sentences(asked)
    )


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
    version = CodeVersion(
        data=(
            "models/target_sentiment.json",
            "models/target_sentiment.npz",
            "models/portrayal_roles.json",
        ),
        distributions=("vadersentiment",),
    )
    requires = ("sentences", "actors", "quotes", "events", "techniques")
    reads_if_present = ("layer_states", "genre", "doc")
    assigns = ("actors.portrayal",)

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
                opinion=analysis.layers.get("genre") == "opinion",
                verdicts=(
                    verdicts(analysis.doc, analysis.layers.get("actors", []))
                    if analysis.doc is not None
                    else None  # a stored analysis without its parse: no verdicts read
                ),
                asked=(
                    asked_to_act(analysis.doc, analysis.layers.get("actors", []))
                    if analysis.doc is not None
                    else None
                ),
                compared=(
                    compared_against(analysis.doc, analysis.layers.get("actors", []))
                    if analysis.doc is not None
                    else ()
                ),
            )
            yield analysis


@register("portrayal")
def make_portrayal() -> Portrayal:
    """Factory for :class:`Portrayal`."""
    return Portrayal()
