"""Near-identical sentences that put different names in one slot are not one report."""

from __future__ import annotations

import pytest

from parallax.actors.renamed import renamed


@pytest.mark.parametrize(
    ("first", "second", "names"),
    [
        (
            "A drone strike on Lutsk killed four people on Friday, officials said.",
            "A drone strike on Rivne killed four people on Friday, officials said.",
            ("Lutsk", "Rivne"),
        ),
        (
            "The council voted on Tuesday.",
            "The council voted on Thursday.",
            ("Tuesday", "Thursday"),
        ),
        (
            "Officials said Lutsk's mayor resigned.",
            "Officials said Rivne's mayor resigned.",
            ("Lutsk's", "Rivne's"),
        ),
        # each names a place the other lacks, but not in the same slot
        ("Lutsk was shelled at dawn.", "Shelling at dawn hit a school near Rivne.", None),
    ],
)
def test_a_different_name_in_the_same_slot_is_another_report(
    first: str, second: str, names: tuple[str, str] | None
) -> None:
    found = renamed(first, second)
    assert (found is not None) == (names is not None)
    if names is not None:
        assert found == names


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # spellings and forms of one name
        ("Zelenskiy met the Polish president.", "Zelensky met the Polish president."),
        ("Russian forces struck Kharkiv.", "Russia's forces struck Kharkiv overnight."),
        # a name on one side only adds a detail
        ("The mayor of Lutsk said four people died.", "The mayor said four people died."),
    ],
)
def test_rewording_and_added_detail_are_not_renaming(first: str, second: str) -> None:
    assert renamed(first, second) is None
