"""``parallax-dev train``: regenerate the committed weights from the public data in ../shared.

Every command writes into ``--out`` (by default the checkout's ``src/parallax/models``), from
where the weights are committed; none writes into an installed ``parallax``.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from parallax_dev.cli.options import err, handle_errors, out_option, shared_option


@click.group()
def train() -> None:
    """Regenerate the committed model weights from the public datasets in ../shared."""


@train.command("techniques")
@shared_option("datasets/semeval2021_task6_persuasion_memes_text and inputs/basil-media-bias")
@out_option
@handle_errors
def train_techniques(shared: Path, out: Path) -> None:
    """Fit the techniques heads (SemEval-2021 task 6) and the loaded-language head (BASIL)."""
    from parallax_dev.techniques.loaded_training import train_head
    from parallax_dev.training import techniques

    try:
        model, dev, test = techniques.train(shared)
        head = train_head(shared)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    out.mkdir(parents=True, exist_ok=True)
    for path in model.save(out) + head.save(out):
        err(f"wrote {path}")
    click.echo(f"dev micro-F1 {dev.f1:.3f}; test micro-F1 {test.f1:.3f}")
    click.echo(f"loaded-language head: sentence threshold {head.threshold:.3f}")


@train.command("frames")
@shared_option("datasets/gvfc")
@out_option
@handle_errors
def train_frames(shared: Path, out: Path) -> None:
    """Fit the frame head on all GVFC framed headlines (CV score: `parallax-dev eval frames`)."""
    from parallax_dev.encoding_cache import cached_encode
    from parallax_dev.training.frames import fit_head, load_gvfc

    try:
        texts, labels = load_gvfc(shared)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    out.mkdir(parents=True, exist_ok=True)
    for path in fit_head(texts, cached_encode(texts), labels).save(out):
        err(f"wrote {path}")


@train.command("entailment")
@shared_option("datasets/sick and datasets/climate_fever")
@out_option
@handle_errors
def train_entailment(shared: Path, out: Path) -> None:
    """Train the entailment step on SICK and Climate-FEVER (train splits; dev for tuning).

    Writes entailment.npz into --out.
    """
    from parallax.knowledge.entailment import MODEL_PATH
    from parallax_dev.training.entailment import train as train_model

    out.mkdir(parents=True, exist_ok=True)
    info = train_model(shared, out / MODEL_PATH.name, progress=err)
    click.echo(json.dumps(info, indent=2))


@train.command("statements")
@shared_option("datasets/checkthat2024_task1_checkworthiness_en and the subjectivity set")
@out_option
@handle_errors
def train_statements(shared: Path, out: Path) -> None:
    """Train the check-worthiness and subjectivity heads (deterministic; caches vectors).

    Sentence vectors are cached under .cache/statements, so a second run takes seconds.
    """
    from parallax_dev.training import statements

    out.mkdir(parents=True, exist_ok=True)
    try:
        paths = statements.train_all(shared, out)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    for path in paths:
        click.echo(f"wrote {path}")


@train.command("portrayal")
@shared_option("datasets/newsmtsc_target_sentiment")
@out_option
@click.option("--epochs", type=int, default=4, show_default=True)
@click.option(
    "--threads",
    type=int,
    default=1,
    show_default=True,
    help="Torch threads (on a shared machine keep this low).",
)
@click.option("--seed", type=int, default=7, show_default=True, help="Random seed.")
@handle_errors
def train_portrayal(shared: Path, out: Path, epochs: int, threads: int, seed: int) -> None:
    """Fine-tune the target-sentiment model (NewsMTSC train; the epoch chosen on its dev)."""
    from parallax_dev.datasets.newsmtsc import cache_dir
    from parallax_dev.training.portrayal import train as fit

    try:
        result = fit(shared, out, cache_dir(), epochs=epochs, threads=threads, seed=seed)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    err(f"wrote {out}")
    click.echo(f"best epoch {result.best_epoch}: dev macro-F1 {result.dev}")


@train.command("portrayal-roles")
@shared_option("datasets/narrative_frames_corpus and inputs/ukraine-crisis-news-bias")
@out_option
@handle_errors
def train_portrayal_roles(shared: Path, out: Path) -> None:
    """Fit the learned role reading on Narrative Frames fold 1 (train and dev articles).

    Its confidence bar and own-voice demand are chosen on those articles and the selection
    half of the hand-judged war and climate news (`parallax-dev eval portrayal-judged`).
    About 20 s once the pipeline's runs over both are cached, about 5 minutes before.
    """
    from parallax_dev.datasets.newsmtsc import cache_dir
    from parallax_dev.training.portrayal_roles import train as fit

    try:
        weights = fit(shared, out, cache_dir())
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    err(f"wrote {out}")
    click.echo(f"NFC roles macro-F1: {weights['macro_f1']}")
    click.echo(
        f"role: bar {weights['confidence']}, own-voice demand {weights['own_clear']} "
        f"({'deeds and name-calling only' if weights['own_clear_deeds'] else 'lean '}"
        f"{'' if weights['own_clear_deeds'] else weights['own_clear_lean']}); "
        f"{json.dumps(weights['role'])}"
    )
