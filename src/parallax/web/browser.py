"""Headless Chromium driven by Playwright, for end-to-end tests and documentation screenshots.

Uses the system's Chromium (Debian's ``chromium`` package, installed by
``scripts/install-system-deps.sh``) through ``executable_path``: Playwright's own browser
downloads are never used. The flags keep Chromium from reaching out to the network.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_path() -> Path | None:
    """The system Chromium (``$PARALLAX_CHROMIUM`` overrides), or None when absent."""
    env = os.environ.get("PARALLAX_CHROMIUM")
    candidates = [env] if env else []
    candidates += ["/usr/bin/chromium", shutil.which("chromium") or "", "/usr/bin/chromium-browser"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@contextmanager
def chromium() -> Iterator[Any]:
    """A launched headless Chromium browser (a Playwright ``Browser``).

    Raises:
        RuntimeError: Chromium or the playwright package is missing (with how to install).
    """
    path = chromium_path()
    if path is None:
        raise RuntimeError(
            "Chromium is not installed: run scripts/install-system-deps.sh (apt-get install "
            "chromium), or set PARALLAX_CHROMIUM to a Chromium binary"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise RuntimeError("the playwright package is missing: pip install playwright") from None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(path), args=list(CHROMIUM_FLAGS))
        try:
            yield browser
        finally:
            browser.close()
