"""Quality floors of the entailment step: a little under what `parallax-dev eval entailment`
measured.

Measured 2026-11-23: SICK test accuracy 0.814; Climate-FEVER test (our claim-level split)
pair accuracy 0.610, macro-F1 0.461. Raise these when the model improves; never lower them
silently.
"""

from __future__ import annotations

import pytest

from conftest import shared_path


@pytest.mark.slow
@pytest.mark.shared
def test_entailment_floors() -> None:
    from parallax.knowledge.entailment import default_model
    from parallax_dev.training.entailment import evaluate

    shared = shared_path("datasets", "sick").parents[1]
    scores = {s.dataset: s for s in evaluate(shared, default_model())}
    assert scores["sick"].accuracy >= 0.79
    assert scores["climate_fever"].macro_f1 >= 0.43
    assert scores["climate_fever"].accuracy >= 0.58
