"""What Parallax does, once: the functions every surface calls.

The CLI, the REST API, the web pages and the corpus engines (local and Ray) call these
and nothing below them, so they cannot disagree about what happens after analysis:

* :func:`ingest` reads, deduplicates, analyses and stores inputs, with a result per item
  (:mod:`~parallax.usecases.ingesting`); the corpus engines use the same input loop
  (:mod:`~parallax.usecases.inputs`) and the same :class:`Runner`
  (:mod:`~parallax.usecases.storing`);
* every write path files the analysed articles under stored stories
  (:func:`file_stories`); :func:`list_stories` is what ``parallax stories`` and
  ``/api/stories`` show;
* :func:`current_record` decides which stored analysis is current (the latest);
* :func:`run_report`, :func:`comparison_report`, :func:`compare_records` and
  :func:`story_records` compare stored articles;
* :func:`reanalyze` brings analyses up to date after an upgrade;
* :mod:`~parallax.usecases.browsing` lists, searches and summarises the stored corpus;
* :func:`check_claim` is the one fact-checking setup, and :func:`knowledge_base` /
  :func:`find_entities` the one knowledge base and lookup.
"""

from parallax.usecases.checking import ClaimCheck, check_claim
from parallax.usecases.comparing import (
    compare_records,
    comparison_report,
    run_report,
    story_records,
)
from parallax.usecases.ingesting import ingest
from parallax.usecases.knowledge import find_entities, knowledge_base
from parallax.usecases.reanalysing import reanalyze
from parallax.usecases.records import article_view, current_record, current_records
from parallax.usecases.stories import StoryListing, file_stories, list_stories, update_stories
from parallax.usecases.storing import INGEST_ONLY, RunItem, Runner, RunResult, put_analysis

__all__ = [
    "INGEST_ONLY",
    "ClaimCheck",
    "RunItem",
    "RunResult",
    "Runner",
    "StoryListing",
    "article_view",
    "check_claim",
    "compare_records",
    "comparison_report",
    "current_record",
    "current_records",
    "file_stories",
    "find_entities",
    "ingest",
    "knowledge_base",
    "list_stories",
    "put_analysis",
    "reanalyze",
    "run_report",
    "story_records",
    "update_stories",
]
