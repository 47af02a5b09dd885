"""Weekdays, months and seasons without a year, placed by the tense of the verb they date."""

from __future__ import annotations

from datetime import date

import pytest

from parallax.components.parse import SpacyParse
from parallax.components.sentences import Sentences
from parallax.components.times import Times
from parallax.model import Article
from parallax.pipeline import Pipeline
from parallax.temporal import find_times


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Times()])


def _values(nlp: Pipeline, text: str, when: date) -> dict[str, str]:
    """Each time expression's text and value, from the times layer with the parse."""
    analysis = nlp(Article(text=text, source="<test>", language="en", date=when))
    return {str(t["text"]): str(t["value"]) for t in analysis.layers["times"]}


def test_a_future_relative_clause_does_not_move_the_main_clause_ahead(nlp: Pipeline) -> None:
    # 2026-03-11 is a Wednesday: "spoke" is past, so Friday is the one just gone.
    text = "The ministers, who will meet in June, spoke on Friday."
    assert _values(nlp, text, date(2026, 3, 11)) == {"June": "2026-06", "Friday": "2026-03-06"}


def test_a_scheduled_event_in_the_present_tense_lies_ahead(nlp: Pipeline) -> None:
    values = _values(nlp, "The election is on Nov. 4.", date(2026, 3, 11))
    assert values == {"Nov. 4": "2026-11-04"}
    values = _values(nlp, "Ministers meet on Monday in Paris.", date(2026, 4, 22))
    assert values == {"Monday": "2026-04-27"}


def test_a_past_tense_verb_puts_its_month_behind_publication(nlp: Pipeline) -> None:
    # Words alone put a month up to four months ahead; "began" says it is the one past.
    values = _values(nlp, "The last shutdown began in December.", date(2025, 9, 4))
    assert values == {"December": "2024-12"}


def test_each_of_two_coordinated_verbs_dates_its_own_weekday(nlp: Pipeline) -> None:
    text = "Negotiators worked through the night on Saturday and will reconvene on Wednesday."
    values = _values(nlp, text, date(2026, 11, 16))
    assert values == {"Saturday": "2026-11-14", "Wednesday": "2026-11-18"}


def test_a_weekday_owning_the_subject_takes_its_verbs_tense(nlp: Pipeline) -> None:
    text = "Monday's meeting at the White House ended without a deal."
    assert _values(nlp, text, date(2026, 3, 11)) == {"Monday": "2026-03-09"}


def test_a_season_in_a_present_tense_clause_is_the_coming_one(nlp: Pipeline) -> None:
    text = "Poland, which holds elections in the spring, opposed the target."
    assert _values(nlp, text, date(2026, 10, 29)) == {"the spring": "2027-SP"}
    text = "In the spring, ministers agreed on a framework."
    assert _values(nlp, text, date(2026, 11, 16)) == {"the spring": "2026-SP"}


def test_dates_across_the_new_year(nlp: Pipeline) -> None:
    text = "The new Congress convenes on Monday. Lawmakers left town on Dec. 20."
    values = _values(nlp, text, date(2027, 1, 2))
    assert values == {"Monday": "2027-01-04", "Dec. 20": "2026-12-20"}


def test_would_after_a_past_report_never_puts_the_day_in_the_past(nlp: Pipeline) -> None:
    # "would speak": after the saying, perhaps after publication; not last Tuesday. Written
    # on Thursday 2026-03-05, Tuesday may be two days back (said last week) or ahead.
    text = "The White House said the two leaders would speak again on Tuesday."
    assert _values(nlp, text, date(2026, 3, 5)) == {"Tuesday": "XXXX-WXX-2"}


def test_would_puts_a_weekday_later_this_week_ahead(nlp: Pipeline) -> None:
    # Written on Monday 2026-03-02: a Tuesday after a saying with no day of its own is the
    # next day, since the last Tuesday came before any recent saying.
    text = "The White House said the two leaders would speak again on Tuesday."
    assert _values(nlp, text, date(2026, 3, 2)) == {"Tuesday": "2026-03-03"}
    text = "The operator said power cuts would be brought in across four regions from Friday."
    assert _values(nlp, text, date(2026, 3, 2)) == {"Friday": "2026-03-06"}
    # Told a week or more back, the same Tuesday may be gone: left unplaced.
    text = "The White House said last week that the leaders would speak again on Tuesday."
    assert _values(nlp, text, date(2026, 3, 2))["Tuesday"] == "XXXX-WXX-2"


def test_a_start_under_will_lies_ahead_and_a_base_for_comparison_does_not(nlp: Pipeline) -> None:
    # Wednesday 2026-11-25.
    text = "Rationing will apply from Monday."
    assert _values(nlp, text, date(2026, 11, 25)) == {"Monday": "2026-11-30"}
    text = "Fuel prices are up 5% from Monday."
    assert _values(nlp, text, date(2026, 11, 25)) == {"Monday": "2026-11-23"}


