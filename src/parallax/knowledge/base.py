"""The knowledge base: bundled JSONL files plus the user's own, indexed by alias.

Bundled knowledge is the domain pack's (:mod:`parallax.domains`): ``knowledge/entities/*.jsonl``
(one entity per line) and ``knowledge/facts/*.jsonl`` (one fact per line) in the pack's
folder, split by subject so the files stay readable. A user's knowledge base is a directory
of the same shape; it sits beside the bundled one, and an entity with the same id in the
user's files replaces the bundled one.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from parallax.domains import DEFAULT_DOMAIN, PACKS_DIR, domain_pack
from parallax.errors import ConfigError
from parallax.knowledge.model import ENTITY_TYPES, Fact, KBEntity

BUNDLED_DIR = PACKS_DIR / DEFAULT_DOMAIN / "knowledge"
"""The bundled knowledge: the default domain pack's."""

_ENTITY_FIELDS = {f.name for f in fields(KBEntity)}
_FACT_FIELDS = {f.name for f in fields(Fact)}


_DASHES = re.compile(r"[-\u2010-\u2015]")
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"'s$")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def alias_key(text: str) -> str:
    """Normalise a name for lookup: case, dots, quotes, hyphens, a leading "the".

    Cached: claim linking asks for the same few thousand spans over and over.
    """
    text = text.lower().replace("\u2019", "'").replace(".", "")
    text = _DASHES.sub(" ", text)
    text = _LEADING_THE.sub("", text.strip())
    text = _POSSESSIVE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def written_as_named(entity: KBEntity, text: str) -> bool:
    """Whether ``text`` can be ``entity`` as written, case included.

    Lookup ignores case ("the kremlin", "NATO's"), but an entity known only by an acronym
    in capitals ("START", the arms treaty) is not named by the common word in lower case
    ("from the start"): words that only match an acronym must be written in capitals. A
    capital first letter is enough only for an acronym of four letters or more, which some
    newsrooms write as a word ("Nato", "Opec"); a short one in that form is the ordinary
    word at a sentence's start or inside a place name ("Who", "Baku-on-Sea"). Nor is a name
    always written with a capital named by the same words all in lower case ("a shell hit
    their car" is no oil company), except a kind of body ("the alliance" for NATO).
    """
    bare = re.sub(r"^the\s+|['\u2019]s$", "", text.strip(), flags=re.IGNORECASE)
    if _acronym(bare):
        return True
    key = alias_key(text)
    matching = [name for name in entity.names() if alias_key(name) == key]
    lower_case = matching and not any(ch.isupper() for ch in bare) and not kind_word(text)
    if lower_case and all(any(ch.isupper() for ch in name) for name in matching):
        return False  # "a shell hit their car": a name written with capitals, in lower case
    if not matching or not all(_acronym(name) for name in matching):
        return True
    letters = [ch for ch in bare if ch.isalpha()]
    return len(letters) >= 4 and letters[0].isupper()


KIND_WORDS = frozenset({"alliance", "bloc", "pact", "union", "organisation", "organization"})
"""Nouns that say what kind of organisation something is; aliases such as "the Union"."""


def kind_word(text: str) -> bool:
    """Whether ``text`` is only a kind of organisation ("the union", "the Alliance", "Union").

    The knowledge base lists "the Union" for the European Union and "the Alliance" for NATO,
    but the words name any union or alliance ("the union said", of a trade union): which
    one they mean is the article's to say, not the alias index's.
    """
    return alias_key(text) in KIND_WORDS


def stands_for(entity: KBEntity, span: Any) -> bool:
    """Whether a parsed span that names ``entity`` by an alias stands for it in its document.

    A kind word ("the union") does only where the document names the entity otherwise.
    """
    return not kind_word(span.text) or named_otherwise(entity, span.doc.text)


def named_otherwise(entity: KBEntity, text: str) -> bool:
    """Whether ``text`` names ``entity`` by a name that is not a kind word ("the EU")."""
    for name in entity.names():
        if kind_word(name):
            continue
        bare = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        flags = 0 if _acronym(bare) else re.IGNORECASE
        if re.search(rf"(?<!\w){re.escape(bare)}(?!\w)", text, flags):
            return True
    return False


