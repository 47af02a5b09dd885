"""Latency of the REST API under concurrent clients, against a store of analysed articles.

The store holds real analyses: the BASIL articles (``../shared/inputs/basil-media-bias``)
go through the whole run (read, analyse with the pipeline, store), and each analysed
article is then stored again as several dated copies (its text with a line added, its
analysis record and sentence and lead vectors carried over), which gives a corpus of the
requested size without analysing every copy. The server runs in a subprocess (``parallax
serve``, uvicorn), and asynchronous clients fire a fixed number of requests at the article,
search and comparison endpoints. Latencies are reported as percentiles, with the trivial
health endpoint measured under the same load as the baseline, so the ratio says what the
work itself costs.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from parallax.comparison.terms import lead
from parallax.comparison.vectors import text_digest
from parallax.model import Article
from parallax.settings import Settings
from parallax.store import AnyStore, open_store
from parallax_dev.bench.pipeline_speed import BASIL

SEARCH_WORDS = (
    "president", "congress", "immigration", "border", "tax", "election", "police", "court",
    "senate", "trump", "obama", "health care", "climate", "school", "war", "budget", "vote",
    "economy", "russia", "china",
)  # fmt: skip


@dataclass(frozen=True)
class Latencies:
    """Response times of one endpoint, in milliseconds."""

    name: str
    samples: list[float]
    errors: int

    def percentile(self, q: float) -> float:
        """The q-th percentile (0-100), nearest rank."""
        ordered = sorted(self.samples)
        if not ordered:
            return float("nan")
        rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
        return ordered[rank]


@dataclass(frozen=True)
class ApiBench:
    """Everything one benchmark run measured."""

    articles: int
    analysed_distinct: int
    clients: int
    results: list[Latencies]
    seconds: float
    alone: list[Latencies]
    """The same endpoints called one at a time by a single client: the service time."""

    @property
    def baseline(self) -> Latencies:
        """The health endpoint under the same load."""
        return next(r for r in self.results if r.name == "health (baseline)")


def _basil_path(shared: Path) -> Path:
    path = shared.joinpath(*BASIL)
    if not path.exists():
        raise FileNotFoundError(f"expected the BASIL corpus at {path}")
    return path


def build_store(
    db: Path,
    shared: Path,
    articles: int,
    progress: Callable[[str], None] = lambda message: None,
) -> tuple[int, int]:
    """Fill ``db`` with at least ``articles`` analysed articles; return (total, distinct).

    Reuses what the database already holds, so a second run starts at once.
    """
    from parallax.pipeline import load
    from parallax.runner import run

    store = open_store(db)
    try:
        distinct = _analysed(store)
        if distinct == 0:
            progress("analysing the BASIL articles (once; kept in the database)")
            settings = Settings(db_path=db)
            run(
                [_basil_path(shared)],
                store=store,
                settings=settings,
                pipeline=load(),
                command="bench-api",
            )
            distinct = _analysed(store)
        total = store.counts()["articles"]
        if total < articles:
            progress(f"storing dated copies up to {articles} articles")
            _add_copies(store, articles - total)
            total = store.counts()["articles"]
    finally:
        store.close()
    return total, distinct


def _analysed(store: AnyStore) -> int:
    row = store.db.execute(
        "SELECT count(DISTINCT x.article_id) FROM analyses x JOIN articles a ON a.id = "
        "x.article_id WHERE x.status='analysed' AND a.source NOT LIKE '%#copy-%'"
    ).fetchone()
    return int(row[0])


def _add_copies(store: AnyStore, needed: int) -> None:
    originals = [
        (str(row[0]), str(row[1]))
        for row in store.db.execute(
            "SELECT x.article_id, x.pipeline FROM analyses x JOIN articles a ON a.id = "
            "x.article_id WHERE x.status='analysed' AND a.source NOT LIKE '%#copy-%' "
            "ORDER BY x.rowid"
        )
    ]
    copy = 0
    while needed > 0:
        copy += 1
        for article_id, pipeline in originals:
            if needed <= 0:
                break
            article = store.get_article(article_id)
            record = store.get_analysis(article_id, pipeline)
            if article is None or record is None:
                continue
            dated = article.date + timedelta(days=7 * copy) if article.date else None
            variant: Article = replace(
                article,
                text=f"{article.text}\n\nRepublished, copy {copy}.",
                source=f"{article.source}#copy-{copy}",
                date=dated,
                raw=b"",
            )
            data = {
                **record,
                "id": variant.id,
                "text": variant.text,
                "source": variant.source,
                "date": dated.isoformat() if dated else None,
            }
            sentences = [(s["id"], s["text"], s["start"], s["end"]) for s in record["sentences"]]
            vectors = store.get_sentence_vectors(article_id, pipeline)
            lead_vector = _copy_lead_vector(store, article_id, pipeline, data)
            with store.transaction():
                if store.put_article(variant, None, []):
                    store.put_analysis(variant.id, pipeline, "analysed", None, data, sentences)
                    if len(vectors) == len(sentences):
                        rows = [np.frombuffer(vectors[i], "<f4") for i in range(len(sentences))]
                        store.put_sentence_vectors(variant.id, pipeline, np.vstack(rows))
                    if lead_vector is not None:
                        store.put_lead_vector(variant.id, pipeline, *lead_vector)
                    needed -= 1


def _copy_lead_vector(
    store: AnyStore, article_id: str, pipeline: str, copy: dict[str, Any]
) -> tuple[str, np.ndarray] | None:
    """The copy's lead vector, as the pipeline would have stored it for the copy.

    The copy's text only gains a line at its end, so its lead is usually the original's
    and the original's stored vector is carried over; a short article's lead changes, and
    that lead is encoded, as the embed step would have done.
    """
    stored = store.get_lead_vector(article_id, pipeline)
    if stored is None:
        return None
    text = lead(copy)
    digest = text_digest(text)
    if stored[0] == digest:
        return digest, np.frombuffer(stored[1], "<f4")
    from parallax.encoder import encode

    return digest, encode([text])[0]


def _start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-c",
        "from parallax.cli import main; main()",
        "serve",
        "--db",
        str(db),
        "--port",
        str(port),
        "--quiet",
    ]
    return subprocess.Popen(command, env=os.environ.copy(), stdout=subprocess.DEVNULL)


def _wait_until_up(base: str, server: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with status {server.returncode}")
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer on {base} within {timeout:.0f}s")


def _kinds(ids: list[str], rng: random.Random) -> dict[str, Callable[[], str]]:
    return {
        "health (baseline)": lambda: "/api/health",
        "article": lambda: f"/api/articles/{rng.choice(ids)}",
        "search": lambda: f"/api/articles?q={rng.choice(SEARCH_WORDS)}&limit=20",
        "search (sentences)": lambda: f"/api/search?q={rng.choice(SEARCH_WORDS)}&limit=20",
        "comparison": lambda: (
            "/api/compare?" + "&".join(f"ids={i}" for i in rng.sample(ids, rng.choice((2, 3, 4))))
        ),
    }


def _alone(base: str, ids: list[str], per_kind: int, seed: int) -> list[Latencies]:
    kinds = _kinds(ids, random.Random(seed + 1))
    results = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, path in kinds.items():
            samples: list[float] = []
            errors = 0
            for _ in range(per_kind):
                started = time.perf_counter()
                response = client.get(path())
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code == 200:
                    samples.append(elapsed)
                else:
                    errors += 1
            results.append(Latencies(name, samples, errors))
    return results


async def _load(
    base: str, ids: list[str], clients: int, requests: int, seed: int
) -> list[Latencies]:
    rng = random.Random(seed)
    kinds = _kinds(ids, rng)
    names = list(kinds)
    plan = [(names[i % len(names)], kinds[names[i % len(names)]]()) for i in range(requests)]
    rng.shuffle(plan)
    samples: dict[str, list[float]] = {name: [] for name in names}
    errors: dict[str, int] = dict.fromkeys(names, 0)
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for item in plan:
        queue.put_nowait(item)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        for name in names:  # warm-up, untimed
            await client.get(kinds[name]())

        async def worker() -> None:
            while not queue.empty():
                name, path = queue.get_nowait()
                started = time.perf_counter()
                try:
                    response = await client.get(path)
                    await response.aread()
                except httpx.TransportError:  # a dropped connection counts as an error
                    errors[name] += 1
                    continue
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code == 200:
                    samples[name].append(elapsed)
                else:
                    errors[name] += 1

        await asyncio.gather(*(worker() for _ in range(clients)))
    return [Latencies(name, samples[name], errors[name]) for name in names]


def run(
    shared: Path,
    *,
    db: Path | None = None,
    articles: int = 1000,
    clients: int = 20,
    requests: int = 2000,
    port: int = 0,
    seed: int = 7,
    progress: Callable[[str], None] = lambda message: None,
) -> ApiBench:
    """Build (or reuse) the store, serve it in a subprocess and measure the latencies."""
    from parallax.web.serving import free_port

    db = db or Path(tempfile.mkdtemp(prefix="parallax-bench-api-")) / "bench.db"
    total, distinct = build_store(db, shared, articles, progress)
    store = open_store(db)
    ids = [str(r[0]) for r in store.db.execute("SELECT id FROM articles ORDER BY rowid")]
    store.close()
    port = port or free_port()
    base = f"http://127.0.0.1:{port}"
    progress(f"serving {total} articles on {base}; {clients} clients, {requests} requests")
    server = _start_server(db, port)
    try:
        _wait_until_up(base, server)
        alone = _alone(base, ids, max(10, requests // 20), seed)
        started = time.perf_counter()
        results = asyncio.run(_load(base, ids, clients, requests, seed))
        seconds = time.perf_counter() - started
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    return ApiBench(total, distinct, clients, results, seconds, alone)


def format_markdown(bench: ApiBench) -> str:
    """The results as a Markdown table."""
    base = bench.baseline.percentile(95)
    lines = [
        f"{bench.articles} articles in the store ({bench.analysed_distinct} analysed by the "
        f"pipeline, the rest dated copies); {bench.clients} concurrent clients; "
        f"{sum(len(r.samples) for r in bench.results)} requests in {bench.seconds:.1f} s.",
        "",
        "| Endpoint | Requests | p50 ms | p95 ms | p99 ms | mean ms | p95 / baseline p95 |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for r in bench.results:
        mean = statistics.fmean(r.samples) if r.samples else float("nan")
        lines.append(
            f"| {r.name} | {len(r.samples)}{f' ({r.errors} errors)' if r.errors else ''} | "
            f"{r.percentile(50):.1f} | {r.percentile(95):.1f} | {r.percentile(99):.1f} | "
            f"{mean:.1f} | {r.percentile(95) / base:.2f} |"
        )
    lines += [
        "",
        "One client, one request at a time (the service time, without queueing):",
        "",
        "| Endpoint | Requests | min ms | p50 ms | p95 ms |",
        "|---|--:|--:|--:|--:|",
    ]
    for r in bench.alone:
        lines.append(
            f"| {r.name} | {len(r.samples)} | {min(r.samples, default=float('nan')):.1f} | "
            f"{r.percentile(50):.1f} | {r.percentile(95):.1f} |"
        )
    return "\n".join(lines) + "\n"


def summary(bench: ApiBench) -> dict[str, Any]:
    """The percentiles as a plain dictionary (for scripts)."""
    return {
        r.name: {"p50": r.percentile(50), "p95": r.percentile(95), "p99": r.percentile(99)}
        for r in bench.results
    }
