"""The web UI's pages: server-rendered HTML over the same functions as the REST API.

Every value from an article goes through Jinja's autoescaping; the pages' scripts are
static files (no inline code), which read JSON from the API and write it with
``textContent``. Each page links its JSON twin.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from parallax import usecases
from parallax.record import ArticleRecord
from parallax.report.compare_view import VERDICT_WORDS, story_views
from parallax.report.reasons import (
    alignment_line,
    is_routine_title,
    routine_titles_line,
    verdict_line,
)
from parallax.usecases import browsing, knowledge
from parallax.web import corpus, highlight
from parallax.web.api import job_status
from parallax.web.context import ServerContext
from parallax.web.jobs import JOB_COMMAND

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25


def templates() -> Environment:
    """The page templates, with autoescaping on for every template."""
    folder = resources.files("parallax.web") / "templates"
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["label"] = highlight.label
    env.filters["verdict_line"] = verdict_line
    env.filters["alignment_line"] = alignment_line
    env.filters["routine_titles_line"] = routine_titles_line
    env.tests["routine_title"] = is_routine_title
    return env


def _render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    context: ServerContext = request.app.state.context
    env: Environment = request.app.state.templates
    html = env.get_template(template).render(
        request_path=request.url.path, token_required=bool(context.settings.token), **values
    )
    return HTMLResponse(html, status_code=status)


def _ctx(request: Request) -> ServerContext:
    context: ServerContext = request.app.state.context
    return context


@router.get("/", response_class=HTMLResponse)
def corpus_page(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    language: Annotated[str | None, Query(max_length=20)] = None,
    format: Annotated[str | None, Query(max_length=20)] = None,
    genre: Annotated[str | None, Query(max_length=40)] = None,
    date_from: Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")] = None,
    date_to: Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """The corpus: search, filters, and a list of articles to open or compare."""
    store = _ctx(request).store()
    filters = {
        "q": q or None,
        "outlet": outlet or None,
        "language": language or None,
        "fmt": format or None,
        "genre": genre or None,
        "date_from": date_from or None,
        "date_to": date_to or None,
    }
    total, items = browsing.list_articles(
        store,
        browsing.ArticleFilter(
            query=filters["q"],
            outlet=filters["outlet"],
            language=filters["language"],
            fmt=filters["fmt"],
            genre=filters["genre"],
            date_from=filters["date_from"],
            date_to=filters["date_to"],
        ),
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    query = {k if k != "fmt" else "format": v for k, v in filters.items() if v}
    return _render(
        request,
        "corpus.html.j2",
        title="Articles",
        items=items,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        filters=query,
        facets=store.facets(),
        genres=("news_report", "opinion", "satire"),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    """One article: highlighted text, claims, actors, timeline."""
    record = usecases.article_view(_ctx(request).store(), article_id)
    if record is None:
        return _render(
            request,
            "message.html.j2",
            status=404,
            title="Article not found",
            message=f"No stored article has the id {article_id!r}.",
        )
    actors = highlight.actor_list(record)
    return _render(
        request,
        "article.html.j2",
        title=record.get("title") or "Untitled article",
        a=record,
        paragraphs=highlight.segments(record),
        actors=actors,
        actors_are_entities=not record.get("actors"),
        techniques=highlight.technique_names(record),
        types=[t for t in corpus.SENTENCE_TYPES if _has_type(record, t)],
        colours=highlight.ACTOR_COLOURS,
    )


def _has_type(record: ArticleRecord, kind: str) -> bool:
    return any(s.get("type") == kind for s in record.get("sentences") or [])


@router.get("/compare", response_class=HTMLResponse)
def compare_page(
    request: Request, ids: Annotated[list[str] | None, Query(max_length=8)] = None
) -> HTMLResponse:
    """Two to four articles side by side, with their comparison."""
    chosen = list(dict.fromkeys(ids or []))
    if not 2 <= len(chosen) <= 4:
        return _render(
            request,
            "message.html.j2",
            status=400,
            title="Choose two to four articles",
            message="Tick two to four articles in the list of articles, then press Compare.",
        )
    store = _ctx(request).store()
    records = [usecases.article_view(store, i) for i in chosen]
    if any(r is None for r in records):
        return _render(
            request,
            "message.html.j2",
            status=404,
            title="Article not found",
            message="One of the articles to compare is not in the store.",
        )
    found = [r for r in records if r is not None]
    comparison = _ctx(request).compare(found)
    names = {r["id"]: r.get("outlet") or r.get("title") or r["id"][:8] for r in found}
    colours = highlight.palette(found)
    types = [t for t in corpus.SENTENCE_TYPES if any(_has_type(r, t) for r in found)]
    # The positions and the claims to check put every chosen article side by side, as
    # `parallax compare FILES` does, even when story clustering files them apart.
    views = story_views(_ctx(request).side_by_side(found))
    return _render(
        request,
        "compare.html.j2",
        title="Side by side",
        records=found,
        comparison=comparison,
        views=views,
        verdict_words=VERDICT_WORDS,
        names=names,
        paragraphs={r["id"]: highlight.segments(r, colours) for r in found},
        types=types,
        ids=[r["id"] for r in found],
    )


@router.get("/claims", response_class=HTMLResponse)
def claims_page(
    request: Request,
    verdict: Annotated[str | None, Query(max_length=40)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    """Claims across the corpus with their verdicts and evidence."""
    chosen = verdict if verdict in browsing.VERDICTS else None
    store = _ctx(request).store()
    total, items = browsing.corpus_claims(store, chosen, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    titles = {}
    for article_id, _claim in items:
        if article_id not in titles:
            article = store.get_article(article_id)
            titles[article_id] = (article.title or article_id[:8]) if article else article_id
    return _render(
        request,
        "claims.html.j2",
        title="Claims",
        items=items,
        titles=titles,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        verdict=chosen,
        verdicts=browsing.VERDICTS,
    )


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(
    request: Request, job: Annotated[int | None, Query(ge=1, le=2**62)] = None
) -> HTMLResponse:
    """Upload files or submit URLs, and follow the jobs' progress."""
    context = _ctx(request)
    current = job_status(context, job) if job else None
    recent = [
        status
        for run in context.store().recent_runs(10, JOB_COMMAND)
        if (status := job_status(context, run["id"])) is not None
    ]
    return _render(
        request,
        "ingest.html.j2",
        title="Add articles",
        job=current,
        recent=recent,
        max_upload_kb=context.settings.max_upload_bytes // 1024,
    )


@router.get("/check", response_class=HTMLResponse)
def check_page(request: Request) -> HTMLResponse:
    """Check a claim against the reference knowledge; look up an entity."""
    return _render(request, "check.html.j2", title="Check a claim")


@router.get("/kb", response_class=HTMLResponse)
def kb_page(
    request: Request, name: Annotated[str | None, Query(max_length=200)] = None
) -> HTMLResponse:
    """What the knowledge base knows about a name."""
    entities = knowledge.lookup(name) if name and name.strip() else []
    return _render(request, "kb.html.j2", title="Knowledge base", name=name, entities=entities)