def _acronym(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


class KnowledgeBase:
    """Entities and facts, with an index from every alias and demonym to entity ids."""

    def __init__(self, entities: Iterable[KBEntity] = (), facts: Iterable[Fact] = ()):
        """Index the given entities and facts (later entities replace earlier ones by id)."""
        self.entities: dict[str, KBEntity] = {}
        self.facts: list[Fact] = []
        self._aliases: dict[str, list[str]] = defaultdict(list)
        self._demonyms: dict[str, list[str]] = defaultdict(list)
        self._by_subject: dict[str, list[Fact]] = defaultdict(list)
        self._by_object: dict[str, list[Fact]] = defaultdict(list)
        self.add(entities, facts)

    def add(self, entities: Iterable[KBEntity] = (), facts: Iterable[Fact] = ()) -> None:
        """Add entities and facts, re-indexing the aliases."""
        for entity in entities:
            self.entities[entity.id] = entity
        for fact in facts:
            self.facts.append(fact)
            self._by_subject[fact.subject].append(fact)
            if fact.object:
                self._by_object[fact.object].append(fact)
        self._reindex()

    def _reindex(self) -> None:
        self._aliases.clear()
        self._demonyms.clear()
        for entity in self.entities.values():
            for name in entity.names():
                key = alias_key(name)
                if key and entity.id not in self._aliases[key]:
                    self._aliases[key].append(entity.id)
            for demonym in entity.demonyms:
                key = alias_key(demonym)
                if key and entity.id not in self._demonyms[key]:
                    self._demonyms[key].append(entity.id)

    def get(self, entity_id: str) -> KBEntity | None:
        """The entity with this id, or None."""
        return self.entities.get(entity_id)

    def lookup(self, name: str) -> list[KBEntity]:
        """Entities whose name or alias matches ``name`` (normalised); best first."""
        return [self.entities[i] for i in self._aliases.get(alias_key(name), [])]

    def lookup_demonym(self, word: str) -> list[KBEntity]:
        """Entities whose demonym matches ``word`` ("Russian" -> Russia)."""
        return [self.entities[i] for i in self._demonyms.get(alias_key(word), [])]

    def aliases(self) -> dict[str, list[str]]:
        """The whole alias index: normalised alias -> entity ids."""
        return {k: list(v) for k, v in self._aliases.items()}

    def facts_about(
        self, subject: str | None = None, property: str | None = None, object: str | None = None
    ) -> list[Fact]:
        """Facts matching every argument given."""
        if subject is not None:
            pool: Iterable[Fact] = self._by_subject.get(subject, [])
        elif object is not None:
            pool = self._by_object.get(object, [])
        else:
            pool = self.facts
        return [
            f
            for f in pool
            if (property is None or f.property == property)
            and (object is None or f.object == object)
        ]

    def __len__(self) -> int:
        return len(self.entities)


def read_entities(path: Path) -> Iterator[KBEntity]:
    """Entities from a JSONL file.

    Raises:
        ConfigError: a line is not a valid entity; the message names the file and line.
    """
    for number, record in _jsonl(path):
        try:
            unknown = set(record) - _ENTITY_FIELDS
            if unknown:
                raise ValueError(f"unknown fields {sorted(unknown)}")
            if record.get("type") not in ENTITY_TYPES:
                raise ValueError(f"type must be one of {sorted(ENTITY_TYPES)}")
            record["aliases"] = tuple(record.get("aliases", ()))
            record["demonyms"] = tuple(record.get("demonyms", ()))
            yield KBEntity(**record)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{path}:{number}: not a valid entity: {exc}") from None


def read_facts(path: Path) -> Iterator[Fact]:
    """Facts from a JSONL file.

    Raises:
        ConfigError: a line is not a valid fact (a fact without a source is not valid).
    """
    for number, record in _jsonl(path):
        try:
            unknown = set(record) - _FACT_FIELDS
            if unknown:
                raise ValueError(f"unknown fields {sorted(unknown)}")
            if not record.get("source"):
                raise ValueError("every fact needs a source")
            if (record.get("object") is None) == (record.get("value") is None):
                raise ValueError("give exactly one of object and value")
            yield Fact(**record)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{path}:{number}: not a valid fact: {exc}") from None


def _jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{path}:{number}: not JSON: {exc.msg}") from None
            if not isinstance(record, dict):
                raise ConfigError(f"{path}:{number}: expected a JSON object")
            yield number, record


def load_dir(directory: Path) -> KnowledgeBase:
    """A knowledge base from ``directory/entities/*.jsonl`` and ``directory/facts/*.jsonl``."""
    entities = [e for p in sorted(directory.glob("entities/*.jsonl")) for e in read_entities(p)]
    facts = [f for p in sorted(directory.glob("facts/*.jsonl")) for f in read_facts(p)]
    return KnowledgeBase(entities, facts)


@lru_cache(maxsize=1)
def bundled() -> KnowledgeBase:
    """The knowledge that ships with Parallax: the domain pack's (loaded once per process)."""
    return load_dir(domain_pack().knowledge)
