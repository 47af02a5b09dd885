"""An actor named only in who a speaker is gets no reading from what the speaker says."""

from __future__ import annotations

from parallax.portrayal.voice import introducing


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
