"""The ``parallax`` command line: thin commands over the library.

Each command parses its options into :class:`~parallax.settings.Settings`, calls one
library function, and turns known errors into a message and an exit status: 0 when every
input succeeded, 1 when some failed (the others are still processed and stored), 2 for
usage errors.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import click

from parallax import __version__
from parallax.errors import ConfigError, ParallaxError
from parallax.settings import (
    Settings,
    default_db_path,
    parse_field_map,
    parse_size,
    store_target,
)

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
FORMATS = ("json", "md", "html")


def _err(message: str, quiet: bool = False) -> None:
    if not quiet:
        click.echo(message, err=True)


def common_options(func: F) -> F:
    """Options every command that touches the store or reads inputs shares."""
    func = click.option(
        "--db",
        type=str,
        default=None,
        callback=lambda _ctx, _param, value: None if value is None else store_target(value),
        metavar="FILE|URL",
        help="SQLite database file, or a postgresql:// URL "
        "[default: $PARALLAX_DB or ./parallax.db].",
    )(func)
    func = click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="Print only results and errors: no progress, no summary.",
    )(func)
    return func


def input_options(func: F) -> F:
    """Options for commands that read inputs."""
    options = [
        click.option(
            "--max-size",
            default="50MB",
            show_default=True,
            metavar="SIZE",
            help="Inputs (or archive records) larger than this fail instead of being read.",
        ),
        click.option(
            "--field",
            "fields",
            multiple=True,
            metavar="OURS=THEIRS",
            help="JSONL/CSV column for an article field, e.g. --field text=body "
            "--field date=published (repeatable).",
        ),
        click.option(
            "--allow-private-addresses",
            is_flag=True,
            help="Let URL inputs reach loopback and private networks.",
        ),
        click.option(
            "--fetch-timeout",
            default=20.0,
            show_default=True,
            type=float,
            metavar="SECONDS",
            help="Give up on a URL after this long.",
        ),
        click.option(
            "--follow-feed-links",
            is_flag=True,
            help="Fetch the linked page when a feed entry carries only a summary.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def build_settings(
    db: Path | str | None,
    max_size: str = "50MB",
    fields: tuple[str, ...] = (),
    allow_private_addresses: bool = False,
    fetch_timeout: float = 20.0,
    follow_feed_links: bool = False,
) -> Settings:
    """Turn command-line options into settings (raising ConfigError on bad values)."""
    return Settings(
        db_path=db or default_db_path(),
        max_input_bytes=parse_size(max_size),
        fetch_max_bytes=parse_size(max_size),
        field_map=parse_field_map(fields),
        allow_private_addresses=allow_private_addresses,
        fetch_timeout=fetch_timeout,
        follow_feed_links=follow_feed_links,
    )


def handle_errors(func: F) -> F:
    """Turn Parallax's own errors into a clear message and the right exit status."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            raise click.UsageError(str(exc)) from None
        except ParallaxError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except ImportError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@contextmanager
def progress_bar(quiet: bool, label: str) -> Iterator[Callable[[str, str], None]]:
    """A progress callback that draws a bar on stderr when it is a terminal."""
    if quiet or not sys.stderr.isatty():
        yield lambda event, source: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}"),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None, current="")

        def update(event: str, source: str) -> None:
            if event.startswith("total:"):
                bar.update(task, total=int(event.split(":", 1)[1]))
            elif event == "input":
                bar.update(task, advance=1, current=Path(source).name[-40:])

        yield update


def _fetcher(settings: Settings) -> Any:
    from parallax.ingest.fetch import HttpFetcher

    return HttpFetcher(settings)


def _report_run(result: Any, quiet: bool) -> None:
    """Print failures (always) and a one-line summary (unless quiet) on stderr."""
    for item in result.items:
        if item.status == "failed":
            click.echo(f"error: {item.source}: {item.reason}", err=True)
    summary = result.summary()
    if quiet:
        return
    for item in summary["not_analysed"]:
        _err(f"note: {item['source']}: {item['reason']}")
    for item in summary["duplicates"]:
        _err(f"note: {item['source']}: duplicate, {item['reason']}")
    for near in summary["near_duplicates"]:
        _err(
            f"note: {near['source']}: near-duplicate of {near['similar_source']} "
            f"(estimated similarity {near['similarity']:.2f})"
        )
    parts = [
        f"{summary[k]} {k}"
        for k in ("stored", "unchanged", "duplicate", "skipped", "failed")
        if summary[k]
    ]
    _err(
        f"{summary['articles']} article(s): "
        + (", ".join(parts) or "nothing to do")
        + f" (run {summary['run']})"
    )


