"""`parallax kb`: list, search, show, facts, import and add-document, end to end."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

DATA = Path(__file__).parent / "data" / "kb"
Cli = Callable[..., Result]


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    return tmp_path / "kb"


def test_kb_list_by_type(cli: Cli, kb_dir: Path) -> None:
    result = cli("kb", "list", "--type", "organisation", "--kb-dir", str(kb_dir))
    assert result.exit_code == 0
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert {"nato", "warsaw-pact", "european-union"} <= set(ids)
    assert "finland" not in ids


def test_kb_show_prints_facts_with_sources(cli: Cli, kb_dir: Path) -> None:
    result = cli("kb", "show", "the Madrid summit", "--kb-dir", str(kb_dir))
    assert result.exit_code == 0
    assert "nato-summit-2022-madrid" in result.stdout
    assert "start_date: 2022-06-28" in result.stdout
    assert "end_date: 2022-06-30" in result.stdout
    assert "source: https://www.nato.int/" in result.stdout


def test_kb_show_json(cli: Cli, kb_dir: Path) -> None:
    result = cli("kb", "show", "nato", "--format", "json", "--kb-dir", str(kb_dir))
    record = json.loads(result.stdout)
    assert record["entity"]["id"] == "nato"
    members = {f["subject"] for f in record["facts_as_object"] if f["property"] == "member_of"}
    assert len(members) == 32


def test_kb_show_unknown_entity_says_how_to_search(cli: Cli, kb_dir: Path) -> None:
    result = cli("kb", "show", "Atlantis", "--kb-dir", str(kb_dir))
    assert result.exit_code != 0
    assert "parallax kb search" in result.stderr


def test_kb_facts_of_one_property(cli: Cli, kb_dir: Path) -> None:
    result = cli("kb", "facts", "Sweden", "--property", "member_of", "--kb-dir", str(kb_dir))
    assert result.exit_code == 0
    assert "NATO [nato] (2024-03-07 - now)" in result.stdout
    assert "European Union [european-union] (1995-01-01 - now)" in result.stdout
    assert "capital" not in result.stdout


def test_kb_search_finds_partial_names(cli: Cli, kb_dir: Path) -> None:
    result = cli("kb", "search", "Gorbachev", "--kb-dir", str(kb_dir))
    assert result.stdout.splitlines()[0].startswith("mikhail-gorbachev\t")
    result = cli("kb", "search", "summit", "-n", "50", "--kb-dir", str(kb_dir))
    assert "nato-summit-2014-wales" in result.stdout


def test_kb_import_persists_into_the_user_kb(cli: Cli, kb_dir: Path) -> None:
    result = cli("kb", "import", str(DATA / "entities.csv"), "--kb-dir", str(kb_dir))
    assert result.exit_code == 0, result.stderr
    assert "1 entities, 0 facts, 1 lines skipped" in result.stdout
    result = cli("kb", "import", str(DATA / "facts.csv"), "--kb-dir", str(kb_dir))
    assert "4 facts" in result.stdout
    assert "warning:" in result.stderr
    result = cli("kb", "facts", "Nordic Council", "--kb-dir", str(kb_dir))
    assert "headquarters: Copenhagen [copenhagen]" in result.stdout


def test_kb_import_wikidata_with_a_property_filter(cli: Cli, kb_dir: Path) -> None:
    result = cli(
        "kb",
        "import",
        str(DATA / "wikidata-sample.json"),
        "--properties",
        "P463,P576",
        "--kb-dir",
        str(kb_dir),
    )
    assert result.exit_code == 0, result.stderr
    shown = cli("kb", "show", "wd:Q82066", "--kb-dir", str(kb_dir)).stdout
    assert "dissolved: 1991-07-01" in shown
    assert "source: https://www.wikidata.org/wiki/Q82066" in shown


def test_kb_add_document_and_search(cli: Cli, kb_dir: Path) -> None:
    docs = sorted((DATA / "reference").iterdir())
    result = cli("kb", "add-document", *map(str, docs), "--kb-dir", str(kb_dir))
    assert result.exit_code == 0, result.stderr
    assert "already present" not in result.stdout
    again = cli("kb", "add-document", str(docs[0]), "--kb-dir", str(kb_dir))
    assert "already present" in again.stdout
    listed = cli("kb", "documents", "--kb-dir", str(kb_dir)).stdout.splitlines()
    assert len(listed) == 2
    found = cli(
        "kb", "search", "When did Sweden join NATO?", "--format", "json", "--kb-dir", str(kb_dir)
    )
    evidence = json.loads(found.stdout)["documents"]
    assert "Sweden joined the alliance on 7 March 2024" in evidence[0]["text"]
    assert evidence[0]["source"].endswith("alliance-notes.txt")
