"""The server's options: one frozen object built the same way by ``parallax serve`` and tests."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

from parallax.errors import ConfigError
from parallax.settings import MiB, Settings

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServerSettings:
    """Everything the web server can be configured with.

    Attributes:
        run: the settings of the runs the server starts (database, input caps, fetching).
        host: the address to listen on; loopback by default so nothing outside this machine
            can reach the server unless asked to.
        port: the TCP port.
        token: the bearer token that write endpoints (ingestion) require. Optional on a
            loopback address, required on any other, so an exposed server is never writable
            by anyone who finds it.
        max_request_bytes: the largest request body accepted (413 above it).
        max_upload_bytes: the largest single uploaded file accepted (413 above it).
        max_queued_jobs: ingestion jobs waiting at once before new ones get 429.
        uploads_dir: where uploaded files are kept (by content hash, so uploading the same
            file twice is recognised as unchanged); default: beside the database.
    """

    run: Settings = field(default_factory=Settings)
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    max_request_bytes: int = 25 * MiB
    max_upload_bytes: int = 10 * MiB
    max_queued_jobs: int = 20
    uploads_dir: Path | None = None

    def __post_init__(self) -> None:
        if not is_loopback(self.host) and not self.token:
            raise ConfigError(
                f"refusing to listen on {self.host} without a token: anyone who can reach "
                "it could write to the database; pass --token SECRET (or set "
                "PARALLAX_TOKEN), or listen on 127.0.0.1"
            )
        if self.token is not None and len(self.token) < 8:
            raise ConfigError("the token must be at least 8 characters long; choose a longer one")
        if not 0 <= self.port <= 65535:
            raise ConfigError(f"port {self.port} is not a TCP port (0-65535)")
        for name in ("max_request_bytes", "max_upload_bytes", "max_queued_jobs"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive, got {getattr(self, name)}")

    @property
    def upload_folder(self) -> Path:
        """The folder uploads are written to."""
        if self.uploads_dir is not None:
            return self.uploads_dir
        db = self.run.db_path
        if isinstance(db, str):  # a PostgreSQL URL: uploads go beside the working directory
            return Path.cwd() / "parallax-uploads"
        return db.with_name(db.stem + "-uploads")
