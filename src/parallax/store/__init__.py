"""Storage: one interface, implemented for embedded SQLite (the default).

Storage knows nothing about NLP: it keeps articles, their raw inputs, analyses as JSON
documents, sentences for search, and a log of runs.
"""

from parallax.store.base import SearchHit, Store
from parallax.store.sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "SearchHit", "Store", "open_store"]
