"""What the commands print: reports in a format, run summaries and progress on stderr.

Only the CLI talks to the terminal; the library returns values and logs.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from parallax.record import Report
    from parallax.usecases import RunResult


def err(message: str, quiet: bool = False) -> None:
    """Print a message on stderr (unless ``quiet``)."""
    if not quiet:
        click.echo(message, err=True)


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


def counts_text(counts: Mapping[str, int]) -> str:
    """``"3 stored, 1 failed"``: the non-zero counts by status, or ``"nothing to do"``."""
    from parallax.usecases.storing import STATUSES

    parts = [f"{counts[k]} {k}" for k in STATUSES if counts.get(k)]
    return ", ".join(parts) or "nothing to do"


def report_run(result: RunResult, quiet: bool) -> None:
    """Print failures (always), notes and a one-line summary (unless quiet) on stderr."""
    for item in result.items:
        if item.status == "failed":
            click.echo(f"error: {item.source}: {item.reason}", err=True)
    if quiet:
        return
    summary = result.summary()
    for missing in summary["not_analysed"]:
        err(f"note: {missing['source']}: {missing['reason']}")
    for duplicate in summary["duplicates"]:
        err(f"note: {duplicate['source']}: duplicate, {duplicate['reason']}")
    for near in summary["near_duplicates"]:
        err(
            f"note: {near['source']}: near-duplicate of {near['similar_source']} "
            f"(estimated similarity {near['similarity']:.2f})"
        )
    counts = result.counts()
    err(f"{summary['articles']} article(s): {counts_text(counts)} (run {summary['run']})")


def render(report: Report, fmt: str) -> str:
    """The report as JSON, Markdown or HTML."""
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from parallax.report.markdown import render_markdown

        return render_markdown(report)
    from parallax.report.html import render_html

    return render_html(report)


def write(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output``, or to standard output when it is None."""
    if output is None:
        click.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
