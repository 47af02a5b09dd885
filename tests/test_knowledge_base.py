"""The knowledge base loader: alias lookup, validation of bundled and user files."""

from pathlib import Path

import pytest

from parallax.errors import ConfigError
from parallax.knowledge import KBEntity, alias_key, bundled, load_dir, written_as_named
from parallax.knowledge.base import read_facts


@pytest.mark.parametrize(
    ("alias", "entity"),
    [
        ("Washington", "united-states"),
        ("the U.S.", "united-states"),
        ("the Kremlin", "russia"),
        ("Moscow", "russia"),
        ("NATO", "nato"),
        ("the North Atlantic Treaty Organization", "nato"),
        ("USSR", "soviet-union"),
        ("Kyiv", "ukraine"),
    ],
)
def test_bundled_aliases_resolve(alias: str, entity: str) -> None:
    assert entity in [e.id for e in bundled().lookup(alias)]


def test_demonyms_resolve() -> None:
    assert [e.id for e in bundled().lookup_demonym("Russian")] == ["russia"]
    assert [e.id for e in bundled().lookup_demonym("Americans")] == ["united-states"]


def test_alias_key_normalises() -> None:
    assert alias_key("The U.S.") == alias_key("US") == "us"
    assert alias_key("Russia\u2019s") == "russia"


def test_every_bundled_record_has_a_source() -> None:
    kb = bundled()
    assert all(e.source for e in kb.entities.values())
    assert all(f.source for f in kb.facts)


def test_a_fact_without_a_source_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "facts.jsonl"
    path.write_text('{"subject": "finland", "property": "member_of", "object": "nato"}\n')
    with pytest.raises(ConfigError, match=r"facts.jsonl:1: .*needs a source"):
        list(read_facts(path))


def test_a_user_directory_loads_beside_the_bundled_one(tmp_path: Path) -> None:
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "mine.jsonl").write_text(
        '{"id": "atlantis", "name": "Atlantis", "type": "country", "aliases": ["the lost isle"]}\n'
    )
    kb = load_dir(tmp_path)
    assert [e.id for e in kb.lookup("The Lost Isle")] == ["atlantis"]


def test_a_broken_line_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "bad.jsonl").write_text(
        '{"id": "x", "name": "X", "type": "country"}\n{oops\n'
    )
    with pytest.raises(ConfigError, match=r"bad.jsonl:2: not JSON"):
        load_dir(tmp_path)


def test_a_name_known_only_as_an_acronym_must_be_written_in_capitals() -> None:
    treaty = KBEntity("tarp", "Tidal Arms Reduction Pact", "treaty", ("TARP",))
    port = KBEntity("port", "Port", "place", ("PORT", "the Port"))
    assert written_as_named(treaty, "TARP") and written_as_named(treaty, "Tarp's terms")
    assert not written_as_named(treaty, "tarp") and not written_as_named(treaty, "the tarp")
    assert written_as_named(port, "the Port")  # also known by a name in ordinary case
    # ... but a name written with a capital, in lower case, is the common word
    assert not written_as_named(port, "the port")
    bloc = KBEntity("union", "Northern Union", "organisation", ("the Union",))
    assert written_as_named(bloc, "the union")  # a kind of body: the article decides


def test_a_short_acronym_is_not_named_by_the_word_with_a_capital() -> None:
    body = KBEntity("sea-body", "Shipping Executive Agency", "organisation", ("SEA",))
    club = KBEntity("nato-like", "Northern Alliance Treaty Org", "organisation", ("NATO",))
    assert not written_as_named(body, "Sea") and not written_as_named(body, "Sea's")
    assert written_as_named(body, "the SEA") and written_as_named(body, "SEA's")
    assert written_as_named(club, "Nato") and written_as_named(club, "Nato's")


def test_a_word_with_a_capital_names_no_event_known_by_that_short_acronym() -> None:
    from parallax.actors import NamedEvents
    from parallax.knowledge import Fact, KnowledgeBase

    act = KBEntity("sea-act", "Shared Economic Act", "treaty", ("SEA",))
    kb = KnowledgeBase([act], [Fact("sea-act", "signed", "invented", value="1986-02-17")])
    events = NamedEvents(kb)
    assert events.by_alias("SEA") and not events.by_alias("Sea")
