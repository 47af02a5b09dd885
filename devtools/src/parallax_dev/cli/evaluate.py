"""``parallax-dev eval``: score the analysis components on the public data in ../shared.

Each command prints its scores; ``--write-docs`` also puts them into the checkout's
``docs/evaluation.md``, replacing the section an earlier run wrote.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from parallax_dev.cli.options import (
    err,
    evaluation_page,
    handle_errors,
    report_evaluation,
    shared_option,
    write_docs_option,
)


@click.group("eval")
def evaluate() -> None:
    """Score the analysis components on the public datasets in ../shared."""


@evaluate.command("techniques")
@shared_option(
    "datasets/semeval2021_task6_persuasion_memes_text, inputs/basil-media-bias and "
    "datasets/babe_media_bias"
)
@write_docs_option
@handle_errors
def eval_techniques(shared: Path, write_docs: bool) -> None:
    """SemEval-2021 task 6 micro-F1; BASIL by story-split cross-validation; BABE untouched."""
    from parallax_dev.techniques import news_evaluation
    from parallax_dev.techniques.report import news_markdown
    from parallax_dev.training import techniques

    report_evaluation(
        "Persuasion techniques (SemEval-2021 task 6)",
        lambda: techniques.run_evaluation(shared),
        lambda scores: techniques.format_markdown(*scores),
        write_docs,
    )
    report_evaluation(
        "Persuasion techniques on news (BASIL, BABE)",
        lambda: (news_evaluation.basil_scores(shared), news_evaluation.babe_scores(shared)),
        lambda scores: news_markdown(*scores),
        write_docs,
    )


@evaluate.command("frames")
@shared_option("datasets/gvfc and datasets/narrative_frames_corpus")
@write_docs_option
@handle_errors
def eval_frames(shared: Path, write_docs: bool) -> None:
    """GVFC headline-frame accuracy (5-fold CV) and Narrative Frames per-frame F1."""
    from parallax_dev.evaluation import frames

    report_evaluation(
        "Frames (GVFC, Narrative Frames)",
        lambda: frames.run(shared),
        frames.format_markdown,
        write_docs,
    )


@evaluate.command("genre")
@shared_option("inputs/basil-media-bias and seeds")
@write_docs_option
@handle_errors
def eval_genre(shared: Path, write_docs: bool) -> None:
    """Genre on BASIL's news reports and the seed editorials."""
    from parallax_dev.evaluation import frames

    report_evaluation(
        "Genre (BASIL, seeds)",
        lambda: frames.run_genre(shared),
        frames.format_genre_markdown,
        write_docs,
    )


@evaluate.command("portrayal")
@shared_option(
    "datasets/newsmtsc_target_sentiment, datasets/persent_author_sentiment, "
    "datasets/narrative_frames_corpus and inputs/basil-media-bias"
)
@click.option("--limit", type=int, default=None, help="Use only the first N articles of each.")
@click.option(
    "--choose-cuts",
    is_flag=True,
    help="Print the sentiment cuts and minimum evidence chosen on the selection parts.",
)
@write_docs_option
@handle_errors
def eval_portrayal(shared: Path, limit: int | None, choose_cuts: bool, write_docs: bool) -> None:
    """Target sentiment on NewsMTSC dev; BASIL, PerSenT and NFC portrayal end to end."""
    from parallax_dev.evaluation import portrayal

    if choose_cuts:
        choice = portrayal.choose_cuts(shared)
        click.echo(
            f"NEGATIVE_CUT = {choice.negative}, POSITIVE_CUT = {choice.positive}, "
            f"MIN_SENTENCES = {choice.least}"
        )
        for part, (accuracy, f1) in choice.scores.items():
            click.echo(f"{part}: accuracy {accuracy:.3f}, macro-F1 {f1:.3f}")
        return

    report_evaluation(
        "Actor portrayal (NewsMTSC, BASIL, PerSenT, NFC)",
        lambda: portrayal.run(shared, limit=limit),
        portrayal.format_markdown,
        write_docs,
    )


@evaluate.command("portrayal-sentences")
@shared_option("datasets/newsmtsc_target_sentiment")
@write_docs_option
@handle_errors
def eval_portrayal_sentences(shared: Path, write_docs: bool) -> None:
    """Each NewsMTSC dev sentence as an article of its own, end to end (issue 16).

    The matched actor's sentiment label against the target's gold polarity, beside the
    majority class (:mod:`parallax_dev.evaluation.portrayal_sentences`).
    """
    from parallax_dev.datasets.newsmtsc import cache_dir
    from parallax_dev.evaluation import portrayal_sentences

    report_evaluation(
        "Actor portrayal in one news sentence (NewsMTSC dev, end to end)",
        lambda: portrayal_sentences.run(shared, cache_dir()),
        portrayal_sentences.format_markdown,
        write_docs,
    )


