"""Score the statement heads and the call-to-action patterns; write docs/evaluation.md.

``parallax-dev eval statements`` runs :func:`evaluate`:

- check-worthiness: positive-class F1 of the committed head (with its dev-tuned threshold)
  on the CheckThat! 2024 English test set, and on the 2023 test set (the 2024 "dev-test");
- subjectivity: macro-F1 on the CheckThat! 2024 English test set (the 2025 release's
  ``dev_test_en.tsv``);
- calls to action: precision, recall and F1 of
  :func:`~parallax.statements.calls_to_action.find_call_to_action` on the project-written
  set in ``data/calls_to_action_eval.jsonl``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

import numpy as np

from parallax.statements.heads import Head, bundled_head
from parallax_dev.datasets.statements import (
    LabelledSentences,
    load_checkworthiness,
    load_subjectivity,
)
from parallax_dev.training.statements import rows_for, score

CTA_EVAL = "calls_to_action_eval.jsonl"
SECTION_START = "<!-- statements:start -->"
SECTION_END = "<!-- statements:end -->"


@dataclass(frozen=True)
class Score:
    """One reported figure."""

    task: str
    data: str
    metric: str
    value: float
    size: int
    published: str


@dataclass(frozen=True)
class CallToActionScore:
    """Precision and recall of the call-to-action patterns on the project's own set."""

    size: int
    positives: int
    precision: float
    recall: float
    misses: tuple[str, ...]
    false_alarms: tuple[str, ...]

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _head_score(head: Head, split: LabelledSentences, metric: str, cache_dir: Path | None) -> float:
    return score(split.labels, head.predict(rows_for(split, cache_dir)), metric)


def evaluate_heads(shared: Path, cache_dir: Path | None = None) -> list[Score]:
    """Score the committed heads on the held-out test sets."""
    worthiness, subjectivity = bundled_head("checkworthiness"), bundled_head("subjectivity")
    results = []
    for split, data, published in (
        ("test", "CheckThat! 2024 Task 1 English test", "≈0.80 (FactFinders, 1st of 26)"),
        ("dev-test", "CheckThat! 2023 Task 1B English test (2024 dev-test)", "–"),
    ):
        sentences = load_checkworthiness(shared, split)
        value = _head_score(worthiness, sentences, "positive_f1", cache_dir)
        results.append(
            Score(
                "check-worthiness",
                data,
                "F1 (positive class)",
                value,
                len(sentences.texts),
                published,
            )
        )
    sentences = load_subjectivity(shared, "dev-test")
    value = _head_score(subjectivity, sentences, "macro_f1", cache_dir)
    results.append(
        Score(
            "subjectivity",
            "CheckThat! 2024 Task 1 English test (2025 dev-test)",
            "macro-F1",
            value,
            len(sentences.texts),
            "0.744 (HYBRINFOX, best); organisers' baseline 0.63",
        )
    )
    return results


def load_cta_set() -> list[tuple[str, bool]]:
    """The project-written call-to-action sentences and their labels."""
    path = resources.files("parallax_dev") / "data" / CTA_EVAL
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [(row["text"], bool(row["call_to_action"])) for row in rows]


def evaluate_calls_to_action() -> CallToActionScore:
    """Run the patterns over the project-written set, each sentence parsed on its own."""
    from parallax.components.parse import load_spacy
    from parallax.statements.calls_to_action import find_call_to_action

    examples = load_cta_set()
    nlp = load_spacy()
    predicted = [
        find_call_to_action(doc[:]) is not None for doc in nlp.pipe([text for text, _ in examples])
    ]
    gold = np.array([label for _, label in examples])
    guess = np.array(predicted)
    true_positives = int((gold & guess).sum())
    return CallToActionScore(
        size=len(examples),
        positives=int(gold.sum()),
        precision=true_positives / max(int(guess.sum()), 1),
        recall=true_positives / max(int(gold.sum()), 1),
        misses=tuple(t for (t, g), p in zip(examples, predicted, strict=True) if g and not p),
        false_alarms=tuple(t for (t, g), p in zip(examples, predicted, strict=True) if p and not g),
    )


