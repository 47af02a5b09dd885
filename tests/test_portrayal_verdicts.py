"""Verdicts and prescriptions: how the article's own words judge an actor (invented copy)."""

from __future__ import annotations

from typing import Any

import pytest

from parallax.portrayal import portray, roles
from parallax.portrayal.roles import Judgment, prescribed, prescribed_against
from parallax.portrayal.verdicts import verdicts
from parallax.portrayal.voice import OWN_VOICE, QUOTED, Voice
from parallax.spacy_model import load_spacy

NEGATIVE = (0.9, 0.08, 0.02)
POSITIVE = (0.02, 0.08, 0.9)
WARM = (0.05, 0.25, 0.7)


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_spacy()


def judged(nlp: Any, text: str, *names: str) -> dict[tuple[str, str], float]:
    """The verdicts on each named actor (id = name), sentences numbered s1, s2 ..."""
    doc = nlp(text)
    ids = {sentence.start_char: f"s{n}" for n, sentence in enumerate(doc.sents, start=1)}
    actors = []
    for name in names:
        mentions = []
        for sentence in doc.sents:
            at = sentence.text.find(name)
            if at >= 0:
                start = sentence.start_char + at
                mentions.append(
                    {
                        "start": start,
                        "end": start + len(name),
                        "sentence_id": ids[sentence.start_char],
                    }
                )
        actors.append({"id": name, "mentions": mentions})
    return verdicts(doc, actors)


def test_a_copula_with_a_judging_complement_is_a_verdict_on_its_subject(nlp: Any) -> None:
    found = judged(nlp, "Norland is the worst offender in the alliance.", "Norland")
    assert found[("Norland", "s1")] < 0
    found = judged(nlp, "Mayor Ilse Varga was a hero of the flood.", "Ilse Varga")
    assert found[("Ilse Varga", "s1")] > 0
    found = judged(nlp, "Norland remains the worst offender.", "Norland")
    assert found[("Norland", "s1")] < 0
    # An object's predicate is the object's: "keeps the port open" says nothing of Norland.
    assert judged(nlp, "Norland keeps the disgraceful camps open.", "Norland") == {}


def test_a_verdict_on_what_an_actor_owns_is_on_the_actor(nlp: Any) -> None:
    found = judged(nlp, "Senator Pell wrote the bill. Her bill is a disgrace.", "Pell", "Her")
    assert found[("Her", "s2")] < 0


def test_a_state_the_actor_is_in_is_no_verdict(nlp: Any) -> None:
    # An adjective tells a state (news), a quality owned is often suffered ("misery").
    text = (
        "Senator Ruth Pell was furious after the vote. Mayor Ilse Varga is confident. "
        "Voters in Norland are tired of the Assembly's arrogance."
    )
    assert judged(nlp, text, "Ruth Pell", "Ilse Varga", "Assembly") == {}


def test_negation_turns_a_verdict_round(nlp: Any) -> None:
    found = judged(nlp, "Governor Tomas Reyes is no hero.", "Tomas Reyes")
    assert found[("Tomas Reyes", "s1")] < 0


def test_a_demonstrative_judges_the_doer_of_the_deed_before_it(nlp: Any) -> None:
    text = "Chancellor Ada Marek spent weeks blocking the vote. That is a cynical bet."
    assert judged(nlp, text, "Ada Marek")[("Ada Marek", "s1")] < 0


def test_news_told_without_judging_is_no_verdict(nlp: Any) -> None:
    text = (
        "Three soldiers were killed in Norland on Monday. The port city's destruction "
        "of homes continued. The party's defeat was announced at midnight. The Senate "
        "is in session."
    )
    assert judged(nlp, text, "Norland", "party", "Senate") == {}


