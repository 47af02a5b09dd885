"""Cross-source comparison: stories, aligned claims, coverage gaps, portrayal and timeline.

:func:`compare` builds the ``comparison`` part of the report from report records (the
stored JSON of each analysis), so it can run on analyses made earlier, from the store or a
report file. Each part lights up when the layer it reads is present and degrades to what
the text alone supports when it is not (see each module):

* :mod:`~parallax.comparison.stories`: incremental, blocked story clustering;
* :mod:`~parallax.comparison.alignment`: same, contradicting and unique claims;
* :mod:`~parallax.comparison.coverage`: actors, entities, events and claims left out;
* :mod:`~parallax.comparison.portrayal`: each shared actor's role and sentiment per source
  (a group each source names its own way under one key, :mod:`~parallax.comparison.actor_keys`);
* :mod:`~parallax.comparison.timeline`: the merged timeline with its sources;
* :mod:`~parallax.comparison.positions`: what each source states, argues, demands and asks,
  with the rows where two sources take opposite sides.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from parallax.comparison.actor_keys import with_story_keys
from parallax.comparison.alignment import Encoder, align, encoder_or_shared
from parallax.comparison.coverage import actor_gaps, claim_gaps, event_gaps, shared_names
from parallax.comparison.portrayal import portrayal_differences
from parallax.comparison.positions import positions
from parallax.comparison.stories import (
    DEFAULT_PARAMS,
    ClusterParams,
    StoryFeatures,
    StoryIndex,
    cluster_records,
)
from parallax.comparison.terms import entity_key, lead
from parallax.comparison.timeline import merged_timeline
from parallax.record import ArticleRecord, ComparisonRecord, StoryRecord

__all__ = [
    "DEFAULT_PARAMS",
    "ClusterParams",
    "StoryFeatures",
    "StoryIndex",
    "cluster_records",
    "compare",
    "compare_story",
    "entity_key",
]


def story_record(story: str, records: Sequence[ArticleRecord]) -> StoryRecord:
    """The story entry: its id, a label, its articles and what every source names."""
    shared = shared_names(with_story_keys(records)) if len(records) > 1 else []
    dates = sorted(str(r["date"]) for r in records if r.get("date"))
    titles = [title for r in records if (title := r.get("title"))]
    return {
        "id": story,
        "label": ", ".join(shared[:5]) or (titles[0] if titles else story),
        "articles": [r["id"] for r in records],
        "outlets": [r.get("outlet") for r in records],
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "shared_entities": shared,
    }


def compare_story(
    story: str, records: Sequence[ArticleRecord], encode: Encoder | None = None
) -> ComparisonRecord:
    """The comparison of one story's records, taken as one story (no clustering)."""
    timeline = merged_timeline(records)
    result: ComparisonRecord = {
        "stories": [story_record(story, records)],
        "alignments": [],
        "gaps": [],
        "portrayal": [],
        "timeline": timeline,
        "positions": [],
    }
    if not records:
        return result
    encoder = encoder_or_shared(encode)
    alignments = align(story, records, encoder) if len(records) > 1 else []
    result["positions"] = [positions(story, records, alignments, encoder)]
    if len(records) < 2:
        return result
    result["alignments"] = alignments
    keyed = with_story_keys(records)
    result["gaps"] = [
        *actor_gaps(story, keyed),
        *event_gaps(story, records, timeline, encoder),
        *claim_gaps(story, records, alignments),
    ]
    result["portrayal"] = portrayal_differences(story, keyed)
    return result


def compare(
    records: list[ArticleRecord],
    *,
    encode: Encoder | None = None,
    lead_vectors: np.ndarray | None = None,
    params: ClusterParams = DEFAULT_PARAMS,
) -> ComparisonRecord:
    """Build the ``comparison`` part of the report for analysed records.

    Args:
        records: analysis records as in :mod:`parallax.report.json_report`; records that
            were not analysed are left out.
        encode: the sentence encoder (default: the shared one); tests may pass their own.
        lead_vectors: precomputed lead embeddings of the analysed records, if any.
        params: story clustering settings.
    """
    analysed = [r for r in records if r.get("status", "analysed") == "analysed"]
    result: ComparisonRecord = {
        "stories": [],
        "alignments": [],
        "gaps": [],
        "portrayal": [],
        "timeline": merged_timeline(analysed),
        "positions": [],
    }
    if not analysed:
        return result
    encoder = encoder_or_shared(encode)
    vectors = lead_vectors if lead_vectors is not None else encoder([lead(r) for r in analysed])
    for number, group in enumerate(cluster_records(analysed, vectors, params), start=1):
        part = compare_story(f"story-{number}", [analysed[i] for i in group], encoder)
        result["stories"].extend(part["stories"])
        result["alignments"].extend(part["alignments"])
        result["gaps"].extend(part["gaps"])
        result["portrayal"].extend(part["portrayal"])
        result["positions"].extend(part["positions"])
    return result
