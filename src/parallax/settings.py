"""One frozen options object built the same way by the CLI, the Python API and the server."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from parallax.errors import ConfigError

MiB = 1024 * 1024


def store_target(value: str) -> Path | str:
    """A ``--db`` value: a ``postgresql://`` URL stays a string, anything else is a file path."""
    if value.startswith(("postgresql://", "postgres://")):
        return value
    return Path(value)


def default_db_path() -> Path | str:
    """Where the store lives unless told otherwise (``PARALLAX_DB`` overrides).

    The default is an embedded SQLite file in the working directory; ``PARALLAX_DB`` may name
    another file or a PostgreSQL server (``postgresql://user@host:port/dbname``).
    """
    env = os.environ.get("PARALLAX_DB")
    if env:
        return store_target(env)
    return Path.cwd() / "parallax.db"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with.

    Attributes:
        db_path: the SQLite file (created on first use) or a ``postgresql://`` URL.
        max_input_bytes: inputs (or single records of an archive or corpus) larger than
            this fail with a clear message instead of exhausting memory.
        fetch_timeout: seconds before a URL fetch gives up.
        fetch_max_bytes: the largest response body a fetch will read.
        allow_private_addresses: let the fetcher reach loopback and private networks
            (off by default so a submitted URL cannot probe the local network).
        field_map: for JSONL/CSV corpora, our field name -> the corpus's column name.
        follow_feed_links: fetch the linked page when a feed entry carries only a summary.
        languages: languages the analysis components support; others are stored and
            flagged, not analysed.
        near_duplicate_threshold: estimated Jaccard similarity above which two articles
            are reported as near-duplicates.
        batch_size: articles per spaCy batch.
    """

    db_path: Path | str = field(default_factory=default_db_path)
    max_input_bytes: int = 50 * MiB
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 20 * MiB
    allow_private_addresses: bool = False
    field_map: dict[str, str] = field(default_factory=dict)
    follow_feed_links: bool = False
    languages: tuple[str, ...] = ("en",)
    near_duplicate_threshold: float = 0.8
    batch_size: int = 16

    def __post_init__(self) -> None:
        if self.max_input_bytes <= 0:
            raise ConfigError(
                f"max_input_bytes must be positive, got {self.max_input_bytes}; "
                "give a size such as 50MB"
            )
        if not 0.0 < self.near_duplicate_threshold <= 1.0:
            raise ConfigError(
                f"near_duplicate_threshold must be in (0, 1], got {self.near_duplicate_threshold}"
            )
        unknown = set(self.field_map) - CORPUS_FIELDS
        if unknown:
            raise ConfigError(
                f"unknown field(s) in field mapping: {', '.join(sorted(unknown))}; "
                f"known fields are {', '.join(sorted(CORPUS_FIELDS))}"
            )

    def with_(self, **changes: Any) -> Settings:
        """Return a copy with some settings changed (validated again)."""
        return replace(self, **changes)


CORPUS_FIELDS = frozenset({"text", "title", "outlet", "author", "date", "url", "language", "id"})
"""The article fields a JSONL/CSV field mapping may name."""


def parse_size(value: str) -> int:
    """Parse a size such as ``50MB``, ``512k`` or ``1000000`` into bytes.

    Raises:
        ConfigError: the value is not a size.
    """
    text = value.strip().lower().replace(" ", "")
    units = {
        "": 1,
        "b": 1,
        "k": 1024,
        "kb": 1024,
        "kib": 1024,
        "m": MiB,
        "mb": MiB,
        "mib": MiB,
        "g": 1024 * MiB,
        "gb": 1024 * MiB,
        "gib": 1024 * MiB,
    }
    number = text.rstrip("kmgibKMGIB")
    unit = text[len(number) :]
    try:
        amount = float(number)
    except ValueError:
        raise ConfigError(f"{value!r} is not a size; write e.g. 50MB, 512KB or 1000000") from None
    if unit not in units or amount <= 0:
        raise ConfigError(f"{value!r} is not a size; write e.g. 50MB, 512KB or 1000000")
    return int(amount * units[unit])


def parse_field_map(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """Parse ``["text=body", "title=headline"]`` into a field mapping.

    Raises:
        ConfigError: a pair is not ``ours=theirs`` or names an unknown field.
    """
    mapping: dict[str, str] = {}
    for pair in pairs:
        for part in pair.split(","):
            if not part.strip():
                continue
            ours, sep, theirs = part.partition("=")
            if not sep or not ours.strip() or not theirs.strip():
                raise ConfigError(
                    f"field mapping {part!r} is not of the form ours=theirs, e.g. text=body"
                )
            if ours.strip() not in CORPUS_FIELDS:
                raise ConfigError(
                    f"field mapping names unknown field {ours.strip()!r}; "
                    f"known fields are {', '.join(sorted(CORPUS_FIELDS))}"
                )
            mapping[ours.strip()] = theirs.strip()
    return mapping
