"""The options the commands share, turned into settings, and known errors into exit statuses.

Exit statuses: 0 when every input succeeded, 1 when some failed (the others are still
processed and stored) or Parallax reported an error, 2 for usage errors.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from parallax.errors import ConfigError, ParallaxError
from parallax.settings import (
    Settings,
    default_db_path,
    parse_field_map,
    parse_size,
    store_target,
)

if TYPE_CHECKING:
    from parallax.ingest.fetch import HttpFetcher

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("json", "md", "html")
"""The report formats of ``analyze`` and ``compare``."""

__all__ = [
    "FORMATS",
    "build_settings",
    "common_options",
    "default_db_path",
    "fetcher",
    "handle_errors",
    "input_options",
]


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


def fetcher(settings: Settings) -> HttpFetcher:
    """The HTTP fetcher URL inputs are read with, under the run's settings."""
    from parallax.ingest.fetch import HttpFetcher

    return HttpFetcher(settings)
