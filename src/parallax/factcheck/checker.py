"""The checker: a structured claim becomes a query over the knowledge base, then a verdict.

:class:`Checker` holds the knowledge (bundled plus the user's directories) and dispatches
each claim to the check for its relation (:mod:`parallax.factcheck.membership`,
:mod:`parallax.factcheck.history`). :meth:`Checker.check_text` reads a free-text claim with
the claim grammar first, so ``parallax check "CLAIM"`` and the pipeline's ``factcheck``
component give the same verdict for the same words. A claim nothing answers is
``not_enough_evidence``: the checker never gives a confident verdict without evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from parallax.claims.grammar import Context, read_claims
from parallax.claims.model import Claim
from parallax.errors import ConfigError
from parallax.factcheck import described, history, membership, offices
from parallax.factcheck.model import Verdict, combine, not_enough
from parallax.knowledge import KnowledgeBase, load_dir
from parallax.record import CheckedClaimRecord, CheckRecord

Check = Callable[[KnowledgeBase, Claim, date], Verdict]

CHECKS: dict[str, Check] = {
    "member_of": membership.check_member_of,
    "founding_member": membership.check_founding_member,
    "gained_members": membership.check_gained_members,
    "member_count": membership.check_member_count,
    "founded": history.check_dated,
    "dissolved": history.check_dated,
    "signed": history.check_dated,
    "entered_into_force": history.check_dated,
    "withdrew": history.check_withdrew,
    "head_of_state": history.check_office,
    "head_of_government": history.check_office,
    "capital": history.check_capital,
    "shares_border_with": history.check_border,
    # an event named in a main clause is as loosely named as one named with its date
    "event": described.check_event_date,
}


def open_knowledge(directories: Sequence[Path] = (), user_dir: Path | None = None) -> KnowledgeBase:
    """The bundled knowledge, the user's own, and any further directories.

    Args:
        directories: further knowledge directories, laid over the rest in order.
        user_dir: the user's knowledge base (default ``$PARALLAX_KB`` or the user's data
            folder).

    Raises:
        ConfigError: a directory does not exist or holds an invalid record.
    """
    from parallax.knowledge.user import default_knowledge, merged

    base = default_knowledge(user_dir)
    if not directories:
        return base
    kb = base
    for directory in directories:
        if not directory.is_dir():
            raise ConfigError(
                f"knowledge directory {directory} does not exist; give a folder with "
                "entities/*.jsonl and facts/*.jsonl"
            )
        kb = merged(load_dir(directory), kb)
    return kb


@dataclass
class CheckedClaim:
    """A claim with its verdict."""

    claim: Claim
    verdict: Verdict

    def record(self) -> CheckedClaimRecord:
        """The structured claim and its verdict, JSON-ready."""
        return {"text": self.claim.text, **self.claim.structured(), **self.verdict.record()}


@dataclass
class TextCheck:
    """The verdict on a free-text claim: one overall verdict and one per claim read from it."""

    text: str
    verdict: Verdict
    claims: list[CheckedClaim] = field(default_factory=list)

    def record(self) -> CheckRecord:
        """The ``parallax check --format json`` document."""
        main = self.main()
        return {
            "claim": self.text,
            "structured": main.claim.structured() if main else None,
            **self.verdict.record(),
            "claims": [c.record() for c in self.claims],
        }

    def main(self) -> CheckedClaim | None:
        """The claim the overall verdict rests on most (the first with the same verdict)."""
        for checked in self.claims:
            if checked.verdict.verdict == self.verdict.verdict:
                return checked
        return self.claims[0] if self.claims else None


class Checker:
    """Checks claims against a knowledge base."""

    def __init__(
        self,
        kb: KnowledgeBase | None = None,
        *,
        today: date | None = None,
        documents: Any = None,
    ) -> None:
        """Set up a checker.

        Args:
            kb: the knowledge (bundled plus the user's when None).
            today: the date present-tense claims are checked at.
            documents: a reference-document store consulted when the knowledge base has
                not enough evidence for a free-text claim.
        """
        self.kb = kb if kb is not None else open_knowledge()
        self.today = today or date.today()
        self.documents = documents

    def check(self, claim: Claim, anchor: date | None = None) -> Verdict:
        """The verdict on one structured claim; ``anchor`` is the article's date, if any."""
        if claim.unjudged:
            return not_enough(f"not judged: {claim.unjudged}")
        if claim.kind == "superlative":
            return not_enough(
                f"superlatives (“{claim.superlative}”) are not checked: the knowledge base "
                "has no rankings"
            )
        if claim.kind == "title":
            check: Check | None = offices.check_title
        elif claim.kind == "description":
            check = described.check_event_date
        elif claim.ordinal is not None:
            check = membership.check_ordinal
        elif claim.kind == "comparison":
            check = membership.check_comparison
        else:
            check = CHECKS.get(claim.relation or "")
        if check is None:
            return not_enough(
                "the knowledge base has no facts of this kind"
                + (f" ({claim.quantity:,.0f} {claim.unit})" if claim.quantity is not None else "")
            )
        if claim.narrowed and claim.quantity is not None and claim.ordinal is None:
            verdict = membership.check_part_count(self.kb, claim, anchor or self.today, check)
        else:
            verdict = check(self.kb, claim, anchor or self.today)
        if verdict.verdict != "not_enough_evidence" and not verdict.evidence:
            return not_enough("no evidence was found: " + verdict.explanation)
        return verdict

    def check_text(self, text: str, anchor: date | None = None) -> TextCheck:
        """Read the claims in ``text`` with the grammar and check each one."""
        text = text.strip()
        claims = read_claims(text, self.kb, Context(anchor=anchor), parse=_parse(text))
        checked = [CheckedClaim(c, self.check(c, anchor)) for c in claims]
        informative = [
            c.verdict
            for c in checked
            if c.verdict.verdict != "not_enough_evidence"
            and (_asserted(c.claim, text) or _wrong_description(c))
        ]
        if informative:
            return TextCheck(text, combine(informative), checked)
        asserted = [c.verdict for c in checked if _asserted(c.claim, text)]
        verdict = combine(asserted) if asserted else None
        if self.documents is not None:
            from parallax.factcheck.documents import document_verdict

            from_documents = document_verdict(text, self.documents)
            if from_documents.verdict != "not_enough_evidence" or verdict is None:
                verdict = from_documents
        if verdict is None:
            verdict = not_enough(
                "no checkable claim was read from the text: name the organisation, country, "
                "treaty or event, and a date or a number (see docs/claims.md)"
            )
        return TextCheck(text, verdict, checked)


def _asserted(claim: Claim, text: str) -> bool:
    """Whether a claim read from ``text`` is what the text claims.

    A title beside a name ("President X visited Y") and a dated event name ("the 2022
    invasion of Ukraine pushed Finland into NATO") are checked on their own, but each is what
    the text claims only when the text is nothing but the title and the name, or the event's
    name and date: the rest of the sentence asserts something else.
    """
    if claim.kind not in {"title", "description"}:
        return True
    return claim.text.strip() == text.strip().rstrip(".!?")


def _wrong_description(checked: CheckedClaim) -> bool:
    """A dated event name with the wrong date ("the 2015 annexation of Crimea").

    Whatever the rest of the sentence asserts, the text states that date, so a contradicted
    one decides the verdict; a confirmed one says nothing about the rest.
    """
    return checked.claim.kind == "description" and checked.verdict.verdict == "contradicted"


def _parse(text: str) -> list[Any] | None:
    """The spaCy tokens of a free-text claim, so roles are bound as in the pipeline.

    None when the spaCy model is not installed: the grammar then reads words alone.
    """
    try:
        from parallax.spacy_model import load_spacy

        return list(load_spacy()(text))
    except ImportError:
        return None
