"""Training and evaluating the techniques model on SemEval-2021 task 6, subtask 1.

Subtask 1 gives each meme's text and the set of techniques it uses (20 labels). We fit the
heads on the training split, choose each head's threshold on the development split (a
shared threshold for heads with too few development examples to tune alone) and report
micro-F1 on the test split, the task's official metric.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from parallax.persuasion.features import feature_matrix
from parallax.persuasion.model import TechniquesModel
from parallax.persuasion.taxonomy import SEMEVAL_2021
from parallax_dev.encoding_cache import cached_encode

DATASET = "semeval2021_task6_persuasion_memes_text"
SPLITS = {
    "train": "training_set_task1.txt",
    "dev": "dev_set_task1.txt",
    "test": "test_set_task1.txt",
}
MIN_TRAIN_POSITIVES = 5
MIN_DEV_POSITIVES = 15
C = 3.0
FOLDS = 5
PUBLISHED_BEST_MICRO_F1 = 0.57
"""Best official subtask-1 micro-F1 in Dimitrov et al. (SemEval 2021), rounded."""


@dataclass
class Split:
    """One split: texts and their gold technique sets (our names)."""

    texts: list[str]
    gold: list[set[str]]


def dataset_dir(shared: Path) -> Path:
    """The SemEval folder under ``shared/datasets``, or a clear error."""
    folder = shared / "datasets" / DATASET
    if not folder.is_dir():
        raise FileNotFoundError(
            f"{folder} is missing; pass --shared pointing at the folder holding datasets/{DATASET}"
        )
    return folder


def load_split(shared: Path, split: str) -> Split:
    """Read one split's texts and labels (mapped to :data:`SEMEVAL_2021` names)."""
    records = json.loads((dataset_dir(shared) / SPLITS[split]).read_text(encoding="utf-8"))
    return Split(
        texts=[r["text"] for r in records],
        gold=[{SEMEVAL_2021[label] for label in r["labels"]} for r in records],
    )


def _features(split: Split) -> np.ndarray:
    return feature_matrix(split.texts, cached_encode(split.texts))


@dataclass
class Scores:
    """Micro-averaged precision, recall, F1, and F1 per technique."""

    precision: float
    recall: float
    f1: float
    per_label: dict[str, tuple[float, int]] = field(default_factory=dict)


def micro_scores(gold: list[set[str]], predicted: list[set[str]]) -> Scores:
    """Micro precision/recall/F1 over (text, technique) pairs, as the task scores them."""
    tp = sum(len(g & p) for g, p in zip(gold, predicted, strict=True))
    npred = sum(len(p) for p in predicted)
    ngold = sum(len(g) for g in gold)
    precision = tp / npred if npred else 0.0
    recall = tp / ngold if ngold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    per_label: dict[str, tuple[float, int]] = {}
    for name in sorted({n for g in gold for n in g}):
        ltp = sum(name in g and name in p for g, p in zip(gold, predicted, strict=True))
        lp = sum(name in p for p in predicted)
        lg = sum(name in g for g in gold)
        lf = 2 * ltp / (lp + lg) if lp + lg else 0.0
        per_label[name] = (lf, lg)
    return Scores(precision, recall, f1, per_label)


TUNING_PASSES = 2


def _tune_thresholds(
    labels: list[str], probabilities: np.ndarray, gold: list[set[str]]
) -> np.ndarray:
    """Thresholds that maximise micro-F1 over ``probabilities`` (out-of-fold scores).

    One shared threshold first; then, for heads with at least :data:`MIN_DEV_POSITIVES`
    positives, each head's own threshold in turn (two passes of coordinate ascent), each
    step keeping the value that gives the best micro-F1 over every head together. Heads with
    fewer positives keep the shared value: a handful of examples cannot place a threshold.
    """
    grid = np.arange(0.1, 0.91, 0.025)
    truth = np.array([[name in g for name in labels] for g in gold], dtype=bool)
    missing = sum(len(g - set(labels)) for g in gold)

    def micro(thresholds: np.ndarray) -> float:
        predicted = probabilities >= thresholds
        tp = float(np.sum(predicted & truth))
        denominator = float(predicted.sum() + truth.sum() + missing)
        return 2 * tp / denominator if denominator else 0.0

    shared = max(grid, key=lambda t: micro(np.full(len(labels), t)))
    thresholds = np.full(len(labels), shared, dtype=np.float32)
    tunable = [c for c in range(len(labels)) if truth[:, c].sum() >= MIN_DEV_POSITIVES]
    for _ in range(TUNING_PASSES):
        for column in tunable:
            best_score, best_value = -1.0, float(thresholds[column])
            for value in grid:
                thresholds[column] = value
                score = micro(thresholds)
                if score > best_score + 1e-9:
                    best_score, best_value = score, float(value)
            thresholds[column] = best_value
    return thresholds


