"""Scoring techniques on news: BASIL by story-split cross-validation, BABE as an outside test.

BASIL: the loaded-language family (loaded language, name calling, exaggeration, smears) as
shown by :func:`parallax.persuasion.shown.shown_spans`, with the loaded-language head of
each held-out fold (never the shipped one, which saw every story), against the sentences
annotators gave a lexical-bias span; span scores against the spans themselves; and the
share of sentences showing any technique against the share with any annotated bias span.

BABE (Spinde et al. 2021): never trained on. A sentence counts as "biased" when the shipped
pipeline logic shows a loaded-language family technique in it.
"""

from __future__ import annotations

import ast
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from parallax.encoder import TokenStates
from parallax.persuasion import rules
from parallax.persuasion.loaded import LoadedLanguageHead, Position, bundled_head
from parallax.persuasion.model import TechniquesModel, bundled_model
from parallax.persuasion.rules import TechniqueSpan
from parallax.persuasion.shown import shown_spans
from parallax_dev.techniques.basil import BasilSentence
from parallax_dev.techniques.loaded_training import cross_validate
from parallax_dev.techniques.token_cache import head_tokens

FAMILY = frozenset({"loaded_language", "name_calling", "exaggeration", "smears"})
BABE = ("datasets", "babe_media_bias", "final_labels_SG2.csv")
CHUNK = 512
"""Texts whose piece logits :func:`show_texts` computes in one matrix product."""
BABE_PUBLISHED_F1 = 0.804
"""Spinde et al. 2021, BERT with distant supervision, 5-fold CV on BABE itself."""


class _Line:
    def __init__(self, text: str, start: int) -> None:
        self.text, self.start, self.end = text, start, start + len(text)