def _render(report: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from parallax.report.markdown import render_markdown

        return render_markdown(report)
    from parallax.report.html import render_html

    return render_html(report)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="parallax")
def main() -> None:
    """Parallax: see how different sources tell the same story.

    Read news and opinion articles (text, Markdown, HTML, PDF, feeds, web archives,
    JSONL/CSV corpora, URLs), store them in an embedded database, analyse them, and
    report side by side what each source says.

    Start with `parallax demo`, or `parallax analyze FILES... --format html -o report.html`.
    """


def _analyze(
    paths: tuple[str, ...], settings: Settings, quiet: bool, command: str, with_pipeline: bool
) -> tuple[Any, Any, Any]:
    from parallax.pipeline import load
    from parallax.store import open_store
    from parallax.usecases import ingest

    store = open_store(settings.db_path)
    pipeline = load() if with_pipeline else None
    fetch = _fetcher(settings)
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
    return store, pipeline, result


@main.command()
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
    settings = build_settings(db, **options)
    from parallax.usecases import run_report

    store, _pipeline, result = _analyze(paths, settings, quiet, "analyze", True)
    report = run_report(store, result)
    _write(_render(report, fmt), output)
    _report_run(result, quiet)
    if output is not None and not quiet:
        _err(f"report written to {output}")
    store.close()
    sys.exit(result.exit_code)


@main.command()
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
    store, _pipeline, result = _analyze(paths, settings, quiet, "ingest", False)
    _report_run(result, quiet)
    store.close()
    sys.exit(result.exit_code)


@main.command("run")
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
            fetch=_fetcher(settings),
            progress=progress,
        )
    for source, reason in summary.failures:
        click.echo(f"error: {source}: {reason}", err=True)
    if summary.failure_count > len(summary.failures):
        _err(f"... and {summary.failure_count - len(summary.failures)} more failures (see run log)")
    if not quiet:
        counts = ", ".join(f"{n} {k}" for k, n in summary.counts.items() if n) or "nothing to do"
        _err(
            f"{counts}; {summary.near_duplicates} near-duplicate(s) "
            f"(run {summary.run_id}, engine {summary.engine}, {summary.workers} worker(s))"
        )
    sys.exit(summary.exit_code)


@main.command()
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
    fetch = _fetcher(settings)
    articles: list[dict[str, Any]] = []
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
            _err(f"skipped: {outcome.source}: {outcome.reason}")
    fetch.close()
    if fmt == "json":
        click.echo(
            json.dumps({"articles": articles, "errors": errors}, ensure_ascii=False, indent=2)
        )
    sys.exit(1 if errors else 0)


@main.command()
@click.argument("query")
@click.option("-n", "--limit", default=20, show_default=True, help="Most results of each kind.")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@common_options
@handle_errors
def search(query: str, limit: int, fmt: str, db: Path | str | None, quiet: bool) -> None:
    """Full-text search over stored articles (titles and text) and their sentences."""
    from dataclasses import asdict

    from parallax.store import open_store

    store = open_store(db or default_db_path())
    hits = store.search(query, limit)
    if fmt == "json":
        click.echo(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
    else:
        if not hits and not quiet:
            _err(f"no matches for {query!r}")
        for hit in hits:
            where = f"{hit.article_id}" + (f"#{hit.sentence_id}" if hit.sentence_id else "")
            label = " · ".join(x for x in (hit.title, hit.outlet, hit.date) if x)
            click.echo(f"{where}  {label}\n    {hit.snippet}")
    store.close()


@main.command()
@click.argument("article_id")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "md"]),
    default="text",
    show_default=True,
)
@common_options
@handle_errors
def show(article_id: str, fmt: str, db: Path | str | None, quiet: bool) -> None:
    """Show one stored article (by id or an unambiguous id prefix) and its analysis."""
    from parallax.report import build_report
    from parallax.store import open_store
    from parallax.usecases import article_view

    store = open_store(db or default_db_path())
    record = article_view(store, article_id)
    if record is None:
        raise click.UsageError(
            f"no stored article has the id {article_id!r} (or the prefix matches several); "
            "find ids with `parallax search`"
        )
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    elif fmt == "md":
        click.echo(_render(build_report([record]), "md"), nl=False)
    else:
        for key in ("id", "title", "outlet", "author", "date", "language", "format", "url"):
            if record.get(key):
                click.echo(f"{key:>9}: {record[key]}")
        click.echo(f"{'sources':>9}: {', '.join(record['sources'])}")
        click.echo(
            f"{'analysis':>9}: {record['status']}"
            + (f" ({record['reason']})" if record.get("reason") else "")
            + f", {len(record['sentences'])} sentences, {len(record['entities'])} entities"
        )
        click.echo("")
        click.echo(record["text"])
    store.close()