def _fit_heads(
    x: np.ndarray, gold: list[set[str]], labels: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    weights = np.zeros((len(labels), x.shape[1]), dtype=np.float32)
    bias = np.zeros(len(labels), dtype=np.float32)
    for row, name in enumerate(labels):
        y = np.array([name in g for g in gold], dtype=int)
        head = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
        head.fit(x, y)
        weights[row], bias[row] = head.coef_[0], head.intercept_[0]
    return weights, bias


def _out_of_fold(x: np.ndarray, gold: list[set[str]], labels: list[str]) -> np.ndarray:
    """Probabilities for each training text from heads that did not see it (5 folds)."""
    folds = np.arange(len(gold)) % FOLDS
    result = np.zeros((len(gold), len(labels)), dtype=np.float32)
    for fold in range(FOLDS):
        held = folds == fold
        weights, bias = _fit_heads(
            x[~held], [g for g, h in zip(gold, held, strict=True) if not h], labels
        )
        result[held] = 1.0 / (1.0 + np.exp(-(x[held] @ weights.T + bias)))
    return result


def train(shared: Path) -> tuple[TechniquesModel, Scores, Scores]:
    """Fit on train and dev, thresholds on out-of-fold scores; return model, dev and test.

    The heads are fit on the 688 training and 63 development memes together; the thresholds
    are chosen on 5-fold out-of-fold probabilities over the same memes (63 development
    memes alone leave most heads with one or two positives, too few to place a threshold).
    The test memes are used only to score. The dev score is therefore not a held-out figure.
    """
    train_split, dev_split, test_split = (load_split(shared, s) for s in ("train", "dev", "test"))
    both = Split(train_split.texts + dev_split.texts, train_split.gold + dev_split.gold)
    x = _features(both)
    labels = sorted(
        name
        for name in set(SEMEVAL_2021.values())
        if sum(name in g for g in train_split.gold) >= MIN_TRAIN_POSITIVES
    )
    weights, bias = _fit_heads(x, both.gold, labels)
    model = TechniquesModel(labels, weights, bias, np.full(len(labels), 0.5), {})
    model.thresholds = _tune_thresholds(labels, _out_of_fold(x, both.gold, labels), both.gold)
    dev = evaluate(model, dev_split)
    test = evaluate(model, test_split)
    model.meta = {
        "trained": date.today().isoformat(),
        "data": f"{DATASET} (heads fit on train + dev; thresholds on out-of-fold train + dev)",
        "command": "parallax-dev train techniques",
        "dev_micro_f1_in_training": round(dev.f1, 4),
        "test_micro_f1": round(test.f1, 4),
    }
    return model, dev, test


def evaluate(model: TechniquesModel, split: Split) -> Scores:
    """Micro-F1 of ``model`` on ``split`` (labels the model has no head for count as misses)."""
    predicted = [
        {name for name, _ in found}
        for found in model.predict(split.texts, cached_encode(split.texts))
    ]
    return micro_scores(split.gold, predicted)


def run_evaluation(shared: Path, model: TechniquesModel | None = None) -> tuple[Scores, Scores]:
    """Score the committed (or given) model on the dev and test splits."""
    from parallax.persuasion.model import bundled_model

    model = model or bundled_model()
    return evaluate(model, load_split(shared, "dev")), evaluate(model, load_split(shared, "test"))


def format_markdown(dev: Scores, test: Scores) -> str:
    """The ``docs/evaluation.md`` section for persuasion techniques."""
    rows = "\n".join(
        f"| {name} | {f1:.3f} | {support} |"
        for name, (f1, support) in sorted(test.per_label.items(), key=lambda kv: -kv[1][1])
    )
    return f"""*Measured {date.today().isoformat()}; `parallax-dev eval techniques` reproduces these
figures, `parallax-dev train techniques` regenerates the weights.*

[SemEval-2021 task 6](https://github.com/di-dimitrov/SEMEVAL-2021-task6-corpus), subtask 1:
the techniques used by the text of a meme, multi-label over 20 techniques, scored by
micro-F1 over (meme, technique) pairs. Our model is one logistic head per technique with at
least {MIN_TRAIN_POSITIVES} training examples over the frozen shared MiniLM embedding,
hashed word uni- and bigrams and the cue patterns' hits; heads are fit on the 688 training
and 63 development memes together, thresholds chosen for micro-F1 on 5-fold out-of-fold
predictions over the same memes (a shared threshold, then each head with at least
{MIN_DEV_POSITIVES} positives in turn, two passes), and the 200 test memes are used only here.
Before this version the heads were fit on the training memes alone with each tuned threshold
set halfway to the shared one; on the test memes that scored 0.485 (with this version's
cue patterns), fitting on train + dev with the halfway rule 0.492, and with the
threshold rule above but halfway-shrunk 0.507: the rule kept is the one that maximises
the out-of-fold micro-F1 it is tuned on, not the best of these on test.

| Split | Precision | Recall | Micro-F1 | Published best |
|---|--:|--:|--:|--:|
| dev (in the training data) | {dev.precision:.3f} | {dev.recall:.3f} | {dev.f1:.3f} | |
| **test** | {test.precision:.3f} | {test.recall:.3f} | **{test.f1:.3f}** | \
≈{PUBLISHED_BEST_MICRO_F1:.2f} |

The best official subtask-1 system (Dimitrov et al., SemEval 2021) fine-tuned large
transformers, reaching about {PUBLISHED_BEST_MICRO_F1:.2f}; the task's majority-class
baseline is far lower. The floor pinned in `tests/test_quality_floors_persuasion.py` is
0.50. Per technique on the test split (F1, gold count):

| Technique | F1 | Gold |
|---|--:|--:|
{rows}

On articles, a head's call is shown only where a cue of the same technique is visible in
the sentence, and loaded language comes from the head trained on news instead (see
`docs/techniques.md` and the next section).
"""
