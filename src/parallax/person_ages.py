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
        span = doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label="PERSON")
        if span is not None:
            found.append(span)
    if found:
        doc.set_ents(found, default="unmodified")


def _name_runs(doc: Any) -> list[tuple[int, int]]:
    """(start, end) of each run of two or three capitalised proper nouns."""
    runs, start = [], None
    for token in [*doc, None]:
        word = token is not None and token.pos_ == "PROPN" and token.text[:1].isupper()
        if word and token is not None and token.text.isalpha() and not token.is_upper:
            start = token.i if start is None else start
            continue
        if start is not None and token is not None and 2 <= token.i - start <= 3:
            runs.append((start, token.i))
        elif start is not None and token is None and 2 <= len(doc) - start <= 3:
            runs.append((start, len(doc)))
        start = None
    return runs


def _age_follows(doc: Any, end: int) -> bool:
    """Whether ", 58," (or ", 58." closing the sentence) follows the token before ``end``."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    age, after = doc[end + 1], doc[end + 2]
    return bool(age.text.isdigit() and 1 <= int(age.text) <= 120 and after.text in {",", ".", ";"})
