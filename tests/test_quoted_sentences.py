"""Quotations of whole sentences: who speaks them, however short or long (issue 16).

'"...," Petek added. "The minister should resign."' is Petek's second sentence, and "she
told reporters" after a three-sentence quotation is the minister named just before it.
The sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from parallax.components.actors import Actors
from parallax.components.entities import Entities
from parallax.components.parse import SpacyParse
from parallax.components.quotes import Quotes
from parallax.components.sentences import Sentences
from parallax.knowledge import bundled
from parallax.model import Article
from parallax.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Entities(), Actors(bundled()), Quotes()])


def speakers(nlp: Pipeline, text: str) -> dict[str, str | None]:
    analysis = nlp(Article(text=text, source="<test>", language="en"))
    names = {a["id"]: a["name"] for a in analysis.layers["actors"]}
    return {q["text"]: names.get(q["speaker"]) for q in analysis.layers["quotes"]}


def test_a_short_quoted_sentence_after_an_attributed_one_is_the_same_speakers(
    nlp: Pipeline,
) -> None:
    found = speakers(
        nlp,
        'Union leader Ines Varga was angry. "This is a betrayal," Varga said. "We strike."',
    )
    assert found.get("We strike.") == "Ines Varga", found


def test_a_term_in_scare_quotes_stays_no_quotation(nlp: Pipeline) -> None:
    found = speakers(nlp, 'Ines Varga said the deal was fair. Critics call it a "sellout".')
    assert "sellout" not in found, found


def test_she_after_a_long_quotation_is_the_person_named_before_it(nlp: Pipeline) -> None:
    found = speakers(
        nlp,
        'Mayor Lena Ruud spoke on Monday. "We will rebuild. The bridge will reopen. The '
        'money is there. Nobody will be left behind," she told reporters.',
    )
    (spoken,) = [s for q, s in found.items() if q.startswith("We will rebuild")]
    assert spoken == "Lena Ruud", found


def test_a_countrys_people_without_office_speak_for_themselves(nlp: Pipeline) -> None:
    # Invented: industry sources are no state's voice; its officials are.
    found = speakers(
        nlp,
        "Two Ukrainian industry sources said output had fallen by half. Russian officials "
        "said the strikes would go on.",
    )
    by_text = {q.split()[0]: s for q, s in found.items()}
    assert by_text.get("output") is None, found
    assert by_text.get("the") == "Russia", found


def test_a_quotation_held_by_a_verb_of_calling_takes_that_verb_as_its_cue(
    nlp: Pipeline,
) -> None:
    # Invented: the nearer "promised" belongs to the relative clause, not to the quotation.
    analysis = nlp(
        Article(
            text="Mayor Ida Berg, who has promised to cut fares, called the ruling "
            '"a blow to every rider."',
            source="<test>",
            language="en",
        )
    )
    (quote,) = analysis.layers["quotes"]
    assert quote["cue"] == "called", quote


def test_what_the_reader_is_asked_to_believe_is_the_claim_of_who_asks(nlp: Pipeline) -> None:
    # An op-ed's "X wants you to believe ..." is X's claim, which the writer goes on to doubt.
    found = speakers(
        nlp,
        "Halvorsen Mining wants you to believe that its new quarry will create hundreds of "
        "jobs. The Farming Union would have us believe the levy is unfair.",
    )
    assert found == {
        "its new quarry will create hundreds of jobs": "Halvorsen Mining",
        "the levy is unfair": "Farming Union",
    }, found


def test_a_speech_act_told_after_a_closed_quotation_is_the_speakers_next_act() -> None:
    from parallax.components import load

    nlp = load(["parse", "sentences", "entities", "times", "actors", "quotes", "events"])
    text = (
        'Councillor Ada Okafor said Mayor Brent Lutz had "broken every promise he made on '
        'housing" and urged voters to remove him. Lutz said Okafor had "never read the '
        'budget" and accused her of playing politics.'
    )
    analysis = nlp(Article(text=text, source="<test>", language="en"))
    names = {a["id"]: a["name"] for a in analysis.layers["actors"]}
    acts = {e["action"]: names.get(e["agent"]) for e in analysis.layers["events"]}
    assert acts["urge"] == "Ada Okafor" and acts["accuse"] == "Brent Lutz", acts
    said = {q["text"]: names.get(q["speaker"]) for q in analysis.layers["quotes"]}
    # What each said about the other is reported whole, and ends where the quotation does.
    assert said == {
        'Mayor Brent Lutz had "broken every promise he made on housing"': "Ada Okafor",
        'Okafor had "never read the budget"': "Brent Lutz",
    }, said


def test_who_says_what_a_participle_of_saying_reports_is_the_clauses_subject(
    nlp: Pipeline,
) -> None:
    text = (
        'Ana Ruiz called the ruling "a disgrace." She said the union would appeal.\n\n'
        "The transport minister, Jonas Berg, defended the ruling, saying the court had "
        'upheld "the right of every city to set its own fares."'
    )
    found = speakers(nlp, text)
    assert found['the court had upheld "the right of every city to set its own fares."'] == (
        "Jonas Berg"
    ), found


def test_a_direct_quotation_after_a_participle_of_saying_is_the_clauses_subjects(
    nlp: Pipeline,
) -> None:
    # Invented: the speaker of the sentence before is not the one who goes on "saying" it.
    text = (
        'Rep. Ada Lund called the plan "reckless" and said her party had offered a deal. '
        "Mayor Tom Reyes rejected that offer on Monday, saying it "
        '"solves nothing for the families who wait."'
    )
    found = speakers(nlp, text)
    (spoken,) = [s for q, s in found.items() if "solves nothing" in q]
    assert spoken == "Tom Reyes", found


def test_what_a_closing_attribution_reports_starts_in_its_own_paragraph(nlp: Pipeline) -> None:
    # The parser runs the sentence on from the quote mark that closed the paragraph before.
    text = (
        'Senator Ana Lind said her party would "work with anyone willing to cut spending."'
        "\n\nTurnout reached 3.1 million, slightly below the 3.4 million of November, "
        "election officials said."
    )
    analysis = nlp(Article(text=text, source="<test>", language="en"))
    reported = [q["text"] for q in analysis.layers["quotes"]]
    assert any(r.startswith("Turnout reached 3.1 million") for r in reported), reported
    assert all("\n" not in r for r in reported), reported


def test_a_quoted_sentence_closing_its_paragraph_is_not_the_next_paragraphs_speakers(
    nlp: Pipeline,
) -> None:
    # The parser opens the next sentence with the closing mark and the paragraph break; the
    # speaker named in the paragraph after must not take the quotation over.
    found = speakers(
        nlp,
        '"The river has never been this low," said Tomas Reyes, a hydrologist at the '
        'regional water board who measured it. "Barges will stop running by August."\n\n'
        "Shipping companies said the forecast was too pessimistic.",
    )
    assert found.get("Barges will stop running by August.") == "Tomas Reyes", found


def test_a_quotation_after_a_colon_is_the_clause_subjects(nlp: Pipeline) -> None:
    # No speech verb: the colon after "ended her letter" introduces what she wrote.
    found = speakers(
        nlp,
        "Governor Ada Kovac ended her letter to the council: "
        '"Nobody in this state should wait three days for a rescue boat."',
    )
    assert found.get("Nobody in this state should wait three days for a rescue boat.") == (
        "Ada Kovac"
    ), found


def test_someones_critics_or_apologists_speak_for_themselves(nlp: Pipeline) -> None:
    found = speakers(
        nlp,
        "The Kremlin's apologists will tell you that the sanctions have failed. Russia's "
        "foreign ministry said the sanctions were illegal.",
    )
    assert found.get("the sanctions have failed") is None, found
    assert found.get("the sanctions were illegal") == "Russia", found


def test_they_after_an_unnamed_group_speaks_for_that_group(nlp: Pipeline) -> None:
    analysis = nlp(
        Article(
            text="Rivers carried twice the usual silt, the hydrologists found. Logging upstream "
            "made the floods three times more likely, they said.",
            source="<test>",
            language="en",
        )
    )
    (quote,) = [q for q in analysis.layers["quotes"] if q["text"].startswith("Logging")]
    assert quote["speaker_text"] == "the hydrologists", quote


def test_what_a_speaker_in_a_relative_clause_said_follows_the_verb(nlp: Pipeline) -> None:
    analysis = nlp(
        Article(
            text="The deal lets firms buy credits, a concession that farm groups said would "
            "hurt growers.",
            source="<test>",
            language="en",
        )
    )
    (quote,) = analysis.layers["quotes"]
    assert quote["text"] == "would hurt growers", quote
    assert quote["speaker_text"] == "farm groups", quote


def test_a_speakers_name_never_opens_with_the_mark_of_the_quotation_before() -> None:
    # The parser puts the closing mark and the break into the next paragraph's sentence.
    nlp = Pipeline([SpacyParse(), Sentences(), Entities(), Actors(bundled()), Quotes()])
    text = (
        '"It tells industry one thing and the world another."\n\nDanish climate minister '
        "Lars Aagaard said he hoped the talks would close with a deal by the spring."
    )
    analysis = nlp(Article(text=text, source="<test>", language="en"))
    said = [q for q in analysis.layers["quotes"] if q["text"].startswith("he hoped")]
    assert said and said[0]["speaker_text"] == "Danish climate minister Lars Aagaard", said


def test_speakers_in_a_clause_without_that_say_only_what_follows_them(nlp: Pipeline) -> None:
    # Invented: "a move critics say will ..." drops the "that"; the critics said only what
    # the move will do, and the council's vote before the comma is the article's report.
    analysis = nlp(
        Article(
            text="The council approved the tax on Monday, a move critics say will drive "
            "families out of the city.",
            source="<test>",
            language="en",
        )
    )
    (quote,) = analysis.layers["quotes"]
    assert quote["speaker_text"] == "critics", quote
    assert quote["text"] == "will drive families out of the city", quote
