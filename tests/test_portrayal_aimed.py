"""Attacks told through what is sent at someone, on invented war and business copy (issue 16).

"Northland launched drones at Southland" harms Southland though "launch" harms nobody by
itself; "launched a new phone" and "launched an investigation" stay neutral.
"""

from __future__ import annotations

from typing import Any

import pytest

from parallax.actors.aims import aim, instrument, noun_class
from parallax.model import Article
from parallax.portrayal import actions
from parallax.portrayal.aimed import as_done_to_aim, attack_kind
from parallax.spacy_model import load_spacy


def verb_of(sentence: str, verb: str) -> Any:
    return next(t for t in load_spacy()(sentence) if t.text == verb)


@pytest.mark.parametrize(
    ("sentence", "verb", "what", "at"),
    [
        (
            "Northland launched dozens of drones at Southland on Monday.",
            "launched",
            "weapons",
            "Southland",
        ),
        ("Northland fired missiles at Port Vell, damaging a school.", "fired", "weapons", "Vell"),
        (
            "Southern troops lobbed artillery rounds at northern positions.",
            "lobbed",
            "weapons",
            "positions",
        ),
        (
            "Northland launched an attack on the port of Vell before dawn.",
            "launched",
            "attack",
            "port",
        ),
        ("The army carried out airstrikes on rebel camps.", "carried", "attack", "camps"),
        ("Harlow launched a new smartphone at a fair in Vell.", "launched", None, "fair"),
        ("Harlow launched an investigation into the leak.", "launched", None, "leak"),
        ("Harlow launched a new drone on Tuesday.", "launched", None, None),
    ],
)
def test_the_object_and_the_aim_of_an_act(
    sentence: str, verb: str, what: str | None, at: str | None
) -> None:
    token = verb_of(sentence, verb)
    assert instrument(token) == what
    found = aim(token)
    assert (found.text if found is not None else None) == at


def event(action: str, written: str, what: str | None, **aim: Any) -> dict[str, Any]:
    return {
        "action": action,
        "action_text": written,
        "instrument": what,
        "aim": aim or None,
        "target": None,
        "target_text": "the object",
    }


def test_sending_a_weapon_or_starting_an_attack_is_harm() -> None:
    assert attack_kind(event("launch", "launched", "weapons")) == actions.HARMFUL
    assert attack_kind(event("lob", "lobbed", "weapons")) == actions.HARMFUL
    at_kyiv = event("launch", "launched", "weapon", actor="kyiv", people=True)
    assert attack_kind(at_kyiv) == actions.HARMFUL
    at_a_village = event("lob", "lobbed", "weapon", actor=None, people=False, text="a village")
    assert attack_kind(at_a_village) == actions.HARMFUL
    assert attack_kind(event("carry out", "carried out", "attack")) == actions.HARMFUL
    assert attack_kind(event("not launch", "did not launch", "weapons")) is None
    assert attack_kind(event("buy", "bought", "weapons")) is None  # buying arms is no attack


def test_one_rocket_launched_or_one_launched_into_orbit_is_no_attack() -> None:
    assert attack_kind(event("launch", "launched", "weapon")) is None
    into_orbit = event("launch", "launched", "weapons", actor=None, people=False, text="orbit")
    assert attack_kind(into_orbit) is None


def test_a_war_is_harm_only_when_aimed_at_someone() -> None:
    on_a_state = event("wag", "waged", "hostility", actor="south", people=True)
    assert attack_kind(on_a_state) == actions.HARMFUL  # the tagger's lemma of "waged"
    on_a_thing = event("wage", "waged", "hostility", actor=None, people=False, text="drugs")
    assert attack_kind(on_a_thing) is None


def test_launching_a_product_a_campaign_or_an_inquiry_is_no_harm() -> None:
    for thing in ("launch", "launched", None), ("start", "started", None):
        assert attack_kind(event(*thing)) is None
    assert actions.kind("launch", "launched") is None


def test_an_aimed_attack_is_done_to_its_aim() -> None:
    seen = as_done_to_aim(
        event("fire", "fired", "weapons", actor="south", text="Vell", named=True, people=True)
    )
    assert seen["target"] == "south" and seen["target_named"]
    unaimed = as_done_to_aim(event("launch", "launched", "weapons"))
    assert unaimed["target"] is None and not actions.stops_harm(unaimed, frozenset({"object"}))


def test_verbs_of_attack_the_lexicon_does_not_rate_are_harm() -> None:
    assert actions.kind("shell", "shelled") == actions.HARMFUL
    assert actions.kind("invade", "invaded") == actions.HARMFUL


def evidence(actor: dict[str, Any]) -> list[str]:
    return [e["signal"] for e in actor["evidence"] if e["signal"] != "sentiment"]


def test_the_attacker_and_the_attacked_get_the_deed_end_to_end(pipeline: Any) -> None:
    text = (
        "Northland launched dozens of drones at Southland on Monday. Northland also fired "
        "missiles at Eastland, damaging a school."
    )
    analysis = pipeline(Article(text=text, source="invented", language="en"))
    cast = {a["name"]: a for a in analysis.layers["actors"]}
    assert "agent of harmful action: launched" in evidence(cast["Northland"])
    assert "target of harmful action: launched" in evidence(cast["Southland"])
    assert "target of harmful action: fired" in evidence(cast["Eastland"])


def test_launching_a_phone_and_an_inquiry_stays_neutral_end_to_end(pipeline: Any) -> None:
    text = (
        "Harlow Electronics launched a new smartphone on Tuesday. The company also launched "
        "an investigation into a data leak at its plant in Vietnam."
    )
    analysis = pipeline(Article(text=text, source="invented", language="en"))
    for actor in analysis.layers["actors"]:
        assert not any("harmful" in signal for signal in evidence(actor)), actor


@pytest.mark.parametrize(
    ("sentence", "word", "what"),
    [
        ("Vell was hit by a barrage of drones overnight.", "barrage", "weapons"),
        ("Northern missiles struck power plants.", "missiles", "weapons"),
        ("Missile strikes pounded the port.", "strikes", "attack"),
        ("The new drone impressed buyers.", "drone", None),
    ],
)
def test_what_a_doer_is(sentence: str, word: str, what: str | None) -> None:
    assert noun_class(verb_of(sentence, word)) == what


def test_hitting_done_by_weapons_is_harm() -> None:
    hit = {
        "action": "hit",
        "action_text": "was hit",
        "doer_class": "weapons",
        "target_text": "Vell",
    }
    assert attack_kind(hit) == actions.HARMFUL
    assert attack_kind({**hit, "doer_class": None}) is None  # "the storm hit Vell": no attack
    assert attack_kind({**hit, "target_text": None}) is None
    told = {"action": "say", "action_text": "said", "doer_class": "weapons", "target_text": "x"}
    assert attack_kind(told) is None


def test_a_place_hit_by_drones_is_a_victim_and_downing_them_no_aggression(
    pipeline: Any,
) -> None:
    text = (
        "Ukraine was hit by a barrage of drones overnight. Ukraine's air defences shot "
        "down 30 of the drones."
    )
    analysis = pipeline(Article(text=text, source="invented", language="en"))
    cast = {a["name"]: a for a in analysis.layers["actors"]}
    signals = evidence(cast["Ukraine"])
    assert "target of harmful action: was hit" in signals
    assert not any(s.startswith("agent of harmful") for s in signals)
