"""The whole report, the run summary and the claim-check document."""

# No ``from __future__ import annotations`` here: TypedDict reads ``NotRequired`` from the
# evaluated annotations, and with string annotations Python 3.11 counts every key required.
from typing import NotRequired, TypedDict

from parallax.record.article import ArticleRecord, StructuredClaim, VerdictFields
from parallax.record.comparison import ComparisonRecord

# -- one checked claim (``parallax check --format json``, ``POST /api/check``) ---------------


class CheckedClaimRecord(StructuredClaim, VerdictFields):
    """One claim read from the checked text, with its own verdict."""

    text: str


class CheckRecord(VerdictFields):
    """The verdict on a free-text claim, and on each claim read from it."""

    claim: str
    structured: StructuredClaim | None
    """The claim the overall verdict rests on most, read into fields."""
    claims: list[CheckedClaimRecord]


# -- the whole report ----------------------------------------------------------------------


class ErrorRecord(TypedDict):
    """An input that failed, and why."""

    source: str
    reason: str


class DuplicateItem(TypedDict):
    """An input whose text was already stored."""

    source: str
    article_id: str | None
    reason: str | None


class NearDuplicate(TypedDict):
    """An article whose text is nearly that of one stored earlier."""

    source: str
    article_id: str
    similar_to: str
    similar_source: str | None
    similarity: float


class SkippedItem(TypedDict):
    """An input that was deliberately not stored, and why."""

    source: str
    reason: str | None


class NotAnalysedItem(TypedDict):
    """An article that was stored but not analysed (not English, empty ...), and why."""

    source: str
    article_id: str
    reason: str


class RunSummary(TypedDict):
    """What a run did with its inputs: counts by status and the notable items."""

    run: int
    articles: int
    stored: int
    unchanged: int
    duplicate: int
    skipped: int
    failed: int
    duplicates: list[DuplicateItem]
    near_duplicates: list[NearDuplicate]
    not_analysed: list[NotAnalysedItem]
    skipped_items: list[SkippedItem]


class Report(TypedDict):
    """The whole JSON report document."""

    schema: int
    generator: str
    articles: list[ArticleRecord]
    comparison: ComparisonRecord
    errors: list[ErrorRecord]
    summary: NotRequired[RunSummary]
