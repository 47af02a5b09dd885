"""Scale benchmarks: Ray workers, peak memory against corpus size, PostgreSQL writes.

Three comparisons: Ray with 2 workers against 1, peak memory on 10x the corpus against 1x,
and PostgreSQL against SQLite write throughput.

Every figure is a ratio between two runs made by the same command on the same machine, so
it carries over between machines better than seconds. The corpus is BASIL
(``../shared/inputs/basil-media-bias``), repeated with a marker sentence per copy so every
copy is a distinct article that the pipeline really analyses.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parallax.model import Article
from parallax_dev.bench.pipeline_speed import load_corpus
from parallax_dev.paths import repo_root

COMMAND = "parallax-dev bench scale"


def write_corpus(shared: Path, articles: int, path: Path) -> int:
    """Write ``articles`` BASIL articles (repeated with variations) as JSONL; return words."""
    base = load_corpus(shared)
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for i in range(articles):
            source = base[i % len(base)]
            copy = i // len(base)
            text = source.text if copy == 0 else f"Edition {copy} of this report.\n\n{source.text}"
            words += len(text.split())
            record = {
                "id": f"{i}",
                "title": source.title,
                "text": text,
                "outlet": source.outlet,
                "date": source.date.isoformat() if source.date else None,
            }
            handle.write(json.dumps(record) + "\n")
    return words


# -- peak memory -------------------------------------------------------------------------


@dataclass(frozen=True)
class MemoryRun:
    """Peak resident memory of one `parallax run` over a corpus."""

    articles: int
    words: int
    peak_mb: float
    seconds: float


def peak_memory(corpus: Path, db: Path, articles: int, words: int) -> MemoryRun:
    """Run `parallax run` on ``corpus`` in a child process and read its peak RSS."""
    parallax = Path(sys.executable).parent / "parallax"
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "code = subprocess.run(sys.argv[1:]).returncode; "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
        "time.perf_counter() - t, code)"
    )
    command = [str(parallax), "run", "--quiet", "--db", str(db), str(corpus)]
    done = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True
    )
    kib, seconds, code = done.stdout.split()
    if code not in {"0", "1"}:
        raise RuntimeError(f"parallax run failed on {corpus}: {done.stderr[-2000:]}")
    return MemoryRun(articles, words, int(kib) / 1024, float(seconds))


def bench_memory(shared: Path, base: int = 60, factor: int = 10) -> tuple[MemoryRun, MemoryRun]:
    """Peak memory of a corpus run on ``base`` articles and on ``factor`` times as many."""
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as folder:
        runs = []
        for size in (base, base * factor):
            corpus = Path(folder) / f"corpus-{size}.jsonl"
            words = write_corpus(shared, size, corpus)
            runs.append(peak_memory(corpus, Path(folder) / f"run-{size}.db", size, words))
    return runs[0], runs[1]


# -- Ray ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RayRun:
    """One Ray run: workers, total and steady-state (after model loading) seconds."""

    workers: int
    articles: int
    words: int
    seconds: float
    startup_seconds: float

    @property
    def working_seconds(self) -> float:
        """Time after every worker had loaded its models."""
        return self.seconds - self.startup_seconds

    @property
    def words_per_second(self) -> float:
        """Steady-state throughput."""
        return self.words / self.working_seconds if self.working_seconds else 0.0


def bench_ray(shared: Path, articles: int = 210) -> tuple[RayRun, RayRun]:
    """The same corpus on one Ray worker, then on two, into fresh SQLite files."""
    import ray

    from parallax.engines import run_corpus
    from parallax.engines.run import _start_ray
    from parallax.settings import Settings

    runs = []
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        words = write_corpus(shared, articles, corpus)
        _start_ray(ray, None, 2)
        try:
            for workers in (1, 2):
                settings = Settings(db_path=Path(folder) / f"ray-{workers}.db")
                summary = run_corpus([corpus], settings=settings, engine="ray", workers=workers)
                runs.append(
                    RayRun(workers, articles, words, summary.seconds, summary.startup_seconds)
                )
        finally:
            ray.shutdown()
    return runs[0], runs[1]


# -- PostgreSQL against SQLite -------------------------------------------------------------


@dataclass(frozen=True)
class WriteRun:
    """Articles with their analyses written per second into one backend."""

    backend: str
    articles: int
    seconds: float

    @property
    def per_second(self) -> float:
        """Articles (with analysis and sentences) stored per second."""
        return self.articles / self.seconds if self.seconds else 0.0


def _records(shared: Path, count: int) -> list[tuple[Article, dict[str, Any], list[Any]]]:
    """Real analyses of a few BASIL articles, re-used with varied texts for the writes."""
    import parallax
    from parallax.report.json_report import analysis_record

    pipeline = parallax.load()
    analyses = list(pipeline.pipe(load_corpus(shared)[:10]))
    records = []
    for i in range(count):
        analysis = analyses[i % len(analyses)]
        article = Article(
            text=f"Copy {i}. {analysis.article.text}",
            source=f"bench/{i}.txt",
            title=analysis.article.title,
            language="en",
            format="text",
        )
        data = {**analysis_record(analysis), "id": article.id}
        sentences = [(s.id, s.text, s.start, s.end) for s in analysis.sentences]
        records.append((article, data, sentences))
    return records


def write_throughput(target: Path | str, records: list[Any], backend: str) -> WriteRun:
    """Store every record as the runner does: article and analysis in one transaction."""
    from parallax.store import open_store

    store = open_store(target)
    try:
        began = time.perf_counter()
        for article, data, sentences in records:
            with store.transaction():
                store.put_article(article, None, [])
                store.put_analysis(article.id, "bench", "analysed", None, data, sentences)
        seconds = time.perf_counter() - began
    finally:
        store.close()
    return WriteRun(backend, len(records), seconds)


def bench_postgres(shared: Path, postgres_url: str, count: int = 1000) -> tuple[WriteRun, WriteRun]:
    """SQLite and PostgreSQL write throughput on the same records."""
    records = _records(shared, count)
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as folder:
        lite = write_throughput(Path(folder) / "w.db", records, "SQLite (WAL, one file)")
    post = write_throughput(postgres_url, records, "PostgreSQL 15 (local server)")
    return lite, post


def start_postgres() -> str:
    """Start the project's throwaway PostgreSQL server (scripts/postgres.sh) for a benchmark."""
    script = repo_root() / "scripts" / "postgres.sh"
    folder = repo_root() / ".cache" / "postgres-bench"
    done = subprocess.run(
        [str(script), "start", str(folder), "54331"], capture_output=True, text=True, check=True
    )
    url = done.stdout.strip().splitlines()[-1]
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS parallax_bench WITH (FORCE)")
        admin.execute("CREATE DATABASE parallax_bench")
    return url.rsplit("/", 1)[0] + "/parallax_bench"


