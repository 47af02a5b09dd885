"""A weekday after "N weeks ago" is that many weeks before the last such weekday.

Sentences written for these tests (issue 17): "two weeks ago Monday" had been read as the
Monday just past, a fortnight off.
"""

from __future__ import annotations

from datetime import date

import pytest

from parallax.temporal import find_times

WEDNESDAY = date(2026, 3, 11)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The talks began two weeks ago Monday in Geneva.", "2026-02-23"),
        ("The deal was signed a week ago Monday.", "2026-03-02"),
        ("Two weeks ago, on Tuesday, the court ruled.", "2026-02-24"),
        # Friday is still to come this week: a week before last Friday or this one? Unsaid.
        ("The deal was signed a week ago Friday.", "XXXX-WXX-5"),
        ("The talks began on Monday.", "2026-03-09"),
    ],
)
def test_weekday_after_weeks_ago(text: str, value: str) -> None:
    found = find_times(text, WEDNESDAY)
    assert found[-1].value == value, [(t.text, t.value) for t in found]
