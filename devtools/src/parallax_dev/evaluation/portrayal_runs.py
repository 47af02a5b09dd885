"""The pipeline over a corpus for the portrayal evaluations, with the model's questions kept.

Each article goes through the pipeline once, up to the questions the portrayal step would
ask the target-sentiment model (the token states of the sentences that mention each actor);
the analyses are cached in ``.cache/portrayal``. :func:`cast` then answers the questions and
runs the role rules, so a retrained model or changed role rules are measured without
running the pipeline again. Gold actors (strings to find) may stand in for the actors step.
"""

from __future__ import annotations

import copy
import hashlib
import json
import pickle
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from parallax.components.portrayal import SAYING, answer, charged, queries_of, trim, unspoken
from parallax.encoder import LayerStates
from parallax.model import Analysis, Article
from parallax.pipeline.core import Pipeline
from parallax.pipeline.registry import component_factory
from parallax.pipeline.versions import code_version
from parallax.portrayal.compared import compared_against
from parallax.portrayal.roles import Judgment, portray
from parallax.portrayal.verdicts import verdicts
from parallax.portrayal.voice import OWN, Voice, VoiceIndex, relayed
from parallax_dev.cache_files import write_atomically

UPSTREAM = (
    "parse",
    "sentences",
    "entities",
    "embed",
    "times",
    "actors",
    "quotes",
    "events",
    "techniques",
)
PRONOUNS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "his",
        "its",
        "their",
        "we",
        "us",
        "our",
        "i",
        "me",
        "my",
    ]
)


# -- running the pipeline, with the model's judgments kept --------------------------------


class _GoldActors:
    """Put given actors (found by their strings) on each analysis, in place of the actors step."""

    name = "actors"
    version = "gold"
    requires = ("doc", "sentences")
    assigns = ("actors",)

    def __init__(self, entities: dict[str, list[tuple[str, list[str]]]]) -> None:
        self.entities = entities

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        for analysis in analyses:
            actors = []
            for number, (key, names) in enumerate(self.entities.get(analysis.article.source, [])):
                mentions = mentions_of(analysis, names)
                actors.append(
                    {"id": f"g{number}", "name": key, "type": "gold", "mentions": mentions}
                )
            analysis.layers["actors"] = actors
            yield analysis


class _Ask:
    """Keep the questions for the model on the analysis (the portrayal step's first half).

    All of them, before :func:`parallax.components.portrayal.trim`, so that the limits on
    what the model reads can be chosen without running the pipeline again.
    """

    name = "ask"
    version = "4-" + code_version("parallax.portrayal.verdicts") + "-"
    version += code_version("parallax.portrayal.compared")
    """Follows the verdicts' and comparisons' code: the cache keeps what they found, not the
    parse."""
    requires = ("sentences", "actors", "quotes", "layer_states")
    assigns = ("asked", "verdicts", "compared")

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        for analysis in analyses:
            analysis.layers["asked"] = (
                queries_of(analysis, analysis.layer_states)
                if analysis.sentences
                else ([], [], [], [])
            )
            # What the parse says each actor is ("Germany is the worst offender"); the parse
            # is dropped before the cache is written.
            analysis.layers["verdicts"] = verdicts(analysis.doc, analysis.layers.get("actors", []))
            analysis.layers["compared"] = compared_against(
                analysis.doc, analysis.layers.get("actors", [])
            )
            analysis.layer_states = None
            analysis.tokens = None
            yield analysis


def mentions_of(analysis: Analysis, names: Sequence[str]) -> list[dict[str, Any]]:
    """Mentions of the given strings (whole words, any case) with their sentence ids."""
    found = []
    text = analysis.article.text
    for name in names:
        if len(name) < 3 and name.lower() not in PRONOUNS:
            continue
        for match in re.finditer(rf"\b{re.escape(name)}\b", text, re.IGNORECASE):
            for sentence in analysis.sentences:
                if sentence.start <= match.start() < sentence.end:
                    found.append(
                        {
                            "text": match.group(),
                            "start": match.start(),
                            "end": match.end(),
                            "sentence_id": sentence.id,
                            "kind": "pronoun" if name.lower() in PRONOUNS else "name",
                        }
                    )
                    break
    return found


