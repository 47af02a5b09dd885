"""End-to-end: the CLI on the seeds and the bundled samples, as a new user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PARALLAX = str(Path(sys.executable).parent / "parallax")


def test_seeds_titles_dates_outlets(seeds: Path, analyze_json: Any) -> None:
    report, result = analyze_json(*sorted(seeds.glob("*.txt")))
    assert result.exit_code == 0, result.stderr
    assert report["schema"] == 1
    by_title = {a["title"]: a for a in report["articles"]}
    spark = by_title["A Military Alliance to Protect Capital, Not Freedom"]
    assert spark["date"] == "2022-02-28"
    assert spark["outlet"] == "The Spark"
    assert "emancipation of the working class" not in spark["text"]
    assert not any("emancipation" in s["text"] for s in spark["sentences"])
    other = by_title["US, NATO out of Eastern Europe!"]
    assert other["date"] == "2022-02-07"
    assert other["outlet"] is None  # the text does not name it
    for article in report["articles"]:
        assert article["language"] == "en"
        assert article["status"] == "analysed"
        assert article["sentences"] and article["entities"]
        for sentence in article["sentences"]:
            assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"]
            assert set(sentence) >= {"id", "text", "type", "checkworthiness", "techniques"}
        assert set(article) >= {"actors", "events", "claims", "frames", "genre", "text"}
    assert set(report["comparison"]) >= {"stories", "alignments", "gaps", "portrayal", "timeline"}
    assert report["errors"] == []


def test_samples_are_one_story_with_gaps(sample_files: list[Path], analyze_json: Any) -> None:
    report, result = analyze_json(*sample_files)
    assert result.exit_code == 0
    assert len(report["articles"]) == 3
    formats = {a["format"] for a in report["articles"]}
    assert formats == {"text", "html", "markdown"}
    stories = report["comparison"]["stories"]
    assert len(stories) == 1 and len(stories[0]["articles"]) == 3
    assert {"Finland", "NATO"} <= set(stories[0]["shared_entities"])
    assert report["comparison"]["gaps"], "the three samples each name something the others do not"
    html = next(a for a in report["articles"] if a["format"] == "html")
    assert html["outlet"] == "Northern Voice" and html["date"] == "2023-04-05"
    assert "cookie" not in html["text"].lower()
    md = next(a for a in report["articles"] if a["format"] == "markdown")
    assert md["meta"]["epigraph"] and md["meta"]["epigraph"] not in md["text"]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_formats(sample_files: list[Path], cli: Any, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{fmt}"
    result = cli("analyze", *map(str, sample_files), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Northern Voice" in text and "The Helsinki Herald" in text
    if fmt == "md":
        # Each actor once, as resolved, not the tagger's raw and split names beside it.
        assert "| Actor | Type | Mentions |" in text and "- Named:" not in text
    if fmt == "html":
        assert text.startswith("<!doctype html>") and "Content-Security-Policy" in text
        assert "<script" not in text and "http://" not in text.split("<body>")[0]


def test_rerun_reports_unchanged(sample_files: list[Path], cli: Any) -> None:
    first = cli("analyze", *map(str, sample_files), "--format", "json")
    second = cli("analyze", *map(str, sample_files), "--format", "json")
    assert first.exit_code == second.exit_code == 0
    assert "3 stored" in first.stderr and "3 unchanged" in second.stderr
    a, b = json.loads(first.stdout), json.loads(second.stdout)
    assert [x["id"] for x in a["articles"]] == [x["id"] for x in b["articles"]]
    assert a["articles"] == b["articles"]


def test_search_and_show(sample_files: list[Path], cli: Any) -> None:
    cli("analyze", *map(str, sample_files), "--quiet")
    found = cli("search", "Haavisto", "--format", "json")
    hits = json.loads(found.stdout)
    assert hits and {h["kind"] for h in hits} == {"article", "sentence"}
    shown = cli("show", hits[0]["article_id"][:8], "--format", "json")
    record = json.loads(shown.stdout)
    assert "Haavisto" in record["text"] and record["sources"]
    missing = cli("show", "ffffffff")
    assert missing.exit_code == 2 and "no stored article" in missing.stderr


def test_extract_prints_articles_without_store(
    sample_files: list[Path], cli: Any, tmp_path: Path
) -> None:
    result = cli("extract", *map(str, sample_files), "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and len(data["articles"]) == 3
    assert all(a["text"] and a["title"] for a in data["articles"])
    assert "sentences" not in data["articles"][0]
    assert not list(tmp_path.glob("*.db"))
    lines = cli("extract", *map(str, sample_files), "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 3 and all(json.loads(line)["id"] for line in lines)


def test_demo_writes_reports(tmp_path: Path, cli: Any) -> None:
    result = cli("demo", "--out", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 0
    for name in ("report.html", "report.json", "report.md"):
        assert str((tmp_path / "out" / name).resolve()) in result.stdout
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(report["articles"]) == 3


def test_help_everywhere(cli: Any) -> None:
    from parallax.cli import main

    for name, command in main.commands.items():
        result = cli(name, "--help")
        assert result.exit_code == 0 and command.help and len(result.stdout) > 80, name


def test_usage_errors_exit_2(cli: Any, tmp_path: Path) -> None:
    assert cli("analyze").exit_code == 2
    bad_size = cli("analyze", str(tmp_path), "--max-size", "lots")
    assert bad_size.exit_code == 2 and "not a size" in bad_size.stderr
    bad_field = cli("analyze", str(tmp_path), "--field", "colour=x")
    assert bad_field.exit_code == 2 and "unknown field" in bad_field.stderr


def test_real_entry_point(sample_files: list[Path], tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            PARALLAX,
            "analyze",
            "--db",
            str(tmp_path / "p.db"),
            str(sample_files[0]),
            "--format",
            "json",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["articles"][0]["title"]


def test_ingest_then_reanalyze(sample_files: list[Path], cli: Any, db: Path) -> None:
    assert cli("ingest", *map(str, sample_files), "--quiet").exit_code == 0
    article_id = json.loads(cli("search", "Haavisto", "--format", "json").stdout)[0]["article_id"]
    before = json.loads(cli("show", article_id, "--format", "json").stdout)
    assert before["status"] == "not_analysed"
    result = cli("reanalyze", "--db", str(db))
    assert result.exit_code == 0 and "3 article(s) analysed" in result.stderr
    after = json.loads(cli("show", article_id, "--format", "json").stdout)
    assert after["status"] == "analysed" and after["sentences"]
    assert "0 article(s)" in cli("reanalyze", "--db", str(db)).stderr


def test_samples_metadata(sample_files: list[Path], analyze_json: Any) -> None:
    report, _ = analyze_json(*sample_files)
    found = {(a["outlet"], a["author"], a["date"]) for a in report["articles"]}
    assert found == {
        ("The Helsinki Herald", "Aino Lindqvist", "2023-04-04"),
        ("Northern Voice", "Henrik Lundgren-Aho", "2023-04-05"),
        ("Eastern Dispatch", "Mikhail Ranta", "2023-04-05"),
    }
