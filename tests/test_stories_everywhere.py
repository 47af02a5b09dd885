"""Every write path files its articles under stories, on SQLite and on PostgreSQL.

`parallax stories` must list every analysed article whichever way it was stored: the CLI's
`analyze`, `run` on this process and on Ray, an upload through the web app, `ingest`
followed by `reanalyze`. Each test stores the same small corpus through one surface into a
real store (a SQLite file, then a fresh PostgreSQL database) and reads the stories back
with the `parallax stories` command; the web test also checks that `/api/stories` shows
the same stories.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from fastapi.testclient import TestClient

from parallax.settings import Settings
from parallax.store import open_store
from parallax.web import ServerSettings, create_app

ARTICLES = {
    "harbour-a.txt": (
        "Tallinn reopens its northern pier\n\nApril 4, 2023\n\n"
        "The harbour authority in Tallinn reopened the northern pier on Tuesday after two "
        "years of repairs. Ferry operators said the first ships would dock there next week.\n"
    ),
    "harbour-b.txt": (
        "Northern pier in Tallinn is open again\n\nApril 5, 2023\n\n"
        "Tallinn's harbour authority said the northern pier reopened after repairs that took "
        "two years. Ferries will start using it next week, the operators said.\n"
    ),
    "budget.txt": (
        "Tartu council approves school budget\n\nMarch 2, 2023\n\n"
        "The city council in Tartu approved a budget for three new school buildings on "
        "Thursday. Construction is to begin in the autumn, the mayor said.\n"
    ),
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def listed_stories(cli: Callable[..., Result], target: Path | str) -> list[dict[str, Any]]:
    """What `parallax stories --format json` prints for the store at ``target``."""
    result = cli("stories", "--db", str(target), "--format", "json")
    assert result.exit_code == 0, result.output
    stories: list[dict[str, Any]] = json.loads(result.stdout)
    return stories


def stored_ids(target: Path | str) -> set[str]:
    store = open_store(target)
    try:
        _total, items = store.list_articles(limit=100)
        return {item["id"] for item in items}
    finally:
        store.close()


def assert_every_article_in_a_story(cli: Callable[..., Result], target: Path | str) -> None:
    stories = listed_stories(cli, target)
    filed = [article for story in stories for article in story["articles"]]
    assert len(filed) == len(set(filed)), "an article is filed under two stories"
    ids = stored_ids(target)
    assert len(ids) == len(ARTICLES)
    assert set(filed) == ids
    assert sum(story["size"] for story in stories) == len(ids)


def test_cli_analyze_files_stories(
    cli: Callable[..., Result], corpus: Path, store_target: Path | str
) -> None:
    result = cli("analyze", "--quiet", "--db", str(store_target), str(corpus))
    assert result.exit_code == 0, result.stderr
    assert_every_article_in_a_story(cli, store_target)


def test_local_run_files_stories(
    cli: Callable[..., Result], corpus: Path, store_target: Path | str
) -> None:
    result = cli("run", "--quiet", "--db", str(store_target), str(corpus))
    assert result.exit_code == 0, result.stderr
    assert_every_article_in_a_story(cli, store_target)


@pytest.mark.ray
def test_ray_run_files_stories(
    cli: Callable[..., Result], corpus: Path, store_target: Path | str
) -> None:
    result = cli(
        "run",
        "--quiet",
        "--engine",
        "ray",
        "--workers",
        "1",
        "--db",
        str(store_target),
        str(corpus),
    )
    assert result.exit_code == 0, result.stderr
    assert_every_article_in_a_story(cli, store_target)


def test_ingest_then_reanalyze_files_stories(
    cli: Callable[..., Result], corpus: Path, store_target: Path | str
) -> None:
    assert cli("ingest", "--quiet", "--db", str(store_target), str(corpus)).exit_code == 0
    assert listed_stories(cli, store_target) == []  # nothing analysed, nothing to file
    assert cli("reanalyze", "--quiet", "--db", str(store_target)).exit_code == 0
    assert_every_article_in_a_story(cli, store_target)


def test_web_upload_files_stories(
    cli: Callable[..., Result],
    corpus: Path,
    store_target: Path | str,
    tmp_path: Path,
    pipeline: Any,
) -> None:
    settings = ServerSettings(run=Settings(db_path=store_target), uploads_dir=tmp_path / "up")
    app = create_app(settings, pipeline=pipeline)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        files = [
            ("files", (path.name, path.read_bytes(), "text/plain"))
            for path in sorted(corpus.iterdir())
        ]
        accepted = client.post("/api/ingest/files", files=files)
        assert accepted.status_code == 202, accepted.text
        job = accepted.json()["job"]
        deadline = time.monotonic() + 300
        done = {"finished", "failed", "interrupted"}
        while (status := client.get(f"/api/jobs/{job}").json())["state"] not in done:
            assert time.monotonic() < deadline, f"job {job} did not finish: {status}"
            time.sleep(0.2)
        assert status["state"] == "finished", status
        served = client.get("/api/stories").json()
    assert_every_article_in_a_story(cli, store_target)
    listed = listed_stories(cli, store_target)
    assert [(s["id"], s["articles"]) for s in served["stories"]] == [
        (s["id"], s["articles"]) for s in listed
    ]
    assert set(served["titles"]) == stored_ids(store_target)