def test_an_act_committed_to_recently_lies_after_publication(nlp: Pipeline) -> None:
    text = "Norway pledged last week to deliver two more radar systems by the spring."
    assert _values(nlp, text, date(2026, 11, 25))["the spring"] == "2027-SP"
    # A commitment months back may have fallen due since: the words decide.
    text = "Norway promised in January to deliver two more radar systems by the spring."
    assert _values(nlp, text, date(2026, 11, 25))["the spring"] == "2026-SP"


def test_a_tense_that_moves_a_month_too_far_leaves_it_without_a_year(nlp: Pipeline) -> None:
    # Present tense says the coming November, eleven months off; the words say the past one.
    values = _values(nlp, "The next summit is in November.", date(2025, 12, 15))
    assert values == {"November": "XXXX-11"}


def test_a_date_that_only_bounds_the_clause_keeps_the_words_reading(nlp: Pipeline) -> None:
    text = "Russia, which has launched waves of drones since December, fired 40 missiles."
    assert _values(nlp, text, date(2026, 1, 6))["December"] == "2025-12"


def test_without_a_parse_a_relative_clause_aside_lends_its_plan_to_nothing() -> None:
    # find_times reads words only: the "will" of the aside is not the main clause's plan.
    found = find_times("The ministers, who will meet in June, spoke on Friday.", date(2026, 3, 11))
    assert [t.value for t in found] == ["2026-06", "2026-03-06"]
    found = find_times("The talks, which begin in June, will resume on Friday.", date(2026, 3, 11))
    assert [t.value for t in found] == ["2026-06", "2026-03-13"]


def test_a_passive_participle_after_a_noun_tells_of_the_past(nlp: Pipeline) -> None:
    # The words alone put March three months ahead of a December article.
    text = "A finance deal, first proposed in March, faces opposition from oil producers."
    assert _values(nlp, text, date(2026, 12, 2)) == {"March": "2026-03"}


def test_a_state_something_is_kept_in_lasts_as_the_keeping_verb_says(nlp: Pipeline) -> None:
    # Invented: "funded" is the state "keeps" holds the government in, not a past passive.
    text = (
        "The Senate passed a stopgap bill that keeps the federal government funded through "
        "November, sending the measure to the president."
    )
    assert _values(nlp, text, date(2026, 9, 30)) == {"November": "2026-11"}
    # a past keeping verb keeps the past reading
    assert _values(nlp, "Officials kept the border sealed through March.", date(2026, 9, 30)) == {
        "March": "2026-03"
    }


def test_a_day_near_publication_on_the_wrong_side_of_its_tense_is_left_without_a_year(
    nlp: Pipeline,
) -> None:
    # "Is on July 7", ten days after July 7: the day just past or next year's; not guessed.
    values = _values(nlp, "The alliance's summit is on July 7.", date(2026, 7, 17))
    assert values == {"July 7": "XXXX-07-07"}


def test_a_participle_after_a_linking_verb_takes_that_verbs_tense(nlp: Pipeline) -> None:
    # 2026-02-17 is a Tuesday: "remains closed until Thursday" is the coming Thursday.
    values = _values(nlp, "The border crossing remains closed until Thursday.", date(2026, 2, 17))
    assert values == {"Thursday": "2026-02-19"}
    values = _values(nlp, "The border crossing remained closed until Thursday.", date(2026, 2, 17))
    assert values == {"Thursday": "2026-02-12"}


def test_a_future_perfect_looks_ahead_and_a_modal_perfect_back(nlp: Pipeline) -> None:
    when = date(2026, 2, 17)  # a Tuesday
    values = _values(nlp, "The troops will have left the village by Friday.", when)
    assert values == {"Friday": "2026-02-20"}
    values = _values(nlp, "The troops may have left the village on Friday.", when)
    assert values == {"Friday": "2026-02-13"}


def test_a_bare_form_with_a_singular_subject_is_no_present(nlp: Pipeline) -> None:
    # The tagger reads "retook" as a bare form; with "army" a present would be "retakes".
    values = _values(nlp, "Ukraine's army retook the village in the autumn.", date(2027, 1, 11))
    assert values == {"the autumn": "2026-FA"}


