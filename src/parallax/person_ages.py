"""People the entity tagger misses, named with their age: "said Ana Ruiz, 58, who fled".

News gives a private person's age in commas after the name at first mention. The small
English model often leaves such a name untagged ("Ana Ruiz" beside "58", read as a date),
and then the person is no actor: a quotation shows a speaker nobody can follow, and the
later "Ruiz" joins no one. A run of two or three capitalised proper nouns, untagged or
tagged as a place or a body, followed by a comma, a whole number from 1 to 120 and a comma
or the sentence's end, is retagged as a person. A number after a name says something else
often enough ("Route 9", "Apollo 11") that it counts only set off by commas.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from parallax.place_gazetteer import proper_noun_runs

RETAGGED = frozenset({"", "GPE", "ORG", "NORP", "LOC"})
"""Labels a name before an age may carry and still be retagged (a person's stays)."""


def tag_aged_people(doc: Any) -> None:
    """Retag, in place, the names a parsed Doc gives with an age (see the module)."""
    found = []
    for start, end in _name_runs(doc):
        if not _age_follows(doc, end):
            continue
        labels = {t.ent_type_ for t in doc[start:end]}
        if not labels <= RETAGGED or len(labels) > 1:
            continue
        if doc[start].ent_iob_ == "I" or (end < len(doc) and doc[end].ent_iob_ == "I"):
            continue  # part of a longer name the tagger read
        found.append(Span(doc, start, end, label="PERSON"))
    if found:
        doc.set_ents(found, default="unmodified")


def _name_runs(doc: Any) -> list[tuple[int, int]]:
    """(start, end) of each run of two or three capitalised proper nouns, all letters."""
    return [
        (start, end)
        for start, end in proper_noun_runs(doc)
        if 2 <= end - start <= 3 and all(t.text.isalpha() for t in doc[start:end])
    ]


def _age_follows(doc: Any, end: int) -> bool:
    """Whether ", 58," (or ", 58." closing the sentence) follows the token before ``end``."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    age, after = doc[end + 1], doc[end + 2]
    return bool(age.text.isdigit() and 1 <= int(age.text) <= 120 and after.text in {",", ".", ";"})
