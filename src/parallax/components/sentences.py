"""Sentences with character offsets, from the parse, split at paragraph breaks too."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from parallax.model import Analysis, Sentence
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion


class Sentences:
    """Turn the Doc's sentences into :class:`Sentence` records.

    spaCy's parser sometimes runs a sentence across a paragraph break (a headline-like
    line without a full stop); a paragraph break always ends a sentence here.
    """

    name = "sentences"
    version = CodeVersion()
    requires = ("doc",)
    assigns = ("sentences",)

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add the sentences of each analysis."""
        for analysis in analyses:
            analysis.sentences = list(self._sentences(analysis))
            yield analysis

    def _sentences(self, analysis: Analysis) -> Iterator[Sentence]:
        text = analysis.article.text
        index = 0
        for span in analysis.doc.sents:
            start = span.start_char
            chunk = text[start : span.end_char]
            for piece in chunk.split("\n\n"):
                stripped = piece.strip()
                if stripped:
                    offset = start + piece.find(stripped)
                    index += 1
                    yield Sentence(
                        id=f"s{index}",
                        index=index,
                        text=stripped,
                        start=offset,
                        end=offset + len(stripped),
                    )
                start += len(piece) + 2


@register("sentences")
def make_sentences() -> Sentences:
    """Factory for :class:`Sentences`."""
    return Sentences()
