"""What a sentence says happened, read from the parse, and "same" for one event in other words."""

from __future__ import annotations

from typing import cast

from parallax.comparison import compare_story
from parallax.comparison.alignment import EVENT_SAME, PARAPHRASE
from parallax.comparison.events import parse_readings, same_event
from parallax.record import ArticleRecord
from test_comparison import record

STRIKE_A = record(
    "wire-a",
    "Missile strike on apartment block",
    [
        "Governor Olena Marchuk said on Tuesday that rescuers were searching the rubble of the "
        "apartment block for survivors.",
        "President Tomas Varga on Wednesday asked allies for more air defence systems after "
        "the strike.",
    ],
    outlet="First Wire",
)
STRIKE_B = record(
    "wire-b",
    "Rescuers search the ruins",
    [
        "Rescue teams dug through the ruins of the flats on Tuesday looking for people alive, "
        "Governor Olena Marchuk told reporters.",
        "Tomas Varga renewed his appeal to Western partners for air defence on Wednesday, "
        "hours after the missiles hit the city.",
    ],
    outlet="Second Wire",
)


def test_one_event_told_in_other_words_is_the_same_statement() -> None:
    records = cast(list[ArticleRecord], [STRIKE_A, STRIKE_B])
    alignments = compare_story("strike", records)["alignments"]
    found = [a for a in alignments if a["kind"] == "same"]
    assert len(found) == 2, found
    for alignment in found:
        assert alignment["basis"] == "shared_event"
        assert EVENT_SAME <= alignment["score"] < PARAPHRASE
        first, second = (item["sentence_id"] for item in alignment["items"])
        assert first == second  # the search with the search, the appeal with the appeal
    reasons = " ".join(a["reason"] for a in found)
    assert "Olena Marchuk, on Tuesday" in reasons and "Tomas Varga, on Wednesday" in reasons


def test_the_same_action_on_the_same_thing_needs_no_weekday() -> None:
    first, second = parse_readings(
        [
            "Mayor Ana Kovac vetoed the harbour budget after a long night of talks.",
            "The harbour budget was not what she wanted, so Ana Kovac vetoed the harbour budget.",
        ]
    )
    reason = same_event(first, second)
    assert reason is not None and "veto" in reason and "budget" in reason


def test_other_days_other_speakers_a_negation_or_no_name_keep_sentences_apart() -> None:
    texts = [
        "The Harbour Union said on Friday that it would accept the port's offer.",
        "The Harbour Union said on Monday that it would accept the port's offer.",
        "Reuters reported on Friday that the Harbour Union would accept the port's offer.",
        "The Harbour Union did not say on Friday whether it would accept the port's offer.",
        "It said on Friday that it would accept the port's offer.",
    ]
    union, other_day, newspaper, negated, pronoun = parse_readings(texts)
    assert same_event(union, union) is not None
    assert same_event(union, other_day) is None
    assert same_event(union, newspaper) is None
    assert same_event(union, negated) is None
    assert same_event(union, pronoun) is None
