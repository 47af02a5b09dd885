"""Which techniques a sentence shows: each with a score and a span the reader can see.

Three sources, each kept only where a reader can check it in the highlighted words:

- mechanical rules (repetition, standalone exclamations, scare quotes), whose form is the
  technique;
- the loaded-language head, which marks the loaded words themselves;
- the sentence heads trained on SemEval-2021 task 6, shown only where a cue span of the
  same technique ("what about", "so-called", a label word) is in the sentence, with the
  head's probability as the score. A head that fires with no cue shows nothing: a whole
  sentence highlighted as "smears" does not tell the reader which words smear. A cue whose
  technique has a sentence form (reductio ad hitlerum: a comparison; an either-or dilemma:
  put to the audience) is shown only in a sentence with that form
  (:mod:`parallax.persuasion.forms`).

The sentence heads' loaded-language call is not used on articles: the loaded-language head
was trained on news, they were trained on memes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from parallax.encoder import TokenStates
from parallax.persuasion.forms import in_form
from parallax.persuasion.loaded import LoadedLanguageHead, Position
from parallax.persuasion.model import TechniquesModel
from parallax.persuasion.rules import MECHANICAL, SentenceLike, TechniqueSpan

LEARNED = "learned"
NOT_FROM_SENTENCE_HEADS = frozenset({"loaded_language"})


def _shown_by_form(cue: TechniqueSpan, shown: Sequence[TechniqueSpan]) -> bool:
    """Whether a mechanical span of the same technique already covers the cue's words."""
    return any(
        s.kind == MECHANICAL and s.name == cue.name and s.start < cue.end and cue.start < s.end
        for s in shown
    )


def shown_spans(
    sentences: Sequence[SentenceLike],
    rule_spans: Sequence[TechniqueSpan],
    probabilities: np.ndarray,
    model: TechniquesModel,
    head: LoadedLanguageHead | None,
    tokens: Sequence[TokenStates] | None,
    positions: Sequence[Position | None] | None = None,
    logits: Sequence[np.ndarray] | None = None,
    named: Sequence[bool] | None = None,
    literal: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> list[list[TechniqueSpan]]:
    """The techniques each sentence shows, in article offsets, sorted by position.

    Args:
        sentences: the article's sentences.
        rule_spans: :func:`parallax.persuasion.rules.detect` on the same sentences.
        probabilities: the sentence heads' (sentences, heads) probabilities.
        model: the sentence heads (labels and thresholds).
        head: the loaded-language head, or None to leave loaded language out.
        tokens: each sentence's word-piece states (None: no loaded-language spans).
        positions: where each sentence sits in its article, for the loaded-language head
            (an entry None: unknown). Default: ``sentences`` are the whole article in order.
        logits: the head's piece logits of each sentence when already computed
            (:meth:`LoadedLanguageHead.article_piece_logits`); default: computed here.
        named: whether each sentence names anyone a judgement could be about (a person,
            group, organisation, a state acting, a pronoun or noun for people;
            :func:`parallax.actors.animacy.names_someone`). The loaded-language head shows
            nothing in a sentence that names no one: its vivid words ("a heat wave
            strained the grid") measure an event and judge nobody. On BASIL's held-out
            stories the head flagged 8 such sentences, none with a lexical-bias span
            (docs/evaluation.md). None: every sentence counts as naming someone.
        literal: each sentence's words of armed attack told literally, in article offsets
            (:func:`parallax.persuasion.literal.literal_spans`): "missiles pounded the
            city" reports what weapons did, so no loaded-language span is shown on them.
            None: none.
    """
    thresholds = dict(zip(model.labels, model.thresholds, strict=True))
    result: list[list[TechniqueSpan]] = []
    if logits is None and head is not None and tokens is not None:
        logits = head.article_piece_logits(tokens)
    for number, sentence in enumerate(sentences):
        own = [s for s in rule_spans if sentence.start <= s.start < sentence.end]
        spans = [s for s in own if s.kind == MECHANICAL]
        row = probabilities[number]
        for column, technique in enumerate(model.labels):
            p = float(row[column])
            if technique in NOT_FROM_SENTENCE_HEADS or p < thresholds[technique]:
                continue
            spans += [
                TechniqueSpan(s.name, s.start, s.end, "model", p, s.kind)
                for s in own
                if s.name == technique
                and s.kind != MECHANICAL
                and in_form(s, sentence)
                and not _shown_by_form(s, spans)
            ]
        if head is not None and tokens is not None and (named is None or named[number]):
            plain = () if literal is None else literal[number]
            spans += [
                TechniqueSpan(
                    "loaded_language",
                    sentence.start + a,
                    sentence.start + b,
                    "model",
                    score,
                    LEARNED,
                )
                for a, b, score in head.spans(
                    sentence.text,
                    tokens[number],
                    Position(number, len(sentences)) if positions is None else positions[number],
                    logits=None if logits is None else logits[number],
                )
                if not any(x < sentence.start + b and sentence.start + a < y for x, y in plain)
            ]
        result.append(sorted(set(spans), key=lambda s: (s.start, s.end, s.name)))
    return result