def analyse(
    texts: dict[str, str],
    cache: Path,
    tag: str,
    gold_actors: dict[str, list[tuple[str, list[str]]]] | None = None,
) -> dict[str, Analysis]:
    """Run the pipeline (to the model's judgments) over ``texts`` by id, cached on disk."""
    names = [n for n in UPSTREAM if not (gold_actors is not None and n == "actors")]
    components: list[Any] = [component_factory(name)() for name in names]
    versions = "|".join(f"{c.name}={c.version}" for c in components)
    digest = hashlib.sha256(f"{tag}|{LayerStates.__name__}|{versions}|{_Ask.version}".encode())
    for key in sorted(texts):
        digest.update(key.encode() + b"\x00" + texts[key].encode("utf-8", "replace"))
    if gold_actors is not None:
        digest.update(json.dumps(gold_actors, sort_keys=True).encode())
    path = cache / f"{tag}-{digest.hexdigest()[:16]}.pickle"
    if path.is_file():
        with path.open("rb") as handle:
            cached: dict[str, Analysis] = pickle.load(handle)
            return cached
    if gold_actors is not None:
        at = [c.name for c in components].index("times") + 1
        components.insert(at, _GoldActors(gold_actors))
    pipeline = Pipeline([*components, _Ask()])
    articles = [Article(text=t, source=k, language="en") for k, t in texts.items()]
    result = {a.article.source: a for a in pipeline.pipe(articles)}
    for analysis in result.values():
        analysis.vectors = None
        analysis.doc = None
    write_atomically(path, lambda stream: pickle.dump(result, stream))
    return result


def cast(analyses: dict[str, Analysis]) -> dict[str, list[dict[str, Any]]]:
    """Answer the kept questions and run the role rules; each analysis's actors, portrayed."""
    keys = list(analyses)
    genres = _genres(analyses)
    answers = answer(
        [
            trim(
                unspoken(analyses[k], charged(analyses[k], analyses[k].layers["asked"])),
                len(analyses[k].sentences),
            )
            for k in keys
        ]
    )
    result = {}
    for key, judgments in zip(keys, answers, strict=True):
        analysis = analyses[key]
        actors = copy.deepcopy(analysis.layers.get("actors", []))
        judgments = _revoiced(analysis, actors, judgments)
        portray(
            actors,
            analysis.sentences,
            analysis.article.text,
            analysis.layers.get("events", []),
            analysis.layers.get("quotes", []),
            judgments,
            opinion=genres[key] == "opinion",
            verdicts=analysis.layers.get("verdicts", {}),
            compared=analysis.layers.get("compared", ()),
        )
        for actor in actors:
            actor[GENRE_KEY] = genres[key]  # for the role training's own re-casting
        result[key] = actors
    return result


GENRE_KEY = "article_genre"
"""Key the evaluation adds to each portrayed actor: its article's genre."""


def _genres(analyses: dict[str, Analysis]) -> dict[str, str]:
    """Each analysis's genre as the pipeline's genre step (after techniques) reads it.

    The cached analyses stop before it; it is read on shallow copies, so the cache's
    objects keep their layers.
    """
    step = component_factory("genre")()
    probes = []
    for analysis in analyses.values():
        probe = copy.copy(analysis)
        probe.layers = dict(analysis.layers)
        probes.append(probe)
    return {
        key: str(done.layers.get("genre"))
        for key, done in zip(analyses, step.pipe(probes), strict=True)
    }


def _revoiced(
    analysis: Analysis, actors: list[dict[str, Any]], judgments: dict[str, list[Judgment]]
) -> dict[str, list[Judgment]]:
    """The judgments with their voices looked up again.

    The voice rules may have changed since the questions were cached: each judgment takes
    the voice of the actor's first mention in its sentence whose voice kind matches, else
    of its first mention there (a charge against the actor counts as its accuser's voice,
    :func:`parallax.components.portrayal.charged`).
    """
    voices = VoiceIndex(analysis.layers.get("quotes", []))
    charges = relayed(analysis.layers.get("events", []), SAYING)
    result: dict[str, list[Judgment]] = {}
    for actor in actors:
        by_sentence: dict[str, list[Voice]] = {}
        for mention in actor.get("mentions", []):
            sentence_id = str(mention.get("sentence_id"))
            voice = voices.at(mention["start"], mention["end"])
            if voice.kind == OWN:
                voice = charges.get((actor["id"], sentence_id), voice)
            by_sentence.setdefault(sentence_id, []).append(voice)
        for judgment in judgments.get(actor["id"], []):
            found = by_sentence.get(judgment.sentence_id) or [judgment.voice]
            voice = next((v for v in found if v.kind == judgment.voice.kind), found[0])
            result.setdefault(actor["id"], []).append(replace(judgment, voice=voice))
    return result
