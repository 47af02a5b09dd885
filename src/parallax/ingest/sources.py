"""Expand what the user named (files, directories, URLs) into inputs to read."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from parallax.errors import InputError
from parallax.ingest.fetch import Fetcher, is_url
from parallax.ingest.formats import FORMAT_BY_EXTENSION, extension_of
from parallax.ingest.raw import RawInput
from parallax.model import Failed, Skipped


def _walk(directory: Path) -> Iterator[Path]:
    """Yield the files under ``directory`` in a stable order, skipping hidden entries."""
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def iter_raw_inputs(
    specs: Iterable[str | Path], fetch: Fetcher | None = None
) -> Iterator[RawInput | Failed | Skipped]:
    """Turn paths, directories (recursively) and URLs into :class:`RawInput` items.

    Files named explicitly are always read, whatever their extension; files found while
    walking a directory are read only when their extension is one we know, and reported
    as skipped otherwise, so a folder of articles with a few images in it just works.
    """
    for spec in specs:
        text = str(spec)
        if is_url(text):
            if fetch is None:
                yield Failed(text, "URLs need a fetcher; this run has none configured")
                continue
            try:
                yield fetch(text)
            except InputError as exc:
                yield Failed(text, str(exc).removeprefix(f"{text}: "))
            continue
        path = Path(text)
        if path.is_dir():
            for file in _walk(path):
                if extension_of(file.name) in FORMAT_BY_EXTENSION:
                    yield RawInput(source=str(file), name=file.name, path=file)
                else:
                    yield Skipped(
                        str(file), f"not an article format ({file.suffix or 'no extension'})"
                    )
            continue
        if not path.exists():
            yield Failed(text, "no such file or directory")
        elif not path.is_file():
            yield Failed(text, "not a regular file")
        elif not os.access(path, os.R_OK):
            yield Failed(text, "permission denied: the file is not readable")
        else:
            yield RawInput(source=text, name=path.name, path=path)
