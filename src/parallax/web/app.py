"""The app factory: one FastAPI application per call, nothing created at import time."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from parallax import __version__
from parallax.ingest.fetch import Fetcher
from parallax.pipeline import Pipeline
from parallax.store import AnyStore, PostgresStore, SQLiteStore
from parallax.web import api, pages
from parallax.web.context import ServerContext
from parallax.web.security import SecurityMiddleware
from parallax.web.settings import ServerSettings

if TYPE_CHECKING:
    from parallax.comparison.alignment import Encoder


def plotly_script() -> Path | None:
    """Plotly's JavaScript as shipped inside the installed ``plotly`` package, if any."""
    try:
        folder = resources.files("plotly") / "package_data"
    except ModuleNotFoundError:
        return None
    path = Path(str(folder)) / "plotly.min.js"
    return path if path.is_file() else None


def create_app(
    settings: ServerSettings | AnyStore | None = None,
    *,
    pipeline: Pipeline | Callable[[], Pipeline] | None = None,
    fetcher: Callable[[], Fetcher] | None = None,
    encode: Encoder | None = None,
) -> FastAPI:
    """Build the web application: the REST API under ``/api`` and the pages over it.

    Args:
        settings: the server settings, or an open store (served with default settings), or
            None for the defaults (``$PARALLAX_DB`` or ``./parallax.db``).
        pipeline: the analysis pipeline ingestion jobs share, or a function that loads it
            (default: ``parallax.load()`` on the first job).
        fetcher: makes the fetcher URL jobs use (default: HTTP under the run settings).
        encode: the sentence encoder for what comparisons find no stored vectors for
            (default: the shared encoder); tests pass a counting one.
    """
    if isinstance(settings, SQLiteStore | PostgresStore):
        from parallax.settings import Settings

        target = settings.url if isinstance(settings, PostgresStore) else settings.path
        settings = ServerSettings(run=Settings(db_path=target))
    settings = settings or ServerSettings()
    context = ServerContext(settings, pipeline, fetcher, encode)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        context.close()

    app = FastAPI(
        title="Parallax",
        version=__version__,
        summary="See how different sources tell the same story.",
        description=(
            "Articles, their analyses (sentence types, actors, events, timeline, claims "
            "with verdicts, techniques, frames, genre), comparisons of two to four "
            "articles, the knowledge base, claim checking and ingestion jobs. Write "
            "endpoints need `Authorization: Bearer <token>` when the server has a token."
        ),
        lifespan=lifespan,
        # The interactive docs pages load third-party scripts and run inline code, which
        # the Content-Security-Policy forbids; the schema itself is at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.context = context
    app.state.templates = pages.templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    static = Path(str(resources.files("parallax.web") / "static"))
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly() -> Response:
        path = plotly_script()
        if path is None:
            return PlainTextResponse(
                "/* plotly is not installed: pip install plotly to see the charts */",
                media_type="text/javascript",
            )
        return FileResponse(
            path, media_type="text/javascript", headers={"cache-control": "max-age=86400"}
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)
        env = app.state.templates
        html = env.get_template("message.html.j2").render(
            title="Page not found" if exc.status_code == 404 else "Something went wrong",
            message=str(exc.detail),
            request_path=request.url.path,
        )
        return Response(html, exc.status_code, media_type="text/html")

    app.add_middleware(SecurityMiddleware, settings=settings)
    return app