@evaluate.command("portrayal-judged")
@shared_option(
    "inputs/ukraine-crisis-news-bias and datasets/narrative_frames_corpus (the judged articles)"
)
@write_docs_option
@handle_errors
def eval_portrayal_judged(shared: Path, write_docs: bool) -> None:
    """Shown roles on real war and climate news against this project's judgements (issue 16).

    Accuracy with *neutral*, the most common judged role's accuracy, the share of actors
    given a role and each asserted role's precision, on all judged actors and on the
    selection and held-out halves (:mod:`parallax_dev.evaluation.judged_roles`).
    """
    from parallax_dev.datasets.newsmtsc import cache_dir
    from parallax_dev.evaluation import judged_roles

    report_evaluation(
        "Actor roles on real war and climate news (hand-judged)",
        lambda: judged_roles.evaluate(
            judged_roles.load(), judged_roles.portray_all(shared, cache_dir())
        ),
        judged_roles.format_markdown,
        write_docs,
    )


@evaluate.command("stories")
@shared_option("inputs/basil-media-bias and inputs/ruwa-ukraine-war-headlines")
@handle_errors
def eval_stories(shared: Path) -> None:
    """Story clustering: adjusted Rand index on BASIL, and what it finds on RUWA.

    BASIL is scored on its tuning half, its held-out half and whole; RUWA's Ukraine-war
    headlines get story counts, sizes, purity against its event labels and examples.
    """
    from parallax.comparison import DEFAULT_PARAMS
    from parallax_dev.bench import stories as story_bench

    try:
        basil = story_bench.basil_records(shared)
        ruwa = story_bench.ruwa_records(shared)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    basil_vectors = story_bench.lead_vectors(basil)
    scores = story_bench.basil_scores(basil, basil_vectors, DEFAULT_PARAMS)
    tuned, tuned_score = story_bench.tune(basil, basil_vectors)
    summary = story_bench.ruwa_summary(ruwa, story_bench.lead_vectors(ruwa), DEFAULT_PARAMS)
    click.echo(story_bench.format_evaluation(scores, tuned, tuned_score, summary), nl=False)


@evaluate.command("time")
@shared_option("datasets/tempeval3")
@click.option(
    "--split",
    "splits",
    type=click.Choice(["platinum", "train"]),
    multiple=True,
    help="Which TempEval-3 documents to score (repeatable) [default: platinum and train].",
)
@click.option("--write-docs", is_flag=True, help="Write the scores into docs/evaluation.md.")
@click.option(
    "--errors", type=int, default=0, help="Also print the N most frequent errors of each split."
)
@handle_errors
def eval_time(shared: Path, splits: tuple[str, ...], write_docs: bool, errors: int) -> None:
    """Time expressions on TempEval-3: strict/relaxed extent F1, value F1 and type accuracy."""
    from collections import Counter

    from parallax_dev.evaluation import tempeval
    from parallax_dev.paths import docs_dir

    results = []
    try:
        for split in splits or ("platinum", "train"):
            results.append((split, tempeval.evaluate(shared, split)))
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(tempeval.format_table(results))
    for split, scores in results if errors else ():
        click.echo(f"\nMost frequent errors ({split}): kind, text, gold value, our value")
        for error, count in Counter(scores.errors).most_common(errors):
            click.echo(f"{count:4d}  " + " | ".join(error))
    if write_docs:
        err(f"updated {tempeval.write_docs(results, docs_dir())}")


def _meantime(shared: Path, limit: int | None, fmt: str, part: str) -> None:
    from parallax_dev.evaluation import meantime

    root = shared / "datasets" / "meantime_newsreader_en"
    try:
        result = meantime.evaluate(root, limit=limit, part=part)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps({"documents": result["documents"], part: result[part]}, indent=2))
    else:
        click.echo(meantime.format_markdown(result, part))


@evaluate.command("events")
@shared_option("datasets/meantime_newsreader_en")
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@handle_errors
def eval_events(shared: Path, limit: int | None, fmt: str) -> None:
    """Event triggers and agent/target participants against MEANTIME's gold annotation."""
    _meantime(shared, limit, fmt, "events")


@evaluate.command("actors")
@shared_option("datasets/meantime_newsreader_en")
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@handle_errors
def eval_actors(shared: Path, limit: int | None, fmt: str) -> None:
    """Named mentions grouped into actors, B-cubed against MEANTIME's entity ids."""
    _meantime(shared, limit, fmt, "actors")


