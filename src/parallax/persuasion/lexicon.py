"""Word lists written by this project: cues and features, never a verdict on their own.

Each list is short on purpose: a word belongs here only when, in news and opinion prose, it
usually carries the writer's judgement rather than a neutral description. None of them
marks loaded language in an article any more (the loaded-language head learnt that from
annotated news, :mod:`parallax.persuasion.loaded`): ``LOADED_WORDS`` is a feature of the
genre and portrayal scores, ``LABEL_WORDS`` and ``FLAG_PHRASES`` are cue spans shown only
when a trained head agrees. A test checks that no entry repeats the seed texts' wording.
"""

from __future__ import annotations

from typing import Final

LOADED_WORDS: Final[frozenset[str]] = frozenset(
    [
        "abhorrent",
        "appalling",
        "atrocious",
        "atrocity",
        "atrocities",
        "barbaric",
        "barbarity",
        "bloodbath",
        "bloodthirsty",
        "brutal",
        "brutality",
        "brutally",
        "butcher",
        "butchered",
        "callous",
        "catastrophe",
        "catastrophic",
        "cowardly",
        "crushing",
        "cynical",
        "cynically",
        "deadly",
        "deceitful",
        "depraved",
        "despicable",
        "devastation",
        "diabolical",
        "disastrous",
        "disgraceful",
        "disgusting",
        "draconian",
        "evil",
        "fanatical",
        "filthy",
        "grotesque",
        "heinous",
        "horrendous",
        "horrific",
        "horrifying",
        "humiliating",
        "insane",
        "lunatic",
        "malicious",
        "massacre",
        "merciless",
        "monstrous",
        "murderous",
        "nefarious",
        "notorious",
        "obscene",
        "outrage",
        "outrageous",
        "pathetic",
        "reckless",
        "relentless",
        "ruthless",
        "sadistic",
        "savage",
        "scandalous",
        "shameful",
        "shameless",
        "sinister",
        "slaughter",
        "slaughtered",
        "sordid",
        "stupid",
        "terrifying",
        "treacherous",
        "tyrannical",
        "unconscionable",
        "vicious",
        "vile",
        "villainous",
        "wicked",
    ]
)
"""Emotionally charged single words (lower case)."""

LABEL_NOUNS: Final[frozenset[str]] = frozenset(
    [
        "regime",
        "regimes",
        "elite",
        "elites",
        "thugs",
        "gangsters",
        "puppets",
        "stooges",
        "clique",
        "junta",
        "cronies",
        "oligarchs",
        "bureaucrats",
        "lackeys",
        "henchmen",
    ]
)
"""Group nouns that, naming an actor, label it (a feature of portrayal)."""

LABEL_WORDS: Final[frozenset[str]] = frozenset(
    [
        "thugs",
        "gangsters",
        "puppets",
        "stooges",
        "lackeys",
        "henchmen",
        "traitors",
        "crooks",
        "liars",
        "zealots",
        "fanatics",
        "lunatics",
        "idiots",
        "morons",
        "clowns",
    ]
)
"""Nouns that label a person or group all by themselves."""

FLAG_PHRASES: Final[tuple[str, ...]] = (
    "our nation",
    "our great nation",
    "our country",
    "our homeland",
    "our motherland",
    "the motherland",
    "the fatherland",
    "our flag",
    "true patriots",
    "patriotic duty",
    "our way of life",
    "our people",
    "real americans",
    "true americans",
)
"""Appeals to a national or group identity (lower case)."""

INTENSIFIERS: Final[frozenset[str]] = frozenset(
    [
        "absolutely",
        "completely",
        "totally",
        "utterly",
        "entirely",
        "always",
        "nothing",
        "everyone",
        "nobody",
        "unprecedented",
        "unparalleled",
        "worst",
        "greatest",
    ]
)
"""Universal and superlative words: a feature of exaggeration, not a rule by itself."""
