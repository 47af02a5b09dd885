"""Time expressions of each article, normalised against its publication date."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from parallax.datelines import written_on
from parallax.model import Analysis
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion
from parallax.temporal import find_times_in_sentences
from parallax.temporal.clause_tense import lean_of_doc


class Times:
    """Find the time expressions of each sentence and resolve them against the article date.

    Sentences are scanned one by one (not the whole text), so an expression never runs
    across a sentence boundary and each one carries the id of the sentence it is in; an
    expression that counts from an earlier one ("the previous day", "two days earlier")
    takes it from the sentences before. A weekday, month or season named without a year is
    placed by the tense of the verb it hangs on in the parse ("spoke on Friday" is the Friday
    just past, "the election is on Nov. 4" the coming one).
    A wire story's dateline ("KYIV, March 5 (Reuters) -") gives the day the text speaks
    from when it is near the publication date (:func:`parallax.datelines.written_on`).
    Articles without a date keep relative values ("yesterday" is ``-P1D``, no range).
    """

    name = "times"
    version = CodeVersion()
    requires = ("doc", "sentences")
    assigns = ("times",)

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add the ``times`` layer to each analysis."""
        for analysis in analyses:
            text = analysis.article.text
            anchor = written_on(text, analysis.article.date)
            records: list[dict[str, object]] = []
            spans = [(s.start, s.end) for s in analysis.sentences]
            lean = lean_of_doc(analysis.doc) if analysis.doc is not None else None
            found_in = find_times_in_sentences(text, spans, anchor, lean)
            for sentence, expressions in zip(analysis.sentences, found_in, strict=True):
                for found in expressions:
                    records.append(found.to_record(f"t{len(records) + 1}", sentence.id))
            analysis.layers["times"] = records
            yield analysis


@register("times")
def make_times() -> Times:
    """Factory for :class:`Times`."""
    return Times()
