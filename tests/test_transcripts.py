"""Interviews printed as transcripts: each turn is its speaker's words, not the outlet's."""

from __future__ import annotations

from typing import Any

import pytest

from parallax.components.actors import Actors
from parallax.components.entities import Entities
from parallax.components.parse import SpacyParse
from parallax.components.quotes import Quotes
from parallax.components.sentences import Sentences
from parallax.knowledge import bundled
from parallax.model import Article
from parallax.pipeline import Pipeline
from parallax.portrayal.voice import QUOTED, VoiceIndex


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Entities(), Actors(bundled()), Quotes()])


def quotes_of(nlp: Pipeline, text: str) -> tuple[str, list[dict[str, Any]]]:
    analysis = nlp(Article(text=text, source="<test>", language="en"))
    return text, analysis.layers["quotes"]


def quote_at(text: str, quotes: list[dict[str, Any]], words: str) -> dict[str, Any] | None:
    at = text.index(words)
    return next((q for q in quotes if q["start"] <= at < q["end"]), None)


def test_a_named_speakers_turns_are_quoted_speech(nlp: Pipeline) -> None:
    text, quotes = quotes_of(
        nlp,
        "Petra Lindholm has led the ferry workers' union since spring. We asked her about the "
        "stoppage.\n\n"
        "Q: Why did the talks break down?\n\n"
        "Lindholm: The owners never wanted a deal. They are greedy cowards.\n\n"
        "Q: What happens next?\n\n"
        "Lindholm: We keep the boats in port.\n\n"
        "That would be the longest stoppage in a decade.\n\n"
        "Lindholm: And we will win it.",
    )
    insult = quote_at(text, quotes, "greedy cowards")
    assert insult is not None and insult["kind"] == "direct"
    assert insult["speaker"] == "local:petra-lindholm"  # the surname is the full name met earlier
    assert insult["text"] == "The owners never wanted a deal. They are greedy cowards."
    question = quote_at(text, quotes, "What happens next")
    assert question is not None and question["speaker"] is None
    assert question["speaker_text"] == "interviewer"
    # A paragraph between two of the speaker's turns goes on with her answer.
    middle = quote_at(text, quotes, "the longest stoppage")
    assert middle is not None and middle["speaker"] == "local:petra-lindholm"
    voice = VoiceIndex(quotes).at(text.index("greedy"))
    assert voice.kind == QUOTED and voice.speaker == "local:petra-lindholm"


def test_a_name_the_tagger_missed_still_labels_turns_in_a_transcript(nlp: Pipeline) -> None:
    text, quotes = quotes_of(
        nlp,
        "Ilse Marten has led the ferry workers' union since spring.\n\n"
        "Q: Why did the talks break down?\n\n"
        "Marten: The owners never wanted a deal.",
    )
    answer = quote_at(text, quotes, "never wanted")
    assert answer is not None and answer["speaker_text"] == "Marten"


def test_q_and_a_in_one_paragraph_are_separate_turns(nlp: Pipeline) -> None:
    text, quotes = quotes_of(
        nlp,
        "The coach spoke after the final. Q: Was the referee fair? A: No, he was a disgrace. "
        "Q: And next season? A: We start again.",
    )
    answer = quote_at(text, quotes, "a disgrace")
    assert answer is not None and answer["text"] == "No, he was a disgrace."
    assert answer["speaker"] is None and answer["speaker_text"] is None
    question = quote_at(text, quotes, "referee fair")
    assert question is not None and question["speaker_text"] == "interviewer"
    assert quote_at(text, quotes, "spoke after the final") is None  # the article's own lede


