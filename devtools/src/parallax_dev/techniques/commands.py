"""What ``parallax-dev train techniques`` and ``parallax-dev eval techniques`` run.

Training writes two models: the sentence heads on SemEval-2021 task 6 and the
loaded-language head on BASIL 2010-2016. Evaluation scores what is committed: SemEval test
micro-F1, BASIL by story-split cross-validation (the heads of each fold, never the shipped
one) and BABE as an outside test, and prints the docs/evaluation.md section.
"""

from __future__ import annotations

from pathlib import Path

from parallax.persuasion.training import format_markdown, run_evaluation, train
from parallax_dev.techniques.loaded_training import train_head
from parallax_dev.techniques.news_evaluation import (
    BABE_PUBLISHED_F1,
    BabeScores,
    BasilScores,
    babe_scores,
    basil_scores,
)


def train_techniques(shared: Path, out: Path) -> list[Path]:
    """Fit both models and write them under ``out``; return the files written."""
    model, _, _ = train(shared)
    written = model.save(out)
    written += train_head(shared).save(out)
    return written


def news_markdown(basil: BasilScores, babe: BabeScores) -> str:
    """The docs/evaluation.md section for techniques on news (BASIL, BABE)."""
    f, h, o, e = basil.family, basil.head, basil.span_overlap, basil.span_exact
    alarms = "\n".join(
        f"| {name} | {fired} | {total} | {fired / max(total, 1):.4f} |"
        for name, (fired, total) in basil.mechanical_false_alarms.items()
    )
    b, w = babe.biased, babe.words
    thresholds = ", ".join(f"{t:.3f}" for t in basil.thresholds)
    return f"""**BASIL 2010-2016** (Fan et al. 2019; 70 stories, 5,243 sentences, 297 with a
lexical-bias span): 5-fold cross-validation by story (the three outlets' reports of a story
stay in one fold); in each fold the loaded-language head is fit on the other stories and its
threshold chosen on out-of-fold scores inside them (4 story folds), as the most precise one
reaching recall {0.30:.2f} there (fold thresholds {thresholds}).

| What is scored | Precision | Recall | F1 | Predicted | Gold |
|---|--:|--:|--:|--:|--:|
| sentences showing the loaded-language family (pipeline logic) | {f.precision:.3f} | \
{f.recall:.3f} | {f.f1:.3f} | {f.predicted} | {f.gold} |
| sentences flagged by the loaded-language head alone | {h.precision:.3f} | {h.recall:.3f} | \
{h.f1:.3f} | {h.predicted} | {h.gold} |
| loaded spans, overlapping a gold span | {o.precision:.3f} | {o.recall:.3f} | {o.f1:.3f} | \
{o.predicted} | {o.gold} |
| loaded spans, exact match | {e.precision:.3f} | {e.recall:.3f} | {e.f1:.3f} | \
{e.predicted} | {e.gold} |

Sentences showing any technique: {basil.flagged_share:.3f} of all; sentences with any
annotated bias span (lexical or informational): {basil.annotated_share:.3f}.

Mechanical rules on the {next(iter(basil.mechanical_false_alarms.values()))[1]:,} BASIL
sentences annotators left without any bias span (a firing there is a false alarm or a
technique the annotators did not mark):

| Rule | Fired | Sentences | Rate |
|---|--:|--:|--:|
{alarms}

**BABE** (Spinde et al. 2021; {babe.sentences:,} sentences with a Biased or Non-biased
label), never trained on: a sentence counts as biased when the shipped logic shows a
loaded-language family technique in it.

| What is scored | Precision | Recall | F1 | Published F1 (5-fold CV on BABE) |
|---|--:|--:|--:|--:|
| "biased" sentences | **{b.precision:.3f}** | {b.recall:.3f} | {b.f1:.3f} | \
{BABE_PUBLISHED_F1:.3f} |
| biased words (words inside shown spans vs annotated words) | {w.precision:.3f} | \
{w.recall:.3f} | {w.f1:.3f} | |
"""


def evaluate_techniques(shared: Path) -> str:
    """Score the committed models and return the Markdown for docs/evaluation.md."""
    dev, test = run_evaluation(shared)
    return format_markdown(dev, test) + "\n" + news_markdown(basil_scores(shared), babe_scores(shared))
