"""Trained weights produced by ``parallax-dev train`` (small numpy arrays with JSON metadata)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def models_dir() -> Path:
    """The folder of committed weights inside the package."""
    return Path(str(resources.files("parallax") / "models"))
