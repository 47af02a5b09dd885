"""The bundled knowledge is complete and consistent enough to check ordinary claims against.

These tests are the specification of the demo domain: every fact sourced and well-formed,
and the numbers a reader would ask about (NATO's 32 members, its 12 founders, the seven of
2004, the EU's 27) come out of the data, not out of a list in the code.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import Counter
from pathlib import Path

import pytest

from parallax.knowledge import Fact, bundled
from parallax.knowledge.base import BUNDLED_DIR
from parallax.knowledge.model import ENTITY_TYPES

TODAY = "2026-01-01"


def _date(value: str) -> dt.date:
    """Parse an ISO date, year-month or year (the first day of the period)."""
    parts = value.split("-")
    if len(parts) == 1:
        return dt.date(int(parts[0]), 1, 1)
    if len(parts) == 2:
        return dt.date(int(parts[0]), int(parts[1]), 1)
    return dt.date.fromisoformat(value)


def _members(org: str, on: str) -> set[str]:
    return {
        f.subject
        for f in bundled().facts_about(property="member_of", object=org)
        if f.start is not None and f.start <= on and (f.end is None or f.end > on)
    }


def _joined(org: str, start: str, end: str) -> set[str]:
    return {
        f.subject
        for f in bundled().facts_about(property="member_of", object=org)
        if f.start is not None and start <= f.start <= end
    }


def test_no_entity_id_is_defined_twice() -> None:
    ids: Counter[str] = Counter()
    for path in sorted(BUNDLED_DIR.glob("entities/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids[json.loads(line)["id"]] += 1
    assert [i for i, n in ids.items() if n > 1] == []


def test_every_fact_is_sourced_and_points_at_known_entities() -> None:
    kb = bundled()
    for fact in kb.facts:
        assert fact.source.startswith("https://"), fact
        assert fact.subject in kb.entities, fact
        assert fact.object is None or fact.object in kb.entities, fact


def test_every_entity_has_a_type_and_a_source() -> None:
    for entity in bundled().entities.values():
        assert entity.type in ENTITY_TYPES
        assert entity.source.startswith("https://"), entity.id


def _dated(fact: Fact) -> list[str]:
    values = [v for v in (fact.start, fact.end) if v]
    if fact.property in {
        "founded",
        "dissolved",
        "adopted",
        "signed",
        "entered_into_force",
        "terminated",
    }:
        values.append(fact.value or "")
    if fact.property in {"start_date", "end_date"}:
        values.append(fact.value or "")
    return values


def test_dates_parse_and_start_is_not_after_end() -> None:
    for fact in bundled().facts:
        for value in _dated(fact):
            _date(value)
        if fact.start and fact.end:
            assert _date(fact.start) <= _date(fact.end), fact


def test_events_and_treaties_are_in_order() -> None:
    kb = bundled()
    for entity in kb.entities.values():
        if entity.type == "event":
            starts = kb.facts_about(entity.id, "start_date")
            ends = kb.facts_about(entity.id, "end_date")
            assert len(starts) == 1, entity.id
            if ends:
                assert _date(starts[0].value or "") <= _date(ends[0].value or ""), entity.id
        if entity.type == "treaty":
            signed = kb.facts_about(entity.id, "signed")
            assert len(signed) == 1, entity.id
            for later in ("entered_into_force", "terminated"):
                for fact in kb.facts_about(entity.id, later):
                    assert _date(signed[0].value or "") <= _date(fact.value or ""), entity.id


def test_nato_has_32_members_today_and_had_12_founders() -> None:
    assert len(_members("nato", TODAY)) == 32
    founders = {f.subject for f in bundled().facts_about(property="founding_member_of")}
    nato_founders = {
        f.subject for f in bundled().facts_about(property="founding_member_of", object="nato")
    }
    assert len(nato_founders) == 12
    assert nato_founders <= founders
    assert len(_members("nato", "1949-12-31")) == 12


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("1952-01-01", "1952-12-31", {"greece", "turkey"}),
        ("1955-01-01", "1955-12-31", {"germany"}),
        ("1999-01-01", "1999-12-31", {"czechia", "hungary", "poland"}),
        (
            "2004-01-01",
            "2004-12-31",
            {"bulgaria", "estonia", "latvia", "lithuania", "romania", "slovakia", "slovenia"},
        ),
        ("2009-01-01", "2009-12-31", {"albania", "croatia"}),
        ("2023-04-04", "2023-04-04", {"finland"}),
        ("2024-03-07", "2024-03-07", {"sweden"}),
    ],
)
def test_nato_enlargements(start: str, end: str, expected: set[str]) -> None:
    assert _joined("nato", start, end) == expected


def test_nato_membership_counts_over_time() -> None:
    assert len(_members("nato", "1990-01-01")) == 16
    assert len(_members("nato", "2004-12-31")) == 26
    assert len(_members("nato", "2023-12-31")) == 31
    assert len(_joined("nato", "1990-01-01", "2020-12-31")) == 14


def test_warsaw_pact_membership() -> None:
    founding = _members("warsaw-pact", "1955-05-14")
    assert len(founding) == 8
    assert "albania" not in _members("warsaw-pact", "1970-01-01")
    assert "east-germany" not in _members("warsaw-pact", "1990-12-31")
    assert len(_members("warsaw-pact", "1991-06-30")) == 6
    assert _members("warsaw-pact", "1991-07-01") == set()
    (dissolved,) = bundled().facts_about("warsaw-pact", "dissolved")
    assert dissolved.value == "1991-07-01"


def test_eu_has_27_members_and_the_enlargements() -> None:
    assert len(_members("european-union", TODAY)) == 27
    assert "united-kingdom" in _members("european-union", "2020-01-30")
    assert "united-kingdom" not in _members("european-union", "2020-02-01")
    assert len(_members("european-union", "1958-01-01")) == 6
    assert len(_joined("european-union", "2004-01-01", "2004-12-31")) == 10
    assert _joined("european-union", "1973-01-01", "1973-12-31") == {
        "denmark",
        "ireland",
        "united-kingdom",
    }


def test_borders_are_symmetric() -> None:
    pairs = {(f.subject, f.object) for f in bundled().facts_about(property="shares_border_with")}
    assert pairs
    assert all((b, a) in pairs for a, b in pairs)
    assert ("ukraine", "russia") in pairs


def test_heads_of_state_and_government_do_not_overlap() -> None:
    kb = bundled()
    for country in ("united-states", "united-kingdom", "france", "germany", "russia", "ukraine"):
        for prop in ("head_of_state", "head_of_government"):
            terms = sorted(
                (f for f in kb.facts_about(country, prop) if f.start), key=lambda f: f.start or ""
            )
            for earlier, later in itertools.pairwise(terms):
                assert earlier.end is not None, (country, prop, earlier)
                assert earlier.end <= (later.start or ""), (country, prop, earlier, later)


@pytest.mark.parametrize(
    ("alias", "entity"),
    [
        ("the Madrid summit", "nato-summit-2022-madrid"),
        ("NATO Madrid summit", "nato-summit-2022-madrid"),
        ("2022 Madrid summit", "nato-summit-2022-madrid"),
        ("Operation Allied Force", "nato-bombing-of-yugoslavia"),
        ("the Cuban Missile Crisis", "cuban-missile-crisis"),
        ("Minsk II", "minsk-ii"),
        ("West Germany", "germany"),
        ("the Czech Republic", "czechia"),
        ("Vladimir Putin", "vladimir-putin"),
        ("Zelenskyy", "volodymyr-zelensky"),
        ("Treaty of Rome", "treaty-of-rome"),
    ],
)
def test_aliases_of_the_demo_domain(alias: str, entity: str) -> None:
    assert entity in [e.id for e in bundled().lookup(alias)]


def test_the_data_files_are_split_by_domain() -> None:
    names = {p.relative_to(BUNDLED_DIR).as_posix() for p in BUNDLED_DIR.glob("*/*.jsonl")}
    expected = {
        "entities/countries.jsonl",
        "entities/organisations.jsonl",
        "entities/people.jsonl",
        "entities/events.jsonl",
        "entities/treaties.jsonl",
        "facts/memberships.jsonl",
        "facts/treaties.jsonl",
        "facts/events.jsonl",
        "facts/leaders.jsonl",
        "facts/countries.jsonl",
    }
    assert expected <= names
    assert all(Path(BUNDLED_DIR, n).stat().st_size > 0 for n in names)


def test_a_treaty_is_dated_by_its_adoption_where_the_knowledge_base_records_one() -> None:
    # The Paris Agreement is "the 2015 Paris Agreement" in news: adopted at COP21 in
    # December 2015, opened for signature only in April 2016.
    from parallax.actors.named_events import NamedEvents

    paris = NamedEvents(bundled()).events["paris-agreement"]
    assert (paris.start, paris.year) == ("2015-12-12", 2015)
