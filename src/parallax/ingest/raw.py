"""One input as the readers see it: a name, and a way to get its (decompressed) bytes.

Document readers (text, HTML, PDF, feeds) call :meth:`RawInput.read`, which enforces the
size cap; container readers (WARC, JSONL, CSV) call :meth:`RawInput.open` and stream, so a
corpus of any size is read in bounded memory. Gzip compression is undone here, once, for
every format.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from parallax.errors import EmptyInputError, MalformedInputError, OversizedInputError

GZIP_MAGIC = b"\x1f\x8b"


def _human(n: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} bytes"  # pragma: no cover


@dataclass
class RawInput:
    """A named input whose bytes come from memory or from a file.

    Attributes:
        source: how the input is named in messages and results (path, URL, ``path#3``).
        name: a file name used for extension hints (``report.html.gz``).
        data: the bytes, when the input is already in memory (fetched, or a record).
        path: the file, when the input is on disk (opened lazily, streamed).
        url: the address the input came from, if any.
        content_type: the media type a server declared, if any.
    """

    source: str
    name: str
    data: bytes | None = None
    path: Path | None = None
    url: str | None = None
    content_type: str | None = None
    _opener: Callable[[], BinaryIO] | None = field(default=None, repr=False)

    @property
    def compressed(self) -> bool:
        """Whether the input is gzip-compressed (by its first bytes, not its name)."""
        return self._head_raw(2) == GZIP_MAGIC

    @property
    def stem(self) -> str:
        """The file name without a trailing ``.gz``, lower-cased, for extension hints."""
        name = self.name.lower()
        return name[:-3] if name.endswith(".gz") else name

    def _open_raw(self) -> BinaryIO:
        if self.data is not None:
            return io.BytesIO(self.data)
        if self.path is not None:
            return self.path.open("rb")
        raise EmptyInputError(f"{self.source}: no data")  # pragma: no cover

    def _head_raw(self, n: int) -> bytes:
        if self.data is not None:
            return self.data[:n]
        with self._open_raw() as handle:
            return handle.read(n)

    def open(self) -> BinaryIO:
        """Open the input for streaming, decompressing gzip transparently."""
        handle = self._open_raw()
        if handle.read(2) != GZIP_MAGIC:
            handle.seek(0)
            return handle
        if self.path is not None and self.data is None:
            handle.close()  # gzip.open owns (and closes) its own file handle
            return gzip.open(self.path, "rb")  # type: ignore[return-value]
        handle.seek(0)
        return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]

    def head(self, n: int = 4096) -> bytes:
        """Return the first ``n`` decompressed bytes (for sniffing the format)."""
        try:
            with self.open() as handle:
                return handle.read(n)
        except (OSError, EOFError, zlib.error):
            return b""

    def read(self, cap: int) -> bytes:
        """Return all decompressed bytes, refusing inputs larger than ``cap``.

        Raises:
            OversizedInputError: more than ``cap`` bytes (compressed or not).
            MalformedInputError: a gzip stream that is corrupt or truncated.
        """
        if self.data is not None and not self.compressed:
            if len(self.data) > cap:
                raise OversizedInputError(
                    f"{self.source}: {_human(len(self.data))} is over the "
                    f"{_human(cap)} size cap; raise it with --max-size if this is intended"
                )
            return self.data
        if self.path is not None and not self.compressed:
            size = self.path.stat().st_size
            if size > cap:
                raise OversizedInputError(
                    f"{self.source}: {_human(size)} is over the {_human(cap)} size cap; "
                    "raise it with --max-size if this is intended"
                )
        try:
            with self.open() as handle:
                data = handle.read(cap + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise MalformedInputError(
                f"{self.source}: the gzip stream is corrupt or truncated ({exc}); "
                "re-download or re-compress the file"
            ) from None
        if len(data) > cap:
            raise OversizedInputError(
                f"{self.source}: decompresses to more than the {_human(cap)} size cap; "
                "raise it with --max-size if this is intended"
            )
        return data