@dataclass
class Binary:
    """Precision, recall and F1 of one positive class, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int

    @classmethod
    def of(cls, predicted: np.ndarray, gold: np.ndarray) -> Binary:
        """Score boolean predictions against boolean gold labels."""
        tp = int(np.sum(predicted & gold))
        npred, ngold = int(predicted.sum()), int(gold.sum())
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0, npred, ngold)


def show_texts(
    texts: Sequence[str],
    tokens: Sequence[TokenStates],
    vectors: np.ndarray,
    head: LoadedLanguageHead,
    model: TechniquesModel,
    positions: Sequence[Position | None] | None = None,
    parties: Sequence[Sequence[tuple[int, int]]] | None = None,
    named: Sequence[bool] | None = None,
    literal: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> list[list[TechniqueSpan]]:
    """What the pipeline would show in each text, each text read on its own.

    Rules see one text at a time; the loaded-language head is told where each text sat in
    its article (``positions``; None: nowhere known, as for BABE's lone sentences), and the
    scare-quote rule which parties each text names (``parties``, as the pipeline's entities
    tell it; None: the text alone), and the loaded-language head whether each text names
    anyone (``named``, :func:`named_someone`; None: every text does) and which of its words
    tell armed attack literally (``literal``, :func:`literal_words`; None: none).
    """
    lines = [_Line(t, 0) for t in texts]
    probabilities = model.probabilities(list(texts), vectors)
    # One product per chunk of texts, not one per text (the feature rows of all of BABE's
    # pieces at once would take half a gigabyte).
    logits = [
        row
        for first in range(0, len(tokens), CHUNK)
        for row in head.article_piece_logits(tokens[first : first + CHUNK])
    ]
    shown: list[list[TechniqueSpan]] = []
    for i, line in enumerate(lines):
        found = rules.detect([line], parties=None if parties is None else parties[i])
        where = [None if positions is None else positions[i]]
        shown += shown_spans(
            [line],
            found,
            probabilities[i : i + 1],
            model,
            head,
            [tokens[i]],
            where,
            logits[i : i + 1],
            None if named is None else named[i : i + 1],
            None if literal is None else literal[i : i + 1],
        )
    return shown


@dataclass
class BasilScores:
    """Held-out-story scores on BASIL 2010-2016."""

    family: Binary
    head: Binary
    span_overlap: Binary
    span_exact: Binary
    flagged_share: float
    annotated_share: float
    mechanical_false_alarms: dict[str, tuple[int, int]]
    thresholds: list[float]


def _span_scores(
    sentences: Sequence[BasilSentence], predicted: Sequence[list[tuple[int, int]]]
) -> tuple[Binary, Binary]:
    overlap_tp_p = exact_tp = npred = 0
    overlap_tp_g = ngold = 0
    for sentence, spans in zip(sentences, predicted, strict=True):
        gold = sentence.lexical
        npred += len(spans)
        ngold += len(gold)
        overlap_tp_p += sum(any(a < d and c < b for c, d in gold) for a, b in spans)
        overlap_tp_g += sum(any(a < d and c < b for a, b in spans) for c, d in gold)
        exact_tp += len(set(spans) & set(gold))

    def make(tp_p: int, tp_g: int) -> Binary:
        p = tp_p / npred if npred else 0.0
        r = tp_g / ngold if ngold else 0.0
        return Binary(p, r, 2 * p * r / (p + r) if p + r else 0.0, npred, ngold)

    return make(overlap_tp_p, overlap_tp_g), make(exact_tp, exact_tp)


def basil_scores(shared: Path, model: TechniquesModel | None = None) -> BasilScores:
    """Cross-validate the loaded-language head by story and score what the pipeline shows."""
    model = model or bundled_model()
    sentences, cv = cross_validate(shared)
    vectors, tokens = head_tokens([s.text for s in sentences])
    parties = named_parties([s.text for s in sentences])
    docs = parsed([s.text for s in sentences])
    named = named_someone([s.text for s in sentences], docs)
    literal = literal_words([s.text for s in sentences], docs)
    del docs
    shown: list[list[TechniqueSpan]] = [[] for _ in sentences]
    for held, head in zip(cv.folds, cv.heads, strict=True):
        fold = show_texts(
            [sentences[i].text for i in held],
            [tokens[i] for i in held],
            vectors[held],
            head,
            model,
            [cv.positions[i] for i in held],
            [parties[i] for i in held],
            [named[i] for i in held],
            [literal[i] for i in held],
        )
        for i, spans in zip(held, fold, strict=True):
            shown[i] = spans
    for i, span in _article_repetition(sentences):
        shown[i].append(span)
    gold = np.array([bool(s.lexical) for s in sentences])
    family = np.array([any(t.name in FAMILY for t in spans) for spans in shown])
    loaded_spans = [
        [(t.start, t.end) for t in spans if t.name == "loaded_language"] for spans in shown
    ]
    overlap, exact = _span_scores(sentences, loaded_spans)
    unmarked = [i for i, s in enumerate(sentences) if not s.any_bias]
    alarms: dict[str, tuple[int, int]] = {}
    for name in ("repetition", "slogans", "doubt", "whataboutism", "bandwagon"):
        fired = sum(
            any(t.name == name and t.kind == rules.MECHANICAL for t in shown[i]) for i in unmarked
        )
        alarms[name] = (fired, len(unmarked))
    return BasilScores(
        family=Binary.of(family, gold),
        head=Binary.of(cv.flagged, gold),
        span_overlap=overlap,
        span_exact=exact,
        flagged_share=float(np.mean([bool(spans) for spans in shown])),
        annotated_share=float(np.mean([s.any_bias for s in sentences])),
        mechanical_false_alarms=alarms,
        thresholds=cv.thresholds,
    )


def named_parties(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """The spans of each text that the entity recogniser reads as a party that can speak.

    Only texts with a quoted phrase are read: nothing else asks about parties.
    """
    from parallax.components.techniques import PARTY_LABELS
    from parallax.spacy_model import load_spacy

    found: list[list[tuple[int, int]]] = [[] for _ in texts]
    asked = [i for i, text in enumerate(texts) if rules.scare_quotes(text)]
    nlp = load_spacy()
    with nlp.select_pipes(enable=[n for n in ("tok2vec", "ner") if n in nlp.pipe_names]):
        for i, doc in zip(asked, nlp.pipe([texts[i] for i in asked]), strict=True):
            found[i] = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in PARTY_LABELS]
    return found


def parsed(texts: Sequence[str]) -> list[Any]:
    """Each text parsed on its own by the packaged spaCy model, once for every reader below."""
    from parallax.spacy_model import load_spacy

    return list(load_spacy().pipe(texts, batch_size=64))


def named_someone(texts: Sequence[str], docs: Sequence[Any] | None = None) -> list[bool]:
    """Whether each text names anyone a judgement could be about, as the pipeline reads it.

    The pipeline asks :func:`parallax.actors.animacy.names_someone` of each sentence of
    the article's parse, from the word after a dateline; here each text is parsed on its
    own, from the same word. ``docs`` (:func:`parsed`) serve the texts without a dateline,
    so most are not parsed twice.
    """
    from parallax.actors.animacy import names_someone
    from parallax.datelines import dateline_length
    from parallax.persuasion.reporting import speaker_tokens

    docs = list(docs) if docs is not None else [None] * len(texts)
    cut = [dateline_length(text) for text in texts]
    again = [i for i, n in enumerate(cut) if n or docs[i] is None]
    for i, doc in zip(again, parsed([texts[i][cut[i] :] for i in again]), strict=True):
        docs[i] = doc
    return [names_someone(doc, speaker_tokens(doc[:])) for doc in docs]


def literal_words(
    texts: Sequence[str], docs: Sequence[Any] | None = None
) -> list[list[tuple[int, int]]]:
    """Each text's words told plainly, as the pipeline reads its sentences.

    :func:`parallax.persuasion.reporting.plain_spans` (attack told literally, speech verbs
    that report) over each text parsed on its own (``docs``, when given: :func:`parsed`);
    offsets into the text.
    """
    from parallax.persuasion.reporting import plain_spans

    return [plain_spans(doc[:]) for doc in (docs if docs is not None else parsed(texts))]


def _article_repetition(sentences: Sequence[BasilSentence]) -> list[tuple[int, TechniqueSpan]]:
    """Repetition spans per article, each with the number of the sentence it lies in.

    Repetition is a property of the whole article, so it is found over each article's
    sentences together, with the names and noun phrases spaCy finds left out as the pipeline
    leaves them out.
    """
    from parallax.components.techniques import ENTITY_LABELS, noun_phrase_spans
    from parallax.spacy_model import load_spacy

    found: list[tuple[int, TechniqueSpan]] = []
    by_article: dict[str, list[int]] = {}
    for number, sentence in enumerate(sentences):
        by_article.setdefault(sentence.article, []).append(number)
    articles = list(by_article.values())
    texts = [" ".join(sentences[n].text for n in numbers) for numbers in articles]
    nlp = load_spacy()
    for numbers, doc in zip(articles, nlp.pipe(texts, batch_size=16), strict=True):
        excluded = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ENTITY_LABELS]
        lines, offset = [], 0
        for number in numbers:
            lines.append(_Line(sentences[number].text, offset))
            offset += len(sentences[number].text) + 1
        for span in rules.repetition(lines, excluded, noun_phrase_spans(doc)):
            index = next(i for i, line in enumerate(lines) if line.start <= span.start < line.end)
            line = lines[index]
            shifted = TechniqueSpan(
                span.name,
                span.start - line.start,
                span.end - line.start,
                span.source,
                span.score,
                span.kind,
            )
            found.append((numbers[index], shifted))
    return found


@dataclass
class BabeScores:
    """The shipped logic on BABE: sentence "biased" and biased-word overlap."""

    biased: Binary
    words: Binary
    sentences: int


def babe_scores(shared: Path) -> BabeScores:
    """Score the shipped head and heads on BABE (SG2), which they never saw."""
    path = shared.joinpath(*BABE)
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing; pass --shared pointing at the data folder")
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["label_bias"] in ("Biased", "Non-biased")]
    texts = [r["text"] for r in rows]
    vectors, tokens = head_tokens(texts)
    docs = parsed(texts)
    shown = show_texts(
        texts,
        tokens,
        vectors,
        bundled_head(),
        bundled_model(),
        named=named_someone(texts, docs),
        literal=literal_words(texts, docs),
    )
    predicted = np.array([any(t.name in FAMILY for t in spans) for spans in shown])
    gold = np.array([r["label_bias"] == "Biased" for r in rows])
    word_tp = word_pred = word_gold = 0
    for row, spans in zip(rows, shown, strict=True):
        marked = {w.lower() for w in ast.literal_eval(row["biased_words"] or "[]")}
        found = {
            w.lower()
            for t in spans
            if t.name in FAMILY
            for w in row["text"][t.start : t.end].split()
        }
        found = {w.strip(".,;:!?\"'“”‘’()") for w in found}
        word_pred += len(found)
        word_gold += len(marked)
        word_tp += len(found & marked)
    p = word_tp / word_pred if word_pred else 0.0
    r = word_tp / word_gold if word_gold else 0.0
    words = Binary(p, r, 2 * p * r / (p + r) if p + r else 0.0, word_pred, word_gold)
    return BabeScores(Binary.of(predicted, gold), words, len(rows))
