"""End-to-end: the web UI in real headless Chromium (Debian's package, driven by Playwright).

Flows: ingest a file and watch the job finish (and survive a reload), open an article, compare
two, check a claim; and a hostile article whose title and body carry scripts and event
handlers, which must not run anything anywhere. In CI (``CI`` set) a missing Chromium is a
failure, not a skip: ``make test`` installs it with scripts/install-system-deps.sh.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parallax.settings import Settings
from parallax.store import open_store
from parallax.web import ServerSettings, create_app
from parallax.web.browser import chromium, chromium_path
from parallax.web.serving import running
from web_fixtures import HOSTILE_HTML, build_store


def _require_chromium() -> None:
    if chromium_path() is not None:
        return
    message = (
        "Chromium is not installed; run scripts/install-system-deps.sh (apt-get install chromium)"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message + " (browser tests only skip outside CI)")


def _with_charts(db: Path, article_id: str) -> None:
    """Give one stored analysis a timeline and actor portrayal in the layer contract's shape."""
    store = open_store(db)
    row = store.db.execute(
        "SELECT pipeline, status, reason FROM analyses WHERE article_id=?", (article_id,)
    ).fetchone()
    record = store.latest_analysis(article_id)
    assert record is not None
    record["timeline"] = [
        {
            "date": "2023-04-04",
            "range": ["2023-04-04", "2023-04-04"],
            "label": "Finland joins",
            "event_id": "e1",
            "sentence_id": "s1",
            "inferred": False,
            "source": "text",
        },
        {
            "date": "1949",
            "range": ["1949-01-01", "1949-12-31"],
            "label": "The alliance is founded",
            "event_id": "e2",
            "sentence_id": "s2",
            "inferred": True,
            "source": "kb",
        },
    ]
    record["actors"] = [
        {
            "id": "finland",
            "name": "Finland",
            "type": "country",
            "kb_id": "finland",
            "role": "protagonist",
            "sentiment": 0.6,
            "mentions": [],
        },
        {
            "id": "russia",
            "name": "Russia",
            "type": "country",
            "kb_id": "russia",
            "role": "antagonist",
            "sentiment": -0.7,
            "mentions": [],
        },
    ]
    for actor in record["actors"]:
        name = actor["name"]
        actor["mentions"] = [
            {"text": name, "start": m.start(), "end": m.end(), "sentence_id": None}
            for m in re.finditer(name, record["text"])
        ]
    sentences = [(s["id"], s["text"], s["start"], s["end"]) for s in record["sentences"]]
    store.put_analysis(article_id, row[0], row[1], row[2], record, sentences)
    store.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[dict[str, Any]]:
    _require_chromium()
    from conftest import SAMPLES

    folder = tmp_path_factory.mktemp("browser")
    hostile = folder / "hostile.html"
    hostile.write_text(HOSTILE_HTML, encoding="utf-8")
    files = [
        SAMPLES / "helsinki-herald-report.txt",
        SAMPLES / "northern-voice-opinion.html",
        hostile,
    ]
    db = folder / "site.db"
    ids = build_store(db, files, pipeline)
    _with_charts(db, ids[1])
    app = create_app(
        ServerSettings(run=Settings(db_path=db), uploads_dir=folder / "uploads"),
        pipeline=pipeline,
    )
    with running(app) as base, chromium() as browser:
        yield {"base": base, "browser": browser, "ids": ids, "folder": folder}


