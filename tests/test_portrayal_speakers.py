"""An actor named only in who a speaker is gets no reading from what the speaker says."""

from __future__ import annotations

from typing import Any

import pytest

from parallax.portrayal.voice import (
    describing_speakers,
    introducing,
    owners_of_titles,
    supposed,
    wordless_calls,
)
from parallax.spacy_model import load_spacy


def test_a_body_in_a_speakers_title_is_not_asked_about_in_the_articles_voice() -> None:
    # Invented: the committee is named only to say who Berg is.
    text = (
        '"The nominee is unfit," said Senator Ann Berg of Ohio, the committee\'s top '
        "Democrat. The committee voted on Monday."
    )
    said = text.index("said")
    berg = text.index("Berg")
    committee = [text.index("committee"), text.rindex("committee")]
    actors = [
        {
            "id": "committee",
            "mentions": [
                {"start": committee[0], "end": committee[0] + 9, "sentence_id": "s1"},
                {"start": committee[1], "end": committee[1] + 9, "sentence_id": "s2"},
            ],
        },
        {"id": "berg", "mentions": [{"start": berg, "end": berg + 4, "sentence_id": "s1"}]},
    ]
    events = [
        {
            "action": "say",
            "sentence_id": "s1",
            "agent": "berg",
            "agent_text": "Senator Ann Berg of Ohio, the committee's top Democrat",
            "agent_span": [berg, berg + 4],
            "trigger": {"start": said, "end": said + 4},
        }
    ]
    assert introducing(actors, events, text, {"say"}) == {("committee", "s1")}
    # Named a second time in the sentence, outside the speaker's description, it is asked.
    events[0]["agent_text"] = "Senator Ann Berg of Ohio"
    assert introducing(actors, events, text, {"say"}) == set()


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_spacy()


@pytest.mark.parametrize(
    ("sentence", "speech"),
    [
        # Invented: a telephone call, a visit offered, an election called ...
        ("Governor Dana Reyes personally called the families of the two victims.", False),
        ("Reyes called the mayor late on Monday to offer help.", False),
        ("The prime minister called an election for June.", False),
        # ... and a name given, a demand, a criticism.
        ("Senator Ruth Gable called the governor a liar.", True),
        ('Mora called the ruling "an insult to every family".', True),
        ("The mayor called for calm after the verdict.", True),
        ("Gable called on residents to stay at home.", True),
        ("She called out the senator over the vote.", True),
    ],
)
def test_a_call_is_speech_only_when_it_names_demands_or_criticises(
    nlp: Any, sentence: str, speech: bool
) -> None:
    doc = nlp(sentence)
    verb = next(t for t in doc if t.lemma_ == "call")
    events = [
        {"id": "e1", "action": "call", "trigger": {"start": verb.idx, "end": verb.idx + len(verb)}}
    ]
    assert wordless_calls(doc, events) == (set() if speech else {"e1"})


def test_an_owner_of_another_persons_title_is_not_asked_about(nlp: Any) -> None:
    # Invented: the sentence is about Lindgren; Kroll only says who she is.
    text = (
        "Kroll's challenger, state treasurer Amy Lindgren, has spent the summer on farms. "
        "Kroll's record is poor."
    )
    doc = nlp(text)
    kroll = [i for i in range(len(text)) if text.startswith("Kroll", i)]
    lindgren = text.index("Amy Lindgren")
    actors = [
        {
            "id": "kroll",
            "mentions": [
                {"start": kroll[0], "end": kroll[0] + 5, "sentence_id": "s1"},
                {"start": kroll[1], "end": kroll[1] + 5, "sentence_id": "s2"},
            ],
        },
        {
            "id": "lindgren",
            "mentions": [{"start": lindgren, "end": lindgren + 12, "sentence_id": "s1"}],
        },
    ]
    assert owners_of_titles(doc, actors) == {("kroll", "s1")}


