"""``parallax-dev bench``: speed and extraction benchmarks on the public data in ../shared."""

from __future__ import annotations

from pathlib import Path

import click

from parallax.cli.output import progress_bar
from parallax_dev.cli.options import counter, err, handle_errors, shared_option


@click.group()
def bench() -> None:
    """Benchmarks on the public datasets in ../shared."""


@bench.command("extract")
@shared_option("inputs/scrapinghub-aeb and inputs/naeb-newspaper4k")
@click.option("--limit", type=int, default=None, help="Score only the first N pages (quick look).")
@click.option(
    "--write-docs",
    is_flag=True,
    help="Write the results into docs/evaluation.md and docs/performance.md.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@handle_errors
def bench_extract(shared: Path, limit: int | None, write_docs: bool, quiet: bool) -> None:
    """Main-text F1 on AEB beside 16 published extractors; metadata accuracy on NAEB.

    Also times our HTML reader against plain trafilatura on the same pages in the same
    run and prints the throughput ratio.
    """
    from parallax_dev.bench import extraction, extraction_report
    from parallax_dev.paths import docs_dir

    try:
        with progress_bar(quiet, "AEB") as progress:
            aeb = extraction.run_aeb(shared, limit=limit, progress=counter(progress))
        with progress_bar(quiet, "NAEB") as progress:
            naeb = extraction.run_naeb(shared, limit=limit, progress=counter(progress))
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(extraction_report.format_markdown(aeb, naeb))
    if write_docs:
        for path in extraction_report.write_docs(aeb, naeb, docs_dir()):
            err(f"updated {path}")


@bench.command("stories")
@shared_option("inputs/basil-media-bias")
@click.option(
    "--scales",
    default="1,10,100",
    show_default=True,
    help="Comma-separated corpus sizes, as multiples of BASIL's 210 articles.",
)
@handle_errors
def bench_stories(shared: Path, scales: str) -> None:
    """Story clustering throughput and peak memory on BASIL repeated 10x and 100x.

    Each copy is shifted in time, re-identified, loses a story term and has its lead
    embedding jittered; lead embeddings of the originals are cached (clustering is timed).
    """
    from parallax_dev.bench import stories as story_bench

    try:
        records = story_bench.basil_records(shared)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    sizes = [int(x) for x in scales.split(",") if x.strip()]
    rows = story_bench.benchmark(records, story_bench.lead_vectors(records), sizes)
    click.echo(story_bench.format_benchmark(rows), nl=False)


@bench.command("pipeline")
@shared_option("inputs/basil-media-bias")
@click.option(
    "--repeat",
    type=int,
    default=1,
    show_default=True,
    help="Passes over the corpus (more passes, steadier figures).",
)
@handle_errors
def bench_pipeline(shared: Path, repeat: int) -> None:
    """Pipeline throughput in words per second as a ratio to spaCy alone (same run, same articles).

    Also times a whole run (read, detect duplicates, analyse, store in SQLite).
    """
    from parallax_dev.bench import pipeline_speed

    try:
        result = pipeline_speed.run(shared, repeat=repeat)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(pipeline_speed.format_markdown(result))


@bench.command("api")
@shared_option("inputs/basil-media-bias")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path(".cache/bench-api.db"),
    show_default=True,
    help="The benchmark's store (built once, reused by later runs).",
)
@click.option("--articles", default=1000, show_default=True, help="Articles in the store.")
@click.option("--clients", default=20, show_default=True, help="Concurrent clients.")
@click.option("--requests", default=2000, show_default=True, help="Requests in all.")
@handle_errors
def bench_api(shared: Path, db: Path, articles: int, clients: int, requests: int) -> None:
    """p50/p95/p99 latency of the article, search and comparison endpoints under load.

    Serves a store of at least --articles analysed articles with `parallax serve` in a
    subprocess and fires --requests requests from --clients concurrent clients; the health
    endpoint under the same load is the baseline.
    """
    from parallax_dev.bench import api_latency

    try:
        result = api_latency.run(
            shared,
            db=db,
            articles=articles,
            clients=clients,
            requests=requests,
            progress=err,
        )
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(api_latency.format_markdown(result))


@bench.command("scale")
@shared_option("inputs/basil-media-bias")
@click.option(
    "--part",
    type=click.Choice(["all", "ray", "memory", "postgres"]),
    default="all",
    show_default=True,
    help="Which benchmark to run.",
)
@click.option(
    "--articles",
    type=click.IntRange(min=10),
    default=210,
    show_default=True,
    help="Corpus size for the Ray benchmark (the memory one uses 60 and 600).",
)
@click.option(
    "--postgres-url",
    default=None,
    metavar="URL",
    help="Server for the write benchmark [default: start one with scripts/postgres.sh].",
)
@handle_errors
def bench_scale(shared: Path, part: str, articles: int, postgres_url: str | None) -> None:
    """Ray 2 workers against 1, peak memory against corpus size, PostgreSQL against SQLite.

    Prints the sections of docs/performance.md: Ray's speed-up with 2 workers over 1, the
    peak memory of a run on 10x the corpus against 1x, and write throughput of both stores.
    """
    from parallax_dev.bench import scale

    ray_runs = scale.bench_ray(shared, articles) if part in {"all", "ray"} else None
    memory = scale.bench_memory(shared) if part in {"all", "memory"} else None
    writes = None
    if part in {"all", "postgres"}:
        writes = scale.bench_postgres(shared, postgres_url or scale.start_postgres())
    click.echo(scale.format_markdown(memory, ray_runs, writes))
