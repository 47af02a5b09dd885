"""Commands that read the store: search, show, compare, stories."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from parallax.cli.corpus import analyse_inputs
from parallax.cli.options import (
    FORMATS,
    build_settings,
    common_options,
    default_db_path,
    handle_errors,
    input_options,
)
from parallax.cli.output import err, render, report_run, write


@click.command()
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
    from parallax.usecases import browsing

    store = open_store(db or default_db_path())
    hits = browsing.search(store, query, limit)
    if fmt == "json":
        click.echo(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
    else:
        if not hits and not quiet:
            err(f"no matches for {query!r}")
        for hit in hits:
            where = f"{hit.article_id}" + (f"#{hit.sentence_id}" if hit.sentence_id else "")
            label = " · ".join(x for x in (hit.title, hit.outlet, hit.date) if x)
            click.echo(f"{where}  {label}\n    {hit.snippet}")
    store.close()


@click.command()
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
        click.echo(render(build_report([record]), "md"), nl=False)
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


@click.command()
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
    type=click.Choice([*FORMATS, "csv"]),
    default="html",
    show_default=True,
    help="html: the side-by-side page; md: the same as Markdown; json: the whole report; "
    "csv: the factual claims of all sources, most check-worthy first, with verdicts.",
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
    """Compare sources side by side: positions, agreements, contradictions, gaps, portrayal.

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
        store, result = analyse_inputs(paths, settings, quiet, "compare", True)
        records = current_records(store, result.article_ids)
        failures, exit_code = result.failures, result.exit_code
        report_run(result, quiet)
    report = comparison_report(
        store, records, story=story_id or "story-1", cluster=cluster, errors=failures
    )
    if fmt == "html":
        from parallax.report.compare_html import render_compare_html

        text = render_compare_html(report)
    elif fmt == "md":
        from parallax.report.compare_markdown import render_compare_markdown

        text = render_compare_markdown(report)
    elif fmt == "csv":
        from parallax.report.positions_view import checkworthy_csv

        text = checkworthy_csv(report)
    else:
        text = render(report, "json")
    write(text, output)
    if output is not None and not quiet:
        err(f"comparison written to {output}")
    store.close()
    sys.exit(exit_code)


@click.command()
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
            err("no stories stored yet; analyse articles first (`parallax analyze`, `run`)")
        for story in found:
            dates = " to ".join(
                dict.fromkeys(d for d in (story["first_date"], story["last_date"]) if d)
            )
            click.echo(
                f"{story['id']}  {story['size']} article(s)  {dates}  {story['label'] or ''}"
            )
    store.close()
