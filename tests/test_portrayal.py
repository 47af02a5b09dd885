"""Portrayal: roles and sentiment from events, wording and labels, and the seeds' casts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import shared_path
from parallax.portrayal import portray


@dataclass
class S:
    id: str
    text: str
    start: int
    end: int
    techniques: list[dict[str, Any]] = field(default_factory=list)


def build(*texts: str) -> tuple[str, list[S]]:
    sentences, start = [], 0
    for number, text in enumerate(texts, start=1):
        sentences.append(S(f"s{number}", text, start, start + len(text)))
        start += len(text) + 1
    return " ".join(texts), sentences


def actor(text: str, article: str, sentences: list[S], name: str, actor_id: str) -> dict[str, Any]:
    mentions = []
    for s in sentences:
        at = s.text.find(name)
        if at >= 0:
            mentions.append(
                {
                    "text": name,
                    "start": s.start + at,
                    "end": s.start + at + len(name),
                    "sentence_id": s.id,
                }
            )
    return {"id": actor_id, "name": name, "mentions": mentions, "role": None, "sentiment": None}


def test_agent_of_harm_is_antagonist_and_target_is_victim() -> None:
    text, sentences = build("Northland invaded Southland in May.", "The weather was mild.")
    north = actor(text, text, sentences, "Northland", "north")
    south = actor(text, text, sentences, "Southland", "south")
    events = [{"sentence_id": "s1", "action": "invade", "agent": "north", "target": "south"}]
    portray([north, south], sentences, text, events)
    assert north["role"] == "antagonist" and north["sentiment"] < 0
    assert south["role"] == "victim" and south["sentiment"] > 0
    assert north["role_sentences"] == ["s1"] and south["role_sentences"] == ["s1"]


def test_possessive_threat_and_harm_aimed_at_actor() -> None:
    text, sentences = build(
        "Northland's troops massed on the river.",
        "The blockade against Southland went on.",
        "Northland's missiles were moved closer.",
        "Southland was encircled by spring.",
    )
    north = actor(text, text, sentences, "Northland", "north")
    south = actor(text, text, sentences, "Southland", "south")
    portray([north, south], sentences, text)
    assert north["role"] == "antagonist"
    assert south["role"] == "victim"


def test_helper_is_protagonist_unless_doubted() -> None:
    text, sentences = build("The Red Cross helped the villagers.")
    helper = actor(text, text, sentences, "The Red Cross", "rc")
    portray([helper], sentences, text, [{"sentence_id": "s1", "action": "help", "agent": "rc"}])
    assert helper["role"] == "protagonist" and helper["sentiment"] > 0
    text, sentences = build("The League acts as if it helped the villagers.")
    league = actor(text, text, sentences, "The League", "lg")
    portray([league], sentences, text, [{"sentence_id": "s1", "action": "help", "agent": "lg"}])
    assert league["role"] == "neutral"


def test_no_evidence_is_neutral_with_zero_sentiment() -> None:
    text, sentences = build("Delegates from Eastland arrived on Tuesday.")
    east = actor(text, text, sentences, "Eastland", "east")
    portray([east], sentences, text)
    assert (east["role"], east["sentiment"], east["role_sentences"]) == ("neutral", 0.0, [])


@pytest.fixture(scope="module")
def seed_roles(pipeline: Any) -> dict[str, dict[str, str]]:
    from parallax.ingest import read_inputs
    from parallax.settings import Settings

    folder = shared_path("seeds")
    roles = {}
    for article in read_inputs(sorted(folder.glob("*.txt")), Settings(db_path=Path("x.db"))):
        analysis = pipeline(article)
        roles[article.source.rsplit("/", 1)[-1][:3]] = {
            a["id"]: a["role"] for a in analysis.layers["actors"]
        }
    return roles


SEED_LISTS_GONE = (
    "the role rules lost the word lists written from the seeds (issue 19); the learned "
    "portrayal of issue 16 is not adopted yet, so these casts wait for it"
)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("seed", "actor_id", "role"),
    [
        pytest.param(
            "000",
            "united-states",
            "antagonist",
            marks=pytest.mark.xfail(strict=True, reason=SEED_LISTS_GONE),
        ),
        ("000", "nato", "antagonist"),
        ("000", "russia", "antagonist"),  # threatens Ukraine, holds Crimea, tortures
        ("002", "united-states", "antagonist"),
        ("002", "nato", "antagonist"),
        ("002", "russia", "victim"),  # surrounded by NATO, promises broken
    ],
)
def test_seed_casts(
    seed_roles: dict[str, dict[str, str]], seed: str, actor_id: str, role: str
) -> None:
    assert seed_roles[seed][actor_id] == role


@pytest.mark.shared
@pytest.mark.xfail(strict=True, reason=SEED_LISTS_GONE)
def test_seed_workers_are_not_cast_as_antagonists(seed_roles: dict[str, dict[str, str]]) -> None:
    # The editorial speaks for working people; a pronoun slip must not make them villains.
    assert seed_roles["000"]["working-class"] != "antagonist"
    assert seed_roles["000"]["capitalist-class"] == "antagonist"
