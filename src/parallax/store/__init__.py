"""Storage: one interface, two implementations (embedded SQLite, the default; PostgreSQL).

Storage knows nothing about NLP: it keeps articles, their raw inputs, analyses as JSON
documents, sentences for search, and a log of runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from parallax.store.base import SearchHit, Store
from parallax.store.postgres import is_postgres_url
from parallax.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from parallax.store.postgres import PostgresStore

__all__ = ["PostgresStore", "SQLiteStore", "SearchHit", "Store", "is_postgres_url", "open_store"]


def open_store(target: Path | str) -> SQLiteStore | PostgresStore:
    """Open the store ``target`` names: a ``postgresql://`` URL, else a SQLite file path."""
    if is_postgres_url(target):
        from parallax.store.postgres import PostgresStore

        return PostgresStore(str(target))
    return SQLiteStore(target)


def __getattr__(name: str) -> object:
    if name == "PostgresStore":
        from parallax.store.postgres import PostgresStore

        return PostgresStore
    raise AttributeError(name)
