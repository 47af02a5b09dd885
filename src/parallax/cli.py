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
    from parallax.runner import run
    from parallax.store import open_store

    store = open_store(settings.db_path)
    pipeline = load() if with_pipeline else None
    fetch = _fetcher(settings)
    with progress_bar(quiet, "Analysing" if with_pipeline else "Ingesting") as progress:
        result = run(
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


def _build_report(store: Any, pipeline: Any, result: Any) -> dict[str, Any]:
    from parallax.comparison import compare
    from parallax.comparison.vectors import stored_encoder
    from parallax.report import build_report
    from parallax.runner import stored_records

    records = list(stored_records(store, result.article_ids, pipeline))
    _store_stories(store, records)
    comparison = compare(records, encode=stored_encoder(store, records))
    return build_report(
        records, comparison=comparison, errors=result.failures, summary=result.summary()
    )


def _store_stories(store: Any, records: list[dict[str, Any]]) -> None:
    """File the analysed records under stored stories (incremental; see comparison.persist)."""
    from parallax.comparison.persist import update_stories
    from parallax.store import SQLiteStore

    if isinstance(store, SQLiteStore):
        update_stories(store, records)


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
    store, pipeline, result = _analyze(paths, settings, quiet, "analyze", True)
    report = _build_report(store, pipeline, result)
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
    from parallax.model import Analysis
    from parallax.report import analysis_record, build_report
    from parallax.store import open_store

    store = open_store(db or default_db_path())
    article = store.get_article(article_id)
    if article is None:
        raise click.UsageError(
            f"no stored article has the id {article_id!r} (or the prefix matches several); "
            "find ids with `parallax search`"
        )
    record = store.latest_analysis(article.id) or analysis_record(
        Analysis(article=article, status="not_analysed", reason="ingested only")
    )
    record["sources"] = store.sources(article.id)
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
        store, pipeline, result = _analyze(paths, settings, quiet, "demo", True)
    report = _build_report(store, pipeline, result)
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
    from parallax.comparison import compare as compare_records
    from parallax.comparison import compare_story
    from parallax.comparison.vectors import stored_encoder
    from parallax.report import build_report
    from parallax.runner import stored_records

    if bool(paths) == bool(story_id):
        raise click.UsageError("give either FILES to compare or --story ID, not both or neither")
    settings = build_settings(db, **options)
    if story_id:
        from parallax.pipeline import load
        from parallax.store import open_store

        store = open_store(settings.db_path)
        ids = store.story_articles(story_id)
        if not ids:
            raise click.UsageError(
                f"no stored story has the id {story_id!r} in {settings.db_path}; "
                "list them with `parallax stories`"
            )
        records = [r for r in stored_records(store, ids, load()) if r.get("status") == "analysed"]
        failures: list[Any] = []
        exit_code = 0
    else:
        store, pipeline, result = _analyze(paths, settings, quiet, "compare", True)
        records = list(stored_records(store, result.article_ids, pipeline))
        _store_stories(store, records)
        failures, exit_code = result.failures, result.exit_code
        _report_run(result, quiet)
    analysed = [r for r in records if r.get("status") == "analysed"]
    encode = stored_encoder(store, analysed)
    comparison = (
        compare_records(analysed, encode=encode)
        if cluster
        else compare_story(story_id or "story-1", analysed, encode)
    )
    report = build_report(records, comparison=comparison, errors=failures)
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
    """List the stored stories (articles clustered by `analyze` and `compare`), largest first."""
    from parallax.store import open_store

    store = open_store(db or default_db_path())
    found = store.stories()[:limit]
    if fmt == "json":
        for story in found:
            story["articles"] = store.story_articles(story["id"])
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        if not found and not quiet:
            _err("no stories stored yet; run `parallax analyze` or `parallax compare` first")
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
    from parallax.runner import reanalyze as run_reanalyze
    from parallax.store import open_store

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
    from dataclasses import asdict

    record = asdict(entity)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in record.items()}


def _resolve_entity(kb: Any, ref: str) -> Any:
    entity = kb.get(ref) or next(iter(kb.lookup(ref)), None)
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
    from parallax.knowledge import default_knowledge

    kb = default_knowledge(kb_dir)
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
    from parallax.knowledge import alias_key, default_knowledge
    from parallax.knowledge.documents import existing_document_store

    kb = default_knowledge(kb_dir)
    key = alias_key(text)
    exact = [e for e in kb.lookup(text)]
    partial = [
        e
        for e in kb.entities.values()
        if e not in exact and any(key in alias_key(n) for n in e.names())
    ]
    entities = (exact + sorted(partial, key=lambda e: len(e.name)))[:limit]
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
    from parallax.knowledge import default_knowledge

    kb = default_knowledge(kb_dir)
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
    from parallax.knowledge import default_knowledge

    kb = default_knowledge(kb_dir)
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
    from parallax.knowledge import default_knowledge, user_kb_dir
    from parallax.knowledge.importers import import_file
    from parallax.knowledge.user import import_name, save_import

    directory = kb_dir or user_kb_dir()
    props = [p for p in properties.split(",") if p.strip()] if properties else None
    result = import_file(path, default_knowledge(directory), fmt, props)
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
    import tempfile
    from datetime import date

    from parallax.factcheck import Checker, open_knowledge

    if not claim.strip():
        raise ConfigError("the CLAIM is empty; give the sentence to check, in quotes")
    from parallax.report.markdown import render_check_markdown

    try:
        today = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise ConfigError(f"--date {as_of!r} is not a date; write it as YYYY-MM-DD") from None
    with tempfile.TemporaryDirectory() as scratch:
        store = None
        if not documents:
            from parallax.knowledge.user import user_kb_dir

            if (user_kb_dir() / "documents.db").exists():
                from parallax.knowledge.documents import default_document_store

                store = default_document_store()
        else:
            from parallax.knowledge.documents import DocumentStore, articles_from_paths

            articles, problems = articles_from_paths(list(documents))
            for problem in problems:
                _err(f"warning: reference document skipped: {problem}")
            store = DocumentStore(Path(scratch) / "documents.db")
            store.add_all(articles)
        checker = Checker(open_knowledge(list(kb_dirs)), today=today, documents=store)
        record = checker.check_text(claim).record()
        if store is not None:
            store.close()
    if fmt == "json":
        click.echo(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        click.echo(render_check_markdown(record), nl=False)
