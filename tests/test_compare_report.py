"""The comparison report, stored stories and the compare command, end to end."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from parallax.report import build_report
from parallax.report.compare_html import render_compare_html
from parallax.report.compare_markdown import render_compare_markdown
from parallax.store import open_store
from parallax.usecases import update_stories
from test_comparison import BRIDGE_A, BRIDGE_B, ELECTION


@pytest.fixture(scope="module")
def bridge_report() -> dict[str, Any]:
    from parallax.comparison import compare_story

    hostile = dict(BRIDGE_B, title="<script>alert(1)</script>")
    records = [BRIDGE_A, hostile]
    return build_report(records, comparison=compare_story("story-1", records))


def test_html_is_self_contained_and_shows_every_part(bridge_report: dict[str, Any]) -> None:
    html = render_compare_html(bridge_report)
    assert html.startswith("<!doctype html>") and "Content-Security-Policy" in html
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "http://" not in html and "https://" not in html
    for heading in ("What they agree on", "Where they contradict each other",
                    "What each says that the others leave out"):  # fmt: skip
        assert heading in html
    assert "240 million vs 310 million" in html and "Ferry operators" in html
    assert "Westport Daily" in html and "Coastal Courier" in html


def test_markdown_carries_the_same_content(bridge_report: dict[str, Any]) -> None:
    md = render_compare_markdown(bridge_report)
    assert "### What they agree on" in md and "240 million vs 310 million" in md
    assert "Ferry operators" in md and "Westport Daily" in md
    assert "<script>" not in md
    # what only one source says and what it leaves out are told apart on every line
    part = md[md.index("### What each says") : md.index("### Persuasion techniques")]
    lines = [line.strip() for line in part.splitlines() if line.startswith("  - ")]
    assert lines and all(
        line.startswith(("- Only here:", "- Leaves out what others cover:", "- Names", "- Dated"))
        for line in lines
    )
    assert "- Only here: Ferry operators" in part


def test_stories_are_stored_incrementally(tmp_path: Path) -> None:
    from parallax.model import Article

    store = open_store(tmp_path / "p.db")
    for record in (BRIDGE_A, BRIDGE_B, ELECTION):
        # Stories reference stored articles; store stand-ins with the records' ids.
        store.db.execute(
            "INSERT INTO articles (id, language, format, source, text, created_at) "
            "VALUES (?, 'en', 'text', ?, ?, 'now')",
            (record["id"], record["id"], record["text"]),
        )
    assert Article  # the model stays importable beside the store
    first = update_stories(store, [BRIDGE_A, ELECTION])
    assert first["a1"] != first["c1"]
    second = update_stories(store, [BRIDGE_A, BRIDGE_B, ELECTION])
    assert second["a1"] == first["a1"] and second["c1"] == first["c1"]  # nothing moved
    assert second["b1"] == second["a1"]  # the new article joined the stored story
    stories = {s["id"]: s for s in store.stories()}
    assert stories[second["a1"]]["size"] == 2
    assert store.story_articles(second["a1"]) == ["a1", "b1"]
    assert update_stories(store, [BRIDGE_B]) == {"b1": second["a1"]}  # idempotent
    store.close()


@pytest.mark.shared
def test_compare_seeds_as_a_new_user_reads_it(seeds: Path, cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "seeds.html"
    files = [str(p) for p in sorted(seeds.glob("*.txt"))]
    result = cli("compare", "--db", str(tmp_path / "p.db"), *files, "--out", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    # What they agree on: the two seeds make related claims about NATO near Russia's
    # borders but no sentence of one states what a sentence of the other states (issue 17:
    # "same" needs a paraphrase or the same figure), so nothing is listed as agreement.
    agree = html.split("What they agree on")[1].split("Where they contradict")[0]
    assert "No statement of one source closely matches" in agree
    # What each leaves out that the other covers.
    gaps = html.split("What each says that the others leave out")[1]
    assert "Crimea" in gaps and "Yalta" in gaps
    # How each portrays Russia, side by side.
    portrayal = html.split("How each source portrays")[1]
    assert "Russia" in portrayal and "The Spark" in portrayal
    as_json = cli("compare", "--db", str(tmp_path / "p.db"), *files, "--format", "json", "-q")
    report = json.loads(as_json.stdout)
    kinds = {a["kind"] for a in report["comparison"]["alignments"]}
    assert "unique" in kinds and "contradiction" not in kinds
    assert any(
        p["actor"] in {"russia", "moscow"} or p["name"] in {"Russia", "Moscow"}
        for p in report["comparison"]["portrayal"]
    )
    # Positions open the report: each source's claims, arguments and demands side by side,
    # the first seed's demands among them.
    positions = html.split("Positions")[1].split("What they agree on")[0]
    assert "Demands and calls for" in positions and "get out of Crimea" in positions
    by_source = report["comparison"]["positions"][0]["by_source"]
    assert all(s["claims"] and s["opinions"] for s in by_source)
    assert any("get out of Crimea" in d["text"] for s in by_source for d in s["demands"])
    as_csv = cli("compare", "--db", str(tmp_path / "p.db"), *files, "--format", "csv", "-q")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == sum(len(s["claims"]) for s in by_source)
    assert {r["verdict"] for r in rows} & {"supported", "contradicted", "disputed"}
    scores = [float(r["checkworthiness"]) for r in rows if r["checkworthiness"]]
    assert scores == sorted(scores, reverse=True)
    listed = cli("stories", "--db", str(tmp_path / "p.db"), "--format", "json")
    stored = json.loads(listed.stdout)
    assert sum(s["size"] for s in stored) == 2
    again = cli("compare", "--db", str(tmp_path / "p.db"), "--story", stored[0]["id"], "-f", "md")
    assert again.exit_code == 0 and "## The story" in again.stdout


@pytest.mark.shared
@pytest.mark.xfail(
    strict=True,
    reason="issue 16's acceptance, not reached: the learned role casts Russia antagonist in "
    "both seeds (right in the first; in The Spark the sentence model reads the editorial's "
    "account of Russia's troubles as its own negative view, not as sympathy)",
)
def test_compare_seeds_casts_russia_differently(seeds: Path, cli: Any, tmp_path: Path) -> None:
    files = [str(p) for p in sorted(seeds.glob("*.txt"))]
    result = cli("compare", "--db", str(tmp_path / "p.db"), *files, "--format", "json", "-q")
    russia = next(
        p
        for p in json.loads(result.stdout)["comparison"]["portrayal"]
        if p["actor"] in {"russia", "moscow"} or p["name"] in {"Russia", "Moscow"}
    )
    roles = {s["outlet"]: s["role"] for s in russia["by_source"]}
    assert (roles[None], roles["The Spark"]) == ("antagonist", "victim"), roles
    assert russia["divergence"] >= 1.0


def test_compare_needs_files_or_a_story(cli: Any) -> None:
    from click.testing import CliRunner

    from parallax.cli import main

    result = CliRunner().invoke(main, ["compare"])
    assert result.exit_code == 2 and "either FILES" in result.output


def test_samples_show_their_planted_contradictions(
    sample_files: list[Path], cli: Any, tmp_path: Path
) -> None:
    files = [str(p) for p in sample_files]
    result = cli("compare", "--db", str(tmp_path / "p.db"), *files, "--format", "json", "-q")
    assert result.exit_code == 0, result.stderr
    reasons = [
        a["reason"]
        for a in json.loads(result.stdout)["comparison"]["alignments"]
        if a["kind"] == "contradiction"
    ]
    assert any("31st vs 30th" in r or "30th vs 31st" in r for r in reasons), reasons
    assert any("thirty-first vs 30th" in r for r in reasons), reasons
    assert any("1949 vs 1951" in r for r in reasons), reasons
    # Every contradiction reads as one line naming both sources and what they are about.
    assert all(" says " in r and "both about" in r for r in reasons), reasons
    markdown = cli("compare", "--db", str(tmp_path / "p.db"), *files, "-f", "md", "-q").stdout
    assert "contradiction: dates disagree: " in markdown
    html = cli("compare", "--db", str(tmp_path / "p.db"), *files, "-q").stdout
    assert "contradicted: " in html and "(source: https://" in html
    positions = json.loads(result.stdout)["comparison"]["positions"]
    assert len(positions[0]["by_source"]) == len(files)
    assert all(s["claims"] for s in positions[0]["by_source"])


@pytest.mark.shared
def test_a_basil_story_shows_each_source_side_by_side(cli: Any, tmp_path: Path) -> None:
    from conftest import shared_path

    corpus = shared_path("inputs", "basil-media-bias", "basil_articles.jsonl")
    lines = corpus.read_text(encoding="utf-8").splitlines()
    story = json.loads(lines[0])["story_id"]
    chosen = [line for line in lines if json.loads(line)["story_id"] == story]
    assert len(chosen) >= 3
    path = tmp_path / "story.jsonl"
    path.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    result = cli("compare", "--db", str(tmp_path / "p.db"), str(path), "-f", "json", "-q")
    assert result.exit_code == 0, result.stderr
    (positions,) = json.loads(result.stdout)["comparison"]["positions"]
    assert len(positions["by_source"]) == len(chosen)
    assert all(s["claims"] for s in positions["by_source"])
    assert sum(len(s["opinions"]) for s in positions["by_source"]) > 0
    html = cli("compare", "--db", str(tmp_path / "p.db"), str(path), "-q")
    assert "<script" not in html.stdout and "States as fact" in html.stdout
