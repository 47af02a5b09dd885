"""Which layers each component really reads and writes, against what it declares.

A declaration that lies is worse than none: the pipeline would accept an order in which a
component reads a layer that is not there yet, and see nothing wrong. :func:`audit` runs a
pipeline over real articles and records, per component, every layer it touches:

- reads, through a recording stand-in for each analysis (and for each of its sentences and
  its ``layers`` mapping) that the component gets instead of the analysis itself;
- writes, by comparing a fingerprint of every layer before and after the component ran,
  which also catches fields changed inside another layer's records.

:func:`undeclared` then lists what a component touched without declaring it. Reading the
article (``article``, the base layer) needs no declaration, nor reading a layer one assigns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from parallax.model import Analysis, Article, Sentence
from parallax.pipeline.core import BASE_LAYERS, Pipeline, reads_if_present

ANALYSIS_LAYERS: Mapping[str, str] = {
    "article": "article",
    "id": "article",
    "doc": "doc",
    "sentences": "sentences",
    "entities": "entities",
    "vectors": "vectors",
    "lead_vector": "lead_vector",
    "tokens": "tokens",
    "layer_states": "layer_states",
}
"""Attributes of :class:`Analysis` and the layer each one is."""

SENTENCE_LAYERS: Mapping[str, str] = {
    "id": "sentences",
    "index": "sentences",
    "text": "sentences",
    "start": "sentences",
    "end": "sentences",
    "type": "sentence_types",
    "checkworthiness": "sentence_types",
    "extras": "sentence_types",
    "techniques": "techniques",
}
"""Fields of :class:`Sentence` and the layer each one belongs to."""


@dataclass
class Access:
    """The layers one component read and wrote over the audited articles."""

    component: str
    reads: set[str] = field(default_factory=set)
    writes: set[str] = field(default_factory=set)


def audit(pipeline: Pipeline, articles: Iterable[Article]) -> list[Access]:
    """Run ``pipeline`` over ``articles`` and record each component's reads and writes.

    The articles are analysed one batch, each component in turn, exactly as
    :meth:`Pipeline.pipe` would; only the recording is added. Meant for tests and for
    checking a new component, not for production runs (the stand-ins cost time).
    """
    analyses = [Analysis(article=a) for a in articles]
    accesses = []
    for component in pipeline.components:
        access = Access(component.name)
        before = [_fingerprint(a) for a in analyses]
        stand_ins: list[Any] = [_RecordedAnalysis(a, access) for a in analyses]
        for _ in component.pipe(stand_ins):
            pass
        for old, analysis in zip(before, analyses, strict=True):
            new = _fingerprint(analysis)
            access.writes.update(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
        accesses.append(access)
    return accesses


def undeclared(pipeline: Pipeline, accesses: Sequence[Access]) -> list[str]:
    """What each component read or wrote without declaring it, one line per layer."""
    by_name = {c.name: c for c in pipeline.components}
    problems = []
    for access in accesses:
        component = by_name[access.component]
        assigns = set(component.assigns)
        written = assigns | {layer.partition(".")[0] for layer in assigns}
        readable = BASE_LAYERS | set(component.requires) | set(reads_if_present(component))
        readable |= written
        problems += [
            f"{access.component} reads {layer!r} without declaring it"
            for layer in sorted(access.reads - readable)
        ]
        problems += [
            f"{access.component} writes {layer!r} without declaring it in assigns"
            for layer in sorted(access.writes - written)
        ]
    return problems


def unused(pipeline: Pipeline, accesses: Sequence[Access]) -> list[str]:
    """Layers a component requires but never read, and assigns but never wrote."""
    by_name = {c.name: c for c in pipeline.components}
    problems = []
    for access in accesses:
        component = by_name[access.component]
        problems += [
            f"{access.component} requires {layer!r} but never read it"
            for layer in component.requires
            if layer not in access.reads
        ]
        problems += [
            f"{access.component} assigns {layer!r} but never wrote it"
            for layer in component.assigns
            if layer.partition(".")[0] not in access.writes
        ]
    return problems


class _RecordedAnalysis:
    """Stands in for an :class:`Analysis`, recording the layers read and written through it."""

    def __init__(self, analysis: Analysis, access: Access) -> None:
        object.__setattr__(self, "_analysis", analysis)
        object.__setattr__(self, "_access", access)

    def __getattr__(self, name: str) -> Any:
        analysis: Analysis = object.__getattribute__(self, "_analysis")
        access: Access = object.__getattribute__(self, "_access")
        value = getattr(analysis, name)
        if name == "layers":
            return _RecordedLayers(value, access)
        layer = ANALYSIS_LAYERS.get(name)
        if layer is not None:
            access.reads.add(layer)
        if name == "sentences":
            return [_RecordedSentence(s, access) for s in value]
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        analysis: Analysis = object.__getattribute__(self, "_analysis")
        if name == "sentences":
            value = [_unwrap(s) for s in value]
        setattr(analysis, name, value)


class _RecordedSentence:
    """Stands in for a :class:`Sentence`, recording which of its layers are read."""

    def __init__(self, sentence: Sentence, access: Access) -> None:
        object.__setattr__(self, "_sentence", sentence)
        object.__setattr__(self, "_access", access)

    def __getattr__(self, name: str) -> Any:
        sentence: Sentence = object.__getattribute__(self, "_sentence")
        access: Access = object.__getattribute__(self, "_access")
        layer = SENTENCE_LAYERS.get(name)
        if layer is not None:
            access.reads.add(layer)
        return getattr(sentence, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(object.__getattribute__(self, "_sentence"), name, value)


class _RecordedLayers(MutableMapping[str, Any]):
    """Stands in for ``Analysis.layers``: every key looked up is a layer read."""

    def __init__(self, layers: dict[str, Any], access: Access) -> None:
        self._layers = layers
        self._access = access

    def __getitem__(self, key: str) -> Any:
        self._access.reads.add(key)
        return self._layers[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._layers[key] = value

    def __delitem__(self, key: str) -> None:
        del self._layers[key]

    def __iter__(self) -> Iterator[str]:
        self._access.reads.update(self._layers)
        return iter(self._layers)

    def __len__(self) -> int:
        return len(self._layers)


def _unwrap(sentence: Any) -> Sentence:
    if isinstance(sentence, _RecordedSentence):
        inner: Sentence = object.__getattribute__(sentence, "_sentence")
        return inner
    return sentence  # type: ignore[no-any-return]


def _fingerprint(analysis: Analysis) -> dict[str, str]:
    """A comparable digest of every layer of ``analysis`` (identity for the parse)."""
    prints = {
        "doc": f"{id(analysis.doc)}",
        "sentences": repr([(s.id, s.index, s.text, s.start, s.end) for s in analysis.sentences]),
        # A new sentence has none of these fields filled: only filled ones count as written.
        "sentence_types": repr(
            [
                (s.id, s.type, s.checkworthiness, sorted(s.extras.items()))
                for s in analysis.sentences
                if s.type is not None or s.checkworthiness is not None or s.extras
            ]
        ),
        "techniques": repr([(s.id, s.techniques) for s in analysis.sentences if s.techniques]),
        "entities": repr(analysis.entities),
        "vectors": _array_print(analysis.vectors),
        "lead_vector": _array_print(analysis.lead_vector),
        "tokens": "None" if analysis.tokens is None else f"{id(analysis.tokens)}",
        "layer_states": "None" if analysis.layer_states is None else f"{id(analysis.layer_states)}",
    }
    prints.update({key: repr(value) for key, value in analysis.layers.items()})
    return prints


def _array_print(array: Any) -> str:
    if array is None:
        return "None"
    return f"{id(array)}:{getattr(array, 'shape', None)}"
