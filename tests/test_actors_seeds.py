"""The done-when checks of issue 3 on the two seed editorials (../shared/seeds)."""

from __future__ import annotations

from typing import Any

import pytest

MAIN_ACTORS = ("united-states", "russia", "nato", "ukraine")
STRAY = (
    "local:us",
    "local:u-s",
    "local:united-states",
    "local:washington",
    "local:moscow",
    "local:kremlin",
    "local:nato",
    "local:russia",
    "local:ukraine",
    "local:american",
)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    import json

    from click.testing import CliRunner

    from conftest import shared_path
    from parallax.cli import main

    seeds = sorted(shared_path("seeds").glob("*.txt"))
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    result = CliRunner().invoke(
        main,
        ["analyze", "--db", str(db), *map(str, seeds), "--format", "json", "--quiet"],
        catch_exceptions=False,
    )
    report: dict[str, Any] = json.loads(result.stdout)
    return report


@pytest.mark.shared
def test_each_main_actor_is_one_actor_per_seed(seed_report: dict[str, Any]) -> None:
    for article in seed_report["articles"]:
        ids = [a["id"] for a in article["actors"]]
        assert len(ids) == len(set(ids))
        assert not set(STRAY) & set(ids), ids
        for actor in MAIN_ACTORS:
            if actor == "ukraine" and "Ukrain" not in article["text"]:
                continue
            assert actor in ids, (article["title"], actor)
        mentions = {
            m["text"]
            for a in article["actors"]
            for m in a["mentions"]
            if a["id"] == "united-states"
        }
        assert "U.S." in mentions or "the U.S." in mentions


@pytest.mark.shared
def test_seed_aliases_resolve_to_their_state(seed_report: dict[str, Any]) -> None:
    first = next(a for a in seed_report["articles"] if "Washington" in a["text"])
    by_text: dict[str, set[str]] = {}
    for actor in first["actors"]:
        for mention in actor["mentions"]:
            by_text.setdefault(mention["text"], set()).add(actor["id"])
    assert by_text["Washington"] == {"united-states"}
    assert by_text["Moscow"] == {"russia"}
    assert by_text["the Russian rulers"] == {"russia"}
    assert by_text["the U.S. rulers"] == {"united-states"}


@pytest.mark.shared
def test_seed_quotations_have_speakers(seed_report: dict[str, Any]) -> None:
    second = next(a for a in seed_report["articles"] if "Yalta" in a["text"])
    direct = [q for q in second["quotes"] if q["kind"] == "direct" and "cram NATO" in q["text"]]
    assert len(direct) == 1 and direct[0]["cue"] == "said"
    assert direct[0]["speaker"] is not None


def _years(article: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["date"][:4]: entry for entry in article["timeline"]}


@pytest.mark.shared
def test_seed_timeline_holds_the_cited_history(seed_report: dict[str, Any]) -> None:
    second = next(a for a in seed_report["articles"] if "Yalta" in a["text"])
    years = _years(second)
    # 1998 is not required: the parser attaches it to the quoted clause, whose agent ("we")
    # no actor resolves, and the timeline leaves out an entry without a named agent. Nor is
    # 1917: its only clause says where a conflict's roots lie (a verb of origin whose doer
    # names no actor), an entry judged wrong by hand (tests/data/timeline_judgements.jsonl)
    # and left out since issue 18's fourth round.
    for year in ("1949", "1962", "1990", "1991", "2001"):
        assert year in years, (year, sorted(years))
    assert years["1939"]["inferred"] and years["1939"]["kb_event"] == "world-war-ii"
    yalta = [e for e in second["timeline"] if e.get("kb_event") == "yalta-conference"]
    assert yalta and yalta[0]["inferred"] and yalta[0]["date"].startswith("1945")
    merged = seed_report["comparison"]["timeline"]
    assert any(item["date"].startswith("1945") and item["inferred"] for item in merged)
