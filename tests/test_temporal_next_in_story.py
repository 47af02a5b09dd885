"""After a past date of the story, "the next year" follows the story, not publication."""

from __future__ import annotations

from datetime import date

import pytest

from parallax.temporal import find_times

WRITTEN = date(2024, 3, 6)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In 2014, Russia annexed Crimea. The next year, fighting went on in Donbas.", "2015"),
        ("The deal was signed in March 2021. The next month, prices fell.", "2021-04"),
        ("The storm hit on Feb. 10. The next week, aid arrived.", "2024-W07"),
        # a story year too coarse to count a month from: an offset, not a month from now
        ("In 2014, Russia annexed Crimea. The next month, sanctions followed.", "+P1M"),
    ],
)
def test_the_next_period_after_a_past_date_counts_from_that_date(text: str, value: str) -> None:
    assert find_times(text, WRITTEN)[-1].value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The plan will be tested soon. The next year will be decisive.", "2025"),
        ("The budget passed this week. The next week, it takes effect.", "2024-W11"),
    ],
)
def test_the_next_period_without_a_past_story_counts_from_publication(
    text: str, value: str
) -> None:
    assert find_times(text, WRITTEN)[-1].value == value


def test_a_time_something_is_compared_with_is_no_date_of_the_story() -> None:
    # Invented: the next year counts from now, not from the standard of the comparison;
    # "the following year" always follows the story's time.
    text = "Today's ice is thinner than it was two decades ago, so it may melt the next year."
    assert find_times(text, WRITTEN)[-1].value == "2025"
    text = "Sales were higher than in 2019. The following year they fell."
    assert find_times(text, WRITTEN)[-1].value == "2020"