def test_a_coordinated_bare_form_takes_the_first_verbs_subject(nlp: Pipeline) -> None:
    text = "Talks between their envoys ended Saturday in Riyadh and resume on Thursday in Istanbul."
    values = _values(nlp, text, date(2026, 3, 2))  # a Monday
    assert values == {"Saturday": "2026-02-28", "Thursday": "2026-03-05"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The European Union extended the sanctions until July.", "2024-07"),
        ("The court adjourned the trial until May.", "2024-05"),
        ("The EU renewed the sanctions until September.", "2024-09"),
    ],
)
def test_the_end_an_extension_sets_lies_ahead_of_the_extending(
    nlp: Pipeline, text: str, value: str
) -> None:
    # written in March: the past tense tells the extending, not the end it sets
    assert list(_values(nlp, text, date(2024, 3, 6)).values()) == [value]


def test_a_state_that_lasted_until_a_month_keeps_its_past(nlp: Pipeline) -> None:
    values = _values(nlp, "The bridge remained closed until February.", date(2024, 3, 6))
    assert values == {"February": "2024-02"}


@pytest.mark.parametrize(
    ("text", "day", "value"),
    [
        # written on Thursday 2024-09-26: the scheduling was on the Wednesday just past
        ("Johnson on Wednesday scheduled a vote for Friday.", "Wednesday", "2024-09-25"),
        ("The talks, postponed on Monday, will resume next week.", "Monday", "2024-09-23"),
    ],
)
def test_a_time_of_the_arranging_is_not_the_time_of_what_was_arranged(
    nlp: Pipeline, text: str, day: str, value: str
) -> None:
    assert _values(nlp, text, date(2024, 9, 26))[day] == value


def test_the_time_an_event_is_arranged_for_still_lies_ahead(nlp: Pipeline) -> None:
    values = _values(nlp, "Johnson on Wednesday scheduled a vote for Friday.", date(2024, 9, 26))
    assert values["Friday"] == "2024-09-27"


def test_a_possibility_under_could_is_never_placed_in_the_past(nlp: Pipeline) -> None:
    # Written in April: "could grow ... in November" may not be last November; "could not
    # attend in March" and an ability ("could cross freely") still tell the past.
    april = date(2026, 4, 10)
    assert _values(nlp, "Officials warned that queues could grow in November.", april) == {
        "November": "XXXX-11"
    }
    assert _values(nlp, "He could not attend the hearing in March.", april) == {"March": "2026-03"}
    assert _values(nlp, "Farmers could cross the border freely in March.", april) == {
        "March": "2026-03"
    }


def test_a_movable_feast_follows_its_verbs_tense(nlp: Pipeline) -> None:
    # Written on Thursday 2026-12-03, a week after Thanksgiving (2026-11-26).
    written = date(2026, 12, 3)
    assert _values(nlp, "He was released on Thanksgiving.", written) == {
        "Thanksgiving": "2026-11-26"
    }
    assert _values(nlp, "The store will open on Thanksgiving.", written) == {
        "Thanksgiving": "2027-11-25"
    }
    assert _values(nlp, "Protesters marched on Easter Sunday.", written) == {
        "Easter Sunday": "2026-04-05"
    }


def test_a_period_ending_in_a_month_lies_where_its_verb_puts_it(nlp: Pipeline) -> None:
    # Written in November: "the year to February" reported in the past is the one gone,
    # though the next February is nearer; a postponement still looks ahead.
    when = date(2026, 11, 11)
    values = _values(nlp, "Exports fell 5% in the year to February.", when)
    assert values["February"] == "2026-02"
    values = _values(nlp, "Rents rose in the three months through September.", when)
    assert values["September"] == "2026-09"
    values = _values(nlp, "The vote was postponed to February.", when)
    assert values["February"] == "2027-02"


def test_a_season_a_present_verb_acts_on_is_not_the_coming_one(nlp: Pipeline) -> None:
    # Invented science copy: "survives the summer" tells what happens every year; a past
    # verb still places its object ("spent the winter" is the one gone).
    text = "Sea ice that survives the summer is thicker and older, the survey team said."
    assert _values(nlp, text, date(2026, 9, 24)) == {"the summer": "2026-SU"}
    text = "The survey team spent the winter on the ice shelf."
    assert _values(nlp, text, date(2026, 9, 24)) == {"the winter": "2025-WI"}


def test_a_month_after_a_or_an_is_a_kind_of_month_with_no_year() -> None:
    # Invented: "an ice-free September" is any such month; "a September speech" is dated.
    found = find_times("Models show an ice-free September before 2050.", date(2026, 9, 24))
    assert [t.value for t in found] == ["XXXX-09", "2050"]
    found = find_times("She gave a September speech on trade.", date(2026, 11, 2))
    assert [t.value for t in found] == ["2026-09"]


def test_a_caption_in_the_present_tells_a_past_moment(nlp: Pipeline) -> None:
    # Invented: a photo caption tells what the picture shows, taken before publication.
    text = "Crews cleared roads.\nPhoto: Firefighters watch the blaze on Monday.\n"
    assert _values(nlp, text, date(2026, 7, 21)) == {"Monday": "2026-07-20"}
