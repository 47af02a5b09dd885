"""Readers for the public entailment datasets the entailment step is trained and scored on.

Two datasets in ``../shared/datasets``, each mapped to our three labels:

- **SICK** (Marelli et al., 2014): sentence pairs with ENTAILMENT / CONTRADICTION / NEUTRAL
  and the SemEval-2014 split in the ``SemEval_set`` column (TRAIN, TRIAL, TEST), which we
  use as train, dev and test.
- **Climate-FEVER** (Diggelmann et al., 2020): claims with five Wikipedia evidence sentences,
  each pair labelled SUPPORTS / REFUTES / NOT_ENOUGH_INFO (entailment / contradiction /
  neutral; the evidence is the premise, the claim the hypothesis). The dataset has no
  official split, so we split by claim, never by pair, so no claim is in two splits: the
  claim id's SHA-1 modulo 10 puts 0-6 in train, 7 in dev and 8-9 in test
  (:func:`climate_fever_split`).
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from parallax.errors import ConfigError

_SICK_LABELS = {"ENTAILMENT": "entailment", "CONTRADICTION": "contradiction", "NEUTRAL": "neutral"}
_SICK_SPLITS = {"TRAIN": "train", "TRIAL": "dev", "TEST": "test"}
_EMERGENT_LABELS = {"for": "entailment", "against": "contradiction", "observing": "neutral"}
_FEVER_LABELS = {"SUPPORTS": "entailment", "REFUTES": "contradiction", "NOT_ENOUGH_INFO": "neutral"}


@dataclass(frozen=True)
class NLIPair:
    """One labelled premise-hypothesis pair.

    Attributes:
        premise: the text taken as true (an evidence sentence).
        hypothesis: the text judged against it (a claim).
        label: one of :data:`parallax.knowledge.entailment.LABELS`.
        split: ``train``, ``dev`` or ``test``.
        group: pairs that share a claim share a group (a claim id); used for claim-level
            splits and reports.
    """

    premise: str
    hypothesis: str
    label: str
    split: str
    group: str


def read_sick(path: Path) -> list[NLIPair]:
    """The SICK pairs from ``SICK.txt`` (tab-separated, with a header).

    Raises:
        ConfigError: the file is missing or lacks the columns we read.
    """
    if not path.is_file():
        raise ConfigError(f"SICK file not found: {path}; expected ../shared/datasets/sick/SICK.txt")
    pairs = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        needed = {"pair_ID", "sentence_A", "sentence_B", "entailment_label", "SemEval_set"}
        if not needed <= set(reader.fieldnames or ()):
            raise ConfigError(f"{path}: expected the columns {sorted(needed)}")
        for row in reader:
            label = _SICK_LABELS.get(row["entailment_label"].strip())
            split = _SICK_SPLITS.get(row["SemEval_set"].strip())
            if label and split:
                pairs.append(
                    NLIPair(row["sentence_A"], row["sentence_B"], label, split, row["pair_ID"])
                )
    return pairs


def climate_fever_split(claim_id: str) -> str:
    """The fixed claim-level split of Climate-FEVER: train 70%, dev 10%, test 20%."""
    bucket = int(hashlib.sha1(claim_id.encode("utf-8")).hexdigest(), 16) % 10
    return "train" if bucket < 7 else "dev" if bucket == 7 else "test"


def read_climate_fever(path: Path) -> list[NLIPair]:
    """Claim-evidence pairs from ``climate-fever.jsonl`` (evidence as premise).

    Raises:
        ConfigError: the file is missing or a line is not a claim record.
    """
    if not path.is_file():
        raise ConfigError(
            f"Climate-FEVER file not found: {path}; "
            "expected ../shared/datasets/climate_fever/climate-fever.jsonl"
        )
    pairs = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                claim_id, claim = str(record["claim_id"]), record["claim"]
                evidences = record["evidences"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ConfigError(f"{path}:{number}: not a Climate-FEVER claim: {exc}") from None
            split = climate_fever_split(claim_id)
            for evidence in evidences:
                label = _FEVER_LABELS.get(evidence.get("evidence_label", ""))
                if label:
                    pairs.append(NLIPair(evidence["evidence"], claim, label, split, claim_id))
    return pairs


def read_emergent(path: Path) -> list[NLIPair]:
    """Emergent (Ferreira & Vlachos, 2016): news headlines against the rumour they report.

    The article headline is the premise, the claim the hypothesis; ``for`` / ``against`` /
    ``observing`` (the headline reports the claim without taking it as true) become
    entailment / contradiction / neutral. Every pair is ``test``: the entailment step is
    neither trained nor tuned on it, so all of it is held out (news-style pairs, unlike
    SICK's captions).

    Raises:
        ConfigError: the file is missing or has an unknown stance.
    """
    if not path.is_file():
        raise ConfigError(f"{path} is missing; pass --shared pointing at the shared data")
    pairs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            stance = row["articleHeadlineStance"]
            if stance not in _EMERGENT_LABELS:
                raise ConfigError(f"{path}: unknown stance {stance!r} in row {row['id']}")
            pairs.append(
                NLIPair(
                    premise=row["articleHeadline"],
                    hypothesis=row["claimHeadline"],
                    label=_EMERGENT_LABELS[stance],
                    split="test",
                    group=row["claimId"],
                )
            )
    return pairs
