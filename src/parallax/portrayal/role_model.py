"""A learned reading of an actor's role from the evidence the portrayal step collected.

Hand-set weights turned out to read the Narrative Frames Corpus (climate-change news with
hero, villain and victim annotated per entity) worse than always answering its most common
role. Here a multinomial logistic regression weighs the same evidence instead: per actor,
the target-sentiment model's readings of its sentences (their mean, the shares of clearly
negative and clearly positive ones, how many), how often it is mentioned, and the action
and name-calling evidence pointing at each role. Trained
by ``parallax-dev train portrayal-roles`` on the corpus's first fold (train and dev
articles; its test articles are held out for ``parallax-dev eval portrayal``); the weights
are ``parallax/models/portrayal_roles.json``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from parallax.errors import ConfigError
from parallax.models import models_dir

ROLES = ("antagonist", "protagonist", "victim")
"""The classes, in the order of the stored weights' rows."""
CLEAR = 0.3
"""A sentence reading at or beyond this lean (P(pos) - P(neg)) counts as clearly one way."""
FEATURES = (
    "mean",
    "negative_share",
    "positive_share",
    "log_sentences",
    "log_mentions",
    "antagonist_other",
    "victim_other",
    "protagonist_other",
)
"""Shares, means and logarithms rather than raw counts, so that an article much longer or
more quoted than the training articles does not push a feature far outside what the
weights were fitted on."""
WEIGHTS = "portrayal_roles.json"


def features(evidence: Sequence[Mapping[str, Any]], mentions: int) -> list[float]:
    """The :data:`FEATURES` of one actor from its ``evidence`` items and mention count.

    Every voice counts alike: in the corpus the weights are fitted on, many articles' own
    voice is nearly empty (stray quotation marks make the quotes layer take most of the
    text), and its annotators judged the article's narrative including whom it quotes.
    """
    leans = [float(e.get("value") or 0.0) for e in evidence if e.get("signal") == "sentiment"]
    read = max(len(leans), 1)
    other = dict.fromkeys(ROLES, 0.0)
    for item in evidence:
        if item.get("signal") != "sentiment" and item.get("points_to") in other:
            other[str(item["points_to"])] += float(item.get("value") or 0.0)
    return [
        sum(leans) / read,
        sum(1 for v in leans if v <= -CLEAR) / read,
        sum(1 for v in leans if v >= CLEAR) / read,
        math.log1p(len(leans)),
        math.log1p(mentions),
        other["antagonist"],
        other["victim"],
        other["protagonist"],
    ]


def probabilities(row: Sequence[float], weights: Mapping[str, Any] | None = None) -> list[float]:
    """P(antagonist), P(protagonist), P(victim) for one feature row."""
    weights = weights or stored()
    scaled = [(x - m) / s for x, m, s in zip(row, weights["mean"], weights["scale"], strict=True)]
    logits = [
        b + sum(w * x for w, x in zip(coefficients, scaled, strict=True))
        for coefficients, b in zip(weights["coef"], weights["intercept"], strict=True)
    ]
    top = max(logits)
    exponents = [math.exp(v - top) for v in logits]
    total = sum(exponents)
    return [e / total for e in exponents]


@lru_cache(maxsize=1)
def stored(folder: Path | None = None) -> dict[str, Any]:
    """The packaged weights (or those in ``folder``).

    Raises:
        ConfigError: the weights are missing or were trained on other features.
    """
    path = (folder or models_dir()) / WEIGHTS
    if not path.is_file():
        raise ConfigError(
            f"the portrayal role weights {path} are missing; "
            "run `parallax-dev train portrayal-roles` to produce them"
        )
    weights: dict[str, Any] = json.loads(path.read_text("utf-8"))
    if tuple(weights.get("features", ())) != FEATURES or tuple(weights["roles"]) != ROLES:
        raise ConfigError(
            f"{path} was trained on other features or roles than this code reads; "
            "run `parallax-dev train portrayal-roles` again"
        )
    return weights