@evaluate.command("entailment")
@shared_option("datasets/sick, datasets/climate_fever and datasets/emergent")
@click.option(
    "--model",
    "model_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Weights to score [default: the model parallax loads].",
)
@click.option("--write-docs", is_flag=True, help="Write the scores into docs/evaluation.md.")
@handle_errors
def eval_entailment(shared: Path, model_path: Path | None, write_docs: bool) -> None:
    """SICK test accuracy and Climate-FEVER pair accuracy / macro-F1 of the entailment step."""
    from parallax.knowledge.entailment import MODEL_PATH, EntailmentModel
    from parallax_dev.training import entailment as training

    model = EntailmentModel.load(model_path or MODEL_PATH)
    scores = training.evaluate(shared, model)
    baseline = training.majority_baseline(shared)
    click.echo(json.dumps([s.as_dict() for s in scores], indent=2))
    news = training.news_scores(shared, model)
    click.echo(json.dumps([s.as_dict() for s in news], indent=2))
    if write_docs:
        section = training.evaluation_section(scores, baseline, model.info, news)
        click.echo(f"wrote {training.write_evaluation(section, evaluation_page())}")


@evaluate.command("checking")
@click.option("--write-docs", is_flag=True, help="Write the scores into docs/evaluation.md.")
@click.option(
    "--table",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A claim table (category, expected, claim; tab-separated) "
    "[default: the project's, parallax_dev/data/checking_claims.tsv].",
)
@handle_errors
def eval_checking(write_docs: bool, table: Path | None) -> None:
    """Verdict accuracy of `parallax check` on the project-written claim table."""
    from parallax_dev.evaluation import checking

    scores = checking.evaluate(rows=checking.read_table(table))
    click.echo(json.dumps(scores.as_dict(), indent=2, ensure_ascii=False))
    if write_docs:
        section = checking.evaluation_section(scores)
        click.echo(f"wrote {checking.write_evaluation(section, evaluation_page())}")


@evaluate.command("verdicts")
@shared_option("inputs/ (BASIL, ukraine-crisis-news-bias, AllSides, AEB, NAEB)")
@write_docs_option
@handle_errors
def eval_verdicts(shared: Path, write_docs: bool) -> None:
    """Precision of supported, contradicted and disputed verdicts on real news, hand-judged."""
    from parallax_dev.evaluation import verdicts

    report_evaluation(
        verdicts.TITLE, lambda: verdicts.evaluate(shared), verdicts.format_markdown, write_docs
    )


@evaluate.command("alignment")
@shared_option("inputs/basil-media-bias")
@write_docs_option
@click.option(
    "--pairs",
    "pairs_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write every aligned pair, with its sentences, to this JSON file (to judge new "
    "pairs; keep it outside the repository: it holds the articles' text).",
)
@click.option(
    "--corpus",
    "corpora",
    type=click.Choice(["basil", "allsides", "ruwa"]),
    multiple=True,
    help="Only these corpora (repeat the option; default all). RUWA takes most of the "
    "40 minutes; a subset cannot be written into the docs.",
)
@handle_errors
def eval_alignment(
    shared: Path, write_docs: bool, pairs_path: Path | None, corpora: tuple[str, ...]
) -> None:
    """Precision of same and contradiction pairs on BASIL stories, hand-judged; recall."""
    from parallax_dev.evaluation import alignment

    if write_docs and corpora and set(corpora) != set(alignment.CORPORA):
        raise click.UsageError(
            "--write-docs needs every corpus; drop --corpus to measure all of them"
        )

    def run() -> alignment.AlignmentScores:
        scores, pairs = alignment.evaluate(shared, corpora or alignment.CORPORA)
        if pairs_path is not None:
            pairs_path.write_text(json.dumps(pairs, ensure_ascii=False, indent=1), "utf-8")
        return scores

    report_evaluation(
        alignment.TITLE,
        run,
        lambda scores: alignment.format_markdown(scores, alignment.read_judgements()),
        write_docs,
    )


@evaluate.command("statements")
@shared_option("datasets/checkthat2024_task1_checkworthiness_en and the subjectivity set")
@click.option("--write-docs", is_flag=True, help="Write the scores into docs/evaluation.md.")
@handle_errors
def evaluate_statements(shared: Path, write_docs: bool) -> None:
    """Check-worthiness F1, subjectivity macro-F1 and call-to-action precision/recall."""
    from parallax_dev.evaluation import statements
    from parallax_dev.paths import docs_dir

    try:
        scores = statements.evaluate_heads(shared)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    section = statements.format_markdown(scores, statements.evaluate_calls_to_action())
    click.echo(section)
    if write_docs:
        err(f"updated {statements.write_docs(section, docs_dir())}")
