"""The typed report record (parallax.record) and the JSON a real run writes agree, key by key.

The TypedDicts are what mypy checks every reader against; these tests check that what the
pipeline, comparison and run summary actually write is exactly what the types declare: no
undeclared key, no missing required key, no value of another type. A component that adds a
key to the report without declaring it in :mod:`parallax.record` fails here.
"""

# No ``from __future__ import annotations``: the TypedDicts below must keep NotRequired.
import json
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints, is_typeddict

import pytest
from click.testing import Result

from parallax.record import ArticleRecord, CheckRecord, ComparisonRecord, Report

JSON_SCALARS: dict[type, tuple[type, ...]] = {
    str: (str,),
    int: (int,),
    float: (int, float),
    bool: (bool,),
    type(None): (type(None),),
}


def violations(value: Any, hint: Any, path: str = "$") -> list[str]:
    """Every place where ``value`` (parsed JSON) does not have the type ``hint``."""
    origin = get_origin(hint)
    if hint is object or hint is Any:
        return []
    if origin in (Union, types.UnionType):
        found = [violations(value, option, path) for option in get_args(hint)]
        return [] if any(not f for f in found) else [f"{path}: {value!r} is none of {hint}"]
    if origin is Literal:
        return [] if value in get_args(hint) else [f"{path}: {value!r} is not one of {hint}"]
    if is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{path}: expected an object ({hint.__name__}), got {type(value).__name__}"]
        declared = get_type_hints(hint)
        problems = [
            f"{path}.{key}: not declared in {hint.__name__}"
            for key in value.keys() - declared.keys()
        ]
        problems += [
            f"{path}.{key}: required by {hint.__name__} but missing"
            for key in hint.__required_keys__ - value.keys()
        ]
        for key in value.keys() & declared.keys():
            problems += violations(value[key], declared[key], f"{path}.{key}")
        return problems
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: expected a list, got {type(value).__name__}"]
        (item,) = get_args(hint)
        return [p for i, v in enumerate(value) for p in violations(v, item, f"{path}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: expected an object, got {type(value).__name__}"]
        key_type, item = get_args(hint)
        assert key_type is str
        return [p for k, v in value.items() for p in violations(v, item, f"{path}.{k}")]
    if hint in JSON_SCALARS:
        ok = isinstance(value, JSON_SCALARS[hint]) and (hint is bool or not isinstance(value, bool))
        return [] if ok else [f"{path}: {value!r} is not {hint.__name__}"]
    raise AssertionError(f"{path}: the checker does not know the type {hint!r}; teach it")


class Inner(typing.TypedDict):
    name: str
    score: float
    note: typing.NotRequired[str | None]


class Outer(typing.TypedDict):
    items: list[Inner]


def test_the_checker_rejects_undeclared_missing_and_mistyped_keys() -> None:
    assert violations({"items": [{"name": "a", "score": 1}]}, Outer) == []
    assert violations({"items": [{"name": "a", "score": 0.5, "note": None}]}, Outer) == []
    assert violations({"items": [{"name": "a", "score": 1, "extra": 2}]}, Outer) == [
        "$.items[0].extra: not declared in Inner"
    ]
    assert violations({"items": [{"score": 1.0}]}, Outer) == [
        "$.items[0].name: required by Inner but missing"
    ]
    assert violations({"items": [{"name": "a", "score": True}]}, Outer) == [
        "$.items[0].score: True is not float"
    ]
    assert violations({"items": {"name": "a"}}, Outer) == ["$.items: expected a list, got dict"]


def test_a_real_report_of_the_samples_has_exactly_the_declared_shape(
    analyze_json: Callable[..., tuple[dict[str, Any], Result]],
    cli: Callable[..., Result],
    sample_files: list[Path],
    write: Callable[[str, bytes | str], Path],
) -> None:
    # The samples compare as one story (alignments, gaps, portrayal, merged timeline); the
    # empty file fails and the French note is stored but not analysed, so the error and
    # not-analysed shapes are exercised too.
    empty = write("empty.txt", b"")
    french = write(
        "note.txt",
        "Le conseil municipal a voté hier soir le budget de la bibliothèque, après un long "
        "débat sur les horaires d'ouverture et le prix des abonnements pour les étudiants.\n",
    )
    report, _ = analyze_json(*sample_files, empty, french)

    assert violations(report, Report) == []
    statuses = {a["status"] for a in report["articles"]}
    assert statuses == {"analysed", "not_analysed"}, statuses
    assert [e["source"] for e in report["errors"]] == [str(empty)]
    comparison = report["comparison"]
    for part in ComparisonRecord.__required_keys__:
        assert comparison[part], f"the samples should fill comparison.{part}"
    # Every optional article key the bundled pipeline writes is met at least once, so a
    # declaration that no component fills any more shows up here as well.
    # ``show`` prints the stored record with the inputs it was read from.
    shown = json.loads(cli("show", report["articles"][0]["id"], "--format", "json").stdout)
    assert violations(shown, ArticleRecord) == []
    written = {key for a in [*report["articles"], shown] for key in a}
    assert ArticleRecord.__optional_keys__ <= written, ArticleRecord.__optional_keys__ - written


@pytest.mark.parametrize(
    "claim",
    [
        "Finland joined NATO in 2023.",
        "Between 1999 and 2004, NATO expanded to 14 more countries.",
        "The weather will be pleasant tomorrow.",
    ],
)
def test_the_check_document_has_exactly_the_declared_shape(
    cli: Callable[..., Result], claim: str
) -> None:
    result = cli("check", claim, "--format", "json")
    document = json.loads(result.stdout)
    assert violations(document, CheckRecord) == []
