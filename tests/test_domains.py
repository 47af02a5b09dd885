"""The domain pack: the demonstration domain lives in data files, and the code names none of it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from parallax import domains
from parallax.actors.vocabulary import is_common_noun
from parallax.claims.vocabulary import RELATIONS, find_cues
from parallax.domains import DEFAULT_DOMAIN, domain_pack
from parallax.errors import ConfigError
from parallax.knowledge import alias_key, bundled

SRC = Path(__file__).resolve().parents[1] / "src" / "parallax"
DOMAIN_FREE = ("actors", "claims", "factcheck", "knowledge", "components")
"""Packages whose code must not name anything of the demonstration domain."""


def test_the_default_pack_loads_and_agrees_with_its_knowledge() -> None:
    pack = domain_pack()
    assert pack.name == DEFAULT_DOMAIN and pack.knowledge.is_dir()
    assert {relation for _, relation in pack.relation_cues} <= set(RELATIONS)
    kb = bundled()
    for noun, actor in pack.description_actors.items():
        assert actor in kb.entities, f"{noun!r} means {actor!r}, which the pack does not know"
    aliases = {alias_key(n) for e in kb.entities.values() for n in e.names()}
    assert {alias_key(n) for n in pack.name_modifiers} <= aliases
    assert [c.relation for c in find_cues("Finland joined the alliance in 2023")] == ["member_of"]
    offices = {f.property for f in kb.facts if f.object and kb.get(f.object)}
    for title, properties in pack.office_titles:
        assert set(properties) <= offices, f"the title {title!r} names an office no fact holds"


def _code_strings(path: Path) -> list[str]:
    """String constants of a module that are code (docstrings, bare strings left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bare = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in bare
    ]


def test_the_nlp_code_names_no_organisation_or_group_of_the_domain() -> None:
    kb = bundled()
    names = {
        name
        for entity in kb.entities.values()
        if entity.type in {"organisation", "group"}
        for name in entity.names()
        if len(name) > 2
    }
    found = []
    for package in DOMAIN_FREE:
        for path in sorted((SRC / package).rglob("*.py")):
            if path.stem in {"evaluation", "entailment_training", "nli_data"}:
                continue  # development code, leaving for devtools/
            for text in _code_strings(path):
                for name in names:
                    # A name that is also an English word ("WHO", "Shell") is sought as
                    # written; any other in any case ("nato" would be caught).
                    word = name.lower() in STOP_WORDS or is_common_noun(name.lower())
                    pattern = rf"\b{re.escape(name if word else name.lower())}\b"
                    if re.search(pattern, text if word else text.lower()):
                        found.append(f"{path.relative_to(SRC)}: {name!r} in {text[:60]!r}")
    assert found == []


def test_an_unknown_pack_is_an_error_that_lists_the_known_ones() -> None:
    with pytest.raises(
        ConfigError, match=f"no domain pack is named 'atlantis'; known packs: {DEFAULT_DOMAIN}"
    ):
        domain_pack("atlantis")


def test_a_malformed_pack_file_is_an_error_that_names_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = tmp_path / "broken"
    pack.mkdir()
    (pack / "pack.json").write_text(
        '{"description_actors": {}, "name_modifiers": [], "not_event_names": [], '
        '"state_heads": [], "state_phrases": []}'
    )
    (pack / "relation_cues.tsv").write_text("# cue\trelation\njoined\tmember_of\nleft only\n")
    (pack / "event_nouns.tsv").write_text("")
    (pack / "office_titles.tsv").write_text("")
    monkeypatch.setattr(domains, "PACKS_DIR", tmp_path)
    with pytest.raises(ConfigError, match=r"relation_cues.tsv:3: expected two tab-separated"):
        domain_pack("broken")
    (pack / "relation_cues.tsv").write_text("join(\tmember_of\n")
    domain_pack.cache_clear()
    with pytest.raises(ConfigError, match=r"not a valid regular expression"):
        domain_pack("broken")
    domain_pack.cache_clear()
    (pack / "relation_cues.tsv").write_text("joined\tmember_of\n")
    (pack / "office_titles.tsv").write_text("(?:vice president\tvice_president\n")
    with pytest.raises(ConfigError, match=r"office_titles.tsv: the pattern .* not a valid"):
        domain_pack("broken")
    domain_pack.cache_clear()
