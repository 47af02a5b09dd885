"""Training the learned role reading (:mod:`parallax.portrayal.role_model`) on NFC fold 1.

The Narrative Frames Corpus articles go through the pipeline (cached, as for
``parallax-dev eval portrayal``) with the gold entities as the actors; each entity's
evidence becomes a feature row and its hero / villain / victim label the class. A
class-balanced multinomial logistic regression is fitted on the paper's first fold's train
and dev articles only; its test articles stay for the evaluation. The weights, the feature
scaling and what they scored are written as JSON (a few kilobytes).
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from parallax.portrayal import role_model, roles
from parallax_dev.datasets.newsmtsc import macro_f1

C = 1.0
"""Inverse regularisation strength (chosen among 0.1 and 1 on the selection part)."""


@contextmanager
def _rules_only() -> Any:
    kept = roles.USE_ROLE_MODEL
    roles.USE_ROLE_MODEL = False
    try:
        yield
    finally:
        roles.USE_ROLE_MODEL = kept


def train(shared: Path, out: Path, cache: Path) -> dict[str, Any]:
    """Fit on NFC fold 1 train+dev, write ``portrayal_roles.json`` into ``out``."""
    from sklearn.linear_model import LogisticRegression

    from parallax_dev.evaluation.portrayal import nfc, nfc_fold_selection

    with _rules_only():
        found = nfc(shared, cache)
    selection = nfc_fold_selection(shared)
    rows, labels, chosen = [], [], []
    for gold, actor, key in found.details:
        if actor is None:
            continue
        rows.append(role_model.features(actor["evidence"], len(actor.get("mentions") or [])))
        labels.append(role_model.ROLES.index(gold))
        chosen.append(key in selection)
    x, y, part = np.asarray(rows, float), np.asarray(labels), np.asarray(chosen)
    mean, scale = x[part].mean(0), x[part].std(0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    model.fit((x[part] - mean) / scale, y[part])
    predicted = model.predict((x - mean) / scale)
    scores = {
        name: round(macro_f1(y[mask], predicted[mask], len(role_model.ROLES)), 4)
        for name, mask in (("selection", part), ("held_out", ~part))
    }
    weights = {
        "name": "portrayal_roles",
        "command": "parallax-dev train portrayal-roles",
        "model": "class-balanced multinomial logistic regression over standardised features",
        "trained_on": f"Narrative Frames Corpus fold 1 train+dev ({int(part.sum())} entities)",
        "macro_f1": scores,
        "C": C,
        "trained": date.today().isoformat(),
        "roles": list(role_model.ROLES),
        "features": list(role_model.FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [[round(float(v), 6) for v in row] for row in model.coef_],
        "intercept": [round(float(v), 6) for v in model.intercept_],
    }
    assert list(model.classes_) == list(range(len(role_model.ROLES)))
    out.mkdir(parents=True, exist_ok=True)
    (out / role_model.WEIGHTS).write_text(json.dumps(weights, indent=1) + "\n", "utf-8")
    return weights
