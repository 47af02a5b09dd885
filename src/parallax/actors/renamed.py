"""Two near-identical sentences that put different names in the same slot report two things.

"A missile strike on Kharkiv killed nine people on Thursday" and "a missile strike on Odesa
killed nine people on Thursday" are one word apart, and the sentence encoder scores them as
paraphrases (and the merged timeline, by the same agent, action and day, as one event);
they are two strikes. A paraphrase rewords; it does not rename. A pair is renamed when the
two sentences share most of their other words, each has exactly one capitalised name the
other lacks, and the two stand in the same slot: after the same word ("on Kharkiv", "on
Odesa") or before it ("Kharkiv's mayor", "Odesa's mayor"). Long sentences that tell one
fact in different words differ in many names, and are left to the other tests. Names are
compared on their first letters, so spellings of one name ("Zelenskiy", "Zelensky";
"Russia", "Russian") and possessives count as the same.
"""

from __future__ import annotations

import re

PREFIX = 5
"""Letters two names must share at the start to count as spellings of one name."""
ALIKE = 0.6
"""Share of their other words two sentences must have in common to be one rewording apart."""

_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*")


def _tokens(text: str) -> list[str]:
    return [t.rstrip(".") for t in _TOKEN.findall(text)]


def _is_name(token: str, position: int) -> bool:
    return position > 0 and token[:1].isupper() and any(c.islower() for c in token[1:])


def _key(name: str) -> str:
    return re.sub(r"['’]s?$", "", name).lower()[:PREFIX]


def renamed(first: str, second: str) -> tuple[str, str] | None:
    """The two names that differ in one slot of the two sentences, or None (see the module)."""
    tokens_a, tokens_b = _tokens(first), _tokens(second)
    keys_a = {_key(t) for i, t in enumerate(tokens_a) if _is_name(t, i)}
    keys_b = {_key(t) for i, t in enumerate(tokens_b) if _is_name(t, i)}
    if len(keys_a - keys_b) != 1 or len(keys_b - keys_a) != 1:
        return None  # no names apart, or sentences that differ in more than one
    words_a = {t.lower() for i, t in enumerate(tokens_a) if not _is_name(t, i)}
    words_b = {t.lower() for i, t in enumerate(tokens_b) if not _is_name(t, i)}
    if len(words_a & words_b) < ALIKE * len(words_a | words_b):
        return None
    ((name_a, (before_a, after_a)),) = _slots(tokens_a, keys_a - keys_b).items()
    ((name_b, (before_b, after_b)),) = _slots(tokens_b, keys_b - keys_a).items()
    if (before_a and before_a == before_b) or (after_a and after_a == after_b):
        return name_a, name_b
    return None


def _slots(tokens: list[str], keys: set[str]) -> dict[str, tuple[str, str]]:
    """Each name whose key is in ``keys``, with the lowercase words right before and after."""
    found = {}
    for i, token in enumerate(tokens):
        if not _is_name(token, i) or _key(token) not in keys:
            continue
        before = tokens[i - 1] if i > 0 and tokens[i - 1].islower() else ""
        after = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].islower() else ""
        found[token] = (before.lower(), after.lower())
    return found
