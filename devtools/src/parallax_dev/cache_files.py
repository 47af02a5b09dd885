"""Writing cache files so that a reader never sees half of one.

The evaluation and training caches (encoder vectors, token and layer states, analysed
corpora) are read by whichever process asks first. When two processes compute the same
entry at once, as the test suite's parallel workers can, a plain write lets the second
one load a file the first is still writing. Writing to a private temporary file in the
same folder and renaming it over the target is atomic on POSIX and Windows filesystems,
so a reader finds either no file or a whole one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Create ``path`` (and its folder) with what ``write`` puts in an open binary file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
