"""``parallax-dev train portrayal`` and ``parallax-dev eval portrayal``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from parallax_dev.portrayal.evaluate import Scores, basil, newsmtsc_dev, nfc, persent

CACHE = Path(".cache/portrayal")


def _repo_models() -> Path:
    """The repository's ``src/parallax/models`` (found from the working directory upwards)."""
    for folder in [Path.cwd(), *Path.cwd().parents]:
        if (folder / "src" / "parallax" / "models").is_dir():
            return folder / "src" / "parallax" / "models"
    raise click.UsageError(
        "cannot find src/parallax/models above the working directory; run from the "
        "repository or pass --out"
    )


@click.command("portrayal")
@click.option(
    "--shared",
    type=click.Path(path_type=Path),
    default=Path("../shared"),
    show_default=True,
    help="Folder holding datasets/ (NewsMTSC).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Where to write the weights [default: the repository's src/parallax/models].",
)
@click.option("--epochs", type=int, default=4, show_default=True)
@click.option(
    "--threads",
    type=int,
    default=1,
    show_default=True,
    help="Torch threads (the machines are shared: keep this low).",
)
def train_portrayal(shared: Path, out: Path | None, epochs: int, threads: int) -> None:
    """Train the target-sentiment model on NewsMTSC train, keeping the best dev epoch."""
    from parallax_dev.portrayal.train import train

    result = train(shared, out or _repo_models(), CACHE, epochs=epochs, threads=threads)
    click.echo(f"best epoch {result.best_epoch}: dev macro-F1 {result.dev}")


@click.command("portrayal")
@click.option(
    "--shared",
    type=click.Path(path_type=Path),
    default=Path("../shared"),
    show_default=True,
    help="Folder holding datasets/ and inputs/.",
)
@click.option("--limit", type=int, default=None, help="Articles per corpus (all by default).")
def eval_portrayal(shared: Path, limit: int | None) -> None:
    """Target sentiment on NewsMTSC dev; BASIL, PerSenT and NFC end to end; as markdown."""
    tsc = newsmtsc_dev(shared, CACHE)
    scores = [basil(shared, CACHE, limit), persent(shared, CACHE, limit), nfc(shared, CACHE, limit)]
    click.echo(format_markdown(tsc, scores))


def format_markdown(tsc: dict[str, float], scores: list[Scores]) -> str:
    """The ``docs/evaluation.md`` section for portrayal."""
    rows = "\n".join(
        f"| {s.name} | {s.n} | {s.matched} | {s.accuracy:.3f} | {s.macro_f1:.3f} | "
        f"{s.majority_accuracy:.3f} | {s.majority_macro_f1:.3f} |"
        for s in scores
    )
    confusions = "\n\n".join(
        f"{s.name}, gold (rows) against ours: "
        + "; ".join(f"{g}: {dict(sorted(p.items()))}" for g, p in sorted(s.confusion.items()))
        for s in scores
    )
    return f"""*Measured {date.today().isoformat()}; `parallax-dev eval portrayal` reproduces these
figures.*

**Target sentiment** (the model alone), NewsMTSC dev, macro-F1 over negative / neutral /
positive, {int(tsc["n"])} targets:

| Set | parallax | Majority class |
|---|--:|--:|
| dev_rw | {tsc["dev_rw"]:.3f} | {tsc["dev_rw_majority"]:.3f} |
| dev_mt | {tsc["dev_mt"]:.3f} | {tsc["dev_mt_majority"]:.3f} |
| both | {tsc["pooled"]:.3f} | – |

**End to end** (the pipeline's own actors for BASIL and PerSenT; the gold entities as
actors for NFC). *Matched* counts the gold entities an actor was found for; the others are
answered *neutral*.

| Evaluation | n | matched | accuracy | macro-F1 | majority accuracy | majority macro-F1 |
|---|--:|--:|--:|--:|--:|--:|
{rows}

{confusions}
"""