def test_a_prescription_is_no_praise_of_whom_it_is_asked_of() -> None:
    events = [
        {"agent": "congress", "sentence_id": "s1", "action": "pass", "action_text": "should pass"},
        {"agent": "bank", "sentence_id": "s2", "action": "act", "action_text": "needs to act"},
        {"agent": "army", "sentence_id": "s3", "action": "shell", "action_text": "shelled"},
    ]
    assert prescribed(events) == {("congress", "s1"), ("bank", "s2")}
    text = "Congress should pass a law that keeps the government open. Congress met on Monday."
    first = len("Congress should pass a law that keeps the government open.")
    sentences = [
        _S("s1", text[:first], 0, first),
        _S("s2", text[first + 1 :], first + 1, len(text)),
    ]
    congress = {
        "id": "congress",
        "mentions": [
            {"start": 0, "end": 8, "sentence_id": "s1"},
            {"start": first + 1, "end": first + 9, "sentence_id": "s2"},
        ],
    }
    judgments = {"congress": [Judgment("s1", OWN_VOICE, WARM), Judgment("s2", OWN_VOICE, WARM)]}
    portray([congress], sentences, text, events=events[:1], judgments=judgments)
    # The second sentence still reads warm; the prescription adds nothing to it.
    assert congress["sentiment"] == pytest.approx((WARM[2] - WARM[0] - WARM[0]) / 2, abs=1e-3)
    # Nor does a source's prescription praise whom it is asked of.
    quoted = Voice(QUOTED, None, "the governor")
    congress["mentions"] = congress["mentions"][:1]
    portray(
        [congress],
        sentences,
        text,
        events=events[:1],
        judgments={"congress": [Judgment("s1", quoted, WARM)]},
    )
    assert [q["sentiment_label"] for q in congress["quoted"]] == ["neutral"]


def test_a_prescription_to_harm_another_is_no_blame_of_whom_it_is_asked_of() -> None:
    # Invented: the writer wants the Senate to reject the plan; the sentence's negative tone
    # is the rejection's, aimed at the plan.
    reject = {
        "agent": "senate",
        "sentence_id": "s1",
        "action": "reject",
        "action_text": "should reject",
        "target_text": "the House's plan",
    }
    answer = {
        "agent": "moscow",
        "sentence_id": "s2",
        "action": "answer",
        "action_text": "must answer",
    }
    rejected = {**reject, "sentence_id": "s3", "action_text": "rejected"}
    assert prescribed_against([reject, answer, rejected]) == {("senate", "s1")}
    text = "The Senate should reject the House's plan. The Senate met on Monday."
    first = len("The Senate should reject the House's plan.")
    sentences = [
        _S("s1", text[:first], 0, first),
        _S("s2", text[first + 1 :], first + 1, len(text)),
    ]
    senate = {
        "id": "senate",
        "mentions": [
            {"start": 4, "end": 10, "sentence_id": "s1"},
            {"start": first + 5, "end": first + 11, "sentence_id": "s2"},
        ],
    }
    judgments = {
        "senate": [Judgment("s1", OWN_VOICE, NEGATIVE), Judgment("s2", OWN_VOICE, NEGATIVE)]
    }
    portray([senate], sentences, text, events=[reject], judgments=judgments)
    # Only the second sentence blames; the first reads neutral.
    assert senate["sentiment"] == pytest.approx((NEGATIVE[2] - NEGATIVE[0]) / 2, abs=1e-3)
    read = {e["signal"] for e in senate["evidence"] if e["sentence_id"] == "s1"}
    assert not [signal for signal in read if signal.startswith("negative sentiment")], read