@main.command()
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
    samples = resources.files("parallax") / "samples"
    with resources.as_file(samples) as folder:
        paths = tuple(
            str(p)
            for p in sorted(Path(folder).iterdir())
            if p.suffix in {".txt", ".html", ".md"} and p.name != "README.md"
        )
        settings = Settings(db_path=out / "parallax.db")
        store, _pipeline, result = _analyze(paths, settings, quiet, "demo", True)
    from parallax.usecases import run_report

    report = run_report(store, result)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    from parallax.report.compare_html import render_compare_html
    from parallax.report.compare_markdown import render_compare_markdown

    comparison_pages = (
        ("compare.html", render_compare_html(report, detail_link="report.html")),
        ("compare.md", render_compare_markdown(report)),
    )
    for name, text in comparison_pages:
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    for fmt, name in (("html", "report.html"), ("json", "report.json"), ("md", "report.md")):
        (out / name).write_text(_render(report, fmt), encoding="utf-8")
        written.append(out / name)
    store.close()
    _report_run(result, quiet)
    click.echo("Reports written (start with compare.html, the sources side by side):")
    for path in written:
        click.echo(f"  {path.resolve()}")
    click.echo(f"Database: {(out / 'parallax.db').resolve()}")
    sys.exit(result.exit_code)


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--story", "story_id", default=None, help="Compare the stored articles of this story."
)
@click.option(
    "--cluster",
    is_flag=True,
    help="Split the FILES into stories first instead of comparing them as one story.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="html",
    show_default=True,
    help="html: the side-by-side page; md: the same as Markdown; json: the whole report.",
)
@click.option(
    "-o",
    "--out",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report here instead of standard output.",
)
@common_options
@input_options
@handle_errors
def compare(
    paths: tuple[str, ...],
    story_id: str | None,
    cluster: bool,
    fmt: str,
    output: Path | None,
    db: Path | None,
    quiet: bool,
    **options: Any,
) -> None:
    """Compare sources side by side: agreements, contradictions, gaps, portrayal, timeline.

    PATHS are analysed (and stored) like `parallax analyze`, then compared as one story
    (--cluster splits them into stories first). With --story ID, the stored articles of a
    story (ids from `parallax stories`) are compared instead.
    """
    from parallax.usecases import comparison_report, current_records, story_records

    if bool(paths) == bool(story_id):
        raise click.UsageError("give either FILES to compare or --story ID, not both or neither")
    settings = build_settings(db, **options)
    if story_id:
        from parallax.store import open_store

        store = open_store(settings.db_path)
        records = story_records(store, story_id)
        failures: list[Any] = []
        exit_code = 0
    else:
        store, _pipeline, result = _analyze(paths, settings, quiet, "compare", True)
        records = current_records(store, result.article_ids)
        failures, exit_code = result.failures, result.exit_code
        _report_run(result, quiet)
    report = comparison_report(
        store, records, story=story_id or "story-1", cluster=cluster, errors=failures
    )
    if fmt == "html":
        from parallax.report.compare_html import render_compare_html

        text = render_compare_html(report)
    elif fmt == "md":
        from parallax.report.compare_markdown import render_compare_markdown

        text = render_compare_markdown(report)
    else:
        text = _render(report, "json")
    _write(text, output)
    if output is not None and not quiet:
        _err(f"comparison written to {output}")
    store.close()
    sys.exit(exit_code)


@main.command()
@click.option("-n", "--limit", default=50, show_default=True, help="Most stories to list.")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@common_options
@handle_errors
def stories(limit: int, fmt: str, db: Path | None, quiet: bool) -> None:
    """List the stored stories (every analysed article is filed under one), largest first."""
    from parallax.store import open_store
    from parallax.usecases import list_stories

    store = open_store(db or default_db_path())
    found = list_stories(store, limit).stories
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        if not found and not quiet:
            _err("no stories stored yet; analyse articles first (`parallax analyze`, `run`)")
        for story in found:
            dates = " to ".join(
                dict.fromkeys(d for d in (story["first_date"], story["last_date"]) if d)
            )
            click.echo(
                f"{story['id']}  {story['size']} article(s)  {dates}  {story['label'] or ''}"
            )
    store.close()


@main.command()
@common_options
@handle_errors
def reanalyze(db: Path | str | None, quiet: bool) -> None:
    """Recompute analyses of stored articles that the current pipeline has not analysed.

    Run it after upgrading Parallax or its models: articles and their raw inputs stay in
    the store, and only the analyses are recomputed.
    """
    from parallax.pipeline import load
    from parallax.store import open_store
    from parallax.usecases import reanalyze as run_reanalyze

    store = open_store(db or default_db_path())
    pipeline = load()
    with progress_bar(quiet, "Re-analysing") as progress:
        count = run_reanalyze(store, pipeline, progress=progress)
    store.close()
    _err(f"{count} article(s) analysed with pipeline {pipeline.version}", quiet)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port.")
