"""Namesakes, speakers and references on invented wire copy (issue 16).

Each test pins one general rule with sentences written for it: a quotation takes its
speaker from its own paragraph, a speaker is shown without the marks before it, and
people who share a surname stay apart.
"""

from __future__ import annotations

from typing import Any

import pytest

from parallax.components.actors import Actors
from parallax.components.entities import Entities
from parallax.components.parse import SpacyParse
from parallax.components.quotes import Quotes
from parallax.components.sentences import Sentences
from parallax.knowledge import bundled
from parallax.model import Analysis, Article
from parallax.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Entities(), Actors(bundled()), Quotes()])


def analyse(nlp: Pipeline, text: str) -> Analysis:
    return nlp(Article(text=text, source="<test>", language="en"))


def quote(analysis: Analysis, start: str) -> dict[str, Any]:
    found = [q for q in analysis.layers["quotes"] if q["text"].startswith(start)]
    assert found, analysis.layers["quotes"]
    return found[0]


def test_a_quotation_after_its_attribution_keeps_its_paragraphs_speaker(nlp: Pipeline) -> None:
    # The tagger starts the next sentence at the closing mark, so that sentence reaches
    # into the next paragraph and its speech verb must not be taken.
    analysis = analyse(
        nlp,
        '"We will carry the county," said Dana Whitlow, the campaign\'s treasurer. '
        '"The turnout numbers are firmly on our side."\n\n'
        "Marcus Feld, the mayor of Lindenport, said the vote would be close.",
    )
    later = quote(analysis, "The turnout numbers")
    assert later["speaker_text"] == "Dana Whitlow"
    assert later["speaker"] == quote(analysis, "We will carry")["speaker"]


def test_a_speaker_is_shown_without_the_mark_that_ends_the_quotation_before(
    nlp: Pipeline,
) -> None:
    analysis = analyse(
        nlp,
        '"We have done nothing wrong," Hale said. "I am proud of my staff."\n\n'
        "Governor Hale's lawyer, Irene Cobb, said her client would testify next week.",
    )
    assert quote(analysis, "her client would testify")["speaker_text"] == (
        "Governor Hale's lawyer, Irene Cobb"
    )


def actor_at(analysis: Analysis, text: str, occurrence: int = 0) -> str:
    """The actor of the ``occurrence``-th mention written ``text``."""
    found = [
        (m["start"], a["id"])
        for a in analysis.layers["actors"]
        for m in a["mentions"]
        if m["text"] == text
    ]
    assert len(found) > occurrence, analysis.layers["actors"]
    return sorted(found)[occurrence][1]


def test_a_bare_surname_is_the_first_of_two_relatives_named_as_often(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Governor Alan Brandt said on Monday that his son Tobias Brandt had broken no law.\n\n"
        '"My son did nothing wrong," Brandt said. "I am proud of him."',
    )
    assert actor_at(analysis, "Brandt") == actor_at(analysis, "Alan Brandt")


def test_a_bare_surname_is_not_the_namesake_with_a_generational_suffix(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Former Governor Carl Ostrow called the audit overdue. His son, Carl Ostrow Jr., "
        "wrote online that the auditors were biased. Ostrow said he would speak in Dayton.",
    )
    assert actor_at(analysis, "Ostrow") == actor_at(analysis, "Carl Ostrow")


def test_an_honorific_rules_out_a_namesake_of_the_other_gender(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Marion Delacroix returned to Ohio on Saturday, and her husband, former Senator "
        "Paul Delacroix, appeared beside her at a rally.\n\n"
        '"This race is about the future," Ms. Delacroix said. Mr. Delacroix told the crowd '
        "that the race was close.",
    )
    assert actor_at(analysis, "Delacroix", 0) == actor_at(analysis, "Marion Delacroix")
    assert actor_at(analysis, "Delacroix", 1) == actor_at(analysis, "Paul Delacroix")


def test_a_possessive_in_an_apposition_is_not_the_person_it_describes(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Governor Ilse Marten opened her campaign in Toledo on Friday. "
        "Senator Bernd Lund, her rival, said the state needed new roads.",
    )
    owners = [
        a["id"]
        for a in analysis.layers["actors"]
        for m in a["mentions"]
        if m["text"] == "her" and m["start"] > analysis.article.text.index("Lund")
    ]
    assert actor_at(analysis, "Bernd Lund") not in owners


def test_a_possessive_in_the_next_sentence_continues_the_main_clauses_subject(
    nlp: Pipeline,
) -> None:
    # The reported clause's subject is nearer, but the topic is the one who speaks; a name
    # set in apposition to that subject ("the firm Volterra") is the subject too.
    analysis = analyse(
        nlp,
        "Norway's state power firm Volterra said Russia was blackmailing Europe. "
        "Its chief executive, Lena Brekke, said buyers must stop paying.",
    )
    assert actor_at(analysis, "Its") == actor_at(analysis, "Volterra")


def test_a_possessive_in_the_same_sentence_keeps_the_nearer_subject(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp, "Volterra said Russia was blackmailing its neighbours over the winter prices."
    )
    assert actor_at(analysis, "its") == actor_at(analysis, "Russia")


def test_an_honorific_picks_the_namesake_the_article_gives_that_gender(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Former Governor Arthur Venn urged lawmakers on Thursday to pass the bill, while his "
        "wife, Clara Venn, campaigned in Macon.\n\n"
        "Ms. Venn told voters that the vote mattered.",
    )
    assert actor_at(analysis, "Venn") == actor_at(analysis, "Clara Venn")


def test_its_opening_a_sentence_after_an_unnamed_subject_stays_unresolved(
    nlp: Pipeline,
) -> None:
    analysis = analyse(
        nlp,
        "Korvath Motors said it would close two plants. The carmaker said the war had cut "
        "supplies from Ukraine. Its chief executive said losses would follow.",
    )
    owners = [m for a in analysis.layers["actors"] for m in a["mentions"] if m["text"] == "Its"]
    assert owners == []


def test_it_in_as_long_as_it_takes_refers_to_nothing(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp, "Norway said it would back Ukraine for as long as it takes, whatever the cost."
    )
    found = [m for a in analysis.layers["actors"] for m in a["mentions"] if m["text"] == "it"]
    assert len(found) == 1


def test_a_familys_plural_name_is_a_group_of_people(nlp: Pipeline) -> None:
    analysis = analyse(
        nlp,
        "Governor Frank Delaney said his son Kyle Delaney had done nothing wrong. A rival "
        "wrote on social media that the Delaneys were corrupt. The council said it was a "
        "stunt.",
    )
    family = [a for a in analysis.layers["actors"] if a["name"].endswith("Delaneys")]
    assert family and family[0]["type"] == "group"
    assert [m["text"] for m in family[0]["mentions"]] == ["Delaneys"]


def test_the_narrations_its_does_not_take_a_name_from_inside_a_quotation(
    nlp: Pipeline,
) -> None:
    analysis = analyse(
        nlp,
        "Norsk Olje said on Tuesday it would leave its projects in Russia.\n\n"
        '"We are shocked by the loss of life in Ukraine," the chief executive said. '
        "Halvard Energi, its Danish rival, announced a similar move on Sunday.",
    )
    ukraine = [a for a in analysis.layers["actors"] if a["id"] == "ukraine"]
    assert ukraine and [m["text"] for m in ukraine[0]["mentions"]] == ["Ukraine"]