class Watched:
    """A page with every dialog, console error and page error recorded."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on(
            "dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss())
        )
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on(
            "console",
            lambda m: (
                self.problems.append(f"console {m.type}: {m.text}")
                if m.type in {"error", "warning"}
                else None
            ),
        )

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(site: dict[str, Any]) -> Iterator[Watched]:
    page = Watched(site["browser"])
    yield page
    page.close()


def test_ingest_a_file_and_watch_it_finish(site: dict[str, Any], watched: Watched) -> None:
    page = watched.page
    upload = site["folder"] / "lighthouse.txt"
    upload.write_text(
        "Lighthouse keepers return\n\n2024-05-06\n\nThe old lighthouse on the western cape got "
        "its keepers back on Monday, after the coastal agency said automatic lamps had failed "
        "twice in one winter. Two keepers will live on the island from May to October.\n",
        encoding="utf-8",
    )
    page.goto(site["base"] + "/ingest")
    page.set_input_files("#files", str(upload))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector('#job[data-state="finished"]', timeout=120_000)
    assert "Finished" in page.inner_text("#job-state")
    assert "lighthouse.txt" in page.inner_text("#job-items")
    assert "?job=" in page.url
    page.reload()
    page.wait_for_selector('#job[data-state="finished"]', timeout=30_000)
    assert "lighthouse.txt" in page.inner_text("#job-items")
    page.click("#job-items a")
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "Lighthouse keepers return"
    assert not watched.problems, watched.problems


def test_open_an_article(site: dict[str, Any], watched: Watched) -> None:
    page = watched.page
    page.goto(site["base"] + "/")
    page.click("text=Finland Stood Up to a Bully")
    page.wait_for_selector(".article-text")
    page.wait_for_load_state("load")  # the toggles work once the scripts at the end have run
    assert "Northern Voice" in page.inner_text(".article-head")
    assert page.locator(".article-text span.actor").count() > 0
    box = page.locator('[data-toggle="hl-actors"]')
    box.uncheck()
    assert "hl-actors" not in (page.get_attribute("#article-text", "class") or "")
    box.check()
    assert "hl-actors" in (page.get_attribute("#article-text", "class") or "")
    page.wait_for_selector("#timeline-chart[data-ready] .main-svg", timeout=30_000)
    page.wait_for_selector("#portrayal-chart[data-ready] .main-svg", timeout=30_000)
    # Each verdict reads as one line: the reason, then the evidence with its source.
    claims = page.inner_text("main")
    assert "contradicted: " in claims and "Evidence: " in claims and "(source: https://" in claims
    assert not watched.problems, watched.problems


def test_compare_two(site: dict[str, Any], watched: Watched) -> None:
    page = watched.page
    page.goto(site["base"] + "/")
    assert page.is_disabled("#compare-button")
    page.check(f'input[value="{site["ids"][0]}"]')
    page.check(f'input[value="{site["ids"][1]}"]')
    assert page.is_enabled("#compare-button")
    page.click("#compare-button")
    page.wait_for_selector(".columns")
    assert "/compare?" in page.url
    assert page.locator(".column").count() == 2
    columns = page.inner_text(".columns")
    assert "The Helsinki Herald" in columns and "Northern Voice" in columns
    assert "What some leave out" in page.inner_text("main")
    # The planted clash reads as one line naming both sources and what both are about.
    clash = [
        line
        for line in page.inner_text("main").splitlines()
        if line.startswith("contradiction: numbers disagree: ")
    ]
    assert clash, page.inner_text("main")[-3000:]
    assert "31st" in clash[0] and "30th" in clash[0] and "both about finland" in clash[0]
    assert "The Helsinki Herald says" in clash[0] and "Northern Voice says" in clash[0]
    page.wait_for_selector("#timeline-chart[data-ready]", timeout=30_000)
    assert not watched.problems, watched.problems


def test_check_a_claim(site: dict[str, Any], watched: Watched) -> None:
    import httpx

    page = watched.page
    claim = "Finland joined NATO in 2023."
    expected = httpx.post(site["base"] + "/api/check", json={"text": claim})
    page.goto(site["base"] + "/check")
    page.fill("#claim", claim)
    page.click("#check-form button")
    assert expected.status_code == 200
    page.wait_for_selector("#check-result:not([hidden])")
    shown = page.inner_text("#verdict").lower().replace(" ", "_")
    assert shown == expected.json()["verdict"] == "supported"
    assert not watched.problems, watched.problems


def test_a_hostile_article_runs_nothing(site: dict[str, Any], watched: Watched) -> None:
    page = watched.page
    hostile_id = site["ids"][2]
    base = site["base"]
    for path in (
        "/",
        "/?q=communique",
        f"/articles/{hostile_id}",
        f"/compare?ids={site['ids'][0]}&ids={hostile_id}",
        "/claims",
    ):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        scripts = page.evaluate("Array.from(document.scripts).map(s => s.src)")
        assert all(src.startswith(base + "/") for src in scripts), (path, scripts)
        handlers = page.evaluate(
            "Array.from(document.querySelectorAll('*')).flatMap(e => "
            "Array.from(e.attributes).map(a => a.name)).filter(n => n.startsWith('on'))"
        )
        assert handlers == [], (path, handlers)
    page.goto(f"{base}/articles/{hostile_id}")
    assert "<script>" in page.inner_text("h1") or "headline" in page.inner_text("h1")
    assert "onerror" not in page.inner_html(".article-text").replace("onerror=", "")
    assert not watched.problems, watched.problems


def _compare_path(site: dict[str, Any]) -> str:
    return f"/compare?ids={site['ids'][0]}&ids={site['ids'][1]}"


def test_positions_lead_the_comparison_and_export_as_csv(
    site: dict[str, Any], watched: Watched
) -> None:
    import csv
    import io

    page = watched.page
    page.goto(site["base"] + _compare_path(site))
    page.wait_for_selector(".positions")
    # The positions come first: before the texts, the alignments and the charts.
    order = page.evaluate(
        "['.positions', '.columns', '#timeline-chart'].map("
        "s => document.querySelector(s).getBoundingClientRect().top + window.scrollY)"
    )
    assert order == sorted(order), order
    headings = page.locator(".position-grid > h3").all_inner_texts()
    assert len(headings) == 2 and any("Northern Voice" in h for h in headings), headings
    kinds = page.locator(".position-cell h4").all_inner_texts()
    assert any(k.upper().startswith("STATES AS FACT") for k in kinds), kinds
    assert any(k.upper().startswith("DEMANDS AND CALLS FOR") for k in kinds), kinds
    claims = page.locator('.position-cell[data-kind="claims"] li').count()
    assert claims > 0
    with page.expect_download() as download:
        page.click("#claims-csv")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and list(rows[0])[:3] == ["rank", "story", "source"]
    assert {r["source"] for r in rows} <= set(site["ids"][:2])
    scores = [float(r["checkworthiness"]) for r in rows if r["checkworthiness"]]
    assert scores == sorted(scores, reverse=True)
    response = page.request.get(site["base"] + (page.get_attribute("#claims-csv", "href") or ""))
    assert response.headers["content-type"].startswith("text/csv")
    assert not watched.problems, watched.problems


def _chart_state(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """() => Object.fromEntries(['timeline-chart', 'portrayal-chart'].map(id => {
            const el = document.getElementById(id);
            const svg = el.querySelector('.main-svg');
            return [id, {
              height: el.getBoundingClientRect().height,
              width: el.getBoundingClientRect().width,
              svgWidth: svg ? svg.getBoundingClientRect().width : 0,
              svgHeight: svg ? svg.getBoundingClientRect().height : 0,
              labels: Array.from(el.querySelectorAll('.textpoint text')).map(t => t.textContent),
              actors: Array.from(el.querySelectorAll('.ytick text')).map(t => t.textContent),
            }];
        }))"""
    )


@pytest.mark.parametrize(
    ("first", "second"), [((1280, 900), (800, 800)), ((800, 800), (1280, 900))]
)
def test_charts_keep_their_layout_after_a_resize(
    site: dict[str, Any], watched: Watched, first: tuple[int, int], second: tuple[int, int]
) -> None:
    import httpx

    page = watched.page
    page.set_viewport_size({"width": first[0], "height": first[1]})
    page.goto(site["base"] + _compare_path(site))
    page.wait_for_selector("#timeline-chart[data-ready] .main-svg", timeout=30_000)
    page.wait_for_selector("#portrayal-chart[data-ready] .main-svg", timeout=30_000)
    before = _chart_state(page)
    data = httpx.get(
        site["base"] + "/api/compare", params={"ids": site["ids"][:2]}, timeout=60
    ).json()
    # Every event is labelled; the portrayal shows only actors two sources name, or one often.
    events = sum(len(e["sources"]) for e in data["comparison"]["timeline"])
    assert len(before["timeline-chart"]["labels"]) == events > 0
    named: dict[str, tuple[set[str], int]] = {}
    for article in data["articles"]:
        for actor in article["actors"]:
            sources, count = named.get(actor["name"], (set(), 0))
            named[actor["name"]] = (sources | {article["id"]}, count + len(actor["mentions"]))
    shown = before["portrayal-chart"]["actors"]
    assert shown, "the portrayal chart shows no actor"
    for name in shown:
        sources, count = next(v for k, v in named.items() if k.startswith(name.rstrip("…")))
        assert len(sources) >= 2 or count >= 3, (name, sources, count)
    page.set_viewport_size({"width": second[0], "height": second[1]})
    page.wait_for_timeout(1_000)  # the charts redraw once the resize settles
    after = _chart_state(page)
    for chart in ("timeline-chart", "portrayal-chart"):
        was, now = before[chart], after[chart]
        assert now["height"] == was["height"] > 150, (chart, was, now)
        assert now["svgHeight"] >= was["svgHeight"] * 0.9, (chart, was, now)
        assert (now["width"] < was["width"]) == (second[0] < first[0]), (chart, was, now)
        assert now["svgWidth"] <= now["width"] + 1, (chart, was, now)
    assert len(after["timeline-chart"]["labels"]) == events
    assert not watched.problems, watched.problems