@click.option(
    "--token",
    envvar="PARALLAX_TOKEN",
    default=None,
    help="Bearer token that write endpoints (ingestion) require; needed whenever --host is "
    "not a loopback address [default: $PARALLAX_TOKEN].",
)
@click.option(
    "--max-request-size",
    default="25MB",
    show_default=True,
    metavar="SIZE",
    help="Largest request body accepted (413 above it).",
)
@click.option(
    "--max-upload-size",
    default="10MB",
    show_default=True,
    metavar="SIZE",
    help="Largest single uploaded file accepted (413 above it).",
)
@common_options
@input_options
@handle_errors
def serve(
    host: str,
    port: int,
    token: str | None,
    max_request_size: str,
    max_upload_size: str,
    db: Path | None,
    quiet: bool,
    **options: Any,
) -> None:
    """Serve the web UI and the REST API (OpenAPI schema at /openapi.json).

    Binds to 127.0.0.1 unless told otherwise; on any other address it refuses to start
    without --token, and ingestion then needs 'Authorization: Bearer TOKEN'.
    """
    from parallax.web import ServerSettings, create_app

    settings = ServerSettings(
        run=build_settings(db, **options),
        host=host,
        port=port,
        token=token or None,
        max_request_bytes=parse_size(max_request_size),
        max_upload_bytes=parse_size(max_upload_size),
    )
    import uvicorn

    app = create_app(settings)
    _err(f"Parallax at http://{host}:{port}/ (database {settings.run.db_path})", quiet)
    uvicorn.run(app, host=host, port=port, log_level="warning" if quiet else "info")


@main.command()
def plan() -> None:
    """Print the analysis pipeline: each component, what it requires and what it assigns."""
    from parallax.pipeline import load

    pipeline = load()
    click.echo(pipeline.plan())
    click.echo(f"\npipeline version: {pipeline.version}")


