"""Persuasion techniques per sentence, with character spans into the article text.

Two sources are joined: the rule detectors (:mod:`parallax.persuasion.rules`), which find
the exact words, and the trained heads (:mod:`parallax.persuasion.model`), which judge the
whole sentence. When the model and a rule agree on a technique in a sentence, the rule's
narrow span is kept with the higher of the two scores; when only the model fires, the span
is the sentence. The model was trained on short meme texts, and on news prose it calls
smears and fear far more often than a reader would; alone, it must reach
:data:`MODEL_ONLY_MIN`, and it never adds a word-level technique (loaded language, name
calling, repetition, slogans) without a rule's span, since a highlighted sentence would not
show which words. Reductio ad hitlerum needs the sentence to name what it compares with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import numpy as np

from parallax.model import Analysis
from parallax.persuasion import rules
from parallax.persuasion.model import bundled_model
from parallax.persuasion.rules import TechniqueSpan
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion

MODEL_ONLY_MIN = 0.8
_HITLER = re.compile(r"\b(?:hitler|nazis?|fascis[mt]s?|third reich|gestapo)\b", re.I)
WORD_LEVEL = frozenset({"loaded_language", "name_calling", "repetition", "slogans"})
ENTITY_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "LAW"})


class Techniques:
    """Fill ``Sentence.techniques`` with ``{"name", "start", "end", "source", "score"}``."""

    name = "techniques"
    version = CodeVersion(data=("models/techniques.json", "models/techniques.npz"))
    requires = ("sentences", "entities", "vectors")
    assigns = ("techniques",)

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add the techniques of each analysis."""
        model = bundled_model()
        for analysis in analyses:
            sentences = analysis.sentences
            excluded = [(e.start, e.end) for e in analysis.entities if e.label in ENTITY_LABELS]
            found = rules.detect(sentences, excluded)
            vectors = analysis.vectors
            if vectors is None or len(vectors) != len(sentences):
                vectors = np.zeros((len(sentences), 384), dtype=np.float32)
            probabilities = model.probabilities([s.text for s in sentences], vectors)
            thresholds = dict(zip(model.labels, model.thresholds, strict=True))
            for sentence, row in zip(sentences, probabilities, strict=True):
                own = [s for s in found if sentence.start <= s.start < sentence.end]
                spans = list(own)
                for technique, probability in zip(model.labels, row, strict=True):
                    p = float(probability)
                    if p < thresholds[technique]:
                        continue
                    matching = [s for s in own if s.name == technique]
                    if matching:
                        spans = [
                            TechniqueSpan(s.name, s.start, s.end, s.source, max(s.score, p))
                            if s in matching
                            else s
                            for s in spans
                        ]
                    elif self._model_alone(technique, p, sentence.text):
                        spans.append(
                            TechniqueSpan(technique, sentence.start, sentence.end, "model", p)
                        )
                sentence.techniques = [
                    s.record() for s in sorted(spans, key=lambda s: (s.start, s.end, s.name))
                ]
            yield analysis

    @staticmethod
    def _model_alone(technique: str, probability: float, text: str) -> bool:
        if technique in WORD_LEVEL or probability < MODEL_ONLY_MIN:
            return False
        return technique != "reductio_ad_hitlerum" or bool(_HITLER.search(text))


@register("techniques")
def make_techniques() -> Techniques:
    """Factory for :class:`Techniques`."""
    return Techniques()
