"""Portrayal: roles and sentiment from the model, actions and name-calling, by voice."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import shared_path
from parallax.portrayal import actions, portray, roles
from parallax.portrayal import voice as voice_module
from parallax.portrayal.roles import Judgment
from parallax.portrayal.voice import OWN_VOICE, Voice, VoiceIndex


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


NEGATIVE = (0.9, 0.08, 0.02)
NEUTRAL = (0.1, 0.8, 0.1)
POSITIVE = (0.02, 0.08, 0.9)


def test_agent_of_harm_is_antagonist_and_target_is_victim() -> None:
    text, sentences = build("Northland invaded Southland in May.", "Northland lied again.")
    north = actor(text, text, sentences, "Northland", "north")
    south = actor(text, text, sentences, "Southland", "south")
    events = [
        {
            "sentence_id": "s1",
            "action": "attack",
            "action_text": "attacked",
            "agent": "north",
            "target": "south",
            "trigger": {"start": 10, "end": 17},
        }
    ]
    judgments = {
        "north": [Judgment("s1", OWN_VOICE, NEGATIVE), Judgment("s2", OWN_VOICE, NEGATIVE)],
        "south": [Judgment("s1", OWN_VOICE, NEUTRAL)],
    }
    portray([north, south], sentences, text, events, judgments=judgments)
    assert north["role"] == "antagonist" and north["sentiment"] < 0
    assert north["sentiment_label"] == "negative"
    assert south["role"] == "victim"
    assert north["role_sentences"] == ["s1", "s2"] and south["role_sentences"] == ["s1"]
    assert north["sentiment_sentences"] == ["s1", "s2"]
    signals = {(e["signal"], e["voice"]) for e in north["evidence"]}
    assert ("agent of harmful action: attacked", "own") in signals


def test_helper_is_protagonist() -> None:
    text, sentences = build("The Red Cross rescued the villagers.", "The Red Cross stayed.")
    helper = actor(text, text, sentences, "The Red Cross", "rc")
    event = {
        "sentence_id": "s1",
        "action": "rescue",
        "action_text": "rescued",
        "agent": "rc",
        "target_text": "the villagers",
        "target_people": True,
        "trigger": {"start": 14, "end": 21},
    }
    read = [Judgment("s1", OWN_VOICE, POSITIVE), Judgment("s2", OWN_VOICE, POSITIVE)]
    portray([helper], sentences, text, [event], judgments={"rc": read})
    assert helper["role"] == "protagonist" and helper["sentiment"] > 0


def test_help_that_reaches_no_one_is_no_deed() -> None:
    # An act of procedure on a thing ("approved the bill") helps nobody a reader could name.
    text, sentences = build("The council approved the bill.", "The council adjourned.")
    council = actor(text, text, sentences, "The council", "council")
    event = {
        "sentence_id": "s1",
        "action": "approve",
        "action_text": "approved",
        "agent": "council",
        "target_text": "the bill",
        "target_people": False,
        "trigger": {"start": 12, "end": 20},
    }
    read = [Judgment("s1", OWN_VOICE, POSITIVE), Judgment("s2", OWN_VOICE, POSITIVE)]
    portray([council], sentences, text, [event], judgments={"council": read})
    signals = [e["signal"] for e in council["evidence"]]
    assert "subject of helpful-sounding word: approved" in signals, signals
    assert not any(s.startswith("agent of") for s in signals), signals


def test_joining_someone_is_no_deed() -> None:
    # Joining an alliance or a coalition does its members neither good nor harm.
    text, sentences = build("Northland joined the league.", "Northland voted.")
    north = actor(text, text, sentences, "Northland", "north")
    league = actor(text, text, sentences, "the league", "league")
    event = {
        "sentence_id": "s1",
        "action": "join",
        "action_text": "joined",
        "agent": "north",
        "target": "league",
        "target_text": "the league",
        "target_people": True,
        "trigger": {"start": 10, "end": 16},
    }
    read = [Judgment("s1", OWN_VOICE, POSITIVE), Judgment("s2", OWN_VOICE, NEUTRAL)]
    portray([north, league], sentences, text, [event], judgments={"north": read})
    signals = [e["signal"] for e in north["evidence"]]
    assert "subject of helpful-sounding word: joined" in signals, signals
    assert north["role"] == "neutral"


def test_whom_an_appeal_asks_is_no_victim_of_the_sentences_tone() -> None:
    # Invented: the council is asked to act; the grim tone is the growers' plight.
    text, sentences = build(
        "Ruined growers have begged the council to act.", "The council met on Friday."
    )
    council = actor(text, text, sentences, "the council", "council")
    event = {
        "sentence_id": "s1",
        "action": "beg",
        "action_text": "have begged",
        "target": "council",
        "target_text": "the council",
        "target_people": True,
        "trigger": {"start": 20, "end": 26},
    }
    read = [Judgment("s1", OWN_VOICE, NEGATIVE), Judgment("s2", OWN_VOICE, NEUTRAL)]
    portray([council], sentences, text, [event], judgments={"council": read})
    signals = [e["signal"] for e in council["evidence"]]
    assert "negative sentiment (target)" not in signals, signals


def test_stirring_a_feeling_or_leaving_a_place_is_no_deed() -> None:
    # "Angered the farmers" tells how they feel, "left his post" where he went: nobody is
    # attacked, nobody suffers harm.
    text, sentences = build(
        "The mayor's plan angered the farmers.", "The mayor abandoned his office on Friday."
    )
    mayor = actor(text, text, sentences, "The mayor", "mayor")
    farmers = actor(text, text, sentences, "the farmers", "farmers")
    events = [
        {"sentence_id": "s1", "action": "anger", "action_text": "angered", "agent": "mayor",
         "target": "farmers", "target_text": "the farmers", "target_people": True,
         "trigger": {"start": 17, "end": 24}},
        {"sentence_id": "s2", "action": "abandon", "action_text": "abandoned",
         "agent": "mayor", "target_text": "his office", "target_people": False,
         "trigger": {"start": 48, "end": 57}},
    ]  # fmt: skip
    assert actions.kind("anger", "angered") == actions.HARMFUL  # the lexicon rates the word
    read = [Judgment("s1", OWN_VOICE, NEGATIVE), Judgment("s2", OWN_VOICE, NEGATIVE)]
    portray([mayor, farmers], sentences, text, events, judgments={"mayor": read})
    for found in (mayor, farmers):
        signals = [e["signal"] for e in found["evidence"]]
        assert not any(s.startswith(("agent of", "target of")) for s in signals), signals
        assert found["role"] == "neutral", found


def test_acting_on_a_proposal_harms_nobody_but_on_people_it_does() -> None:
    # Invented: rejecting an appeal or blocking a bill is procedure; banning a party falls
    # on the party itself.
    assert not actions.is_deed(
        {"action": "reject", "target_text": "the appeal", "target_people": False}, False
    )
    assert not actions.is_deed(
        {"action": "block", "target_text": "the harbour bill", "target_people": False}, False
    )
    assert actions.is_deed(
        {"action": "ban", "target_text": "the Harbour Party", "target_people": True}, True
    )
    assert actions.is_deed(
        {"action": "destroy", "target_text": "two bridges", "target_people": False}, False
    )


def test_losing_control_is_a_failure_not_a_loss_suffered() -> None:
    # Invented: "the party had lost control of its members" casts no victim; "lost two
    # towns" is still a loss the loser suffers.
    control = {"action": "lose", "target_text": "control of its members", "target_head": "control"}
    assert not actions.is_deed(control, False)
    towns = {"action": "lose", "target_text": "two towns", "target_head": "town"}
    assert actions.is_deed(towns, False)


def test_an_idiom_on_a_verb_of_harm_is_no_deed() -> None:
    # Invented: breaking ranks or a silence harms no one; breaking a window does.
    for head in ("rank", "silence", "record"):
        event = {"action": "break", "target_text": "x", "target_head": head}
        assert not actions.is_deed(event, False), head
    window = {"action": "break", "target_text": "the windows", "target_head": "window"}
    assert actions.is_deed(window, False)


def test_taking_a_side_is_no_deed() -> None:
    # Invented: backing a nominee in a vote is a stance, not help (FrameNet Taking_sides).
    assert actions.kind("support", "supported") is None
    assert actions.kind("back", "backed") is None
    assert actions.kind("help", "helped") == actions.HELPFUL
    text, sentences = build("All Unionists supported Mr. Vale.", "The vote was 14-13.")
    party = actor(text, text, sentences, "All Unionists", "unionists")
    vale = actor(text, text, sentences, "Mr. Vale", "vale")
    event = {
        "sentence_id": "s1",
        "action": "support",
        "action_text": "supported",
        "agent": "unionists",
        "target": "vale",
        "target_text": "Mr. Vale",
        "target_people": True,
        "trigger": {"start": 14, "end": 23},
    }
    portray([party, vale], sentences, text, [event])
    assert party["role"] == "neutral" and not party["evidence"], party


def test_a_feeling_towards_someone_is_no_deed() -> None:
    # Invented: fearing, distrusting or loving someone does nothing to them (Levin 31.2).
    for verb, written in (("fear", "fear"), ("distrust", "distrust"), ("love", "loved")):
        assert actions.kind(verb, written) is None, verb
    assert actions.kind("frighten", "frightened") == actions.HARMFUL


def test_a_contest_both_sides_wage_is_no_deed_but_prevailing_in_it_is() -> None:
    # Invented: "the couple had been fighting the agency" harms no agency (Levin 36.4).
    for verb, written in (("fight", "fighting"), ("battle", "battled"), ("clash", "clashed")):
        assert actions.kind(verb, written) is None, verb
    assert actions.kind("fight off", "fought") == actions.HARMFUL


def test_a_participle_rated_as_an_adjective_of_quality_gives_its_verb_no_rating() -> None:
    # Invented: "an advanced economy" is praise; "voted to advance the nominee" is procedure.
    # A participle rated as a deed still counts.
    for verb, written in (("advance", "advance"), ("advance", "advanced"), ("focus", "focused")):
        assert actions.kind(verb, written) is None, (verb, written)
    assert actions.kind("jail", "jailed") == actions.HARMFUL
    assert actions.kind("abduct", "abduct") == actions.HARMFUL


def test_help_only_promised_is_no_deed_but_a_threat_to_harm_is() -> None:
    # Invented: "has promised to pardon supporters" gives no help yet; "threatened to
    # shell the villages" already intimidates them.
    pardon = {"action": "pardon", "target_text": "his supporters", "target_people": True}
    assert actions.is_deed(pardon, False, helpful=True)
    assert not actions.is_deed({**pardon, "intended": True}, False, helpful=True)
    shell = {"action": "shell", "target_text": "the villages", "target_people": True}
    assert actions.is_deed({**shell, "intended": True}, False)


def test_making_an_agreement_is_no_blow_but_breaking_one_is_read_by_its_verb() -> None:
    # Invented: "struck a deal", "cut a deal" make an agreement; a strike on a depot is one.
    deal = {"action": "strike", "target_text": "a deal on subsidies", "target_head": "deal"}
    assert actions.kind("strike", "struck") == actions.HARMFUL  # the lexicon rates the word
    assert not actions.is_deed(deal, False)
    assert not actions.is_deed({**deal, "action": "cut", "target_text": "a deal"}, False)
    depot = {"action": "strike", "target_text": "an oil depot", "target_head": "depot"}
    assert actions.is_deed(depot, False)
    truce = {"action": "violate", "target_text": "the truce", "target_head": "truce"}
    assert actions.is_deed(truce, False)


def test_lowering_a_measure_harms_no_one_but_cutting_what_is_given_does() -> None:
    # Invented: cutting rates or an outlook harms no one; cutting aid or jobs harms those who
    # lose them, and cutting off a city's supplies is read by its own verb.
    rates = {"action": "cut", "target_text": "interest rates", "target_head": "rate"}
    assert actions.kind("cut", "cut") == actions.HARMFUL  # the lexicon rates the word
    assert not actions.is_deed(rates, False)
    outlook = {"action": "lower", "target_text": "its profit outlook", "target_head": "outlook"}
    assert not actions.is_deed(outlook, False)
    assert actions.is_deed(
        {**rates, "target_text": "aid to the region", "target_head": "aid"}, False
    )
    assert actions.is_deed({**rates, "target_text": "400 jobs", "target_head": "job"}, False)
    supplies = {"action": "cut off", "target_text": "gas supplies", "target_head": "supply"}
    assert actions.is_deed(supplies, False)


def test_saying_sorry_helps_nobody_and_the_dead_are_not_doers() -> None:
    # Invented: an apology is words; whoever died undergoes it, as a loss is undergone.
    assert actions.kind("apologize", "apologized") == actions.HELPFUL
    apology = {"action": "apologize", "target_text": "the victims", "target_people": True}
    assert not actions.is_deed(apology, True, helpful=True)
    text, sentences = build("Two firefighters died.", "The blaze burned for nine days.")
    crew = actor(text, text, sentences, "Two firefighters", "crew")
    event = {"sentence_id": "s1", "action": "die", "action_text": "died", "agent": "crew",
             "trigger": {"start": 17, "end": 21}}  # fmt: skip
    portray([crew], sentences, text, [event])
    assert [e["points_to"] for e in crew["evidence"]] == ["victim"], crew["evidence"]
    assert crew["role"] == "neutral", crew


def test_a_word_that_sounds_harmful_is_no_deed_without_someone_it_is_done_to() -> None:
    # "Missed" with nothing missed, or a speech act, carries a word's valence, not harm.
    text, sentences = build("Westland missed.", "Westland stressed the point.")
    west = actor(text, text, sentences, "Westland", "west")
    events = [
        {"sentence_id": "s1", "action": "miss", "action_text": "missed", "agent": "west",
         "trigger": {"start": 9, "end": 15}},
        {"sentence_id": "s2", "action": "stress", "action_text": "stressed", "agent": "west",
         "target_text": "the point", "trigger": {"start": 26, "end": 34}},
    ]  # fmt: skip
    portray([west], sentences, text, events)
    signals = {e["signal"] for e in west["evidence"]}
    assert not any(s.startswith(("agent of", "target of")) for s in signals), signals
    assert west["role"] == "neutral"


def test_too_few_sentences_in_the_articles_voice_give_no_sentiment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(roles, "MIN_SENTENCES", 2)
    text, sentences = build("Westland's envoy lied.", "The talks ended.")
    west = actor(text, text, sentences, "Westland", "west")
    portray([west], sentences, text, judgments={"west": [Judgment("s1", OWN_VOICE, NEGATIVE)]})
    assert (west["sentiment"], west["sentiment_label"]) == (0.0, "neutral")
    assert west["sentiment_sentences"] == []
    assert [e["points_to"] for e in west["evidence"] if e["signal"] == "sentiment"] == ["negative"]


def test_a_one_sentence_article_takes_the_models_class_for_its_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A lean the long-article cuts call neutral (above NEGATIVE_CUT) but the model's class
    # calls negative: a single sentence is labelled the way the model was measured on one.
    monkeypatch.setattr(roles, "MIN_SENTENCES", 2)
    leaning = (0.55, 0.4, 0.05)
    assert roles._label(leaning[2] - leaning[0]) == 1
    text, sentences = build("Westland's envoy lied to the delegates.")
    west = actor(text, text, sentences, "Westland", "west")
    portray([west], sentences, text, judgments={"west": [Judgment("s1", OWN_VOICE, leaning)]})
    assert (west["sentiment"], west["sentiment_label"]) == (-0.5, "negative")
    assert west["sentiment_sentences"] == ["s1"]
    east = actor(text, text, sentences, "Westland", "east")
    portray([east], sentences, text, judgments={"east": [Judgment("s1", OWN_VOICE, NEUTRAL)]})
    assert (east["sentiment_label"], east["sentiment_sentences"]) == ("neutral", [])
    # With a second sentence the article is long enough for the cuts again.
    text, sentences = build("Westland's envoy lied to the delegates.", "The talks ended.")
    west = actor(text, text, sentences, "Westland", "west")
    portray([west], sentences, text, judgments={"west": [Judgment("s1", OWN_VOICE, leaning)]})
    assert (west["sentiment"], west["sentiment_label"]) == (0.0, "neutral")


def test_negated_or_unrated_actions_are_no_evidence() -> None:
    assert actions.kind("not attack", "did not attack") is None
    assert actions.kind("attack", "attacked") == actions.HARMFUL
    assert actions.kind("protect", "protected") == actions.HELPFUL
    assert actions.kind("arrive", "arrived") is None  # neutral in the lexicon, or absent


def test_no_evidence_is_neutral_with_zero_sentiment() -> None:
    text, sentences = build("Delegates from Eastland arrived on Tuesday.")
    east = actor(text, text, sentences, "Eastland", "east")
    portray([east], sentences, text)
    assert (east["role"], east["sentiment"], east["role_sentences"]) == ("neutral", 0.0, [])
    assert east["quoted"] == [] and east["evidence"] == []


def test_a_reading_below_the_confidence_bar_stays_neutral(monkeypatch: pytest.MonkeyPatch) -> None:
    from parallax.portrayal import role_model

    text, sentences = build("Eastland's envoy spoke.", "Eastland left early.")
    east = actor(text, text, sentences, "Eastland", "east")
    read = {"east": [Judgment("s1", OWN_VOICE, NEGATIVE), Judgment("s2", OWN_VOICE, NEGATIVE)]}
    # In an opinion piece the writer's own tone casts; in a report it takes a deed.
    portray([east], sentences, text, judgments=read, opinion=True)
    assert east["role"] == "antagonist" and east["role_sentences"] == ["s1", "s2"]
    east = actor(text, text, sentences, "Eastland", "east")
    portray([east], sentences, text, judgments=read)
    assert (east["role"], east["role_lean"]) == ("neutral", "antagonist")
    demanding = {**role_model.stored(), "confidence": 0.99}
    monkeypatch.setattr(role_model, "stored", lambda: demanding)
    east = actor(text, text, sentences, "Eastland", "east")
    portray([east], sentences, text, judgments=read, opinion=True)
    assert (east["role"], east["role_lean"], east["role_sentences"]) == (
        "neutral",
        "antagonist",
        [],
    )


def test_quoted_words_are_the_speakers_not_the_articles() -> None:
    text, sentences = build(
        "Westland is a band of thieves, the mayor of Eastland said.",
        "Westland opened a school.",
    )
    west = actor(text, text, sentences, "Westland", "west")
    quote = {
        "start": 0,
        "end": 29,
        "kind": "indirect",
        "speaker": "mayor",
        "speaker_text": "the mayor of Eastland",
    }
    voice = VoiceIndex([quote]).at(0, 8)
    assert voice.kind == "quoted" and voice.speaker_text == "the mayor of Eastland"
    assert VoiceIndex([quote]).at(60, 68) == OWN_VOICE
    sentences[0].techniques.append({"name": "name_calling", "start": 12, "end": 29})
    judgments = {"west": [Judgment("s1", voice, NEGATIVE), Judgment("s2", OWN_VOICE, NEUTRAL)]}
    portray([west], sentences, text, quotes=[quote], judgments=judgments)
    assert west["role"] == "neutral" and west["sentiment_label"] == "neutral"
    assert west["quoted"] == [
        {
            "speaker": "mayor",
            "speaker_text": "the mayor of Eastland",
            "role": "antagonist",
            "sentiment": -0.88,
            "sentiment_label": "negative",
            "sentences": ["s1"],
        }
    ]
    assert {e["voice"] for e in west["evidence"] if e["sentence_id"] == "s1"} == {"quoted"}


def test_a_label_given_as_someones_without_quote_marks_is_their_name_calling() -> None:
    # "Rivals called Westland a gang of looters": the techniques step gives the label to
    # the rivals (no quotation marks, so the quotes layer has no span for it).
    text, sentences = build("Rivals called Westland a gang of looters on Friday.")
    west = actor(text, text, sentences, "Westland", "west")
    start = text.index("a gang")
    sentences[0].techniques.append(
        {
            "name": "name_calling",
            "start": start,
            "end": start + len("a gang of looters"),
            "voice": "quoted",
            "speaker": None,
            "speaker_text": "Rivals",
        }
    )
    portray([west], sentences, text)
    calling = [e for e in west["evidence"] if e["signal"] == "name-calling"]
    assert [(e["voice"], e["speaker_text"]) for e in calling] == [("quoted", "Rivals")]
    assert west["role"] == "neutral", west


def test_a_quoted_source_is_labelled_by_the_models_class_not_the_long_article_cuts() -> None:
    # A reading that leans a little positive but whose most likely class is neutral is no
    # positive view of the speaker's: the own-voice cuts (+0.05) are for a long article's mean.
    text, sentences = build("Westland chose chaos over the harbour, the mayor said.")
    west = actor(text, text, sentences, "Westland", "west")
    quote = {"start": 0, "end": 37, "kind": "indirect", "speaker": "mayor"}
    quote["speaker_text"] = "the mayor"
    voice = VoiceIndex([quote]).at(0, 8)
    judgments = {"west": [Judgment("s1", voice, (0.2, 0.4, 0.35))]}
    portray([west], sentences, text, quotes=[quote], judgments=judgments)
    (view,) = west["quoted"]
    assert (view["sentiment_label"], view["sentences"]) == ("neutral", []), view


def test_a_quoted_source_the_article_names_is_shown_by_its_name() -> None:
    # "She" tells a reader nothing; the source is the actor the quotation resolved to.
    text, sentences = build(
        "Mayor Ines Roth spoke on Monday.", "Westland is a band of thieves, she said."
    )
    west = actor(text, text, sentences, "Westland", "west")
    roth = actor(text, text, sentences, "Ines Roth", "roth")
    start = sentences[1].start
    quote = {"start": start, "end": start + 29, "kind": "indirect", "speaker": "roth"}
    quote["speaker_text"] = "she"
    voice = VoiceIndex([quote]).at(start, start + 8)
    judgments = {"west": [Judgment("s2", voice, NEGATIVE)]}
    portray([west, roth], sentences, text, quotes=[quote], judgments=judgments)
    assert [q["speaker_text"] for q in west["quoted"]] == ["Ines Roth"]


def test_the_pipeline_casts_an_aggressor_its_victims_and_their_helpers(pipeline: Any) -> None:
    # Invented places and wording: the learned role reading end to end, on war news.
    from parallax.model import Article

    text = (
        "Northland's army shelled three villages in Southland on Monday, killing eleven "
        "civilians. Southland's hospitals are overwhelmed and thousands of Southland families "
        "have fled their homes. Northland has ignored every call for a ceasefire and keeps "
        "bombing Southland's power plants. Aid workers from Eastland delivered food and "
        "medicine to the displaced, and Eastland doctors treated the wounded."
    )
    analysis = pipeline(Article(text=text, source="invented", language="en"))
    cast = {a["name"]: a for a in analysis.layers["actors"]}
    assert cast["Northland"]["role"] == "antagonist", cast["Northland"]
    assert cast["Southland"]["role"] == "victim", cast["Southland"]
    assert cast["Eastland"]["role"] == "protagonist", cast["Eastland"]
    for actor in (cast["Northland"], cast["Southland"], cast["Eastland"]):
        assert actor["role_sentences"], actor  # every role rests on sentences a reader can check


def test_a_verdict_in_words_casts_neither_side(pipeline: Any) -> None:
    # Invented wording: condemning is no attack, and the condemned are no victims of it.
    from parallax.model import Article

    assert actions.kind("condemn", "condemned") is None
    assert actions.kind("blame", "blames") is None
    text = (
        "Westland's government condemned Northland's seizure of the port on Monday. "
        "Westland continues to blame Northland for the blockade, and Westland's foreign "
        "minister accused Northland of starving the coast."
    )
    analysis = pipeline(Article(text=text, source="invented", language="en"))
    cast = {a["name"]: a for a in analysis.layers["actors"]}
    assert cast["Westland"]["role"] != "antagonist", cast["Westland"]
    assert cast["Northland"]["role"] != "victim", cast["Northland"]


def test_the_northern_voice_op_ed_casts_russia_as_antagonist(pipeline: Any, samples: Path) -> None:
    # Issue 16's acceptance on a bundled sample, reached with no rule written from its words.
    from parallax.ingest import read_inputs
    from parallax.settings import Settings

    (article,) = read_inputs(
        [samples / "northern-voice-opinion.html"], Settings(db_path=Path("x.db"))
    )
    actors = {a["id"]: a for a in pipeline(article).layers["actors"]}
    assert actors["russia"]["role"] == "antagonist", actors["russia"]
    assert actors["russia"]["role_sentences"]


def test_the_role_rules_hold_no_word_list() -> None:
    # The roles come from the model, the lexicon and the parse: no verb or phrase lists.
    source = Path(roles.__file__).read_text(encoding="utf-8")
    assert "frozenset([" not in source and "re.compile" not in source


@pytest.fixture(scope="module")
def model_reads() -> Any:
    from parallax.encoder import shared_encoder
    from parallax.portrayal.target_sentiment import LABELS, Query, predict, target_mask

    def read(sentence: str, target: str) -> str:
        _, (states,) = shared_encoder().encode_with_states([sentence])
        start = sentence.index(target)
        mask = target_mask(states.offsets, start, start + len(target))
        return LABELS[int(predict([Query(states.states, mask)]).argmax())]

    return read


def test_model_reads_the_sentence_towards_the_target(model_reads: Any) -> None:
    sentence = (
        "The senator praised the mayor for her tireless work, "
        "but the governor was jailed for fraud."
    )
    assert model_reads(sentence, "mayor") == "positive"
    assert model_reads(sentence, "governor") == "negative"


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
    "the role rules lost the word lists written from the seeds (issue 19); the learned role "
    "that replaced them casts the United States protagonist in 000"
)
LEARNED_MISREADS = (
    "issue 16's acceptance, not reached: these casts held only through verbs and phrases "
    "written from the seeds' wording, now gone from the role rules; measured with the "
    "learned role, the article's own casting (2026-12-05): in 000 the United States "
    "protagonist, NATO neutral; in 002 (read as a news report, so only deeds cast) NATO "
    "protagonist, the United States and Russia neutral; the sentence model reads what each "
    "editorial reports (promises, protection, threats) as the editorial's own view, not "
    "whose side it takes"
)
_LEARNED_MISREADS = pytest.mark.xfail(strict=True, reason=LEARNED_MISREADS)


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
        pytest.param("000", "nato", "antagonist", marks=_LEARNED_MISREADS),
        # threatens Ukraine, holds Crimea, tortures
        pytest.param("000", "russia", "antagonist"),
        pytest.param("002", "united-states", "antagonist", marks=_LEARNED_MISREADS),
        pytest.param("002", "nato", "antagonist", marks=_LEARNED_MISREADS),
        # surrounded by NATO, promises broken
        pytest.param("002", "russia", "victim", marks=_LEARNED_MISREADS),
    ],
)
def test_seed_casts(
    seed_roles: dict[str, dict[str, str]], seed: str, actor_id: str, role: str
) -> None:
    assert seed_roles[seed][actor_id] == role


def test_learned_role_reading_weighs_the_evidence() -> None:
    from parallax.portrayal import role_model

    def item(voice: str, signal: str, points_to: str, value: float) -> dict[str, Any]:
        return {"voice": voice, "signal": signal, "points_to": points_to, "value": value}

    row = role_model.features(
        [
            item("own", "sentiment", "negative", -0.8),
            item("own", "sentiment", "neutral", 0.1),
            item("quoted", "sentiment", "positive", 0.6),
            item("own", "agent of harmful action: attacked", "antagonist", 1.0),
        ],
        mentions=3,
    )
    found = dict(zip(role_model.FEATURES, row, strict=True))
    assert found["mean"] == pytest.approx(-0.1 / 3)
    assert (found["negative_share"], found["positive_share"]) == (pytest.approx(1 / 3),) * 2
    assert found["antagonist_other"] == 1.0 and found["victim_other"] == 0.0
    chances = role_model.probabilities(row)
    assert sum(chances) == pytest.approx(1.0) and len(chances) == len(role_model.ROLES)


def test_role_lean_follows_the_learned_reading() -> None:
    text, sentences = build("Northland attacked the town.", "Northland attacked it again.")
    north = actor(text, text, sentences, "Northland", "north")
    events = [
        {
            "sentence_id": sid,
            "action": "attack",
            "action_text": "attacked",
            "agent": "north",
            "trigger": {"start": start, "end": start + 8},
        }
        for sid, start in (("s1", 10), ("s2", 39))
    ]
    read = [Judgment("s1", OWN_VOICE, NEGATIVE), Judgment("s2", OWN_VOICE, NEGATIVE)]
    portray([north], sentences, text, events, judgments={"north": read})
    assert north["role_lean"] == "antagonist"


def test_a_role_no_sentence_supports_is_neutral(monkeypatch: pytest.MonkeyPatch) -> None:
    from parallax.portrayal import role_model

    text, sentences = build("Northland attacked Southland.", "Northland attacked it again.")
    north = actor(text, text, sentences, "Northland", "north")
    events = [
        {
            "sentence_id": sid,
            "action": "attack",
            "action_text": "attacked",
            "agent": "north",
            "trigger": {"start": start, "end": start + 8},
        }
        for sid, start in (("s1", 10), ("s2", 40))
    ]
    victim = [0.01, 0.01, 0.98]  # in role_model.ROLES order: a confident 'victim'
    monkeypatch.setattr(role_model, "probabilities", lambda _row, _weights=None: victim)
    portray([north], sentences, text, events)
    # Everything in the article points at Northland as the one who attacks: no sentence
    # supports 'victim', so the confident reading casts no one.
    assert (north["role"], north["role_lean"], north["role_sentences"]) == ("neutral", "victim", [])


def test_a_role_needs_the_articles_own_voice_when_it_speaks_of_the_actor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from parallax.portrayal import role_model

    text, sentences = build("Westland is a menace, the mayor said.", "Westland opened a school.")
    west = actor(text, text, sentences, "Westland", "west")
    quote = {"start": 0, "end": 20, "kind": "indirect", "speaker_text": "the mayor"}
    quoted = VoiceIndex([quote]).at(0, 8)
    antagonist = [0.98, 0.01, 0.01]
    monkeypatch.setattr(role_model, "probabilities", lambda _row, _weights=None: antagonist)
    judgments = {"west": [Judgment("s1", quoted, NEGATIVE), Judgment("s2", OWN_VOICE, POSITIVE)]}
    portray([west], sentences, text, quotes=[quote], judgments=judgments)
    # Only the mayor speaks ill of Westland; the article's own sentence does not.
    assert (west["role"], west["role_lean"]) == ("neutral", "antagonist")
    # Named in the article's own voice, though the model read nothing there: no role either.
    west = actor(text, text, sentences, "Westland", "west")
    portray([west], sentences, text, quotes=[quote], judgments={"west": judgments["west"][:1]})
    assert west["role"] == "neutral"
    # Named only inside the quotation: the mayor casts Westland, the article does not; the
    # mayor's casting is reported under the mayor's name.
    text, sentences = build("Westland is a menace, the mayor said.", "The talks ended.")
    west = actor(text, text, sentences, "Westland", "west")
    portray([west], sentences, text, quotes=[quote], judgments={"west": judgments["west"][:1]})
    assert (west["role"], west["role_lean"], west["role_sentences"]) == (
        "neutral",
        "antagonist",
        [],
    )
    assert [q["speaker_text"] for q in west["quoted"]] == ["the mayor"]


def test_a_role_against_the_articles_own_sentiment_is_neutral() -> None:
    """A 'helpful' action by an actor the article speaks of negatively casts no one."""
    from parallax.portrayal import roles
    from parallax.portrayal.voice import OWN_VOICE

    def decided(role: str, probabilities: tuple[float, float, float]) -> str:
        found = roles.Evidence()
        found.add(role, 1.0, "s1", "agent of helpful action", OWN_VOICE)
        found.judgments.append(roles.Judgment("s1", OWN_VOICE, probabilities))
        return str(roles._decide(found)["role"])

    assert decided("protagonist", (0.1, 0.3, 0.6)) == "protagonist"
    assert decided("protagonist", (0.6, 0.3, 0.1)) == "neutral"
    assert decided("antagonist", (0.6, 0.3, 0.1)) == "antagonist"
    assert decided("antagonist", (0.1, 0.3, 0.6)) == "neutral"


def test_an_actor_speaks_where_its_quotation_or_speech_verb_is() -> None:
    from parallax.portrayal.voice import speaking

    _, sentences = build(
        '"We will rebuild every bridge," the Westland mayor said.',
        "Westland argued that the dam would help farmers.",
        "Westland did not say when.",
        "Westland opened a school.",
    )
    quotes = [{"start": 1, "end": 30, "kind": "direct", "speaker": "west"}]
    events = [
        {"sentence_id": "s2", "action": "argue", "agent": "west"},
        {"sentence_id": "s3", "action": "not say", "agent": "west"},
        {"sentence_id": "s4", "action": "open", "agent": "west"},
    ]
    found = speaking(quotes, events, sentences, {"argue", "say"})
    assert found == {("west", "s1"), ("west", "s2"), ("west", "s3")}


def test_an_actors_own_words_are_not_read_as_the_articles_view_of_it() -> None:
    from parallax.components.portrayal import unspoken
    from parallax.model import Analysis, Article, Sentence
    from parallax.portrayal.voice import Voice

    text, built = build(
        "Westland said the new dam would bring water to every farm.",
        "Westland's dam flooded three villages.",
    )
    sentences = [Sentence(s.id, n, s.text, s.start, s.end) for n, s in enumerate(built)]
    quoted = Voice("quoted", "west")
    analysis = Analysis(
        article=Article(text=text, source="invented", language="en"),
        sentences=sentences,
        layers={
            "quotes": [{"start": 9, "end": 58, "kind": "indirect", "speaker": "west"}],
            "events": [{"sentence_id": "s1", "action": "say", "agent": "west"}],
        },
    )
    keys = [
        ("west", "s1", OWN_VOICE.key()),  # the speaker in its own attribution
        ("dam", "s1", quoted.key()),  # what it says, about something else
        ("west", "s2", OWN_VOICE.key()),
    ]
    queries: list[Any] = ["q1", "q2", "q3"]  # stand-ins: only which ones are kept matters
    asked = (keys, queries, [OWN_VOICE, quoted, OWN_VOICE], [1.0, 1.0, 1.0])
    kept_keys, kept_queries, _, _ = unspoken(analysis, asked)
    assert kept_keys == keys[1:] and kept_queries == queries[1:]


def test_harm_to_something_of_an_actors_makes_it_no_victim() -> None:
    # "The ruling weakens the mayor's bill": the phrase is about her bill, not about her,
    # and no party of the article does it.
    bill = {"target": "mayor", "target_named": False, "target_people": False, "agent": None}
    assert not actions.suffered_by_target(bill)
    # Harm to the actor itself, to its people, or done by another party is suffered.
    assert actions.suffered_by_target({**bill, "target_named": True})
    assert actions.suffered_by_target({**bill, "target_people": True})
    assert actions.suffered_by_target({**bill, "agent": "russia"})
    # Invented: "destroyed 17 Eastland drones" hits the drones, not Eastland.
    drones = {"action": "destroy", "agent": "west", "target": "east", "target_named": True,
              "target_text": "17 Eastland drones", "target_head": "drone",
              "instrument": "weapons"}  # fmt: skip
    assert not actions.suffered_by_target(drones)
    # Aimed at a place, the weapons' object is gone from the target: harm is done to it.
    assert actions.suffered_by_target({**drones, "target_head": None})


def test_what_a_loser_loses_suffers_no_blow_from_the_loser() -> None:
    # "Dunn lost the Northern primary": the party whose primary it was is hit by nobody.
    primary = {
        "action": "lose",
        "agent": "dunn",
        "target": "north",
        "target_named": False,
        "target_people": False,
    }
    assert not actions.suffered_by_target(primary)
    # What is named itself or is people still suffers the loss ("lost two villages").
    assert actions.suffered_by_target({**primary, "target_named": True})
    assert actions.suffered_by_target({**primary, "target_people": True})
    # Done by one party to another's thing, it is still a blow ("seized the party's offices").
    assert actions.suffered_by_target({**primary, "action": "seize"})


def test_the_accused_is_spoken_of_in_the_accusers_voice() -> None:
    from parallax.portrayal.voice import relayed

    events = [
        # "Eastland officials accused Westland of shelling the port."
        {
            "sentence_id": "s1",
            "action": "accuse",
            "agent": None,
            "agent_text": "officials",
            "target": "west",
        },
        # "Northland blamed Westland for the blackout."
        {"sentence_id": "s2", "action": "blame", "agent": "north", "target": "west"},
        # "Westland shelled the port." (a deed, not a charge)
        {"sentence_id": "s3", "action": "shell", "agent": "west", "target": "port"},
        # "Westland criticised itself." (nobody else's voice)
        {"sentence_id": "s4", "action": "criticise", "agent": "west", "target": "west"},
    ]
    found = relayed(events, {"accuse", "blame", "criticise"})
    assert found == {
        ("west", "s1"): Voice("quoted", None, "officials"),
        ("west", "s2"): Voice("quoted", "north", None),
    }


def test_an_unnamed_source_is_one_voice_however_its_first_word_is_cased() -> None:
    assert (
        Voice("quoted", None, "The general staff").key()
        == Voice("quoted", None, "the general staff").key()
    )


def test_a_verdict_by_an_unresolved_pronoun_is_an_unnamed_speakers() -> None:
    from parallax.portrayal.voice import Voice, relayed

    # "It thanked Westland for its help." with no actor found for "It": someone else's
    # word on Westland, but "It" is no name to show a reader.
    events = [
        {
            "sentence_id": "s5",
            "action": "thank",
            "agent": None,
            "agent_text": "It",
            "target": "west",
        }
    ]
    assert relayed(events, {"thank"}) == {("west", "s5"): Voice("quoted", None, None)}


def test_an_appointment_is_no_words_about_the_appointed() -> None:
    from parallax.components.portrayal import SAYING
    from parallax.portrayal.voice import relayed

    # "The Senate confirmed Ivo Tamm as secretary." / "Officials accused Tamm of lying."
    events = [
        {"sentence_id": "s1", "action": "confirm", "agent": "senate", "target": "tamm"},
        {"sentence_id": "s2", "action": "accuse", "agent": "officials", "target": "tamm"},
    ]
    assert set(relayed(events, SAYING)) == {("tamm", "s2")}


def test_a_charge_against_an_actor_is_not_the_articles_word_on_it(pipeline: Any) -> None:
    # Invented wording: the charge is the officials', the denial Westland's own words.
    from parallax.model import Article

    text = (
        "Officials in Eastland accused Westland of shelling a crowded market on Sunday. "
        "Westland's army denied the accusation. Westland has held the river crossing since "
        "spring, and talks on the crossing resumed in Geneva this week."
    )
    analysis = pipeline(Article(text=text, source="invented", language="en"))
    west = next(a for a in analysis.layers["actors"] if a["name"] == "Westland")
    first = [e for e in west["evidence"] if e["sentence_id"] == "s1"]
    assert first and {e["voice"] for e in first} == {"quoted"}, west["evidence"]
    assert west["role"] == "neutral", west


def test_the_subject_of_a_loss_undergoes_it() -> None:
    # "Westland lost two towns": the loss falls on Westland, which did nothing to anyone.
    text, sentences = build("Westland lost two towns in the east.", "Westland suffered losses.")
    west = actor(text, text, sentences, "Westland", "west")
    events = [
        {"sentence_id": "s1", "action": "lose", "action_text": "lost", "agent": "west",
         "target_text": "two towns", "trigger": {"start": 9, "end": 13}},
        {"sentence_id": "s2", "action": "suffer", "action_text": "suffered", "agent": "west",
         "target_text": "losses", "trigger": {"start": 46, "end": 54}},
    ]  # fmt: skip
    read = [Judgment("s1", OWN_VOICE, NEGATIVE), Judgment("s2", OWN_VOICE, NEGATIVE)]
    portray([west], sentences, text, events, judgments={"west": read})
    done = [e for e in west["evidence"] if e["signal"].endswith(("lost", "suffered"))]
    assert done and {e["points_to"] for e in done} == {"victim"}, west["evidence"]
    assert all(e["signal"].startswith("target of") for e in done), done
    assert west["role"] != "antagonist", west


def test_what_a_court_finds_is_the_courts_account_not_the_articles() -> None:
    # "A tribunal ruled that Westland had violated the treaty": the violation is the
    # tribunal's finding; the article relays it.
    text, sentences = build(
        "A tribunal ruled on Monday that Westland had violated the fishing treaty.",
        "Westland said it would appeal.",
    )
    west = actor(text, text, sentences, "Westland", "west")
    events = [
        {"sentence_id": "s1", "action": "rule", "action_text": "ruled", "agent": None,
         "agent_text": "A tribunal", "trigger": {"start": 11, "end": 16},
         "text": "A tribunal ruled on Monday that Westland had violated the fishing treaty."},
        {"sentence_id": "s1", "action": "violate", "action_text": "had violated",
         "agent": "west", "target_text": "the fishing treaty", "trigger": {"start": 45, "end": 53},
         "text": "that Westland had violated the fishing treaty"},
        # The article's own deed in a sentence with no reporting verb stays its own.
        {"sentence_id": "s2", "action": "appeal", "action_text": "would appeal",
         "agent": "west", "trigger": {"start": 93, "end": 99}, "text": "it would appeal"},
    ]  # fmt: skip
    assert voice_module.reported(events, actions.REPORTING_VERBS) == {
        1: Voice("quoted", None, "A tribunal")
    }
    portray([west], sentences, text, events)
    deeds = [e for e in west["evidence"] if e["signal"].startswith("agent of")]
    assert deeds and {e["voice"] for e in deeds} == {"quoted"}, west["evidence"]
    assert west["role"] == "neutral", west


def test_a_word_that_only_sounds_harmful_casts_no_quoted_source_view() -> None:
    # Invented: Harlan speaks of himself; "worries" stirs a feeling and is done to nobody.
    text, sentences = build("Harlan said he worries about the deficit.")
    harlan = actor(text, text, sentences, "Harlan", "harlan")
    harlan["mentions"].append(
        {"text": "he", "start": 12, "end": 14, "sentence_id": "s1", "kind": "pronoun"}
    )
    quote = {"start": 12, "end": 40, "kind": "indirect", "speaker": "harlan"}
    events = [
        {"sentence_id": "s1", "action": "worry", "action_text": "worries", "agent": "harlan",
         "target_text": None, "trigger": {"start": 15, "end": 22}},
    ]  # fmt: skip
    portray([harlan], sentences, text, events, quotes=[quote])
    assert any(e["signal"].startswith("subject of") for e in harlan["evidence"])
    assert [q["role"] for q in harlan["quoted"]] == ["neutral"]


def test_a_source_telling_its_own_deeds_does_not_cast_itself() -> None:
    # Invented: Westland's ministry reports its own strike; that is its account, not
    # Westland calling itself an aggressor.
    text, sentences = build("Westland's ministry said its forces attacked two Eastland towns.")
    west = actor(text, text, sentences, "Westland", "west")
    east = actor(text, text, sentences, "Eastland", "east")
    said = text.index("its forces")
    quote = {"start": said, "end": len(text) - 1, "kind": "indirect", "speaker": "west"}
    quote["speaker_text"] = "Westland's ministry"
    verb = text.index("attacked")
    events = [
        {"sentence_id": "s1", "action": "attack", "action_text": "attacked", "agent": "west",
         "target": "east", "target_text": "two Eastland towns", "target_people": True,
         "trigger": {"start": verb, "end": verb + len("attacked")}},
    ]  # fmt: skip
    portray([west, east], sentences, text, events, quotes=[quote])
    assert any(e["signal"].startswith("agent of") for e in west["evidence"])
    assert [q["role"] for q in west["quoted"]] == ["neutral"]
    assert [q["role"] for q in east["quoted"]] == ["victim"]


def test_destroying_what_attacks_is_defence_not_aggression() -> None:
    # Invented: drones attack in the first sentence; shooting them down harms no one.
    text, sentences = build(
        "Eastland's drones struck two power plants.", "Westland shot down 30 drones."
    )
    west = actor(text, text, sentences, "Westland", "west")
    east = actor(text, text, sentences, "Eastland", "east")
    events = [
        {"sentence_id": "s1", "action": "strike", "action_text": "struck", "agent": "east",
         "agent_text": "Eastland's drones", "target_text": "two power plants",
         "trigger": {"start": 18, "end": 24}},
        {"sentence_id": "s2", "action": "shoot down", "action_text": "shot down",
         "agent": "west", "agent_text": "Westland", "target_text": "30 drones",
         "trigger": {"start": 52, "end": 56}},
    ]  # fmt: skip
    assert actions.harm_doers(events) == {"drones"}
    portray([west, east], sentences, text, events)
    assert not any(e["signal"].startswith("agent of") for e in west["evidence"])
    assert any(e["signal"].startswith("agent of") for e in east["evidence"])
    # Harm to a thing that attacked nobody in the article is still harm.
    airliner = {**events[1], "target_text": "a passenger airliner"}
    assert not actions.stops_harm(airliner, actions.harm_doers(events))
    # People and actors are never "what attacks": a blow at them stays a blow.
    assert not actions.stops_harm({**events[1], "target_people": True}, {"drones"})


def test_an_actor_named_only_where_it_speaks_is_still_read_where_it_is_spoken_of() -> None:
    from parallax.components.portrayal import named_sentences, trim

    keys = [
        ("harlan", "s1", OWN_VOICE.key()),
        ("harlan", "s2", OWN_VOICE.key()),
        ("harlan", "s3", OWN_VOICE.key()),
    ]
    queries: list[Any] = ["q1", "q2", "q3"]
    asked = (keys, queries, [OWN_VOICE] * 3, [1.0, roles.PRONOUN_WEIGHT, roles.PRONOUN_WEIGHT])
    # The named sentence is where Harlan speaks, so it was dropped before trimming.
    spoken_dropped = (keys[1:], queries[1:], [OWN_VOICE] * 2, asked[3][1:])
    assert trim(spoken_dropped)[0] == []  # counted after the drop: never read
    kept = trim(spoken_dropped, named=named_sentences(asked))
    assert kept[0] == keys[1:]


def test_a_speaker_is_not_asked_about_in_its_own_quoted_words() -> None:
    from parallax.components.portrayal import unspoken
    from parallax.model import Analysis, Article, Sentence

    text, built = build("Dalton told supporters that his rival was a failure.")
    sentences = [Sentence(s.id, n, s.text, s.start, s.end) for n, s in enumerate(built)]
    analysis = Analysis(
        article=Article(text=text, source="invented", language="en"), sentences=sentences
    )
    dalton = Voice("quoted", "dalton", "Dalton")
    keys = [("dalton", "s1", dalton.key()), ("rival", "s1", dalton.key())]
    queries: list[Any] = ["q1", "q2"]
    kept_keys, _, _, _ = unspoken(analysis, (keys, queries, [dalton, dalton], [0.3, 1.0]))
    assert kept_keys == keys[1:]


def test_a_doer_held_back_from_its_act_is_no_victim(pipeline: Any) -> None:
    # Invented: a court keeping a state from purging voter rolls restrains a doer; the
    # report casts the state as nobody's victim for it.
    text = (
        "PHOENIX — A federal appeals court on Wednesday temporarily blocked Westmark from "
        "removing about 120,000 people from its voter rolls, siding with civil rights groups "
        "who argued that the state had flagged eligible citizens using outdated records.\n\n"
        "The three-judge panel of the 9th U.S. Circuit Court of Appeals said the state had "
        "failed to show that the removals complied with the National Voter Registration Act, "
        "which bars systematic purges within 90 days of a federal election. Westmark's "
        "primary is scheduled for Aug. 4.\n\n"
        "Secretary of State Adrian Fontes, a Democrat, said his office would comply with the "
        'order. Republican legislative leaders called the ruling "a gift to fraudsters" and '
        "said they would ask the Supreme Court to intervene."
    )
    state, event = _actor_and_event(pipeline, text, "Westmark", "block")
    assert state["role"] != "victim", state
    assert event["kept_from"] == "remove", event


def test_the_loser_of_a_contest_is_no_victim(pipeline: Any) -> None:
    # Invented: an election defeat is competition; the winner harms nobody.
    text = (
        "COLUMBUS, Ohio — Democrat Ana Flores defeated Republican Lt. Gov. Jon Husted in "
        "Ohio's governor's race on Tuesday, ending 16 years of Republican control of the "
        "governor's mansion.\n\nWith 98% of votes counted, Flores had 51.2% to Husted's "
        "47.9%. Husted conceded shortly after midnight, telling supporters that he had called "
        'Flores to congratulate her. "The voters have spoken," he said.'
    )
    loser, event = _actor_and_event(pipeline, text, "Jon Husted", "defeat")
    assert loser["role"] != "victim", loser
    assert event["contest"] == "race", event


def _actor_and_event(pipeline: Any, text: str, name: str, action: str) -> tuple[Any, Any]:
    """The actor called ``name`` and the one event of ``action`` in an invented text."""
    from parallax.model import Article

    analysis = pipeline(Article(text=text, source="invented", language="en"))
    actor = next(a for a in analysis.layers["actors"] if a["name"] == name)
    (event,) = [e for e in analysis.layers["events"] if e["action"] == action]
    return actor, event


def test_a_sentence_holding_an_actor_up_as_the_standard_does_not_praise_it() -> None:
    # Invented: "better than the council" reads warmly; the council is what it is measured
    # against (parallax.portrayal.compared), so that reading is left out for it.
    text, sentences = build(
        "Renters deserve better than the council.", "The council met on Monday."
    )
    council = actor(text, text, sentences, "the council", "council")
    read = [Judgment("s1", OWN_VOICE, POSITIVE), Judgment("s2", OWN_VOICE, POSITIVE)]
    portray([council], sentences, text, judgments={"council": read}, opinion=True)
    praised = council["sentiment"]
    council = actor(text, text, sentences, "the council", "council")
    portray(
        [council],
        sentences,
        text,
        judgments={"council": read},
        opinion=True,
        compared={("council", "s1")},
    )
    assert council["sentiment"] < praised
    assert "s1" not in council["sentiment_sentences"]
