"""The ``claims`` layer: structured claims read from each sentence by the claim grammar.

Each sentence's tokens from the parse go with it, so every claim's roles are bound to the
dependency tree (:mod:`parallax.claims.roles`). Sentences are read in order so that a
sentence that only says "the alliance" (or names no organisation at all) borrows the
organisation an earlier sentence named, unless the article named two before it, when one
that names none is not read as meaning either. Time expressions come from the grammar's own
reader, plus those only the ``times`` layer finds when the pipeline has one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from parallax.claims.grammar import ArticleOrganisations, read_claims
from parallax.claims.when import find_times, from_times_layer
from parallax.datelines import written_on
from parallax.domains import PACK_DATA
from parallax.knowledge import KnowledgeBase
from parallax.model import Analysis
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion
from parallax.record import ClaimRecord


class Claims:
    """Read structured claims from each sentence into ``layers["claims"]``."""

    name = "claims"
    version = CodeVersion(data=PACK_DATA)
    requires = ("doc", "sentences")
    reads_if_present = ("times",)
    assigns = ("claims",)

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        """Use ``kb`` for entity names (bundled plus the user's knowledge when None)."""
        if kb is None:
            from parallax.factcheck import open_knowledge

            kb = open_knowledge()
        self.kb = kb

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add the claims of each analysis."""
        for analysis in analyses:
            analysis.layers["claims"] = self.read(analysis)
            yield analysis

    def read(self, analysis: Analysis) -> list[ClaimRecord]:
        """The claim records of one article, numbered c1, c2 ... in text order."""
        records: list[ClaimRecord] = []
        times: list[dict[str, Any]] | None = analysis.layers.get("times")
        organisations = ArticleOrganisations()
        tokens = list(analysis.doc) if analysis.doc is not None else []
        first = 0
        titled: set[tuple[tuple[str | None, ...], str]] = set()
        written = written_on(analysis.article.text, analysis.article.date)
        for sentence in analysis.sentences:
            context = organisations.context(analysis.article.date)
            sentence_times = None
            if times is not None:
                # The grammar's own reader keeps spans and bounds ("between 1999 and 2004",
                # "since 2004") whole; the times layer adds what it cannot read ("on Tuesday").
                own = find_times(sentence.text, written)
                layer = from_times_layer(
                    [t for t in times if t.get("sentence_id") == sentence.id],
                    sentence.start,
                    sentence.text,
                )
                sentence_times = sorted(
                    own
                    + [
                        t
                        for t in layer
                        if not any(t.start < o.end and t.end > o.start for o in own)
                    ],
                    key=lambda t: t.start,
                )
            while first < len(tokens) and tokens[first].idx < sentence.start:
                first += 1
            last = first
            while last < len(tokens) and tokens[last].idx < sentence.end:
                last += 1
            parse = [t for t in tokens[first:last] if not t.is_space]
            for claim in read_claims(
                sentence.text, self.kb, context, times=sentence_times, parse=parse or None
            ):
                if claim.kind == "title":
                    # The first title a person is given is the claim; repeats say no more.
                    seen = (tuple(p.id for p in claim.subjects), (claim.cue or "").lower())
                    if seen in titled:
                        continue
                    titled.add(seen)
                claim.sentence_id = sentence.id
                records.append(claim.record(f"c{len(records) + 1}", offset=sentence.start))
            organisations.read(sentence.text, self.kb, parse)
        return records


@register("claims")
def make_claims() -> Claims:
    """Factory for :class:`Claims`."""
    return Claims()
