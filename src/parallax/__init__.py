"""Parallax: see how different sources tell the same story.

The public surface is small on purpose::

    import parallax
    nlp = parallax.load()
    analysis = nlp(article)              # one article
    for analysis in nlp.pipe(articles):  # many, batched
        ...

Reading inputs is :func:`parallax.read_inputs`; storing them is :func:`parallax.open_store`;
a whole run (read, deduplicate, analyse, store) is :func:`parallax.run`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parallax._version import __version__

__all__ = [
    "Analysis",
    "Article",
    "Failed",
    "Pipeline",
    "Settings",
    "Skipped",
    "__version__",
    "load",
    "open_store",
    "read_inputs",
    "run",
]

if TYPE_CHECKING:
    from parallax.components import load
    from parallax.ingest import read_inputs
    from parallax.model import Analysis, Article, Failed, Skipped
    from parallax.pipeline import Pipeline
    from parallax.settings import Settings
    from parallax.store import open_store
    from parallax.usecases import ingest as run

_LAZY = {
    "Analysis": "parallax.model",
    "Article": "parallax.model",
    "Failed": "parallax.model",
    "Skipped": "parallax.model",
    "Pipeline": "parallax.pipeline",
    "load": "parallax.components",
    "Settings": "parallax.settings",
    "open_store": "parallax.store",
    "read_inputs": "parallax.ingest",
    "run": "parallax.usecases:ingest",
}


def __getattr__(name: str) -> Any:
    # Lazy, so `import parallax` stays fast and `parallax --help` does not load spaCy.
    if name in _LAZY:
        import importlib

        module, _, attribute = _LAZY[name].partition(":")
        return getattr(importlib.import_module(module), attribute or name)
    raise AttributeError(f"module 'parallax' has no attribute {name!r}")
