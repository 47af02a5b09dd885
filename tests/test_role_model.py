"""The learned role reading's demands on evidence (:mod:`parallax.portrayal.role_model`)."""

from __future__ import annotations

from typing import Any

from parallax.portrayal import role_model


def item(sentence: str, voice: str, signal: str, points_to: str, value: float) -> dict[str, Any]:
    return {
        "sentence_id": sentence,
        "voice": voice,
        "signal": signal,
        "points_to": points_to,
        "value": value,
    }


def test_only_deeds_and_clear_readings_count_as_clear() -> None:
    evidence = [
        item("s1", "own", "sentiment", "negative", -0.95),
        item("s2", "own", "sentiment", "negative", -0.4),
        item("s3", "own", "target of harmful action: shelled", "victim", 1.0),
        item("s4", "own", "sentiment", "positive", 0.97),
    ]
    assert role_model.clearly(evidence, "antagonist", 0.9) == {"s1"}
    assert role_model.clearly(evidence, "victim", 0.9) == {"s1", "s3"}
    assert role_model.clearly(evidence, "victim", 0.3) == {"s1", "s2", "s3"}
    assert role_model.clearly(evidence, "protagonist", 0.9) == {"s4"}
    assert role_model.clearly(evidence, "neutral", 0.3) == set()


def test_a_role_needs_a_clear_own_voice_reason() -> None:
    # Faintly negative own-voice readings of a merely mentioned place, and a clearly
    # read quoted one: what the quoted source says cannot stand in for the article.
    faint = [
        item("s1", "own", "sentiment", "neutral", -0.2),
        item("s2", "own", "sentiment", "neutral", -0.1),
        item("s3", "quoted", "negative sentiment (target)", "victim", 0.9),
        item("s3", "quoted", "sentiment", "negative", -0.9),
    ]
    lenient = {**role_model.stored(), "confidence": 0.0, "own_clear": 0}
    demanding = {**lenient, "own_clear": 1, "own_clear_lean": 0.9, "own_clear_deeds": False}
    lean, role, _ = role_model.cast(faint, 4, -0.15, lenient)
    assert role == lean != "neutral"
    lean, role, sentences = role_model.cast(faint, 4, -0.15, demanding)
    assert (role, sentences) == ("neutral", [])
    # The same actor with a deed in the article's own voice is cast.
    done = [*faint, item("s2", "own", "an action", lean, 1.0)]
    assert role_model.cast(done, 4, -0.15, demanding)[1] == lean
    # Asked for deeds, a confident reading of the article's tone is not enough; a deed is.
    deeds = {**demanding, "own_clear_deeds": True}
    read = [*faint, item("s2", "own", "negative sentiment (target)", lean, 0.95)]
    assert role_model.cast(read, 4, -0.15, deeds)[1] == "neutral"
    shelled = [*read, item("s2", "own", "target of harmful action: was shelled", lean, 1.0)]
    assert role_model.cast(shelled, 4, -0.15, deeds)[1] == lean


def test_what_quoted_sources_say_is_not_the_articles_role() -> None:
    # Clearly cast by the sources the article quotes, a deed and name-calling included, and
    # never spoken of in the article's own voice: the article itself casts no one.
    quoted = [
        item("s1", "quoted", "agent of harmful action: burned", "antagonist", 1.0),
        item("s1", "quoted", "name-calling", "antagonist", 0.7),
        item("s1", "quoted", "sentiment", "negative", -0.95),
        item("s2", "quoted", "sentiment", "negative", -0.9),
    ]
    lenient = {**role_model.stored(), "confidence": 0.0, "own_clear": 0}
    lean, role, sentences = role_model.cast(quoted, 4, 0.0, lenient)
    assert (lean, role, sentences) == ("antagonist", "neutral", [])
    # One own-voice sentence that leans the same way makes it the article's, shown alone.
    own = [*quoted, item("s3", "own", "sentiment", "negative", -0.4)]
    assert role_model.cast(own, 4, -0.4, lenient)[1:] == ("antagonist", ["s3"])


def test_a_word_that_only_sounds_good_or_bad_is_no_clear_reason_in_any_genre() -> None:
    # "Bulgaria will join the mission": planned, done to nobody, so the portrayal step marks
    # it a helpful-sounding word; not even an opinion piece's own tone makes it a reason.
    joins = item("s1", "own", "subject of helpful-sounding word: will join", "protagonist", 1.0)
    helped = item("s2", "own", "agent of helpful action: rescued", "protagonist", 1.0)
    assert role_model.clearly([joins], "protagonist", 0.9) == set()
    assert role_model.clearly([joins, helped], "protagonist", 0.9) == {"s2"}
    lenient = {**role_model.stored(), "confidence": 0.0, "own_clear": 1, "own_clear_deeds": False}
    assert role_model.cast([joins], 3, 0.2, lenient, opinion=True)[1] == "neutral"
