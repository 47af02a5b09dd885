"""Pinned quality floors for persuasion techniques, frames, genre and portrayal.

Floors only ever go up; the measured figures and the commands that reproduce them are in
docs/evaluation.md (`parallax-dev eval techniques`, `parallax-dev eval frames`, ...).
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import shared_path

SEMEVAL_2021_T6_MICRO_F1 = 0.50  # measured 0.513 on test; the bar is 0.50


@pytest.mark.shared
@pytest.mark.slow
def test_techniques_semeval_floor() -> None:
    from parallax_dev.training.techniques import run_evaluation

    _, test = run_evaluation(shared_path("datasets").parent)
    assert test.f1 >= SEMEVAL_2021_T6_MICRO_F1, f"SemEval-2021 t6 micro-F1 fell to {test.f1:.3f}"


# RAISED from 0.21 on 2026-12-05 (evening): measured 0.228 once a flag resting on a function
# word or punctuation shows only a content word near the bar (0.225 before), about 0.003
# lower in a fresh clone; the bar is 0.45.
BASIL_FAMILY_PRECISION = 0.22
BASIL_FAMILY_RECALL = 0.30  # measured 0.313 (2026-12-08); the bar is 0.30
BASIL_FLAGGED_TO_ANNOTATED = 2.0  # measured 0.084 / 0.204 = 0.41; the bar is 2
# measured 0 (repetition; 0.022 before noun phrases were left out), 0.0007 (scare quotes;
# 0.017 before sentences naming a party were left out), 0 (slogans)
MECHANICAL_FALSE_ALARMS = 0.005


@pytest.fixture(scope="module")
def basil() -> Any:
    from parallax_dev.techniques.news_evaluation import basil_scores

    return basil_scores(shared_path("inputs", "basil-media-bias").parents[1])


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.timeout(1200)  # the fixture fits 15 piece units (story-split CV)
def test_techniques_basil_loaded_family_floor(basil: Any) -> None:
    family = basil.family
    assert family.recall >= BASIL_FAMILY_RECALL, f"BASIL family recall fell to {family.recall:.3f}"
    assert family.precision >= BASIL_FAMILY_PRECISION, (
        f"BASIL family precision fell to {family.precision:.3f}"
    )


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.timeout(1200)  # the fixture fits 15 piece units (story-split CV)
def test_techniques_basil_flag_share_floor(basil: Any) -> None:
    limit = BASIL_FLAGGED_TO_ANNOTATED * basil.annotated_share
    assert basil.flagged_share <= limit, (
        f"{basil.flagged_share:.3f} of BASIL sentences show a technique; at most {limit:.3f}"
    )


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.timeout(1200)  # the fixture fits 15 piece units (story-split CV)
def test_techniques_mechanical_rules_rarely_fire_on_unmarked_news(basil: Any) -> None:
    for name, (fired, total) in basil.mechanical_false_alarms.items():
        assert fired / total <= MECHANICAL_FALSE_ALARMS, f"{name} fired on {fired} of {total}"


BABE_BIASED_PRECISION = 0.75  # measured 0.801 (never trained on BABE); the bar is 0.65


@pytest.mark.shared
@pytest.mark.slow
def test_techniques_babe_precision_floor() -> None:
    from parallax_dev.techniques.news_evaluation import babe_scores

    scores = babe_scores(shared_path("datasets", "babe_media_bias").parents[1])
    assert scores.biased.precision >= BABE_BIASED_PRECISION, (
        f"BABE precision of 'biased' fell to {scores.biased.precision:.3f}"
    )


GVFC_ACCURACY = 0.76  # measured 0.782 (5-fold CV); the bar is 0.75


@pytest.mark.shared
@pytest.mark.slow
def test_frames_gvfc_floor() -> None:
    from parallax_dev.evaluation.frames import gvfc_cross_validation

    folds = gvfc_cross_validation(shared_path("datasets").parent)
    accuracy = sum(folds) / len(folds)
    assert accuracy >= GVFC_ACCURACY, f"GVFC accuracy fell to {accuracy:.3f}"


@pytest.mark.slow
@pytest.mark.shared
def test_genre_basil_news_floor() -> None:
    from parallax_dev.evaluation.frames import run_genre

    scores = run_genre(shared_path("datasets").parent, every_page=False)
    # 185/210 measured 2026-12-04 with the learned technique share as the genre cue.
    assert scores.basil_news >= 184, f"{scores.basil_news}/{scores.basil_n} BASIL news as news"
    # The NAEB pages whose address marks them opinion: 6/10 measured 2026-12-06.
    assert scores.naeb_opinion >= 6, f"{scores.naeb_opinion}/{scores.naeb_opinion_n} NAEB opinion"