def format_markdown(
    memory: tuple[MemoryRun, MemoryRun] | None,
    ray_runs: tuple[RayRun, RayRun] | None,
    writes: tuple[WriteRun, WriteRun] | None,
) -> str:
    """The results as the Markdown sections of docs/performance.md."""
    parts = []
    if ray_runs:
        one, two = ray_runs
        speedup = two.words_per_second / one.words_per_second
        total = one.seconds / two.seconds
        parts.append(
            f"### Ray: 2 workers against 1\n\n"
            f"`{COMMAND} --part ray` analyses {one.articles} BASIL articles ({one.words:,} "
            "words) with `parallax run --engine ray` into a new SQLite file, first on one "
            "worker, then on two, in one local Ray runtime.\n\n"
            "| Workers | Words/s after model loading | Model loading (s) | Whole run (s) |\n"
            "|--:|--:|--:|--:|\n"
            f"| 1 | {one.words_per_second:,.0f} | {one.startup_seconds:.1f} | {one.seconds:.1f} |\n"
            f"| 2 | {two.words_per_second:,.0f} | {two.startup_seconds:.1f} | {two.seconds:.1f} |\n"
            f"| **speed-up** | **{speedup:.2f}x** | | {total:.2f}x |\n"
        )
    if memory:
        small, large = memory
        parts.append(
            f"### Peak memory: 10x the corpus against 1x\n\n"
            f"`{COMMAND} --part memory` runs `parallax run` in a child process on "
            f"{small.articles} and on {large.articles} BASIL articles (repeated with an "
            "edition line, so each copy is analysed) and reads the child's peak resident "
            "memory.\n\n"
            "| Articles | Words | Peak RSS (MB) | Seconds |\n|--:|--:|--:|--:|\n"
            f"| {small.articles} | {small.words:,} | {small.peak_mb:,.0f} | {small.seconds:.0f} |\n"
            f"| {large.articles} | {large.words:,} | {large.peak_mb:,.0f} | {large.seconds:.0f} |\n"
            f"| **ratio 10x / 1x** | | **{large.peak_mb / small.peak_mb:.2f}** | |\n"
        )
    if writes:
        lite, post = writes
        parts.append(
            f"### PostgreSQL against SQLite writes\n\n"
            f"`{COMMAND} --part postgres` stores {lite.articles} real analyses (of BASIL "
            "articles, texts varied) the way a run does: article, analysis and sentences in "
            "one transaction each, one writer.\n\n"
            "| Backend | Articles/s | Seconds |\n|---|--:|--:|\n"
            f"| {lite.backend} | {lite.per_second:,.0f} | {lite.seconds:.1f} |\n"
            f"| {post.backend} | {post.per_second:,.0f} | {post.seconds:.1f} |\n"
            f"| **ratio PostgreSQL / SQLite** | **{post.per_second / lite.per_second:.2f}** | |\n"
        )
    return "\n".join(parts)
