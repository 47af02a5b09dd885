"""The ``factcheck`` step: a verdict, evidence and explanation on every claim of the article.

It fills the records of the ``claims`` layer in place; claims are dated by the article's
publication date when they use the present tense ("NATO has 30 members" in April 2023).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from parallax.claims.model import Claim
from parallax.domains import PACK_DATA
from parallax.factcheck import Checker
from parallax.model import Analysis
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion


class FactCheck:
    """Check each claim of the ``claims`` layer against the knowledge base."""

    name = "factcheck"
    version = CodeVersion(data=(*PACK_DATA, "models/entailment.npz"))
    requires = ("claims",)
    assigns = ("claims.verdicts",)

    def __init__(self, checker: Checker | None = None) -> None:
        """Use ``checker`` (one over the bundled knowledge when None)."""
        self.checker = checker or Checker()

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Fill verdict, evidence and explanation on every claim."""
        for analysis in analyses:
            for record in analysis.layers.get("claims", []):
                self.fill(record, analysis.article.date)
            yield analysis

    def fill(self, record: dict[str, Any], anchor: date | None) -> None:
        """Check one claim record and write its verdict into it.

        An article without a publication date cannot date its present tense ("NATO has 28
        members" was true in 2014), so such claims are not judged at all.
        """
        claim = Claim.from_record(record)
        if (
            anchor is None
            and claim.time is None
            and claim.tense == "present"
            and not claim.unjudged
        ):
            claim.unjudged = (
                "the article has no publication date, so the present tense of the claim "
                "cannot be dated"
            )
            record["unjudged"] = claim.unjudged
        record.update(self.checker.check(claim, anchor).record())


@register("factcheck")
def make_factcheck() -> FactCheck:
    """Factory for :class:`FactCheck`."""
    return FactCheck()
