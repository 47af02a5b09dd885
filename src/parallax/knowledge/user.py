"""The user's knowledge base, beside the bundled one, and the merged view the checker reads.

A user's knowledge base is a directory (``$PARALLAX_KB``, else
``$XDG_DATA_HOME/parallax/kb``, else ``~/.local/share/parallax/kb``) of the bundled shape:
``entities/*.jsonl`` and ``facts/*.jsonl``, plus ``documents.db`` for reference documents.
Imports write one pair of files per imported source, named after it, so importing the same
file again replaces its earlier import instead of doubling it.

:func:`default_knowledge` merges the bundled knowledge with the user's: a user entity with a
bundled id replaces the bundled entity, user facts are added. The merge is cached per
directory and re-read when a file in it changes, so a long-running server sees new imports.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from parallax.knowledge.base import KnowledgeBase, bundled, load_dir
from parallax.knowledge.model import Fact, KBEntity


def user_kb_dir() -> Path:
    """Where the user's knowledge base lives (it need not exist yet)."""
    env = os.environ.get("PARALLAX_KB")
    if env:
        return Path(env).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "parallax" / "kb"


def _signature(directory: Path) -> tuple[tuple[str, int, int], ...]:
    if not directory.is_dir():
        return ()
    files = sorted([*directory.glob("entities/*.jsonl"), *directory.glob("facts/*.jsonl")])
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], KnowledgeBase]] = {}
_lock = threading.Lock()


def merged(user: KnowledgeBase, base: KnowledgeBase | None = None) -> KnowledgeBase:
    """``base`` (the bundled knowledge by default) with ``user`` laid over it."""
    base = base if base is not None else bundled()
    entities = {**base.entities, **user.entities}
    return KnowledgeBase(entities.values(), [*base.facts, *user.facts])


def default_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """The bundled knowledge merged with the user's (cached until the user's files change)."""
    directory = (directory or user_kb_dir()).resolve()
    signature = _signature(directory)
    with _lock:
        hit = _cache.get(directory)
        if hit is not None and hit[0] == signature:
            return hit[1]
    kb = merged(load_dir(directory)) if signature else bundled()
    with _lock:
        _cache[directory] = (signature, kb)
    return kb


def import_name(source: str) -> str:
    """A file-name-safe name for an imported source (``nato-extra.csv`` -> ``nato-extra``)."""
    stem = Path(source).name
    for suffix in (".gz", ".bz2", ".jsonl", ".json", ".csv", ".tsv"):
        stem = stem.removesuffix(suffix)
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.") or "import"


def _record(item: KBEntity | Fact) -> dict[str, Any]:
    record = asdict(item)
    return {
        k: (list(v) if isinstance(v, tuple) else v)
        for k, v in record.items()
        if v or k in {"id", "name", "type", "subject", "property", "source"}
    }


def save_import(
    name: str,
    entities: Iterable[KBEntity],
    facts: Iterable[Fact],
    directory: Path | None = None,
) -> list[Path]:
    """Write an import into the user's knowledge base (replacing one of the same name).

    The files are ``entities/NAME.jsonl`` and ``facts/NAME.jsonl``.

    Returns:
        The files written.
    """
    directory = directory or user_kb_dir()
    written = []
    for kind, items in (("entities", list(entities)), ("facts", list(facts))):
        path = directory / kind / f"{name}.jsonl"
        if not items:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".jsonl.tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            for item in items:
                handle.write(json.dumps(_record(item), ensure_ascii=False) + "\n")
        tmp.replace(path)
        written.append(path)
    return written
