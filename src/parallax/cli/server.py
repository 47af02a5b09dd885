"""Commands about serving and the pipeline: serve, plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from parallax.cli.options import build_settings, common_options, handle_errors, input_options
from parallax.cli.output import err
from parallax.settings import parse_size


@click.command()
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
    err(f"Parallax at http://{host}:{port}/ (database {settings.run.db_path})", quiet)
    uvicorn.run(app, host=host, port=port, log_level="warning" if quiet else "info")


@click.command()
def plan() -> None:
    """Print the analysis pipeline: each component, what it requires and what it assigns."""
    from parallax.components import load

    pipeline = load()
    click.echo(pipeline.plan())
    click.echo(f"\npipeline version: {pipeline.version}")
