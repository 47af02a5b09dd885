"""Storage: one interface, two implementations (embedded SQLite, the default; PostgreSQL).

Storage knows nothing about NLP: it keeps articles, their raw inputs, analyses as JSON
documents, sentences for search, and a log of runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeAlias

from parallax.store.base import SearchHit, Store
from parallax.store.postgres import PostgresStore, is_postgres_url
from parallax.store.sqlite import SQLiteStore

AnyStore: TypeAlias = SQLiteStore | PostgresStore
"""Either concrete store: what :func:`open_store` returns (both implement :class:`Store` and
the browsing methods the server uses)."""

__all__ = [
    "AnyStore",
    "PostgresStore",
    "SQLiteStore",
    "SearchHit",
    "Store",
    "is_postgres_url",
    "open_store",
]


def open_store(target: Path | str) -> AnyStore:
    """Open the store ``target`` names: a ``postgresql://`` URL, else a SQLite file path."""
    if is_postgres_url(target):
        return PostgresStore(str(target))
    return SQLiteStore(target)
