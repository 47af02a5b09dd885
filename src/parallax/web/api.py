"""The REST API (JSON under ``/api``): a thin layer over the store and the library.

The OpenAPI schema is at ``/openapi.json`` and browsable at ``/docs``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, HTTPException, Query, Request, Response, UploadFile
from fastapi import Path as Path_
from pydantic import BaseModel, Field

from parallax import __version__, usecases
from parallax.errors import ConfigError
from parallax.record import ArticleRecord
from parallax.report.positions_view import checkworthy_csv
from parallax.usecases import browsing, knowledge
from parallax.web.context import ServerContext
from parallax.web.jobs import JOB_COMMAND, QueueFullError

router = APIRouter(prefix="/api")
_SAFE_NAME = re.compile(r"[^\w.-]+")


def _ctx(request: Request) -> ServerContext:
    context: ServerContext = request.app.state.context
    return context


class Page(BaseModel):
    """One page of results and how many there are in all."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class CheckRequest(BaseModel):
    """A claim to check against the reference knowledge."""

    text: str = Field(min_length=3, max_length=2000, description="The claim, in one sentence.")


class UrlsRequest(BaseModel):
    """Web pages or feeds to fetch, analyse and store."""

    urls: list[Annotated[str, Field(min_length=1, max_length=2000)]] = Field(
        min_length=1, max_length=50
    )


class JobAccepted(BaseModel):
    """An ingestion job was accepted; follow its progress at ``status_url``."""

    job: int
    status_url: str
    page_url: str


@router.get("/health", summary="Is the server up")
def health() -> dict[str, Any]:
    """The status and version; cheap, for load balancers and start-up checks."""
    return {"status": "ok", "version": __version__}


@router.get("/stats", summary="How big the store is")
def stats(request: Request) -> dict[str, Any]:
    """Row counts of the store's main tables."""
    return {"counts": _ctx(request).store().counts()}


