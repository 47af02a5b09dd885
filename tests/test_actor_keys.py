"""One key per actor across a story's sources (invented records, no pipeline)."""

from __future__ import annotations

from typing import Any, cast

from parallax.comparison.actor_keys import story_keys, with_story_keys
from parallax.record import ArticleRecord


def _record(*actors: tuple[str, str, str]) -> ArticleRecord:
    return cast(
        ArticleRecord,
        {
            "actors": [
                {"id": i, "name": n, "type": t, "mentions": [{"text": n}]} for i, n, t in actors
            ]
        },
    )


def test_forms_of_a_groups_name_share_one_key() -> None:
    keys = story_keys(
        [
            _record(("local:republicans", "Republicans", "group")),
            _record(("local:the-republican-party", "the Republican Party", "group")),
            _record(("local:greens", "Greens", "group")),
        ]
    )
    assert keys == {"local:the-republican-party": "local:republicans"}


def test_a_surname_alone_is_the_one_person_another_source_names_in_full() -> None:
    full = _record(("mike-johnson", "Mike Johnson", "person"))
    bare = _record(("local:johnson", "Johnson", "person"))
    assert story_keys([full, bare]) == {"local:johnson": "mike-johnson"}
    joined = with_story_keys([full, bare])
    assert [a["id"] for a in cast(Any, joined[1])["actors"]] == ["mike-johnson"]


def test_a_surname_two_people_of_the_story_share_joins_neither() -> None:
    records = [
        _record(("local:ann-berg", "Ann Berg", "person")),
        _record(("local:tom-berg", "Tom Berg", "person")),
        _record(("local:berg", "Berg", "person")),
    ]
    assert story_keys(records) == {}
