"""What the ``parallax-dev`` commands share: options, error handling, progress, docs sections.

Defaults that name a place resolve to the source checkout (:mod:`parallax_dev.paths`), so no
command writes into the installed ``parallax`` package.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from parallax.errors import ConfigError, ParallaxError

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def err(message: str) -> None:
    """Print a note (a written file, a progress line) on stderr, apart from the results."""
    click.echo(message, err=True)


def handle_errors(func: F) -> F:
    """Turn Parallax's own errors into a clear message and the right exit status.

    A bad option value is a usage error (status 2); anything else Parallax raises on
    purpose, or a missing optional dependency, is printed as ``error: ...`` (status 1).
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            raise click.UsageError(str(exc)) from None
        except (ParallaxError, ImportError) as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def counter(progress: Callable[[str, str], None]) -> Callable[[int, int], None]:
    """Adapt a ``(done, total)`` callback to the progress bar's events."""

    def update(done: int, total: int) -> None:
        if done == 1:
            progress(f"total:{total}", "")
        progress("input", "")

    return update


def _checkout_default(find: Callable[[], Path]) -> Path:
    """A default found from the checkout; outside one, a usage error that says what to pass."""
    try:
        return find()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


def shared_option(holds: str) -> Callable[[F], F]:
    """The ``--shared`` option: the data folder, resolved to a path (never None)."""

    def resolve(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path:
        from parallax_dev.paths import default_shared_dir

        return value or _checkout_default(default_shared_dir)

    return click.option(
        "--shared",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        callback=resolve,
        help=f"The shared data folder holding {holds} [default: $PARALLAX_SHARED or "
        "../shared beside the source checkout].",
    )


def out_option(func: F) -> F:
    """The ``--out`` folder of the train commands, resolved to a path (never None)."""

    def resolve(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path:
        from parallax_dev.paths import default_models_dir

        return value or _checkout_default(default_models_dir)

    return click.option(
        "--out",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        callback=resolve,
        metavar="DIR",
        help="Folder for the weights [default: src/parallax/models of the source checkout, "
        "from where they are committed].",
    )(func)


def write_docs_option(func: F) -> F:
    """The ``--write-docs`` flag of the evaluations."""
    return click.option(
        "--write-docs", is_flag=True, help="Write the results into docs/evaluation.md."
    )(func)


def evaluation_page() -> Path:
    """The checkout's ``docs/evaluation.md``, where evaluations write their sections."""
    from parallax_dev.paths import docs_dir

    return docs_dir() / "evaluation.md"


def write_evaluation(title: str, text: str) -> Path:
    """Put ``## title`` and ``text`` into docs/evaluation.md, replacing an older copy."""
    from parallax_dev.docs_sections import write_section

    heading = f"## {title}"
    return write_section(evaluation_page(), heading, f"{heading}\n\n{text.strip()}\n")


def report_evaluation(
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
        err(f"updated {write_evaluation(title, text)}")
