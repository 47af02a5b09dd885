"""Importing a user's knowledge: CSV, JSON and Wikidata dump lines, and where it is kept."""

from __future__ import annotations

import bz2
import gzip
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parallax.errors import ConfigError
from parallax.knowledge import bundled
from parallax.knowledge.importers import (
    detect_format,
    import_csv,
    import_file,
    import_json,
    import_wikidata,
    wikidata_time,
)
from parallax.knowledge.user import default_knowledge, import_name, save_import, user_kb_dir

DATA = Path(__file__).parent / "data" / "kb"


def test_entity_csv_reads_rows_and_warns_about_bad_ones() -> None:
    result = import_csv(DATA / "entities.csv", bundled())
    assert [e.id for e in result.entities] == ["nordic-council"]
    assert result.entities[0].aliases == ("Nordic Council of parliamentarians", "NC")
    assert len(result.warnings) == 1
    assert "entities.csv:3" in result.warnings[0]


def test_fact_csv_resolves_names_and_skips_unusable_rows(tmp_path: Path) -> None:
    entities = import_csv(DATA / "entities.csv", bundled())
    save_import("entities", entities.entities, entities.facts, tmp_path)
    kb = default_knowledge(tmp_path)
    result = import_csv(DATA / "facts.csv", kb)
    subjects = [(f.subject, f.property, f.object or f.value) for f in result.facts]
    assert ("finland", "member_of", "nato") in subjects
    assert ("czechia", "member_of", "european-union") in subjects
    assert ("nordic-council", "headquarters", "copenhagen") in subjects
    assert ("nordic-council", "founded", "1952") in subjects
    assert len(result.warnings) == 2
    assert any("unknown subject 'Atlantis'" in w for w in result.warnings)
    assert any("needs a source" in w for w in result.warnings)


def test_a_csv_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(ConfigError, match="subject,property"):
        import_csv(path, bundled())


def test_json_import_reads_entities_before_facts_that_name_them() -> None:
    result = import_json(DATA / "knowledge.json", bundled())
    assert [e.id for e in result.entities] == ["baltic-assembly"]
    facts = {(f.subject, f.property, f.object or f.value) for f in result.facts}
    assert facts == {
        ("baltic-assembly", "founded", "1991-11-08"),
        ("estonia", "member_of", "baltic-assembly"),
    }
    assert result.warnings == [
        f"{DATA / 'knowledge.json'} facts[2]: give exactly one of object and value"
    ]


def test_json_lines_are_read_too(tmp_path: Path) -> None:
    path = tmp_path / "facts.jsonl"
    path.write_text(
        '{"subject": "nato", "property": "founded", "value": "1949-04-04", "source": "s"}\n'
        "not json\n"
    )
    result = import_json(path, bundled())
    assert len(result.facts) == 1
    assert "facts.jsonl:2: not JSON" in result.warnings[0]


def test_wikidata_dump_lines_become_facts_on_our_ids() -> None:
    result = import_wikidata(DATA / "wikidata-sample.json", bundled())
    facts = {(f.subject, f.property, f.object or f.value, f.start, f.end) for f in result.facts}
    assert ("finland", "member_of", "nato", "2023-04-04", None) in facts
    assert ("finland", "member_of", "european-union", "1995-01-01", None) in facts
    assert ("finland", "capital", "wd:Q1757", None, None) in facts
    assert ("finland", "founded", "1917-12-06", None, None) in facts
    assert ("albania", "member_of", "wd:Q82066", "1955-05-14", "1968-09-13") in facts
    assert {("finland", "shares_border_with", o, None, None) for o in ("sweden", "norway")} <= facts
    # deprecated claims and properties we did not ask for are left out
    assert not any(f.object == "united-nations" for f in result.facts)
    assert all(f.source.startswith("https://www.wikidata.org/wiki/Q") for f in result.facts)
    # items we do not know become wd: entities, with their label when the dump has it
    names = {e.id: (e.name, e.type) for e in result.entities}
    assert names["wd:Q1757"] == ("Helsinki", "place")
    assert names["wd:Q82066"] == ("Warsaw Pact", "organisation")
    assert "finland" not in names
    assert len(result.warnings) == 1 and "not a Wikidata entity" in result.warnings[0]


def test_wikidata_property_filter() -> None:
    result = import_wikidata(DATA / "wikidata-sample.json", bundled(), ["P463"])
    assert {f.property for f in result.facts} == {"member_of"}
    with pytest.raises(ConfigError, match="P9999"):
        import_wikidata(DATA / "wikidata-sample.json", bundled(), ["P9999"])


@pytest.mark.parametrize("compress", ["gz", "bz2"])
def test_compressed_wikidata_dumps_stream(tmp_path: Path, compress: str) -> None:
    raw = (DATA / "wikidata-sample.json").read_bytes()
    path = tmp_path / f"dump.json.{compress}"
    path.write_bytes(gzip.compress(raw) if compress == "gz" else bz2.compress(raw))
    assert detect_format(path) == "wikidata"
    result = import_file(path, bundled())
    assert len(result.facts) == len(import_wikidata(DATA / "wikidata-sample.json", bundled()).facts)


@given(
    st.integers(1000, 2999),
    st.integers(1, 12),
    st.integers(1, 28),
    st.sampled_from([9, 10, 11]),
)
def test_wikidata_time_keeps_the_precision(year: int, month: int, day: int, prec: int) -> None:
    value = {"time": f"+{year:04d}-{month:02d}-{day:02d}T00:00:00Z", "precision": prec}
    expected = {
        9: f"{year:04d}",
        10: f"{year:04d}-{month:02d}",
        11: f"{year:04d}-{month:02d}-{day:02d}",
    }
    assert wikidata_time(value) == expected[prec]


def test_imports_persist_and_merge_with_the_bundled_knowledge(tmp_path: Path) -> None:
    result = import_json(DATA / "knowledge.json", bundled())
    written = save_import(import_name("knowledge.json"), result.entities, result.facts, tmp_path)
    assert [p.name for p in written] == ["knowledge.jsonl", "knowledge.jsonl"]
    kb = default_knowledge(tmp_path)
    assert kb.lookup("Baltic Assembly")[0].id == "baltic-assembly"
    assert kb.facts_about("estonia", "member_of", "baltic-assembly")
    assert kb.facts_about("nato", "founded")  # the bundled facts are still there
    assert default_knowledge(tmp_path) is kb  # cached until a file changes
    save_import("knowledge", result.entities, result.facts, tmp_path)  # same name: replaced
    again = default_knowledge(tmp_path)
    assert len(again.facts_about("estonia", "member_of", "baltic-assembly")) == 1


def test_without_user_files_the_default_is_the_bundled_knowledge(tmp_path: Path) -> None:
    assert default_knowledge(tmp_path / "nothing-here") is bundled()


def test_the_user_directory_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARALLAX_KB", str(tmp_path / "kb"))
    assert user_kb_dir() == tmp_path / "kb"
    monkeypatch.delenv("PARALLAX_KB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert user_kb_dir() == tmp_path / "parallax" / "kb"


def test_import_name_is_file_safe() -> None:
    assert import_name("/x/my facts.csv") == "my-facts"
    assert import_name("latest-all.json.bz2") == "latest-all"


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        import_file(tmp_path / "missing.csv", bundled())
    shutil.rmtree(tmp_path)
