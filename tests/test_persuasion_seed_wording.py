"""No word list entry or cue pattern repeats the wording of the seed texts.

The seeds are what the project is judged on, so a rule written from their words would score
itself. Word lists are compared with every run of one to four words in the seeds; cue
patterns must not match anywhere in them. Mechanical rules (repetition, exclamations, scare
quotes) check a form, not wording, and may fire.
"""

from __future__ import annotations

import re

import pytest

from conftest import shared_path
from parallax.persuasion import lexicon, rules

_WORD = re.compile(r"[a-z][a-z'’-]*")


def _seed_texts() -> list[str]:
    folder = shared_path("seeds")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        pytest.skip(f"{folder} holds no seed texts")
    return texts


def _word_runs(texts: list[str], longest: int = 4) -> set[str]:
    runs: set[str] = set()
    for text in texts:
        words = _WORD.findall(text.lower().replace("’", "'"))
        for size in range(1, longest + 1):
            runs.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return runs


LISTS = ("LOADED_WORDS", "LABEL_NOUNS", "LABEL_WORDS", "FLAG_PHRASES", "INTENSIFIERS")


@pytest.mark.shared
@pytest.mark.parametrize("name", LISTS)
def test_no_word_list_entry_is_seed_wording(name: str) -> None:
    runs = _word_runs(_seed_texts())
    entries = getattr(lexicon, name)
    assert sorted(e for e in entries if e.lower() in runs) == []


@pytest.mark.shared
def test_no_cue_pattern_matches_the_seeds() -> None:
    class Line:
        def __init__(self, text: str) -> None:
            self.text, self.start, self.end = text, 0, len(text)

    # Reductio ad hitlerum's cue is the name of the regime compared with ("Nazi"): a name
    # the technique is about, not wording, and the only cue that is a single proper noun.
    hits = [
        (span.name, text[span.start : span.end])
        for text in _seed_texts()
        for span in rules.detect([Line(text)])
        if span.kind == rules.CUE and span.name != "reductio_ad_hitlerum"
    ]
    assert hits == []


@pytest.mark.shared
def test_no_knowledge_base_alias_for_a_common_noun_phrase_is_seed_wording() -> None:
    # A name ("Soviet Union", "Karl Marx") is the same in any text about its bearer; a group
    # named by common words ("the ruling class") would be an actor list written from the
    # seeds' wording.
    from parallax.knowledge.base import bundled

    runs = _word_runs(_seed_texts())
    common = [
        alias
        for entity in bundled().entities.values()
        for alias in [entity.name, *entity.aliases]
        if not any(word[:1].isupper() for word in alias.split() if word.lower() != "the")
    ]
    assert sorted(a for a in common if a.lower() in runs) == []
