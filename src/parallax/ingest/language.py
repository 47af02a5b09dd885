"""Detect the language of an article's text, so non-English text is not analysed as English."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SAMPLE_CHARS = 4000
MIN_CONFIDENCE = 0.6


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """Return ``(ISO 639-1 code, confidence)`` for ``text``; ``("und", 0.0)`` when unsure.

    Only the first few thousand characters are read: enough for a stable answer, and
    cheap on long documents.
    """
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < 3:
        return "und", 0.0
    code, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return "und", float(confidence)
    return str(code), float(confidence)
