"""Whether an action harms or helps, from a general valence lexicon, not a hand-made list.

The lexicon is VADER's (Hutto & Gilbert 2014, MIT licence, shipped by the
``vadersentiment`` package): about 7,500 English words rated by people from -4 (very
negative) to +4. An action whose verb rates at most :data:`HARM` ("kill", "attack",
"threaten", "arrest") is harmful, one at least :data:`HELP` ("help", "protect", "rescue")
is helpful; anything between, negated, or missing from the lexicon is no evidence either
way. Verbs are looked up as written and by lemma and regular inflections, since the lexicon
lists word forms.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from parallax.errors import ConfigError

HARM = -1.0
HELP = 1.0
HARMFUL = "harmful"
HELPFUL = "helpful"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """Word -> mean valence, read once from the installed package.

    Raises:
        ConfigError: the ``vadersentiment`` package is not installed.
    """
    try:
        text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ConfigError(
            f"portrayal needs the valence lexicon of the vadersentiment package ({exc}); "
            "run `make setup`"
        ) from exc
    table: dict[str, float] = {}
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) >= 2:
            try:
                table[cells[0].lower()] = float(cells[1])
            except ValueError:
                continue
    return table


def valence(lemma: str, written: str = "") -> float | None:
    """The lexicon's rating of a verb, from the form written or its lemma's forms."""
    table = lexicon()
    lemma = lemma.lower()
    forms = [written.lower(), lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing"]
    for form in forms:
        if form and form in table:
            return table[form]
    return None


def kind(action: str, written: str = "") -> str | None:
    """``harmful``, ``helpful`` or None for an events-layer action ("attack", "not help")."""
    words = action.lower().split()
    if not words or words[0] == "not":
        return None  # "did not attack" is no evidence of harm
    value = valence(words[0], written.split()[-1] if written.split() else "")
    if value is None:
        return None
    if value <= HARM:
        return HARMFUL
    if value >= HELP:
        return HELPFUL
    return None
