"""Decisions the use-case layer makes once, for every surface.

The knowledge consulted by the web and by the CLI is the same (the bundled knowledge with
the user's imports over it); comparing a stored story reads the current analyses without
loading the analysis models; a partial end date filters the same on the API and the pages.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from fastapi.testclient import TestClient

from parallax.settings import Settings
from parallax.store import open_store
from parallax.web import ServerSettings, create_app

KB_DATA = Path(__file__).parent / "data" / "kb"
Cli = Callable[..., Result]


@pytest.fixture
def user_kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-kb"
    monkeypatch.setenv("PARALLAX_KB", str(folder))
    return folder


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = ServerSettings(run=Settings(db_path=tmp_path / "web.db"))
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as test_client:
        yield test_client


def test_the_web_consults_the_users_knowledge_like_the_cli(
    cli: Cli, user_kb: Path, client: TestClient
) -> None:
    assert client.get("/api/kb", params={"name": "Nordic Council"}).json()["entities"] == []
    imported = cli("kb", "import", str(KB_DATA / "entities.csv"))
    assert imported.exit_code == 0, imported.stderr
    found = client.get("/api/kb", params={"name": "Nordic Council"}).json()["entities"]
    assert [e["id"] for e in found] == ["nordic-council"]
    searched = cli("kb", "search", "Nordic Council")
    assert searched.stdout.splitlines()[0].startswith("nordic-council\t")


def test_comparing_a_stored_story_does_not_load_the_models(
    cli: Cli, db: Path, write: Callable[[str, str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write(
        "a.txt",
        "Tallinn reopens its northern pier\n\nApril 4, 2023\n\nThe harbour authority in "
        "Tallinn reopened the northern pier on Tuesday after two years of repairs.\n",
    )
    second = write(
        "b.txt",
        "Northern pier in Tallinn is open again\n\nApril 5, 2023\n\nTallinn's harbour "
        "authority said the northern pier reopened after two years of repairs.\n",
    )
    assert cli("analyze", "--quiet", str(first), str(second)).exit_code == 0
    stories = json.loads(cli("stories", "--db", str(db), "--format", "json").stdout)
    story = max(stories, key=lambda s: s["size"])

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("comparing stored analyses loaded the analysis pipeline")

    monkeypatch.setattr("parallax.components.load", refuse)
    monkeypatch.setattr("parallax.load", refuse)
    result = cli("compare", "--story", story["id"], "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert sorted(r["id"] for r in report["articles"]) == sorted(story["articles"])
    assert report["comparison"]["stories"][0]["id"] == story["id"]


def test_a_partial_end_date_filters_alike_on_the_api_and_the_pages(
    tmp_path: Path, write: Callable[[str, str], Path], client: TestClient
) -> None:
    from parallax.usecases import ingest

    path = write("d.txt", "Dated report\n\nApril 20, 2023\n\nThe council met in Tartu on Monday.\n")
    store = open_store(tmp_path / "web.db")
    try:
        ingest([path], store=store, settings=Settings(db_path=tmp_path / "web.db"))
    finally:
        store.close()
    api = client.get("/api/articles", params={"date_to": "2023-04"}).json()
    assert api["total"] == 1
    page = client.get("/", params={"date_to": "2023-04"}).text
    assert "Dated report" in page
