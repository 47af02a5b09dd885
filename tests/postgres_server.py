"""A real PostgreSQL server for the tests, started by the project's own script.

The server is installed from Debian's packages and started by ``scripts/postgres.sh`` (the
same script a user runs), once per test session, in a folder of its own. Each test gets a
fresh database. In CI a server that cannot be started fails the tests instead of skipping
them, so the PostgreSQL suite can never pass by not running.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "postgres.sh"
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
"""The parallel worker running this process (``gw0``, ``gw1``...; empty without xdist).
Each worker starts a server of its own, in its own folder, on its own port."""
DATA_DIR = REPO / ".cache" / ("postgres-tests-" + WORKER if WORKER else "postgres-tests")
PORT = str(
    int(os.environ.get("PARALLAX_TEST_PG_PORT", "54330"))
    + (int(WORKER.removeprefix("gw")) if WORKER.startswith("gw") else 0)
)
"""The test server's port; set ``PARALLAX_TEST_PG_PORT`` when another checkout's tests
already hold this one (parallel workers take it and the ports after it)."""


def start_server() -> str:
    """Start (installing if needed) the test server and return its URL."""
    try:
        done = subprocess.run(
            [str(SCRIPT), "start", str(DATA_DIR), PORT],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        message = f"could not start PostgreSQL with {SCRIPT.name}: {detail.strip()[-2000:]}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return done.stdout.strip().splitlines()[-1]


def stop_server() -> None:
    """Stop the test server."""
    subprocess.run([str(SCRIPT), "stop", str(DATA_DIR), PORT], capture_output=True, check=False)


def fresh_database(server_url: str) -> Iterator[str]:
    """Create an empty database on the server, yield its URL, drop it afterwards."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    base = server_url.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