def format_markdown(scores: list[Score], cta: CallToActionScore) -> str:
    """The docs/evaluation.md section for statements."""
    worthiness, subjectivity = bundled_head("checkworthiness"), bundled_head("subjectivity")
    lines = [
        SECTION_START,
        "## Statements: check-worthiness, subjectivity, calls to action",
        "",
        f"*Measured {date.today().isoformat()}; `parallax-dev eval statements` reproduces these "
        "figures, `parallax-dev train statements` the weights they score.*",
        "",
        "Both heads are logistic regression over the shared all-MiniLM-L6-v2 sentence vector "
        "(the one the `embed` component computes for every sentence) plus "
        "a few lexical counts (digits, years, money, first-person pronouns, modals, hedges, "
        "quote marks ...), trained on the training split only; the regularisation and the "
        "decision threshold were chosen on the dev split "
        f"(check-worthiness threshold {worthiness.threshold:.2f}, chosen on dev plus the 2023 "
        "test set, which the task provides as a dev-test split, so the 2023 row below is "
        f"not held out; subjectivity threshold {subjectivity.threshold:.2f}, chosen on dev). "
        "The 2024 test sets were read only for this table.",
        "",
        "| Task | Test data | Sentences | Metric | **Parallax** | Published |",
        "|---|---|--:|---|--:|---|",
    ]
    lines += [
        f"| {s.task} | {s.data} | {s.size} | {s.metric} | **{s.value:.3f}** | {s.published} |"
        for s in scores
    ]
    lines += [
        "",
        "Published results: CheckThat! 2024 Task 1 overview (Hasanain et al., CEUR Vol-3740); "
        "HYBRINFOX's CLEF 2024 paper for subjectivity; the organisers' baseline figure is from "
        "the task README. The check-worthiness data are US presidential debate sentences, "
        "the subjectivity data news-article sentences.",
        "",
        "Both figures are below the floors the statements issue sets (0.75 and 0.70). "
        "The measurements below, all with the threshold and any other choice made on the "
        "tuning splits only, locate the gap.",
        "",
        "**It is the ranking, not the threshold.** "
        "`python devtools/scripts/statements_probe_experiment.py diagnose` scores the committed "
        "heads' probabilities. Check-worthiness ROC AUC falls from 0.983 (dev) and 0.949 "
        "(2023 test) to 0.867 on the 2024 test (average precision 0.954, 0.911, 0.726), and "
        "the best threshold the 2024 test labels would allow gives 0.671 against 0.659 at "
        "the committed one; subjectivity AUC is 0.779 on dev and 0.746 on the 2024 test, "
        "best threshold 0.664 against 0.658. Judging by their content, the 2024 test "
        "sentences come from later debates (2020 and 2023) than the training data "
        "(ClaimBuster's general-election debates, 1960 to 2016), and the "
        "2024 subjectivity test has half the dev split's share of subjective sentences "
        "(0.25 against 0.52).",
        "",
        "**Heads and frozen vectors.** A small MLP head for check-worthiness won on dev + "
        "dev-test (0.856 against 0.844) and lost on the 2024 test (0.597), so the "
        "committed head stays logistic; TF-IDF word and character n-grams, alone or "
        "averaged with the embedding head, class weights and other regularisations stayed "
        "within about 0.03 (TF-IDF blend: 0.629 and 0.655). "
        "`devtools/scripts/statements_probe_experiment.py probe` repeats the training protocol "
        "over other frozen vectors: MiniLM's hidden layers mean-pooled (each layer and several "
        "concatenations; the one dev picks for subjectivity, layer 4, gives 0.658 on the "
        "2024 test, and no combination reaches 0.70 on it); the checked sentences of the "
        "CheckThat! 2019 and 2020 training debates as 633 extra positives (2024 test "
        "0.670); and the five-times-larger all-mpnet-base-v2 (fetched from PyPI by "
        "`devtools/scripts/fetch-mpnet.sh`), frozen: check-worthiness 0.679, subjectivity 0.645.",
        "",
        "**Fine-tuning** comes closest, but does not close the gap either. "
        "`devtools/scripts/finetune_statements_experiment.py` fine-tunes a whole encoder with a "
        "linear head on one task (threshold picked on the tuning splits as above). "
        "all-MiniLM-L6-v2, check-worthiness, one epoch over the 22,501 training sentences "
        "(about 10 minutes on 2 cores): dev 0.920, 2023 test 0.873, **2024 test 0.663** "
        "(an earlier run of the same recipe, which differs only in CPU thread timing, gave "
        "0.675); subjectivity, four epochs over the 830 training sentences: dev 0.768, "
        "**2024 test 0.684**. all-mpnet-base-v2 (`--model .cache/models/all-mpnet-base-v2`), "
        "subjectivity, four epochs: dev 0.781, **2024 test 0.660**; "
        "check-worthiness, one epoch (110 minutes on 2 cores, partly shared with other "
        "jobs): dev 0.955, 2023 test 0.910, **2024 test 0.743**. "
        "The fine-tuned larger encoder is the only measurement that comes near a floor "
        "(check-worthiness 0.743 against 0.75, one run), and it does not help subjectivity. "
        "Using it would cost a second, larger encoder pass in the pipeline: encoding the "
        "statement datasets, all-mpnet-base-v2 in bfloat16 ran at about a third of "
        "MiniLM's sentences a second, which is more than the headroom the throughput floor "
        "leaves (the encoder already takes half of the pipeline's component time), and "
        "it could not replace the shared encoder, since a copy fine-tuned for one task no "
        "longer serves similarity for the other heads and comparisons. "
        "The best published systems went further still: FactFinders fine-tuned a "
        "7-billion-parameter language model (Llama 2) on pruned training data, HYBRINFOX "
        "added a large language model's judgements to a fine-tuned RoBERTa. So the heads "
        "stay on the shared frozen vectors.",
        "",
        "**Calls to action** have no public dataset. The evaluation set "
        "`devtools/src/parallax_dev/data/calls_to_action_eval.jsonl` was written by this "
        f"project for the purpose ({cta.size} sentences, {cta.positives} calls to action: "
        "slogans, imperatives, demands, deontic modals; the rest hard negatives such as "
        "reported demands, rhetorical imperatives, epistemic modals and questions). It was "
        "written alongside the patterns, so it measures coverage of the forms we know, not "
        "performance on unseen writing.",
        "",
        "| Patterns | Sentences | Precision | Recall | F1 |",
        "|---|--:|--:|--:|--:|",
        f"| `find_call_to_action` | {cta.size} | {cta.precision:.3f} | {cta.recall:.3f} "
        f"| **{cta.f1:.3f}** |",
        "",
    ]
    if cta.misses or cta.false_alarms:
        lines.append(
            "Missed: "
            + "; ".join(f"“{t}”" for t in cta.misses)
            + ". False alarms: "
            + "; ".join(f"“{t}”" for t in cta.false_alarms)
            + "."
        )
        lines.append("")
    lines.append(SECTION_END)
    return "\n".join(lines)


def write_docs(section: str, docs: Path) -> Path:
    """Replace (or append) the statements section of ``docs/evaluation.md``."""
    path = docs / "evaluation.md"
    text = path.read_text("utf-8") if path.exists() else "# Evaluation\n"
    pattern = re.compile(re.escape(SECTION_START) + ".*?" + re.escape(SECTION_END), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, "utf-8")
    return path
