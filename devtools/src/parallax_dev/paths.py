"""Where the development commands read data and write results: the source checkout.

Trained weights, docs sections and benchmark stores belong to the repository, never to an
installed ``parallax`` (whose folder may be read-only, shared, or a wheel's copy that the
next install overwrites). So every default here is found from the checkout: the one this
package lives in (an editable install, or ``PYTHONPATH=devtools/src``), else the working
folder or one of its parents. Nothing here looks at ``parallax.__file__``.
"""

from __future__ import annotations

import os
from pathlib import Path

from parallax.errors import ConfigError


def _is_checkout(folder: Path) -> bool:
    return (folder / "pyproject.toml").is_file() and (folder / "src" / "parallax").is_dir()


def repo_root() -> Path:
    """The Parallax source checkout: the one holding this package, else the working folder's.

    Raises:
        ConfigError: when neither this package's location nor the working folder (or one of
            its parents) is a checkout, e.g. for a non-editable install run elsewhere.
    """
    here = Path(__file__).resolve()
    for folder in (*here.parents, Path.cwd().resolve(), *Path.cwd().resolve().parents):
        if _is_checkout(folder):
            return folder
    raise ConfigError(
        "cannot find the Parallax source checkout (a folder with pyproject.toml and "
        "src/parallax): run the command from inside the repository, or install the "
        "development tools editable with `pip install -e ./devtools`"
    )


def default_models_dir() -> Path:
    """``src/parallax/models`` of the checkout: where committed weights are written from."""
    return repo_root() / "src" / "parallax" / "models"


def docs_dir() -> Path:
    """The checkout's ``docs/`` folder, where ``--write-docs`` puts measured sections."""
    return repo_root() / "docs"


def default_shared_dir() -> Path:
    """Where the shared data folder is expected: ``$PARALLAX_SHARED``, else beside the checkout.

    The data sets are third-party texts that must stay out of the repository, so they live
    in a sibling folder (``../shared`` from the checkout).
    """
    env = os.environ.get("PARALLAX_SHARED")
    if env:
        return Path(env)
    return repo_root().parent / "shared"
