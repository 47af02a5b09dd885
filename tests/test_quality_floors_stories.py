"""Story clustering quality floors on BASIL (measured 0.974 overall, 0.955 held out)."""

from __future__ import annotations

import pytest

from conftest import shared_path
from parallax.comparison import DEFAULT_PARAMS
from parallax_dev.bench import stories as story_bench


@pytest.mark.shared
@pytest.mark.slow
def test_basil_adjusted_rand_index_floor() -> None:
    shared = shared_path("inputs", "basil-media-bias").parents[1]
    records = story_bench.basil_records(shared)
    scores = story_bench.basil_scores(records, story_bench.lead_vectors(records), DEFAULT_PARAMS)
    assert scores.overall >= 0.95
    assert scores.held_out >= 0.93
    assert scores.tuning >= 0.97