@pytest.mark.parametrize(
    "line",
    [
        "Note: The transcript was shortened and lightly edited.",
        "Update: The council will vote again on Friday afternoon.",
        "Correction: An earlier version misstated the size of the fund.",
        "Editor's note: The minister declined to be photographed.",
        "OSLO: The harbour authority closed two piers on Monday.",
        "Background: The port has lost money for three straight years.",
    ],
)
def test_notes_datelines_and_headings_are_the_articles_own_words(nlp: Pipeline, line: str) -> None:
    text, quotes = quotes_of(
        nlp, f"Harald Vik runs the port authority. He spoke on Monday.\n\n{line}"
    )
    assert quote_at(text, quotes, line.split(": ", 1)[1]) is None


def test_a_name_the_article_never_introduces_is_no_speaker_label(nlp: Pipeline) -> None:
    text, quotes = quotes_of(
        nlp,
        "The port reopened on Monday after a week of repairs.\n\n"
        "Harbour: The new quay can take two ships at once.",
    )
    assert quote_at(text, quotes, "The new quay") is None


def test_a_paragraph_opening_with_another_label_ends_a_turn(nlp: Pipeline) -> None:
    text, quotes = quotes_of(
        nlp,
        "Petra Lindholm has led the ferry workers' union since spring.\n\n"
        "Lindholm: The owners never wanted a deal.\n\n"
        "Caption: Idle ferries at the north quay on Sunday.\n\n"
        "P. Lindholm: We keep the boats in port.",
    )
    assert quote_at(text, quotes, "Idle ferries") is None
    later = quote_at(text, quotes, "We keep the boats")
    assert later is not None and later["speaker"] == "local:petra-lindholm"


def test_a_label_that_only_ends_in_a_name_is_no_speaker(nlp: Pipeline) -> None:
    text, quotes = quotes_of(
        nlp,
        "Petra Lindholm has led the ferry workers' union since spring.\n\n"
        "Meet Lindholm: the dock worker who took on the owners.",
    )
    assert quote_at(text, quotes, "the dock worker") is None


def test_a_hosts_role_label_opens_a_turn_that_is_not_the_outlets(nlp: Pipeline) -> None:
    text, quotes = quotes_of(
        nlp,
        "Harbour minister Jonas Wend joined the evening programme to talk about the port "
        "strike.\n\n"
        "Host: Minister, thanks for coming. Are the dockers not simply greedy?\n\n"
        "Wend: They want a fair wage, nothing more.\n\n"
        "Moderator: And if the strike goes on?\n\n"
        "Wend: Then we talk again.",
    )
    greedy = quote_at(text, quotes, "simply greedy")
    assert greedy is not None and greedy["kind"] == "direct"
    assert greedy["speaker"] is None and greedy["speaker_text"] == "Host"
    assert greedy["text"] == "Minister, thanks for coming. Are the dockers not simply greedy?"
    follow_up = quote_at(text, quotes, "strike goes on")
    assert follow_up is not None and follow_up["speaker_text"] == "Moderator"
    answer = quote_at(text, quotes, "fair wage")
    assert answer is not None and answer["speaker"] == "local:jonas-wend"
    voice = VoiceIndex(quotes).at(text.index("greedy"))
    assert voice.kind == QUOTED


def test_a_role_word_opening_a_note_is_no_turn(nlp: Pipeline) -> None:
    # A role word must stand alone as the label: "Host city:" heads a line of facts.
    text, quotes = quotes_of(
        nlp,
        "The games open next week.\n\nHost city: Lindby, a port of forty thousand people.",
    )
    assert quote_at(text, quotes, "Lindby") is None


def test_a_guest_named_only_by_labels_speaks_in_a_hosted_transcript(nlp: Pipeline) -> None:
    # Printed interviews often introduce the guest by the labels alone.
    text, quotes = quotes_of(
        nlp,
        "Host: Why did the council close the library?\n\n"
        "Mira Solberg: Because the roof was falling in.\n\n"
        "Host: Was that not a cowardly choice?\n\n"
        "Mira Solberg: No. It was the only safe one.",
    )
    answer = quote_at(text, quotes, "only safe one")
    assert answer is not None and answer["speaker"] == "local:mira-solberg"
    assert answer["speaker_text"] == "Mira Solberg"
