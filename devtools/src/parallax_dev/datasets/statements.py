"""Readers for the public statement datasets in ``../shared/datasets``, and an embedding cache.

Check-worthiness comes from CLEF-2024 CheckThat! Task 1 (English, US presidential debates);
subjectivity from the CLEF-2025 CheckThat! Task 1 English files, whose ``dev_test`` split is
the CheckThat! 2024 English test set. Both are third-party and never copied into the
repository; training and evaluation read them from the shared folder.

Encoding 25,000 sentences with the shared encoder takes minutes on a small CPU, so the
vectors are cached under ``.cache/statements/`` keyed by a hash of the texts and the encoder
name: a second ``parallax-dev train`` or ``parallax-dev eval`` run reads them back in a second.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from parallax_dev.cache_files import write_atomically

CHECKWORTHINESS_DIR = ("datasets", "checkthat2024_task1_checkworthiness_en")
SUBJECTIVITY_DIR = ("datasets", "checkthat2025_task1_subjectivity_en")

CHECKWORTHINESS_FILES = {
    "train": "CT24_checkworthy_english_train.tsv",
    "dev": "CT24_checkworthy_english_dev.tsv",
    "dev-test": "CT24_checkworthy_english_dev-test.tsv",
    "test": "CT24_checkworthy_english_test_gold.tsv",
}
"""Split name -> file. ``dev-test`` is the 2023 Task 1B test set; ``test`` the 2024 one."""

SUBJECTIVITY_FILES = {
    "train": "train_en.tsv",
    "dev": "dev_en.tsv",
    "dev-test": "dev_test_en.tsv",
}
"""Split name -> file. ``dev-test`` is the CheckThat! 2024 English test set."""

_GLUED_LABEL = re.compile(r"^(Yes|No)(\d+)$")


@dataclass(frozen=True)
class LabelledSentences:
    """One split of a dataset: texts and binary labels (1 = check-worthy / subjective)."""

    name: str
    texts: list[str]
    labels: np.ndarray

    @property
    def positives(self) -> int:
        """How many sentences carry the positive label."""
        return int(self.labels.sum())


def _read_rows(path: Path) -> list[list[str]]:
    if not path.exists():
        raise FileNotFoundError(
            f"expected the dataset file {path}; pass --shared with the folder that holds "
            "datasets/ (see docs/evaluation.md)"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return rows[1:]


def load_checkworthiness(shared: Path, split: str) -> LabelledSentences:
    """Read one CheckThat! 2024 check-worthiness split (labels Yes=1, No=0).

    One training line holds two records glued together (``No29286<TAB>...``, see the
    dataset's SOURCE.md); it is split back into both records here.
    """
    path = Path(shared).joinpath(*CHECKWORTHINESS_DIR, CHECKWORTHINESS_FILES[split])
    texts: list[str] = []
    labels: list[int] = []
    for row in _read_rows(path):
        if len(row) == 5 and (glued := _GLUED_LABEL.match(row[2])):
            texts += [row[1], row[3]]
            labels += [glued.group(1) == "Yes", row[4] == "Yes"]
            continue
        if len(row) < 3 or row[2] not in {"Yes", "No"}:
            raise ValueError(f"{path}: unexpected row {row[:3]!r}; expected id, text, Yes/No")
        texts.append(row[1])
        labels.append(row[2] == "Yes")
    return LabelledSentences(f"checkworthiness-{split}", texts, np.asarray(labels, dtype=np.int8))


def load_subjectivity(shared: Path, split: str) -> LabelledSentences:
    """Read one CheckThat! subjectivity split (labels SUBJ=1, OBJ=0)."""
    path = Path(shared).joinpath(*SUBJECTIVITY_DIR, SUBJECTIVITY_FILES[split])
    texts: list[str] = []
    labels: list[int] = []
    for row in _read_rows(path):
        if len(row) < 3 or row[2] not in {"SUBJ", "OBJ"}:
            raise ValueError(f"{path}: unexpected row {row[:3]!r}; expected id, text, SUBJ/OBJ")
        texts.append(row[1])
        labels.append(row[2] == "SUBJ")
    return LabelledSentences(f"subjectivity-{split}", texts, np.asarray(labels, dtype=np.int8))


def default_cache_dir() -> Path:
    """``.cache/statements`` in the working directory (gitignored in a checkout)."""
    return Path(".cache") / "statements"


def cached_vectors(texts: list[str], cache_dir: Path | None = None) -> np.ndarray:
    """Shared-encoder vectors for ``texts``, read from or written to the cache."""
    from parallax.encoder import MODEL_NAME, encode

    digest = hashlib.sha256("\x1e".join([MODEL_NAME, *texts]).encode("utf-8")).hexdigest()[:20]
    folder = cache_dir or default_cache_dir()
    path = folder / f"vectors-{digest}.npy"
    if path.exists():
        return np.asarray(np.load(path))
    vectors = encode(texts)
    write_atomically(path, lambda stream: np.save(stream, vectors))
    return vectors