def test_a_person_leading_unnamed_speakers_is_not_asked_about_their_words(nlp: Any) -> None:
    from types import SimpleNamespace

    # Invented: the speakers ("critics") are no actor; Okafor is named to say who they are.
    text = (
        "Critics, led by council member Ruth Okafor, say the tower would block the river "
        "view. Okafor lost her seat in 2022."
    )
    doc = nlp(text)
    second = text.index("Okafor lost")
    sentences = [SimpleNamespace(id="s1", start=0), SimpleNamespace(id="s2", start=second)]
    okafor = [text.index("Ruth Okafor"), second]
    actors = [
        {
            "id": "okafor",
            "mentions": [
                {"start": okafor[0], "end": okafor[0] + 11, "sentence_id": "s1"},
                {"start": okafor[1], "end": okafor[1] + 6, "sentence_id": "s2"},
            ],
        }
    ]
    said = text.index("the tower")
    quote = {"start": said, "end": text.index(" Okafor lost") - 1, "cue": "say", "speaker": None}
    assert describing_speakers(doc, [quote], sentences, actors, {"say"}) == {("okafor", "s1")}
    # The speaker's own words are :func:`speaking`'s question; one who is the speaker is kept.
    quote["speaker"] = "okafor"
    assert describing_speakers(doc, [quote], sentences, actors, {"say"}) == set()


def test_a_sentence_that_only_supposes_is_not_asked_about(nlp: Any) -> None:
    # Invented: what the mayor would have done on a condition is no judgement of the mayor.
    text = (
        "Mayor Ines Roth backed the plan. If she does not, she will have chosen a developer's "
        "profits over the people who elected her. Unless the council acts, Roth will fail."
    )
    doc = nlp(text)
    starts = [text.index("Ines Roth"), text.index("she does"), text.rindex("Roth")]
    sentence_ids = ["s1", "s2", "s3"]
    actors = [
        {
            "id": "roth",
            "mentions": [
                {"start": start, "end": start + 3, "sentence_id": sid}
                for start, sid in zip(starts, sentence_ids, strict=True)
            ],
        }
    ]
    assert supposed(doc, actors) == {("roth", "s2"), ("roth", "s3")}


def test_a_place_is_no_doer_and_a_supposed_act_makes_no_victim() -> None:
    from parallax.components import load
    from parallax.model import Article
    from parallax.portrayal.roles import acts_in_the_story

    by_tone = {"signal": "negative sentiment (no action)", "points_to": "antagonist"}
    by_deed = {"signal": "agent of helpful action: delivered", "points_to": "protagonist"}
    assert not acts_in_the_story({"type": "place", "role": "antagonist", "evidence": [by_tone]})
    assert acts_in_the_story({"type": "place", "role": "protagonist", "evidence": [by_deed]})
    assert acts_in_the_story({"type": "place", "role": "victim"})
    assert acts_in_the_story({"type": "country", "role": "antagonist", "evidence": [by_tone]})
    # An invented op-ed: the firm is the one the writer blames, never a victim.
    text = (
        "For thirty years, Brennan Resources has promised the people of the Tamsin Valley "
        "jobs, roads and a future. What it has delivered is a river that runs orange after "
        "every rain.\n\nLast month the state's own water agency found arsenic in the Tamsin "
        "at four times the safe limit, downstream of Brennan's tailings dam. The company's "
        'response was a press release about its "commitment to community partnership."\n\n'
        "Senator Hugh Talbot, who has taken more than $200,000 from Brennan's political "
        "action committee, blocked a bill last year that would have forced the company to "
        "post a cleanup bond. He owes the valley an explanation.\n\nThe state should suspend "
        "Brennan's permit until the dam is fixed."
    )
    article = Article(text=text, source="<test>", language="en", meta={"section": "Opinion"})
    roles = {a["name"]: a["role"] for a in load()(article).layers["actors"]}
    assert roles.get("Brennan Resources") != "victim", roles
    assert roles.get("Tamsin") in {None, "neutral", "victim"}, roles