@router.get("/articles", summary="List, search and filter articles", response_model=Page)
def list_articles(
    request: Request,
    q: Annotated[str | None, Query(max_length=500, description="Full-text search")] = None,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    language: Annotated[str | None, Query(max_length=20)] = None,
    format: Annotated[str | None, Query(max_length=20, description="txt, html, pdf...")] = None,
    genre: Annotated[str | None, Query(max_length=40, description="news_report, opinion...")] = (
        None
    ),
    date_from: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
    date_to: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page:
    """One page of article summaries, newest first (or best match first with ``q``)."""
    filters = browsing.ArticleFilter(q, outlet, language, format, genre, date_from, date_to)
    total, items = browsing.list_articles(_ctx(request).store(), filters, limit, offset)
    return Page(total=total, limit=limit, offset=offset, items=items)


@router.get("/facets", summary="The outlets, languages and formats in the store")
def facets(request: Request) -> dict[str, list[str]]:
    """Values for the corpus filters."""
    return _ctx(request).store().facets()


@router.get("/search", summary="Full-text search over articles and their sentences")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[dict[str, Any]]:
    """Matching articles and sentences, best first; matches are marked with [brackets]."""
    return [asdict(hit) for hit in browsing.search(_ctx(request).store(), q, limit)]


def _record(request: Request, article_id: str) -> ArticleRecord:
    record = usecases.article_view(_ctx(request).store(), article_id)
    if record is None:
        raise HTTPException(
            404,
            f"no stored article has the id {article_id!r} (or that prefix matches several); "
            "list articles at /api/articles",
        )
    return record


@router.get("/articles/{article_id}", summary="One article with its whole analysis")
def get_article(
    request: Request,
    article_id: Annotated[str, Path_(min_length=4, max_length=64)],
) -> dict[str, Any]:
    """The article record of the JSON report (schema 1), with the sources it was read from."""
    return dict(_record(request, article_id))


@router.get("/articles/{article_id}/claims", summary="An article's claims with verdicts")
def article_claims(
    request: Request, article_id: Annotated[str, Path_(min_length=4, max_length=64)]
) -> list[dict[str, Any]]:
    """Each claim with its verdict, evidence and explanation (empty until claims are found)."""
    return [dict(c) for c in _record(request, article_id).get("claims") or []]


@router.get("/articles/{article_id}/actors", summary="An article's actors and their portrayal")
def article_actors(
    request: Request, article_id: Annotated[str, Path_(min_length=4, max_length=64)]
) -> list[dict[str, Any]]:
    """Actors with role, sentiment and mentions."""
    return [dict(a) for a in _record(request, article_id).get("actors") or []]


@router.get("/articles/{article_id}/timeline", summary="The dated events an article cites")
def article_timeline(
    request: Request, article_id: Annotated[str, Path_(min_length=4, max_length=64)]
) -> dict[str, Any]:
    """The article's timeline entries and events."""
    record = _record(request, article_id)
    return {"timeline": record.get("timeline") or [], "events": record.get("events") or []}


@router.get("/compare", summary="Compare two to four articles side by side")
def compare(
    request: Request,
    ids: Annotated[list[str], Query(min_length=2, max_length=4)],
) -> dict[str, Any]:
    """The articles' records and their comparison.

    The comparison holds stories, claim alignments, coverage gaps, portrayal and the merged
    timeline.
    """
    records = _distinct(request, ids)
    comparison = _ctx(request).compare(records)
    return {"articles": records, "comparison": comparison}


def _distinct(request: Request, ids: list[str]) -> list[ArticleRecord]:
    records = [_record(request, i) for i in ids]
    if len({r["id"] for r in records}) != len(records):
        raise HTTPException(422, "the same article is named twice; pick different articles")
    return records


@router.get(
    "/compare/claims.csv",
    summary="The compared articles' factual claims, most check-worthy first, as CSV",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def compare_claims_csv(
    request: Request,
    ids: Annotated[list[str], Query(min_length=2, max_length=4)],
) -> Response:
    """The fact-checker's list for the comparison of ``ids``, as ``compare --format csv`` writes it.

    Columns: rank, story, source, outlet, title, sentence_id, claim, checkworthiness,
    verdict, evidence, reason.
    """
    records = _distinct(request, ids)
    report = _ctx(request).side_by_side(records)
    return Response(
        checkworthy_csv(report),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="claims-to-check.csv"'},
    )


@router.get("/stories", summary="The stored stories, largest first")
def stories(request: Request, limit: Annotated[int, Query(ge=1, le=200)] = 50) -> dict[str, Any]:
    """The stories every write path files articles under, as ``parallax stories`` lists them.

    Each story has its id, label, first and last date, size and its articles' ids; the
    articles' titles are in ``titles``.
    """
    return usecases.list_stories(_ctx(request).store(), limit).as_dict()


@router.get("/claims", summary="Claims across the corpus, with verdicts", response_model=Page)
def claims(
    request: Request,
    verdict: Literal["supported", "contradicted", "disputed", "not_enough_evidence"] | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page:
    """Every article's claims (latest analyses), optionally only one verdict."""
    total, items = browsing.corpus_claims(_ctx(request).store(), verdict, limit, offset)
    return Page(
        total=total,
        limit=limit,
        offset=offset,
        items=[{"article_id": a, **c} for a, c in items],
    )


@router.get("/actors", summary="Actors across the corpus")
def actors(request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[Any]:
    """Actors with the articles naming them, their roles and mean sentiment."""
    return browsing.actor_summary(_ctx(request).store())[:limit]


@router.get("/timeline", summary="Dated events across the corpus", response_model=Page)
def timeline(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page:
    """Timeline entries of every article's latest analysis."""
    total, items = browsing.corpus_timeline(_ctx(request).store(), limit, offset)
    return Page(
        total=total,
        limit=limit,
        offset=offset,
        items=[{"article_id": a, **t} for a, t in items],
    )


@router.get("/kb", summary="Look up an entity in the knowledge base")
def kb_lookup(
    name: Annotated[str, Query(min_length=1, max_length=200, description="A name or alias")],
) -> dict[str, Any]:
    """Entities with that name, alias, demonym or id, each with its sourced facts."""
    return {"query": name, "entities": knowledge.lookup(name)}


@router.post("/check", summary="Check one claim against the reference knowledge")
def check(body: CheckRequest) -> dict[str, Any]:
    """The claim's verdict with its evidence and explanation (as ``parallax check``)."""
    try:
        return dict(usecases.check_claim(body.text).record)
    except ConfigError as exc:
        raise HTTPException(422, str(exc)) from None


def _accepted(request: Request, store: Any, specs: list[str], described: dict[str, Any]) -> Any:
    try:
        job = _ctx(request).jobs.submit(store, specs, described)
    except QueueFullError as exc:
        raise HTTPException(429, str(exc)) from None
    return JobAccepted(job=job, status_url=f"/api/jobs/{job}", page_url=f"/ingest?job={job}")


@router.post(
    "/ingest/files",
    status_code=202,
    response_model=JobAccepted,
    summary="Upload files to analyse and store (a background job)",
    responses={413: {"description": "A file or the request is too large"}},
)
async def ingest_files(
    request: Request, files: Annotated[list[UploadFile], File(description="Article files")]
) -> Any:
    """Save the files and start a job that reads, analyses and stores them."""
    context = _ctx(request)
    limit = context.settings.max_upload_bytes
    folder = context.settings.upload_folder
    paths: list[str] = []
    names: list[str] = []
    for upload in files[:100]:
        data = await upload.read(limit + 1)
        name = _SAFE_NAME.sub("_", Path(upload.filename or "upload").name).strip("._")[:100]
        name = name or "upload"
        if len(data) > limit:
            raise HTTPException(
                413,
                f"{name} is larger than this server accepts for one file "
                f"({limit // 1024} KB); split it, or restart with a larger --max-upload-size",
            )
        digest = hashlib.sha256(data).hexdigest()[:16]
        target = folder / digest / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        paths.append(str(target))
        names.append(name)
    return _accepted(request, context.store(), paths, {"files": names})


@router.post(
    "/ingest/urls",
    status_code=202,
    response_model=JobAccepted,
    summary="Fetch web pages or feeds to analyse and store (a background job)",
)
def ingest_urls(request: Request, body: UrlsRequest) -> Any:
    """Start a job that fetches, reads, analyses and stores each URL."""
    bad = [u for u in body.urls if not re.match(r"^https?://\S+$", u.strip())]
    if bad:
        raise HTTPException(422, f"not an http(s) URL: {bad[0]!r}; give addresses like https://…")
    urls = [u.strip() for u in body.urls]
    return _accepted(request, _ctx(request).store(), urls, {"urls": urls})


def job_status(context: ServerContext, job_id: int) -> dict[str, Any] | None:
    """A job's state and progress as the store has it (so it survives a page reload)."""
    run = context.store().get_run(job_id)
    if run is None:
        return None
    summary = run["summary"]
    if run["finished_at"]:
        state = "failed" if summary.get("error") else "finished"
    elif context.jobs.is_active(job_id):
        state = summary.get("state") or "queued"
    else:
        state = "interrupted"
    return {**run, "state": state, "total": summary.get("total"), "done": summary.get("done")}


@router.get("/jobs", summary="Recent ingestion jobs")
def jobs(request: Request, limit: Annotated[int, Query(ge=1, le=100)] = 20) -> list[Any]:
    """The latest jobs, newest first, with their state."""
    context = _ctx(request)
    result = []
    for run in context.store().recent_runs(limit, JOB_COMMAND):
        status = job_status(context, run["id"])
        if status is not None:
            status.pop("items", None)
            result.append(status)
    return result


@router.get("/jobs/{job_id}", summary="An ingestion job's progress and outcome")
def job(request: Request, job_id: Annotated[int, Path_(ge=1, le=2**62)]) -> dict[str, Any]:
    """The job's state, counts and each input's outcome.

    States: queued, running, finished, failed, interrupted (the server stopped mid-job).
    """
    status = job_status(_ctx(request), job_id)
    if status is None:
        raise HTTPException(404, f"there is no job {job_id}; list jobs at /api/jobs")
    return status
