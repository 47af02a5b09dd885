"""Persuasion techniques per sentence, with character spans, scores and whose voice they are in.

The decision of what is shown is :func:`parallax.persuasion.shown.shown_spans`: mechanical
rules, the loaded-language head over the embed step's word-piece states, and the sentence
heads only where a cue of the same technique is visible. Each technique is then attributed
to the article's own voice or to the speaker of the quotation it sits in
(:mod:`parallax.persuasion.voices`), or of words the report gives as someone's without quote
marks, a label a namer uses or a finding's clause (:mod:`parallax.actors.worded`), and the
article's ``techniques_by_voice`` layer summarises both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from parallax.actors.animacy import names_someone
from parallax.actors.factuality import NAMING_VERBS
from parallax.actors.worded import worded
from parallax.datelines import dateline_length
from parallax.encoder import DIMENSION
from parallax.model import Analysis
from parallax.persuasion import rules
from parallax.persuasion.loaded import bundled_head
from parallax.persuasion.model import bundled_model
from parallax.persuasion.reporting import plain_spans, speaker_tokens
from parallax.persuasion.shown import shown_spans
from parallax.persuasion.voices import attribute, carried_by_other_voice, summarise
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion
from parallax.portrayal.actions import FINDING_VERBS, JUDGEMENT_VERBS

ENTITY_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "LAW"})
PARTY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
"""Entities that can speak: a quoted phrase in a sentence naming one is likely its words."""


def noun_phrase_spans(doc: Any) -> list[tuple[int, int]]:
    """Character ranges of the parse's noun phrases, inside which repetition counts nothing.

    A report names its topic again and again ("same-sex couples", "the health law") because
    that is what it is about: a noun phrase that recurs is a reference, like a recurring
    name. Repetition as persuasion repeats a message (a call, a slogan, a claim), which
    has a verb or spans more than one phrase.
    """
    return [(chunk.start_char, chunk.end_char) for chunk in doc.noun_chunks]


def sentence_names_someone(doc: Any, start: int, end: int) -> bool:
    """:func:`names_someone` for the article's characters ``start:end`` (True if unparsed).

    The caller starts a sentence after its dateline: "NEW ORLEANS (Wire) — " says where the
    report was filed, and the parser takes the city for the lede's subject.
    """
    if doc is None:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    return True if span is None else names_someone(span, speaker_tokens(span))


def sentence_literal_spans(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """:func:`plain_spans` for the article's characters ``start:end`` (none if unparsed).

    Attack told literally and speech verbs that report what someone said: no loaded
    language is shown on them.
    """
    if doc is None:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    return [] if span is None else plain_spans(span)


class Techniques:
    """Fill ``Sentence.techniques`` and the ``techniques_by_voice`` layer.

    Each technique is ``{"name", "start", "end", "source", "score", "voice", "speaker",
    "speaker_text"}``; ``voice`` is ``article`` or ``quoted``.
    """

    name = "techniques"
    version = CodeVersion(
        data=(
            "models/techniques.json",
            "models/techniques.npz",
            "models/loaded_language.json",
            "models/loaded_language.npz",
        )
    )
    requires = ("doc", "sentences", "entities", "vectors", "tokens", "actors", "quotes")
    assigns = ("techniques", "techniques_by_voice")

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add the techniques of each analysis."""
        model, head = bundled_model(), bundled_head()
        for analysis in analyses:
            sentences = analysis.sentences
            excluded = [(e.start, e.end) for e in analysis.entities if e.label in ENTITY_LABELS]
            parties = [(e.start, e.end) for e in analysis.entities if e.label in PARTY_LABELS]
            found = rules.detect(sentences, excluded, noun_phrase_spans(analysis.doc), parties)
            vectors = analysis.vectors
            if vectors is None or len(vectors) != len(sentences):
                vectors = np.zeros((len(sentences), DIMENSION), dtype=np.float32)
            tokens = analysis.tokens
            if tokens is not None and len(tokens) != len(sentences):
                tokens = None
            probabilities = model.probabilities([s.text for s in sentences], vectors)
            named = [
                sentence_names_someone(analysis.doc, s.start + dateline_length(s.text), s.end)
                for s in sentences
            ]
            literal = [sentence_literal_spans(analysis.doc, s.start, s.end) for s in sentences]
            # The loaded-language head's small matrix products run fastest on one BLAS
            # thread: split over threads they wait on each other on a busy machine.
            with threadpool_limits(limits=1, user_api="blas"):
                logits = None if tokens is None else head.article_piece_logits(tokens)
                shown = shown_spans(
                    sentences,
                    found,
                    probabilities,
                    model,
                    head,
                    tokens,
                    logits=logits,
                    named=named,
                    literal=literal,
                )
            # A quotation first; then words the report gives as someone's without quote
            # marks ("lawmakers called him a traitor", "accused him of ...", "the court
            # ruled that ...").
            voices = analysis.layers.get("quotes", []) + worded(
                analysis.doc,
                analysis.layers.get("actors", []),
                NAMING_VERBS,
                FINDING_VERBS,
                JUDGEMENT_VERBS,
            )
            for number, (sentence, spans) in enumerate(zip(sentences, shown, strict=True)):
                best = None
                if tokens is not None and logits is not None:
                    word = head.best_word(sentence.text, tokens[number], logits[number])
                    if word is not None:
                        best = (sentence.start + word[0], sentence.start + word[1])
                sentence.techniques = carried_by_other_voice(
                    [attribute(s.record(), voices) for s in spans], best
                )
            analysis.layers["techniques_by_voice"] = summarise(sentences)
            yield analysis


@register("techniques")
def make_techniques() -> Techniques:
    """Factory for :class:`Techniques`."""
    return Techniques()
