"""Sentence types, check-worthiness and subjectivity for every sentence, in one step.

The two trained heads read the sentence vectors the ``embed`` component already computed
(one encoder pass per sentence for the whole pipeline) plus cheap lexical features, for the
whole batch of articles in one matrix product each; calls to action, questions and
quotations come from the parse. See :mod:`parallax.statements.sentence_types` for how the
signals combine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from parallax.model import Analysis
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion
from parallax.spacy_model import MODEL_DISTRIBUTION, load_spacy
from parallax.statements.calls_to_action import find_call_to_action
from parallax.statements.features import lexical_features
from parallax.statements.heads import Head, bundled_head
from parallax.statements.sentence_types import continues_quote, is_question, sentence_type

HEADS = ("checkworthiness", "subjectivity")
"""The trained heads this step loads from ``parallax/models``."""


class Statements:
    """Fill ``Sentence.type``, ``Sentence.checkworthiness`` and ``extras["subjectivity"]``.

    A matched call to action is recorded in ``extras["call_to_action"]`` with its kind and
    its character span in the article text. The article title, when there is one, is typed
    too (``title_statement``): headlines are where slogans live.
    """

    name = "statements"
    version = CodeVersion(
        data=tuple(f"models/{head}.{kind}" for head in HEADS for kind in ("json", "npz")),
        distributions=("spacy", MODEL_DISTRIBUTION),
    )
    requires = ("doc", "sentences", "vectors")
    reads_if_present = ("quotes",)
    assigns = ("sentence_types", "title_statement")

    def __init__(
        self, checkworthiness: Head | None = None, subjectivity: Head | None = None
    ) -> None:
        self.checkworthiness = checkworthiness or bundled_head("checkworthiness")
        self.subjectivity = subjectivity or bundled_head("subjectivity")
        if checkworthiness is not None or subjectivity is not None:
            # Heads other than the bundled ones: their digests join the code's version.
            self.version = "-".join(
                [
                    Statements.version,
                    *(str(h.metadata.get("digest", "?"))[:8] for h in self._heads),
                ]
            )

    @property
    def _heads(self) -> tuple[Head, Head]:
        return self.checkworthiness, self.subjectivity

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Score every sentence of the batch at once, then type each sentence."""
        batch = list(analyses)
        texts = [s.text for a in batch for s in a.sentences]
        worthiness, subjectivity = self._score(batch, texts)
        offset = 0
        for analysis in batch:
            count = len(analysis.sentences)
            self._type(
                analysis, worthiness[offset : offset + count], subjectivity[offset : offset + count]
            )
            offset += count
            yield analysis

    def _score(self, batch: list[Analysis], texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        if not texts:
            empty = np.zeros(0, dtype=np.float32)
            return empty, empty
        vectors = np.vstack([a.vectors for a in batch if len(a.sentences)])
        rows = np.hstack([vectors, lexical_features(texts)])
        return self.checkworthiness.probabilities(rows), self.subjectivity.probabilities(rows)

    def _type(self, analysis: Analysis, worthiness: np.ndarray, subjectivity: np.ndarray) -> None:
        doc = analysis.doc
        quoted = _quote_verdicts(analysis)
        inside_quote = False
        for sentence, cw, subj in zip(analysis.sentences, worthiness, subjectivity, strict=True):
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None:  # pragma: no cover - offsets always come from this doc
                continue
            match = find_call_to_action(span)
            sentence.checkworthiness = round(float(cw), 4)
            sentence.extras["subjectivity"] = round(float(subj), 4)
            if match is not None:
                sentence.extras["call_to_action"] = match.as_record(span.start_char)
            sentence.type = sentence_type(
                span,
                call_to_action=match is not None,
                subjectivity=float(subj),
                checkworthiness=float(cw),
                subjectivity_threshold=self.subjectivity.threshold,
                quotation=quoted.get(sentence.id) if quoted is not None else None,
                inside_quote=inside_quote,
            )
            inside_quote = _opens_quote(sentence.text, inside_quote)
        title = analysis.article.title
        if title:
            analysis.layers["title_statement"] = title_statement(title)

    @property
    def thresholds(self) -> dict[str, float]:
        """The heads' tuned decision thresholds."""
        return {
            "checkworthiness": self.checkworthiness.threshold,
            "subjectivity": self.subjectivity.threshold,
        }


def _quote_verdicts(analysis: Analysis) -> dict[str, bool] | None:
    """Sentence id -> holds a direct quote, from the ``quotes`` layer when present."""
    quotes = analysis.layers.get("quotes")
    if quotes is None:
        return None
    verdicts = {s.id: False for s in analysis.sentences}
    for quote in quotes:
        if quote.get("kind") == "direct" and quote.get("sentence_id") in verdicts:
            verdicts[quote["sentence_id"]] = True
    return verdicts


def _opens_quote(text: str, inside: bool) -> bool:
    if inside and continues_quote(text):
        return False
    return text.count("“") > text.count("”") or (inside and "”" not in text)


def title_statement(title: str) -> dict[str, Any]:
    """Type a headline as a call to action, a question, or neither (``type`` None).

    Titles are not sentences of the text and have no vector, so only the parse-based
    signals apply; the title is parsed on its own (a few tokens).
    """
    span = load_spacy()(title)[:]
    match = find_call_to_action(span)
    kind = "call_to_action" if match is not None else "question" if is_question(span) else None
    return {
        "text": title,
        "type": kind,
        "call_to_action": match.as_record() if match is not None else None,
    }


@register("statements")
def make_statements() -> Statements:
    """Factory for :class:`Statements`."""
    return Statements()
