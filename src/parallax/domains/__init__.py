"""Domain packs: everything specific to one subject area, kept in data files, not in code.

Parallax's demonstration domain (NATO, the Warsaw Pact and Europe since 1945) lives in the
folder ``cold_war_nato`` beside this module. A pack holds:

- ``knowledge/entities/*.jsonl`` and ``knowledge/facts/*.jsonl``: the bundled knowledge base
  (see :mod:`parallax.knowledge.base` for the record formats);
- ``relation_cues.tsv``: ``cue<TAB>relation``, a regular expression and the relation it
  names, earlier lines winning where cues overlap;
- ``event_nouns.tsv``: ``cue<TAB>noun noun ...``, an event word's stem and the event nouns
  it can refer to;
- ``office_titles.tsv``: ``title<TAB>property property ...``, a title written before a
  person's name (a regular expression) and the office properties of the knowledge base it
  can name (``President`` -> ``head_of_state``);
- ``pack.json``: ``description_actors`` (description noun -> actor id), and lists of words:
  ``name_modifiers``, ``not_event_names``, ``state_heads`` and ``state_phrases``.

Lines starting with ``#`` in the TSV files are comments. Every component that reads a pack
names its folder in its version (:data:`PACK_DATA`), so editing a pack recomputes the
analyses that used it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from parallax.errors import ConfigError

DEFAULT_DOMAIN = "cold_war_nato"
"""The pack the pipeline uses."""
PACKS_DIR = Path(__file__).resolve().parent
PACK_DATA: tuple[str, ...] = (f"domains/{DEFAULT_DOMAIN}",)
"""The default pack's folder, relative to the ``parallax`` package (for component versions)."""


@dataclass(frozen=True)
class DomainPack:
    """One domain's data, read and checked.

    Attributes:
        name: the pack's folder name.
        folder: where its files are.
        relation_cues: ``(cue regex, relation)`` in order of precedence.
        event_nouns: ``(cue stem, event nouns)`` in order of precedence.
        office_titles: ``(title regex, office properties)`` in order of precedence.
        description_actors: description noun ("alliance") -> the actor id it means when the
            article names that actor.
        name_modifiers: lowercase organisation names that modify a member noun.
        not_event_names: capitalised words that never name an event.
        state_heads: head nouns (lemmas) that, modified by a state's name, mean the state
            acting, beyond the general ones ("the Ruritanian imperialists").
        state_phrases: phrases that mean a state acting when a state's name modifies them
            ("the U.S. ruling class").
    """

    name: str
    folder: Path
    relation_cues: tuple[tuple[str, str], ...]
    event_nouns: tuple[tuple[str, tuple[str, ...]], ...]
    office_titles: tuple[tuple[str, tuple[str, ...]], ...]
    description_actors: Mapping[str, str]
    name_modifiers: frozenset[str]
    not_event_names: frozenset[str]
    state_heads: frozenset[str]
    state_phrases: tuple[str, ...]

    @property
    def knowledge(self) -> Path:
        """The folder of the pack's knowledge base (``entities/`` and ``facts/``)."""
        return self.folder / "knowledge"


@lru_cache(maxsize=4)
def domain_pack(name: str = DEFAULT_DOMAIN) -> DomainPack:
    """Read and check the pack called ``name`` (once per process).

    Raises:
        ConfigError: the pack does not exist or one of its files is malformed; the message
            names the file and line.
    """
    folder = PACKS_DIR / name
    if not (folder / "pack.json").is_file():
        known = ", ".join(sorted(p.parent.name for p in PACKS_DIR.glob("*/pack.json")))
        raise ConfigError(f"no domain pack is named {name!r}; known packs: {known or 'none'}")
    settings = _settings(folder / "pack.json")
    cues = tuple((cue, relation) for cue, relation in _rows(folder / "relation_cues.tsv"))
    titles = tuple(
        (title, tuple(props.split())) for title, props in _rows(folder / "office_titles.tsv")
    )
    for cue, file in [
        *((c, "relation_cues.tsv") for c, _ in cues),
        *((t, "office_titles.tsv") for t, _ in titles),
    ]:
        try:
            re.compile(cue)
        except re.error as exc:
            raise ConfigError(
                f"{folder / file}: the pattern {cue!r} is not a valid regular "
                f"expression ({exc}); fix or remove that line"
            ) from None
    nouns = tuple((cue, tuple(words.split())) for cue, words in _rows(folder / "event_nouns.tsv"))
    return DomainPack(
        name=name,
        folder=folder,
        relation_cues=cues,
        event_nouns=nouns,
        office_titles=titles,
        description_actors=dict(settings["description_actors"]),
        name_modifiers=frozenset(settings["name_modifiers"]),
        not_event_names=frozenset(settings["not_event_names"]),
        state_heads=frozenset(settings["state_heads"]),
        state_phrases=tuple(settings["state_phrases"]),
    )


def _settings(path: Path) -> dict[str, Any]:
    try:
        settings = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    expected = {
        "description_actors": dict,
        "name_modifiers": list,
        "not_event_names": list,
        "state_heads": list,
        "state_phrases": list,
    }
    for key, kind in expected.items():
        value = settings.get(key) if isinstance(settings, dict) else None
        if not isinstance(value, kind) or not all(isinstance(v, str) for v in value):
            raise ConfigError(
                f"{path}: {key!r} must be a JSON {'object' if kind is dict else 'list'} of "
                "strings; see the pack format in parallax/domains/__init__.py"
            )
    return dict(settings)


def _rows(path: Path) -> Iterator[tuple[str, str]]:
    """The two-column rows of a pack's TSV file, skipping comments and blank lines."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConfigError(f"the domain pack file {path} is missing; every pack has one") from None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not all(c.strip() for c in cells):
            raise ConfigError(
                f"{path}:{number}: expected two tab-separated columns, found {len(cells)}"
            )
        yield cells[0], cells[1].strip()
