"""The REST API against a real SQLite store holding analysed sample articles."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from parallax.errors import ConfigError
from parallax.settings import Settings
from parallax.web import ServerSettings, create_app
from parallax.web.highlight import segments
from web_fixtures import HOSTILE_HTML, build_store

CONTRACT_KEYS = {"id", "title", "outlet", "author", "date", "language", "source", "sentences"}
CONTRACT_KEYS |= {"actors", "events", "claims", "frames", "genre", "text", "sources"}


@pytest.fixture(scope="module")
def web_store(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("web")
    from conftest import SAMPLES

    files = sorted(
        p
        for p in SAMPLES.iterdir()
        if p.suffix in {".txt", ".html", ".md"} and p.name != "README.md"
    )
    hostile = folder / "hostile.html"
    hostile.write_text(HOSTILE_HTML, encoding="utf-8")
    db = folder / "web.db"
    ids = build_store(db, [*files, hostile], pipeline)
    return db, ids


def make_client(db: Path, pipeline: Any, **server: Any) -> TestClient:
    settings = ServerSettings(run=Settings(db_path=db), **server)
    return TestClient(create_app(settings, pipeline=pipeline), base_url="http://127.0.0.1")


@pytest.fixture
def client(web_store: tuple[Path, list[str]], pipeline: Any) -> Iterator[TestClient]:
    with make_client(web_store[0], pipeline) as test_client:
        yield test_client


def wait_for(client: TestClient, job: int, timeout: float = 120.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(f"/api/jobs/{job}").json()
        if status["state"] in {"finished", "failed", "interrupted"}:
            return dict(status)
        time.sleep(0.2)
    raise AssertionError(f"job {job} did not finish in {timeout}s")


def test_list_paginates_and_filters(client: TestClient) -> None:
    everything = client.get("/api/articles").json()
    assert everything["total"] == 4
    titles = [i["title"] for i in everything["items"]]
    assert any("NATO" in (t or "") for t in titles)
    page = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 4 and len(page["items"]) == 2
    assert [i["id"] for i in page["items"]] == [i["id"] for i in everything["items"][2:]]
    herald = client.get("/api/articles", params={"outlet": "The Helsinki Herald"}).json()
    assert [i["outlet"] for i in herald["items"]] == ["The Helsinki Herald"]
    html = client.get("/api/articles", params={"format": "html"}).json()
    assert html["total"] == 2 and all(i["format"] == "html" for i in html["items"])
    dated = client.get("/api/articles", params={"date_from": "2023-04-05"}).json()
    assert dated["total"] == 2 and all(i["date"] >= "2023-04-05" for i in dated["items"])
    assert client.get("/api/articles", params={"date_to": "2023-04-04"}).json()["total"] == 1
    assert client.get("/api/articles", params={"language": "xx"}).json()["total"] == 0


def test_search_ranks_matches_and_marks_them(client: TestClient) -> None:
    found = client.get("/api/articles", params={"q": "communique"}).json()
    assert found["total"] == 1 and "[communique]" in found["items"][0]["snippet"]
    assert client.get("/api/articles", params={"q": "Brussels"}).json()["total"] >= 3
    assert client.get("/api/articles", params={"q": '"); DROP TABLE'}).json()["total"] == 0
    hits = client.get("/api/search", params={"q": "border"}).json()
    assert {h["kind"] for h in hits} == {"article", "sentence"}


def test_article_detail_is_the_report_record(client: TestClient) -> None:
    item = client.get("/api/articles", params={"outlet": "Northern Voice"}).json()["items"][0]
    record = client.get(f"/api/articles/{item['id']}").json()
    assert set(record) >= CONTRACT_KEYS
    assert record["status"] == "analysed" and record["sentences"]
    assert client.get(f"/api/articles/{item['id'][:8]}").json()["id"] == item["id"]
    for layer in ("claims", "actors"):
        assert client.get(f"/api/articles/{item['id']}/{layer}").json() == record[layer]
    assert set(client.get(f"/api/articles/{item['id']}/timeline").json()) == {"timeline", "events"}
    missing = client.get("/api/articles/ffffffffffff")
    assert missing.status_code == 404 and "/api/articles" in missing.json()["detail"]


def test_compare_two_to_four(client: TestClient) -> None:
    ids = [i["id"] for i in client.get("/api/articles").json()["items"]]
    result = client.get("/api/compare", params={"ids": ids[:3]}).json()
    assert [a["id"] for a in result["articles"]] == ids[:3]
    assert {"stories", "alignments", "gaps", "portrayal", "timeline"} <= set(result["comparison"])
    assert client.get("/api/compare", params={"ids": ids[:1]}).status_code == 422
    assert client.get("/api/compare", params={"ids": ids[:4] + ids[:1]}).status_code == 422
    assert client.get("/api/compare", params={"ids": [ids[0], ids[0]]}).status_code == 422
    assert client.get("/api/compare", params={"ids": [ids[0], "abcdef12"]}).status_code == 404
    stories = client.get("/api/stories").json()
    assert sum(len(s["articles"]) for s in stories["stories"]) == 4


def test_claims_to_check_download_as_csv(client: TestClient) -> None:
    import csv
    import io

    ids = [i["id"] for i in client.get("/api/articles").json()["items"]][:2]
    response = client.get("/api/compare/claims.csv", params={"ids": ids})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert response.text.startswith("rank,story,source,outlet,title,sentence_id,claim,")
    assert {r["source"] for r in rows} <= set(ids)
    assert [r["rank"] for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    twice = client.get("/api/compare/claims.csv", params={"ids": [ids[0], ids[0]]})
    assert twice.status_code == 422


def test_corpus_layers_degrade_to_empty_pages(client: TestClient) -> None:
    for path in ("/api/claims", "/api/timeline"):
        page = client.get(path).json()
        assert set(page) == {"total", "limit", "offset", "items"}
        assert page["total"] == len(page["items"]) or page["total"] > page["limit"]
    assert isinstance(client.get("/api/actors").json(), list)
    assert client.get("/api/claims", params={"verdict": "bogus"}).status_code == 422


def test_knowledge_base_lookup(client: TestClient) -> None:
    found = client.get("/api/kb", params={"name": "the Kremlin"}).json()
    assert found["entities"][0]["id"] == "russia"
    assert client.get("/api/kb", params={"name": "no such thing at all"}).json()["entities"] == []


def test_check_a_claim(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": "Finland joined NATO in 2023."})
    assert response.status_code == 200
    assert response.json()["verdict"] == "supported"
    assert response.json()["evidence"]
    wrong = client.post("/api/check", json={"text": "NATO was founded in 1951."}).json()
    assert wrong["verdict"] == "contradicted"
    assert client.post("/api/check", json={"text": ""}).status_code == 422


def test_upload_runs_a_job_whose_progress_survives_a_restart(
    web_store: tuple[Path, list[str]], pipeline: Any, tmp_path: Path
) -> None:
    db = tmp_path / "jobs.db"
    text = (
        "Harbour reopens after storm\n\n2024-03-02\n\nThe harbour of the northern town reopened "
        "on Saturday after a storm closed it for three days, the port authority said. Fishing "
        "boats returned to sea in the afternoon.\n"
    )
    with make_client(db, pipeline) as client:
        accepted = client.post(
            "/api/ingest/files", files=[("files", ("harbour.txt", text.encode(), "text/plain"))]
        )
        assert accepted.status_code == 202, accepted.text
        job = accepted.json()["job"]
        status = wait_for(client, job)
        assert status["state"] == "finished", status
        assert [i["status"] for i in status["items"]] == ["stored"]
        article_id = status["items"][0]["article_id"]
        assert client.get(f"/api/articles/{article_id}").json()["status"] == "analysed"
        again = wait_for(
            client,
            client.post(
                "/api/ingest/files", files=[("files", ("harbour.txt", text.encode(), "text/plain"))]
            ).json()["job"],
        )
        assert [i["status"] for i in again["items"]] == ["unchanged"]
    with make_client(db, pipeline) as restarted:
        status = restarted.get(f"/api/jobs/{job}").json()
        assert status["state"] == "finished" and status["items"][0]["article_id"] == article_id
        assert [j["id"] for j in restarted.get("/api/jobs").json()][-1] == job
        assert "harbour.txt" in restarted.get(f"/ingest?job={job}").text


def test_a_job_left_unfinished_shows_as_interrupted(tmp_path: Path, pipeline: Any) -> None:
    from parallax.store import open_store

    db = tmp_path / "x.db"
    store = open_store(db)
    run_id = store.start_run("web-ingest")
    store.update_run(run_id, {"state": "running", "total": 3, "done": 1})
    store.close()
    with make_client(db, pipeline) as client:
        status = client.get(f"/api/jobs/{run_id}").json()
        assert status["state"] == "interrupted" and status["done"] == 1
        assert client.get("/api/jobs/999").status_code == 404


def test_url_jobs_refuse_private_addresses(tmp_path: Path, pipeline: Any) -> None:
    with make_client(tmp_path / "u.db", pipeline) as client:
        job = client.post("/api/ingest/urls", json={"urls": ["http://127.0.0.1:9/x.html"]})
        assert job.status_code == 202
        status = wait_for(client, job.json()["job"])
        assert status["state"] == "finished"
        assert status["items"][0]["status"] == "failed"
        assert (
            "private" in status["items"][0]["reason"] or "loopback" in status["items"][0]["reason"]
        )
        bad = client.post("/api/ingest/urls", json={"urls": ["file:///etc/passwd"]})
        assert bad.status_code == 422 and "http" in bad.json()["detail"]


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/api/articles", "/static/style.css", "/nope", "/api/nope"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_pages_escape_hostile_articles(client: TestClient) -> None:
    item = client.get("/api/articles", params={"q": "communique"}).json()["items"][0]
    for path in ("/", f"/articles/{item['id']}", "/?q=communique"):
        html = client.get(path).text
        assert "<script>window.__pwned" not in html and "onerror=" not in html.replace(
            "onerror=&#34;", ""
        ).replace("onerror=window", "escaped")
        assert "<script>alert" not in html
        assert "&lt;script&gt;" in html or path == "/"
    assert "javascript:" not in client.get(f"/articles/{item['id']}").text.split("<main")[1]


def test_write_endpoints_need_the_token_when_one_is_set(
    web_store: tuple[Path, list[str]], pipeline: Any, tmp_path: Path
) -> None:
    with make_client(tmp_path / "t.db", pipeline, token="s3cret-token") as client:
        payload = {"urls": ["http://127.0.0.1:9/a"]}
        refused = client.post("/api/ingest/urls", json=payload)
        assert refused.status_code == 401 and "Bearer" in refused.json()["detail"]
        wrong = client.post("/api/ingest/urls", json=payload, headers={"Authorization": "Bearer x"})
        assert wrong.status_code == 401
        ok = client.post(
            "/api/ingest/urls", json=payload, headers={"Authorization": "Bearer s3cret-token"}
        )
        assert ok.status_code == 202
        wait_for(client, ok.json()["job"])
        assert client.get("/api/articles").status_code == 200  # reading needs no token


def test_other_sites_cannot_post(client: TestClient) -> None:
    response = client.post(
        "/api/ingest/urls",
        json={"urls": ["http://127.0.0.1:9/a"]},
        headers={"Origin": "http://evil.example"},
    )
    assert response.status_code == 403 and "another site" in response.json()["detail"]


def test_refuses_to_listen_publicly_without_a_token() -> None:
    with pytest.raises(ConfigError, match="without a token"):
        ServerSettings(host="0.0.0.0")
    assert ServerSettings(host="0.0.0.0", token="long-enough-token").token
    with pytest.raises(ConfigError, match="at least 8"):
        ServerSettings(token="short")


def test_size_limits_answer_413_with_a_clear_message(tmp_path: Path, pipeline: Any) -> None:
    with make_client(
        tmp_path / "s.db", pipeline, max_request_bytes=64 * 1024, max_upload_bytes=1024
    ) as client:
        big = client.post(
            "/api/ingest/files", files=[("files", ("big.txt", b"word " * 1000, "text/plain"))]
        )
        assert big.status_code == 413 and "big.txt" in big.json()["detail"]
        huge = client.post(
            "/api/ingest/files", files=[("files", ("huge.txt", b"w" * 100_000, "text/plain"))]
        )
        assert huge.status_code == 413 and "--max-request-size" in huge.json()["detail"]

        def chunks() -> Iterator[bytes]:
            for _ in range(100):
                yield b"x" * 1024

        streamed = client.post(
            "/api/check", content=chunks(), headers={"content-type": "application/json"}
        )
        assert streamed.status_code == 413


@given(st.text(alphabet="ab \n<>&", max_size=60), st.data())
def test_highlight_segments_keep_the_text(text: str, data: st.DataObject) -> None:
    n = len(text)
    cut = st.integers(0, n)
    sentences = []
    for i in range(data.draw(st.integers(0, 3))):
        a, b = sorted((data.draw(cut), data.draw(cut)))
        sentences.append({"id": f"s{i}", "start": a, "end": b, "type": "opinion", "techniques": []})
    record = {"text": text, "sentences": sentences, "actors": []}
    joined = "".join(s.text for p in segments(record) for s in p)
    assert joined.replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_serve_refuses_a_public_address_without_a_token() -> None:
    from click.testing import CliRunner

    from parallax.cli import main

    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "0"])
    assert result.exit_code == 2
    assert "without a token" in result.output
