"""Frames and genre: cue scoring, the genre cues, and both layers on the seeds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import shared_path
from parallax.framing.frames import cue_scores
from parallax.framing.genre import classify


def test_cue_scores_find_security_and_history() -> None:
    scores = cue_scores(
        ["The army moved missiles to the border.", "In the Cold War the same happened."]
    )
    assert scores["security_and_defense"] == 1.0
    assert scores["history"] > 0
    assert scores["health_and_safety"] == 0


def test_attributed_third_person_text_reads_as_news() -> None:
    sentences = [
        "The council approved the budget on Monday, a spokesman said.",
        "According to the report, spending will rise by 2 percent.",
        "The mayor told reporters the vote was close.",
    ]
    assert classify(sentences)[0] == "news_report"


def test_first_person_demands_read_as_opinion() -> None:
    sentences = [
        "We must stop this shameful plan now!",
        "Our town deserves better than these crooked bosses.",
        "We should all march on Saturday.",
    ]
    genre, scores, _ = classify(sentences)
    assert genre == "opinion" and scores["opinion"] > 0.8


def test_satire_only_on_explicit_markers() -> None:
    sentences = ["Local man declares war on his own lawn.", "The lawn has not responded."]
    assert classify(sentences)[0] != "satire"
    assert classify(sentences, outlet="The Onion")[0] == "satire"


@pytest.mark.shared
def test_seed_frames_and_genre(pipeline: Any) -> None:
    from parallax.ingest import read_inputs
    from parallax.settings import Settings

    folder = shared_path("seeds")
    for article in read_inputs(sorted(folder.glob("*.txt")), Settings(db_path=Path("x.db"))):
        analysis = pipeline(article)
        # Genre is measured on BASIL (tests/test_quality_floors_persuasion.py); the second
        # seed, a historical argument without "we", calls or techniques the learned heads
        # find, reads as a report (docs/evaluation.md, "Genre"), so only frames are checked.
        assert analysis.layers["genre"] in {"opinion", "news_report"}
        names = [f["name"] for f in analysis.layers["frames"][:5]]
        assert "security_and_defense" in names
        assert "political" in names or "external_regulation" in names


def test_the_genre_reads_the_techniques_the_article_uses_in_its_own_voice() -> None:
    from parallax.components.frames import own_technique_share
    from parallax.model import Analysis, Article, Sentence

    texts = ["A lede.", "Body one.", "Body two.", "Body three.", "Body four."]
    sentences, start = [], 0
    for number, text in enumerate(texts):
        sentences.append(Sentence(f"s{number + 1}", number, text, start, start + len(text)))
        start += len(text) + 1
    loaded = {"name": "loaded_language", "start": 0, "end": 1, "voice": "own"}
    sentences[0].techniques = [loaded]  # the lede: its flags tell news from opinion nothing
    sentences[1].techniques = [loaded]
    sentences[2].techniques = [{**loaded, "voice": "quoted"}]  # a quoted speaker's
    analysis = Analysis(
        article=Article(text=" ".join(texts), source="invented", language="en"),
        sentences=sentences,
    )
    assert own_technique_share(analysis) == 0.25


def test_an_article_its_outlet_files_as_opinion_is_opinion() -> None:
    from parallax.framing.genre import labelled_opinion

    # An argument without "we", "must" or loaded words reads as a report on its cues alone.
    sentences = [
        "The new bridge is a poor use of the county's money.",
        "Its cost has doubled since the plan was first shown.",
        "A ferry service would carry as many people for a tenth of the price.",
    ]
    assert classify(sentences)[0] == "news_report"
    for label in (
        labelled_opinion(["Opinion"]),
        labelled_opinion(["World", "Editorial"]),
        labelled_opinion([], "Opinion | The bridge we cannot afford"),
        labelled_opinion([], None, "https://example.org/news/opinion/2026/10/02/bridge.html"),
        labelled_opinion([], None, None, "The Editorial Board"),
        labelled_opinion([], None, None, "Guest columnist"),
    ):
        assert label is not None
        genre, scores, _ = classify(sentences, label=label)
        assert genre == "opinion" and scores["opinion"] >= 0.95
    # A news section, a headline with a place before the colon, or an opinion poll is no label.
    assert labelled_opinion(["World", "Politics", "Analysis"]) is None
    assert labelled_opinion([], "Ukraine: drones strike Kharkiv grid") is None
    assert labelled_opinion([], None, "https://example.org/news/opinion-poll-shows-lead") is None
    # A byline is shown as the section it stands for.
    assert labelled_opinion([], None, None, "The Editorial Board") == "Editorial"
    assert labelled_opinion([], None, None, "Guest columnist") == "Opinion"
    assert labelled_opinion([], None, None, "By the Editorial Board") == "Editorial"
    # A person's byline, even an editor's, labels nothing.
    assert labelled_opinion([], None, None, "Maria Editorial-Lopez") is None
    assert labelled_opinion([], None, None, "Jane Park, politics editor") is None


def test_a_section_line_over_a_text_article_sets_its_genre(pipeline: Any) -> None:
    from parallax.ingest.textfile import text_to_article

    text = (
        "Title: The bridge the county cannot afford\nDate: 2026-10-02\n\nOpinion\n\n"
        "The new bridge is a poor use of the county's money. Its cost has doubled since the "
        "plan was first shown. A ferry service would carry as many people for a tenth of the "
        "price, and it could start next spring.\n"
    )
    analysis = pipeline(text_to_article(text, "invented.txt"))
    assert analysis.layers["genre"] == "opinion"
    assert analysis.layers["genre_scores"]["label"] == "Opinion"