def shared_option(holds: str) -> Callable[[F], F]:
    """The ``--shared`` option of the benchmarks, resolved to a folder (never None)."""

    def resolve(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path:
        from parallax.bench.extraction import default_shared_dir

        return value or default_shared_dir()

    return click.option(
        "--shared",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        callback=resolve,
        help=f"The shared data folder holding {holds} [default: $PARALLAX_SHARED or "
        "../shared beside the source checkout].",
    )


@main.group()
def bench() -> None:
    """Benchmarks and evaluations on the public datasets in ../shared."""


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
    from parallax.bench import extraction

    try:
        with progress_bar(quiet, "AEB") as progress:
            aeb = extraction.run_aeb(shared, limit=limit, progress=_counter(progress))
        with progress_bar(quiet, "NAEB") as progress:
            naeb = extraction.run_naeb(shared, limit=limit, progress=_counter(progress))
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(extraction.format_markdown(aeb, naeb))
    if write_docs:
        for path in extraction.write_docs(aeb, naeb, Path("docs")):
            _err(f"updated {path}")


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
    from parallax.bench import stories as story_bench

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
    from parallax.bench import pipeline_speed

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
    from parallax.bench import api_latency

    try:
        result = api_latency.run(
            shared,
            db=db,
            articles=articles,
            clients=clients,
            requests=requests,
            progress=lambda message: _err(message),
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
    from parallax.bench import scale

    ray_runs = scale.bench_ray(shared, articles) if part in {"all", "ray"} else None
    memory = scale.bench_memory(shared) if part in {"all", "memory"} else None
    writes = None
    if part in {"all", "postgres"}:
        writes = scale.bench_postgres(shared, postgres_url or scale.start_postgres())
    click.echo(scale.format_markdown(memory, ray_runs, writes))


@main.group("train")
def train() -> None:
    """Regenerate the committed model weights from the public datasets in ../shared."""


@train.command("techniques")
@shared_option("datasets/semeval2021_task6_persuasion_memes_text")
@handle_errors
def train_techniques(shared: Path) -> None:
    """Fit the persuasion-techniques heads (SemEval-2021 task 6 train; thresholds on dev)."""
    from parallax.persuasion import training
    from parallax.persuasion.model import models_dir

    try:
        model, dev, test = training.train(shared)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    for path in model.save(models_dir()):
        _err(f"wrote {path}")
    click.echo(f"dev micro-F1 {dev.f1:.3f}; test micro-F1 {test.f1:.3f}")


@train.command("frames")
@shared_option("datasets/gvfc")
@handle_errors
def train_frames(shared: Path) -> None:
    """Fit the frame head on all GVFC framed headlines (its CV score: `parallax eval frames`)."""
    from parallax.framing.frames import fit_head, load_gvfc
    from parallax.persuasion.cache import cached_encode
    from parallax.persuasion.model import models_dir

    try:
        texts, labels = load_gvfc(shared)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    for path in fit_head(texts, cached_encode(texts), labels).save(models_dir()):
        _err(f"wrote {path}")


@main.group("eval")
def evaluate() -> None:
    """Score the analysis components on the public datasets in ../shared."""


def _write_evaluation(title: str, text: str) -> Path:
    """Put ``## title`` and ``text`` into docs/evaluation.md, replacing an older copy."""
    from parallax.docs_sections import write_section

    heading = f"## {title}"
    return write_section(Path("docs/evaluation.md"), heading, f"{heading}\n\n{text.strip()}\n")


def _report_evaluation(
    title: str, run: Callable[[], T], render: Callable[[T], str], write_docs: bool
) -> None:
    """Run an evaluation, print its Markdown and, if asked, put it into docs/evaluation.md.

    A missing dataset file becomes a usage error naming it.
    """
    try:
        result = run()
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    text = render(result)
    click.echo(text)
    if write_docs:
        _err(f"updated {_write_evaluation(title, text)}")


def write_docs_option(func: F) -> F:
    """The ``--write-docs`` flag of the evaluations."""
    return click.option(
        "--write-docs", is_flag=True, help="Write the results into docs/evaluation.md."
    )(func)


@evaluate.command("techniques")
@shared_option("datasets/semeval2021_task6_persuasion_memes_text")
@write_docs_option
@handle_errors
def eval_techniques(shared: Path, write_docs: bool) -> None:
    """Micro-F1 of the techniques model on SemEval-2021 task 6 subtask 1 (dev and test)."""
    from parallax.persuasion import training

    _report_evaluation(
        "Persuasion techniques (SemEval-2021 task 6)",
        lambda: training.run_evaluation(shared),
        lambda scores: training.format_markdown(*scores),
        write_docs,
    )


@evaluate.command("frames")
@shared_option("datasets/gvfc and datasets/narrative_frames_corpus")
@write_docs_option
@handle_errors
def eval_frames(shared: Path, write_docs: bool) -> None:
    """GVFC headline-frame accuracy (5-fold CV) and Narrative Frames per-frame F1."""
    from parallax.framing import evaluation

    _report_evaluation(
        "Frames (GVFC, Narrative Frames)",
        lambda: evaluation.run(shared),
        evaluation.format_markdown,
        write_docs,
    )


@evaluate.command("genre")
@shared_option("inputs/basil-media-bias and seeds")
@write_docs_option
@handle_errors
def eval_genre(shared: Path, write_docs: bool) -> None:
    """Genre on BASIL's news reports and the seed editorials."""
    from parallax.framing import evaluation

    _report_evaluation(
        "Genre (BASIL, seeds)",
        lambda: evaluation.run_genre(shared),
        evaluation.format_genre_markdown,
        write_docs,
    )


@evaluate.command("portrayal")
@shared_option("datasets/narrative_frames_corpus and inputs/basil-media-bias")
@click.option("--limit", type=int, default=None, help="Use only the first N articles of each.")
@write_docs_option
@handle_errors
def eval_portrayal(shared: Path, limit: int | None, write_docs: bool) -> None:
    """Actor roles on Narrative Frames (hero/villain/victim) and sentiment on BASIL."""
    from parallax.portrayal import evaluation

    _report_evaluation(
        "Actor portrayal (NFC, BASIL)",
        lambda: evaluation.run(shared, limit=limit),
        evaluation.format_markdown,
        write_docs,
    )


def _counter(progress: Callable[[str, str], None]) -> Callable[[int, int], None]:
    """Adapt a ``(done, total)`` callback to the progress bar's events."""

    def update(done: int, total: int) -> None:
        if done == 1:
            progress(f"total:{total}", "")
        progress("input", "")

    return update


@evaluate.command("stories")
@shared_option("inputs/basil-media-bias and inputs/ruwa-ukraine-war-headlines")
@handle_errors
def eval_stories(shared: Path) -> None:
    """Story clustering: adjusted Rand index on BASIL, and what it finds on RUWA.

    BASIL is scored on its tuning half, its held-out half and whole; RUWA's Ukraine-war
    headlines get story counts, sizes, purity against its event labels and examples.
    """
    from parallax.bench import stories as story_bench
    from parallax.comparison import DEFAULT_PARAMS

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

    from parallax.evaluation import tempeval

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
        _err(f"updated {tempeval.write_docs(results, Path('docs'))}")


def _meantime(shared: Path, limit: int | None, fmt: str, part: str) -> None:
    from parallax.evaluation import meantime

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


# --- Reference knowledge: parallax kb, train entailment, eval entailment --------------------


def _kb_dir_option(func: F) -> F:
    return click.option(
        "--kb-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="The user's knowledge base [default: $PARALLAX_KB or ~/.local/share/parallax/kb].",
    )(func)


def _fact_line(fact: Any, kb: Any) -> str:
    def name(entity_id: str | None) -> str:
        entity = kb.get(entity_id) if entity_id else None
        return f"{entity.name} [{entity_id}]" if entity else str(entity_id)

    span = ""
    if fact.start and fact.start == fact.end:
        span = f" (on {fact.start})"
    elif fact.start or fact.end:
        span = f" ({fact.start or '?'} - {fact.end or 'now'})"
    target = name(fact.object) if fact.object else fact.value
    note = f"; {fact.note}" if fact.note else ""
    return f"  {fact.property}: {target}{span}{note}\n    source: {fact.source}"


def _fact_record(fact: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return {k: v for k, v in asdict(fact).items() if v not in (None, "")}


def _entity_record(entity: Any) -> dict[str, Any]:
    from parallax.usecases.knowledge import entity_record

    return entity_record(entity)


def _resolve_entity(kb: Any, ref: str) -> Any:
    from parallax.usecases.knowledge import resolve_entity

    entity = resolve_entity(kb, ref)
    if entity is None:
        raise ConfigError(
            f"no entity {ref!r} in the knowledge base; try `parallax kb search {ref!r}`"
        )
    return entity


@main.group("kb")
def kb_group() -> None:
    """List, search, show and import reference knowledge; add trusted documents."""


@kb_group.command("list")
@click.option("--type", "kind", default=None, help="Only entities of this type (country, ...).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@_kb_dir_option
@handle_errors
def kb_list(kind: str | None, fmt: str, kb_dir: Path | None) -> None:
    """List the entities of the knowledge base (bundled and imported)."""
    from parallax.usecases import knowledge_base

    kb = knowledge_base(user_dir=kb_dir)
    entities = sorted(
        (e for e in kb.entities.values() if kind is None or e.type == kind), key=lambda e: e.id
    )
    if fmt == "json":
        click.echo(json.dumps([_entity_record(e) for e in entities], indent=2, ensure_ascii=False))
        return
    for entity in entities:
        click.echo(f"{entity.id}\t{entity.type}\t{entity.name}")


@kb_group.command("search")
@click.argument("text")
@click.option("-n", "--limit", default=10, show_default=True, help="Most results of each kind.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@_kb_dir_option
@handle_errors
def kb_search(text: str, limit: int, fmt: str, kb_dir: Path | None) -> None:
    """Find entities by name or alias, and sentences of the reference documents."""
    from parallax.knowledge.documents import existing_document_store
    from parallax.usecases import find_entities, knowledge_base

    entities = find_entities(knowledge_base(user_dir=kb_dir), text, limit)
    evidence = []
    store = existing_document_store(kb_dir)
    if store is not None:
        with store:
            evidence = [e.as_dict() for e in store.search(text, limit)]
    if fmt == "json":
        records = {"entities": [_entity_record(e) for e in entities], "documents": evidence}
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    for entity in entities:
        click.echo(f"{entity.id}\t{entity.type}\t{entity.name}\t{entity.description}")
    for item in evidence:
        click.echo(f"[document] {item['text']}\n    source: {item['source']}")
    if not entities and not evidence:
        click.echo(f"nothing found for {text!r}", err=True)


@kb_group.command("show")
@click.argument("entity")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@_kb_dir_option
@handle_errors
def kb_show(entity: str, fmt: str, kb_dir: Path | None) -> None:
    """Show one entity (by id or name) with its facts and their sources."""
    from parallax.usecases import knowledge_base

    kb = knowledge_base(user_dir=kb_dir)
    found = _resolve_entity(kb, entity)
    facts = kb.facts_about(subject=found.id)
    inverse = kb.facts_about(object=found.id)
    if fmt == "json":
        record = {
            "entity": _entity_record(found),
            "facts": [_fact_record(f) for f in facts],
            "facts_as_object": [_fact_record(f) for f in inverse],
        }
        click.echo(json.dumps(record, indent=2, ensure_ascii=False))
        return
    click.echo(f"{found.name} [{found.id}] ({found.type})")
    if found.description:
        click.echo(found.description)
    if found.aliases:
        click.echo(f"aliases: {', '.join(found.aliases)}")
    if found.demonyms:
        click.echo(f"demonyms: {', '.join(found.demonyms)}")
    if found.source:
        click.echo(f"source: {found.source}")
    if facts:
        click.echo("facts:")
        for fact in facts:
            click.echo(_fact_line(fact, kb))
    if inverse:
        click.echo("facts about others that name it:")
        for fact in inverse:
            subject = kb.get(fact.subject)
            line = _fact_line(fact, kb).replace(
                "  ", f"  {subject.name if subject else fact.subject} ", 1
            )
            click.echo(line)


@kb_group.command("facts")
@click.argument("subject")
@click.option("--property", "prop", default=None, help="Only this property (member_of, ...).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@_kb_dir_option
@handle_errors
def kb_facts(subject: str, prop: str | None, fmt: str, kb_dir: Path | None) -> None:
    """The facts about SUBJECT (an id or a name), optionally of one property."""
    from parallax.usecases import knowledge_base

    kb = knowledge_base(user_dir=kb_dir)
    found = _resolve_entity(kb, subject)
    facts = kb.facts_about(subject=found.id, property=prop)
    if fmt == "json":
        click.echo(json.dumps([_fact_record(f) for f in facts], indent=2, ensure_ascii=False))
        return
    click.echo(f"{found.name} [{found.id}]")
    for fact in facts:
        click.echo(_fact_line(fact, kb))
    if not facts:
        click.echo(f"no {prop or ''} facts about {found.id}".replace("  ", " "), err=True)


@kb_group.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "wikidata"]),
    default=None,
    help="The file's format [default: from the name and content].",
)
@click.option(
    "--properties",
    default=None,
    metavar="P463,P571,...",
    help="Wikidata only: the properties to keep [default: all we map].",
)
@click.option("--name", default=None, help="Name of the import [default: the file's name].")
@_kb_dir_option
@handle_errors
def kb_import(
    path: Path, fmt: str | None, properties: str | None, name: str | None, kb_dir: Path | None
) -> None:
    """Import entities and facts from a CSV, JSON or Wikidata dump file into your KB."""
    from parallax.knowledge import user_kb_dir
    from parallax.knowledge.importers import import_file
    from parallax.knowledge.user import import_name, save_import
    from parallax.usecases import knowledge_base

    directory = kb_dir or user_kb_dir()
    props = [p for p in properties.split(",") if p.strip()] if properties else None
    result = import_file(path, knowledge_base(user_dir=directory), fmt, props)
    for warning in result.warnings:
        _err(f"warning: {warning}")
    written = save_import(name or import_name(str(path)), result.entities, result.facts, directory)
    click.echo(result.summary())
    for file in written:
        click.echo(f"wrote {file}")
    if result.warnings and not (result.entities or result.facts):
        sys.exit(1)


@kb_group.command("add-document")
@click.argument("paths", nargs=-1, required=True)
@_kb_dir_option
@handle_errors
def kb_add_document(paths: tuple[str, ...], kb_dir: Path | None) -> None:
    """Add trusted reference documents (any format `analyze` reads) as evidence."""
    from parallax.knowledge.documents import articles_from_paths, default_document_store

    articles, problems = articles_from_paths(paths)
    for problem in problems:
        _err(f"error: {problem}")
    with default_document_store(kb_dir) as store:
        for article in articles:
            added = store.add(article)
            label = article.title or article.source
            click.echo(f"{label}: {added} sentences" if added else f"{label}: already present")
    if problems:
        sys.exit(1)


@kb_group.command("documents")
@_kb_dir_option
@handle_errors
def kb_documents(kb_dir: Path | None) -> None:
    """List the reference documents in your knowledge base."""
    from parallax.knowledge.documents import default_document_store

    with default_document_store(kb_dir) as store:
        for doc in store.documents():
            click.echo(
                f"{doc['id'][:12]}\t{doc['sentences']}\t{doc['title'] or ''}\t{doc['source']}"
            )


@train.command("entailment")
@shared_option("datasets/sick and datasets/climate_fever")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the weights [default: the packaged parallax/models/entailment.npz].",
)
@handle_errors
def train_entailment(shared: Path, out: Path | None) -> None:
    """Train the entailment step on SICK and Climate-FEVER (train splits; dev for tuning)."""
    from parallax.knowledge.entailment import MODEL_PATH
    from parallax.knowledge.entailment_training import train as train_model

    info = train_model(shared, out or MODEL_PATH, progress=lambda m: _err(m))
    click.echo(json.dumps(info, indent=2))


@evaluate.command("entailment")
@shared_option("datasets/sick and datasets/climate_fever")
@click.option(
    "--model",
    "model_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Weights to score [default: the packaged model].",
)
@click.option("--write-docs", is_flag=True, help="Write the scores into docs/evaluation.md.")
@handle_errors
def eval_entailment(shared: Path, model_path: Path | None, write_docs: bool) -> None:
    """SICK test accuracy and Climate-FEVER pair accuracy / macro-F1 of the entailment step."""
    from parallax.knowledge import entailment_training as training
    from parallax.knowledge.entailment import MODEL_PATH, EntailmentModel

    model = EntailmentModel.load(model_path or MODEL_PATH)
    scores = training.evaluate(shared, model)
    baseline = training.majority_baseline(shared)
    click.echo(json.dumps([s.as_dict() for s in scores], indent=2))
    if write_docs:
        path = training.write_evaluation(training.evaluation_section(scores, baseline, model.info))
        click.echo(f"wrote {path}")


# --- fact-checking: parallax check, parallax eval checking (helper "claims") -------------------


@main.command()
@click.argument("claim")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("json", "md")),
    default="md",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--kb",
    "kb_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="A knowledge directory (entities/*.jsonl, facts/*.jsonl) to use beside the bundled "
    "and user knowledge (repeatable).",
)
@click.option(
    "--documents",
    multiple=True,
    metavar="PATH",
    help="Trusted reference documents (files or folders) to search when the knowledge base "
    "has not enough evidence (repeatable).",
)
@click.option(
    "--date",
    "as_of",
    default=None,
    metavar="YYYY-MM-DD",
    help="Check present-tense claims as of this date [default: today].",
)
@handle_errors
def check(
    claim: str, fmt: str, kb_dirs: tuple[Path, ...], documents: tuple[str, ...], as_of: str | None
) -> None:
    """Check one CLAIM against reference knowledge: verdict, evidence and explanation.

    The verdict is supported, contradicted, disputed or not_enough_evidence; it never comes
    without the facts (with their sources) or document sentences it rests on.
    """
    from datetime import date

    from parallax.report.markdown import render_check_markdown
    from parallax.usecases import check_claim

    try:
        today = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise ConfigError(f"--date {as_of!r} is not a date; write it as YYYY-MM-DD") from None
    if not claim.strip():
        raise ConfigError("the CLAIM is empty; give the sentence to check, in quotes")
    checked = check_claim(claim, kb_dirs=kb_dirs, documents=documents, today=today)
    for warning in checked.warnings:
        _err(f"warning: {warning}")
    record = checked.record
    if fmt == "json":
        click.echo(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        click.echo(render_check_markdown(record), nl=False)


@evaluate.command("checking")
@click.option("--write-docs", is_flag=True, help="Write the scores into docs/evaluation.md.")
@click.option(
    "--table",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A claim table (category, expected, claim; tab-separated) [default: the packaged one].",
)
@handle_errors
def eval_checking(write_docs: bool, table: Path | None) -> None:
    """Verdict accuracy of `parallax check` on the project-written claim table."""
    from parallax.factcheck.evaluation import (
        evaluate as evaluate_checking,
    )
    from parallax.factcheck.evaluation import (
        evaluation_section,
        read_table,
        write_evaluation,
    )

    scores = evaluate_checking(rows=read_table(table))
    click.echo(json.dumps(scores.as_dict(), indent=2, ensure_ascii=False))
    if write_docs:
        click.echo(f"wrote {write_evaluation(evaluation_section(scores))}")


@train.command("statements")
@shared_option("datasets/checkthat2024_task1_checkworthiness_en and the subjectivity set")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the weights [default: src/parallax/models of this checkout].",
)
@handle_errors
def train_statements(shared: Path, out: Path | None) -> None:
    """Train the check-worthiness and subjectivity heads (deterministic; caches vectors).

    Sentence vectors are cached under .cache/statements, so a second run takes seconds.
    """
    from parallax.statements import training

    try:
        paths = training.train_all(shared, out)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    for path in paths:
        click.echo(f"wrote {path}")


@evaluate.command("statements")
@shared_option("datasets/checkthat2024_task1_checkworthiness_en and the subjectivity set")
@click.option("--write-docs", is_flag=True, help="Write the scores into docs/evaluation.md.")
@handle_errors
def evaluate_statements(shared: Path, write_docs: bool) -> None:
    """Check-worthiness F1, subjectivity macro-F1 and call-to-action precision/recall."""
    from parallax.statements import evaluation

    try:
        scores = evaluation.evaluate_heads(shared)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    section = evaluation.format_markdown(scores, evaluation.evaluate_calls_to_action())
    click.echo(section)
    if write_docs:
        _err(f"updated {evaluation.write_docs(section, Path('docs'))}")
