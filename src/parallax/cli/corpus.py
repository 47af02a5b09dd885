"""Commands that read inputs and store them: analyze, ingest, run, extract, demo, reanalyze."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from parallax.cli.options import (
    FORMATS,
    build_settings,
    common_options,
    default_db_path,
    fetcher,
    handle_errors,
    input_options,
)
from parallax.cli.output import counts_text, err, progress_bar, render, report_run, write
from parallax.settings import Settings

if TYPE_CHECKING:
    from parallax.record import ArticleFields
    from parallax.store import AnyStore
    from parallax.usecases import RunResult


def analyse_inputs(
    paths: tuple[str, ...], settings: Settings, quiet: bool, command: str, with_pipeline: bool
) -> tuple[AnyStore, RunResult]:
    """Ingest (and analyse, unless ``with_pipeline`` is False) the inputs, with a progress bar."""
    from parallax.components import load
    from parallax.store import open_store
    from parallax.usecases import ingest

    store = open_store(settings.db_path)
    pipeline = load() if with_pipeline else None
    fetch = fetcher(settings)
    with progress_bar(quiet, "Analysing" if with_pipeline else "Ingesting") as progress:
        result = ingest(
            paths,
            store=store,
            settings=settings,
            pipeline=pipeline,
            fetch=fetch,
            progress=progress,
            command=command,
        )
    fetch.close()
    return store, result


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="Report format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report here instead of standard output.",
)
@common_options
@input_options
@handle_errors
def analyze(
    paths: tuple[str, ...],
    fmt: str,
    output: Path | None,
    db: Path | str | None,
    quiet: bool,
    **options: Any,
) -> None:
    """Read, analyse, store and compare articles, and print the report.

    PATHS are files, directories (read recursively) and http(s) URLs. Every input is
    accounted for: stored, reported as unchanged or duplicate, skipped with a reason, or
    failed with a message on stderr and in the report's "errors" list. Exit status is 0
    when all inputs succeeded and 1 when some failed.
    """
    from parallax.usecases import run_report

    settings = build_settings(db, **options)
    store, result = analyse_inputs(paths, settings, quiet, "analyze", True)
    report = run_report(store, result)
    write(render(report, fmt), output)
    report_run(result, quiet)
    if output is not None and not quiet:
        err(f"report written to {output}")
    store.close()
    sys.exit(result.exit_code)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@common_options
@input_options
@handle_errors
def ingest(paths: tuple[str, ...], db: Path | str | None, quiet: bool, **options: Any) -> None:
    """Read articles into the store without analysing them.

    Useful to load a large corpus first and analyse it later. Duplicates, near-duplicates
    and failures are reported on stderr; exit status 1 when some inputs failed.
    """
    settings = build_settings(db, **options)
    store, result = analyse_inputs(paths, settings, quiet, "ingest", False)
    report_run(result, quiet)
    store.close()
    sys.exit(result.exit_code)


@click.command("run")
@click.argument("corpus", nargs=-1, required=True)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where the analysis runs: this process, or Ray workers.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Ray worker processes [default: one per CPU of the Ray cluster].",
)
@click.option(
    "--address",
    default=None,
    metavar="ADDRESS",
    help="An existing Ray cluster (e.g. ray://head:10001 or auto) [default: start a local one].",
)
@click.option("--ingest-only", is_flag=True, help="Store the articles without analysing them.")
@common_options
@input_options
@handle_errors
def run_command(
    corpus: tuple[str, ...],
    engine: str,
    workers: int | None,
    address: str | None,
    ingest_only: bool,
    db: Path | str | None,
    quiet: bool,
    **options: Any,
) -> None:
    """Analyse a whole corpus into the store, in bounded memory, locally or on Ray.

    CORPUS is any mix of directories, JSONL/CSV/JSON corpora, WARC archives, feeds, files
    and URLs. Unlike `analyze`, nothing is printed per article: results go to the store
    (query them with `search`, `show`, the web UI or the API) and a summary to stderr.
    Interrupted runs resume where they stopped; a rerun of a finished corpus does nothing.
    """
    from parallax.engines import run_corpus

    settings = build_settings(db, **options)
    with progress_bar(quiet, "Running") as progress:
        summary = run_corpus(
            corpus,
            settings=settings,
            engine=engine,
            workers=workers,
            address=address,
            components=() if ingest_only else None,
            fetch=fetcher(settings),
            progress=progress,
        )
    for source, reason in summary.failures:
        click.echo(f"error: {source}: {reason}", err=True)
    if summary.failure_count > len(summary.failures):
        err(f"... and {summary.failure_count - len(summary.failures)} more failures (see run log)")
    if not quiet:
        err(
            f"{counts_text(summary.counts)}; {summary.near_duplicates} near-duplicate(s) "
            f"(run {summary.run_id}, engine {summary.engine}, {summary.workers} worker(s))"
        )
    sys.exit(summary.exit_code)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "text"]),
    default="json",
    show_default=True,
    help="json: one document; jsonl: one article per line; text: plain text.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but results and errors.")
@input_options
@handle_errors
def extract(paths: tuple[str, ...], fmt: str, quiet: bool, **options: Any) -> None:
    """Print articles with metadata and full text; no analysis, nothing stored.

    For use in shell pipelines, like trafilatura's command line. Failures go to stderr
    (and into "errors" in JSON); exit status 1 when some inputs failed.
    """
    from parallax.ingest import read_inputs
    from parallax.model import Article, Failed
    from parallax.report.json_report import article_record

    settings = build_settings(None, **options)
    fetch = fetcher(settings)
    articles: list[ArticleFields] = []
    errors: list[dict[str, str]] = []
    for outcome in read_inputs(paths, settings, fetch):
        if isinstance(outcome, Article):
            record = article_record(outcome)
            if fmt == "jsonl":
                click.echo(json.dumps(record, ensure_ascii=False))
            elif fmt == "text":
                click.echo(f"{outcome.title or ''}\n\n{outcome.text}\n")
            else:
                articles.append(record)
        elif isinstance(outcome, Failed):
            errors.append({"source": outcome.source, "reason": outcome.reason})
            click.echo(f"error: {outcome.source}: {outcome.reason}", err=True)
        elif not quiet:
            err(f"skipped: {outcome.source}: {outcome.reason}")
    fetch.close()
    if fmt == "json":
        click.echo(
            json.dumps({"articles": articles, "errors": errors}, ensure_ascii=False, indent=2)
        )
    sys.exit(1 if errors else 0)


@click.command()
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("parallax-report"),
    show_default=True,
    help="Folder for the reports and the demo database.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only where the reports are.")
@handle_errors
def demo(out: Path, quiet: bool) -> None:
    """Analyse and compare the bundled sample articles; write the reports.

    compare.html (and compare.md) put the sources side by side: what they agree on, where
    they contradict each other, what each leaves out, portrayal, timeline and verdicts;
    report.html/json/md hold the per-article detail.
    """
    from parallax.report.compare_html import render_compare_html
    from parallax.report.compare_markdown import render_compare_markdown
    from parallax.usecases import run_report

    samples = resources.files("parallax") / "samples"
    with resources.as_file(samples) as folder:
        paths = tuple(
            str(p)
            for p in sorted(Path(folder).iterdir())
            if p.suffix in {".txt", ".html", ".md"} and p.name != "README.md"
        )
        settings = Settings(db_path=out / "parallax.db")
        store, result = analyse_inputs(paths, settings, quiet, "demo", True)
    report = run_report(store, result)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    comparison_pages = (
        ("compare.html", render_compare_html(report, detail_link="report.html")),
        ("compare.md", render_compare_markdown(report)),
    )
    for name, text in comparison_pages:
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    for fmt, name in (("html", "report.html"), ("json", "report.json"), ("md", "report.md")):
        (out / name).write_text(render(report, fmt), encoding="utf-8")
        written.append(out / name)
    store.close()
    report_run(result, quiet)
    click.echo("Reports written (start with compare.html, the sources side by side):")
    for path in written:
        click.echo(f"  {path.resolve()}")
    click.echo(f"Database: {(out / 'parallax.db').resolve()}")
    sys.exit(result.exit_code)


@click.command()
@common_options
@handle_errors
def reanalyze(db: Path | str | None, quiet: bool) -> None:
    """Recompute analyses of stored articles that the current pipeline has not analysed.

    Run it after upgrading Parallax or its models: articles and their raw inputs stay in
    the store, and only the analyses are recomputed.
    """
    from parallax.components import load
    from parallax.store import open_store
    from parallax.usecases import reanalyze as run_reanalyze

    store = open_store(db or default_db_path())
    pipeline = load()
    with progress_bar(quiet, "Re-analysing") as progress:
        count = run_reanalyze(store, pipeline, progress=progress)
    store.close()
    err(f"{count} article(s) analysed with pipeline {pipeline.version}", quiet)
