"""Which knowledge base is consulted, and how an entity is looked up in it, for every surface.

The knowledge consulted everywhere (``parallax check``, ``parallax kb``, the web's check
and knowledge pages, the ``factcheck`` step) is the bundled knowledge with the user's own
laid over it (``$PARALLAX_KB``, filled by ``parallax kb import``), plus any further
directories a command names. :func:`find_entities` is the one lookup: ids, names and
aliases, demonyms, then names that contain the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from parallax.factcheck import open_knowledge
from parallax.knowledge import KBEntity, KnowledgeBase, alias_key

MAX_FACTS = 200
"""Most facts listed with one entity (a country can have thousands)."""


def knowledge_base(extra: Sequence[Path] = (), user_dir: Path | None = None) -> KnowledgeBase:
    """The knowledge consulted: bundled, the user's (``user_dir``) and the ``extra`` folders.

    Raises:
        ConfigError: an extra folder does not exist or holds an invalid record.
    """
    return open_knowledge(extra, user_dir)


def find_entities(kb: KnowledgeBase, text: str, limit: int = 10) -> list[KBEntity]:
    """Entities for ``text``: by id, name or alias, demonym, then names containing it."""
    found: list[KBEntity] = []
    by_id = kb.get(text.strip().lower())
    if by_id is not None:
        found.append(by_id)
    found += [e for e in kb.lookup(text) if e not in found]
    found += [e for e in kb.lookup_demonym(text) if e not in found]
    key = alias_key(text)
    if key:
        partial = [
            e
            for e in kb.entities.values()
            if e not in found and any(key in alias_key(n) for n in e.names())
        ]
        found += sorted(partial, key=lambda e: (len(e.name), e.id))
    return found[:limit]


def resolve_entity(kb: KnowledgeBase, ref: str) -> KBEntity | None:
    """The one entity ``ref`` names exactly (an id, a name or an alias), or None."""
    return kb.get(ref) or next(iter(kb.lookup(ref)), None)


def entity_record(entity: KBEntity) -> dict[str, Any]:
    """An entity as JSON-ready data (tuples become lists)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(entity).items()}


def entity_with_facts(kb: KnowledgeBase, entity: KBEntity) -> dict[str, Any]:
    """An entity with the facts about it and naming it, each with its entities' names."""
    facts = kb.facts_about(subject=entity.id) + kb.facts_about(object=entity.id)
    names = {f.subject for f in facts} | {f.object for f in facts if f.object}
    labels = {i: (found.name if (found := kb.get(i)) else i) for i in names}
    return {
        **entity_record(entity),
        "facts": [
            {
                **asdict(f),
                "subject_name": labels.get(f.subject, f.subject),
                "object_name": labels.get(f.object, f.object) if f.object else None,
            }
            for f in facts[:MAX_FACTS]
        ],
    }


def lookup(text: str, limit: int = 10, user_dir: Path | None = None) -> list[dict[str, Any]]:
    """What the web's knowledge page and ``/api/kb`` show: matching entities with facts."""
    kb = knowledge_base(user_dir=user_dir)
    return [entity_with_facts(kb, e) for e in find_entities(kb, text, limit)]
