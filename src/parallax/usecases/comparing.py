"""Compare stored articles: the report of a run, a chosen set of articles, or a stored story.

Comparisons read the current analyses (:mod:`parallax.usecases.records`) and the sentence
and lead vectors stored with them, so comparing stored analyses neither loads the analysis
models nor encodes what the pipeline already encoded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from parallax.comparison import compare, compare_story
from parallax.comparison.alignment import Encoder
from parallax.comparison.vectors import stored_encoder
from parallax.errors import ConfigError
from parallax.model import Failed
from parallax.record import ArticleRecord, ComparisonRecord, Report
from parallax.report.json_report import build_report
from parallax.store import AnyStore
from parallax.usecases.records import current_records
from parallax.usecases.storing import RunResult


def compare_records(
    store: AnyStore, records: Sequence[ArticleRecord], encode: Encoder | None = None
) -> ComparisonRecord:
    """The comparison part of the report for ``records``, split into stories first.

    The vectors stored with the analyses are used, so only what is not stored (older
    analyses) goes to ``encode`` (default: the shared encoder).
    """
    return compare(list(records), encode=stored_encoder(store, records, encode))


def run_report(store: AnyStore, result: RunResult, encode: Encoder | None = None) -> Report:
    """The report of a run (``analyze``, ``demo``): its articles, their comparison, its errors."""
    records = current_records(store, result.article_ids)
    return build_report(
        records,
        comparison=compare_records(store, records, encode),
        errors=result.failures,
        summary=result.summary(),
    )


def comparison_report(
    store: AnyStore,
    records: Sequence[ArticleRecord],
    *,
    story: str = "story-1",
    cluster: bool = False,
    errors: Iterable[Failed] = (),
    encode: Encoder | None = None,
) -> Report:
    """The report comparing ``records``: as one story, or split into stories (``cluster``).

    Only analysed records are compared; the others are still listed in the report.
    """
    analysed = [r for r in records if r.get("status") == "analysed"]
    known = stored_encoder(store, analysed, encode)
    comparison = (
        compare(analysed, encode=known) if cluster else compare_story(story, analysed, known)
    )
    return build_report(records, comparison=comparison, errors=errors)


def story_records(store: AnyStore, story_id: str) -> list[ArticleRecord]:
    """The analysed current records of a stored story's articles, in the order they joined.

    Raises:
        ConfigError: no stored story has this id.
    """
    ids = store.story_articles(story_id)
    if not ids:
        raise ConfigError(
            f"no stored story has the id {story_id!r}; list them with `parallax stories`"
        )
    return [r for r in current_records(store, ids) if r.get("status") == "analysed"]