def test_whom_a_demand_asks_to_act_is_read_as_told_to_act(nlp: Any) -> None:
    from parallax.portrayal.asked import asked_to_act

    # Invented: the writer demands a veto of the governor and a resignation of the mayor;
    # a report of what the governor did asks nothing.
    def asked(text: str, name: str) -> dict[tuple[str, str], str]:
        at = text.index(name)
        mention = {"start": at, "end": at + len(name), "sentence_id": "s1"}
        return asked_to_act(nlp(text), [{"id": "x", "mentions": [mention]}])

    assert asked("We must demand that Governor Ann Ruiz veto this bill.", "Ann Ruiz") == {
        ("x", "s1"): "veto"
    }
    assert asked("Residents called on Mayor Tom Reed to resign.", "Tom Reed") == {
        ("x", "s1"): "resign"
    }
    assert asked("Governor Ann Ruiz vetoed the bill on Monday.", "Ann Ruiz") == {}
    # Asked to turn a bill down, the governor is neither blamed nor praised by the sentence;
    # asked to resign, the mayor is not praised, and the blame stays.
    text = "We must demand that Governor Ines Vale veto this bill. Vale met farmers."
    first = len("We must demand that Governor Ines Vale veto this bill.")
    sentences = [
        _S("s1", text[:first], 0, first),
        _S("s2", text[first + 1 :], first + 1, len(text)),
    ]
    vale = {
        "id": "vale",
        "mentions": [
            {"start": 29, "end": 38, "sentence_id": "s1"},
            {"start": first + 1, "end": first + 5, "sentence_id": "s2"},
        ],
    }
    read = [Judgment("s1", OWN_VOICE, NEGATIVE), Judgment("s2", OWN_VOICE, NEGATIVE)]
    portray([vale], sentences, text, judgments={"vale": read}, asked={("vale", "s1"): "veto"})
    assert vale["sentiment"] == pytest.approx((NEGATIVE[2] - NEGATIVE[0]) / 2, abs=1e-3)


def test_an_agreeing_verdict_is_enough_evidence_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roles, "MIN_SENTENCES", 2)
    text = "Norland is a disgrace. The talks ended. Nobody came."
    sentences = [_S("s1", "Norland is a disgrace.", 0, 22)]
    norland = {"id": "norland", "mentions": [{"start": 0, "end": 7, "sentence_id": "s1"}]}
    plain = {"id": "plain", "mentions": [{"start": 0, "end": 7, "sentence_id": "s1"}]}
    judgments = {
        "norland": [Judgment("s1", OWN_VOICE, NEGATIVE)],
        "plain": [Judgment("s1", OWN_VOICE, NEGATIVE)],
    }
    portray(
        [norland, plain],
        [*sentences, _S("s2", "The talks ended.", 23, 39), _S("s3", "Nobody came.", 40, 52)],
        text,
        judgments=judgments,
        verdicts={("norland", "s1"): -2.2},
    )
    assert norland["sentiment_label"] == "negative"
    assert any(e["signal"] == "verdict" for e in norland["evidence"])
    assert plain["sentiment_label"] == "neutral"  # one reading alone is still too little


def test_a_verdict_the_reading_does_not_share_is_no_evidence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(roles, "MIN_SENTENCES", 2)
    text = "Norland is a disgrace. The talks ended."
    sentences = [_S("s1", "Norland is a disgrace.", 0, 22), _S("s2", "The talks ended.", 23, 39)]
    norland = {"id": "norland", "mentions": [{"start": 0, "end": 7, "sentence_id": "s1"}]}
    portray(
        [norland],
        sentences,
        text,
        judgments={"norland": [Judgment("s1", OWN_VOICE, POSITIVE)]},
        verdicts={("norland", "s1"): -2.2},
    )
    assert norland["sentiment_label"] == "neutral"
    assert not any(e["signal"] == "verdict" for e in norland["evidence"])
    # A barely warm reading (past the +0.05 cut, but no confident class) confirms no praise.
    hero = {"id": "hero", "mentions": [{"start": 0, "end": 7, "sentence_id": "s1"}]}
    portray(
        [hero],
        sentences,
        text,
        judgments={"hero": [Judgment("s1", OWN_VOICE, (0.2, 0.45, 0.35))]},
        verdicts={("hero", "s1"): 2.6},
    )
    assert hero["sentiment_label"] == "neutral"


class _S:
    def __init__(self, sentence_id: str, text: str, start: int, end: int) -> None:
        self.id, self.text, self.start, self.end = sentence_id, text, start, end
        self.techniques: list[dict[str, Any]] = []
