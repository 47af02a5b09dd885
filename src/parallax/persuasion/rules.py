"""Rule detectors for the techniques that the wording itself gives away, each with its span.

A trained model says *that* a sentence uses a technique; these rules say *where*: the
loaded word, the label, the slogan, the "what about", the "only road", the phrase repeated
across the article. Every rule is a regular expression or a word list written by this
project (see :mod:`parallax.persuasion.lexicon`); each span carries a fixed confidence
that reflects how often the pattern, in our reading, really is the technique.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from parallax.persuasion.lexicon import (
    FLAG_PHRASES,
    LABEL_ADJECTIVES,
    LABEL_NOUNS,
    LABEL_WORDS,
    LOADED_PHRASES,
    LOADED_WORDS,
)
from parallax.record import TechniqueRecord


@dataclass(frozen=True)
class TechniqueSpan:
    """One technique found at ``text[start:end]`` of the article (absolute offsets)."""

    name: str
    start: int
    end: int
    source: str
    score: float

    def record(self) -> TechniqueRecord:
        """The JSON form stored in ``Sentence.techniques``."""
        return {
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "source": self.source,
            "score": round(self.score, 3),
        }


class SentenceLike(Protocol):
    """What the rules need of a sentence: its text and where it sits in the article."""

    @property
    def text(self) -> str:
        """The sentence's text."""
        ...

    @property
    def start(self) -> int:
        """Offset of its first character in the article."""
        ...

    @property
    def end(self) -> int:
        """Offset just past its last character."""
        ...


def _words(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_I = re.IGNORECASE
_REST = r"(?:[^.?!;]|\.(?=[\w,]|\s+[a-z]))*"
"""The rest of a clause: runs to the end of the sentence, past the dots of "U.S."."""
_LOADED = re.compile(
    rf"\b(?:{_words(LOADED_PHRASES)}|{_words(LOADED_WORDS)})\b",
    _I,
)
_LABEL_PAIR = re.compile(
    rf"\b(?:{_words(LABEL_ADJECTIVES)})(?:\s+[A-Z][\w.]*)?\s+(?:{_words(LABEL_NOUNS)})\b",
    _I,
)
_LABEL_WORD = re.compile(rf"\b(?:the\s+)?(?:{_words(LABEL_WORDS)})\b", _I)
_FLAG = re.compile(rf"\b(?:{_words(FLAG_PHRASES)})\b", _I)

_PATTERNS: tuple[tuple[str, re.Pattern[str], float], ...] = (
    (
        "whataboutism",
        re.compile(rf"\b(?:but\s+)?what about\b{_REST}", _I),
        0.85,
    ),
    (
        "appeal_to_hypocrisy",
        re.compile(
            rf"\b(?:imagine if\b{_REST}"
            r"|the (?:very )?same \w+ (?:who|that)\b[^.?!,;]*"
            r"|double standards?\b"
            r"|hypocri(?:sy|tes?|tical)\b"
            rf"|(?:they|he|she|you) would never (?:tolerate|accept|allow)\b{_REST})",
            _I,
        ),
        0.75,
    ),
    (
        "black_and_white",
        re.compile(
            r"\b(?:either\b[^.?!;]{1,80}\bor\b[^.?!;]{1,60}"
            rf"|the only (?:road|way|choice|option|solution|alternative|path|answer)\b{_REST}"
            r"|there (?:is|was) no (?:other )?(?:alternative|other way|choice|middle ground)\b"
            rf"|(?:you are|you're) (?:either )?with us or\b{_REST}"
            r"|no other (?:choice|way|option)\b)",
            _I,
        ),
        0.8,
    ),
    (
        "causal_oversimplification",
        re.compile(
            r"\b(?:(?:that|this) is (?:why|the reason)\b"
            r"|it is the reason\b"
            r"|the real (?:roots?|reason|cause)s? of\b"
            r"|(?:all|only|simply) because\b"
            r"|(?:is|are) to blame for\b)",
            _I,
        ),
        0.6,
    ),
    (
        "doubt",
        re.compile(
            r"\b(?:so-called\b|supposedly\b|allegedly\b"
            r"|what (?:the )?\w+ calls?\b"
            r"|(?:is|are|was|were) presented (?:by [\w\s]{1,30}?)?as if\b"
            r"|pretends? to\b|claims? to be\b)",
            _I,
        ),
        0.65,
    ),
    (
        "exaggeration",
        re.compile(
            r"\b(?:of any kind\b|on any question\b"
            r"|(?:everything|nothing) (?:that )?[\w.]+ (?:does|did|says|said|wants)\b"
            r"|(?:will|would) never\b"
            r"|by far the (?:biggest|largest|worst|greatest|most)\b"
            r"|(?:the )?(?:worst|greatest|biggest) [\w\s]{0,25}\b(?:ever|in history)\b"
            r"|unprecedented\b|beyond (?:belief|imagination)\b)",
            _I,
        ),
        0.6,
    ),
    (
        "thought_terminating_cliche",
        re.compile(
            r"\b(?:it is what it is|end of story|enough said|that'?s just the way it is"
            r"|let'?s move on|nothing to see here|it'?s that simple)\b",
            _I,
        ),
        0.8,
    ),
    (
        "bandwagon",
        re.compile(
            r"\b(?:everyone knows|everybody knows|all right-thinking|(?:millions|most people) "
            r"(?:agree|know|already)|join the (?:millions|movement)|don'?t be left behind)\b",
            _I,
        ),
        0.7,
    ),
    (
        "appeal_to_authority",
        re.compile(
            r"\b(?:experts (?:say|agree|warn)|scientists (?:say|agree)|as \w+ (?:once )?said"
            r"|according to (?:experts|scientists|doctors))\b",
            _I,
        ),
        0.55,
    ),
    (
        "thought_terminating_cliche",
        re.compile(r"\b(?:period|full stop)\s*[.!]\s*$", _I),
        0.6,
    ),
)

_SLOGAN_MOTIFS = re.compile(
    r"\b(?:[\w.,' ]{1,30}\bout of [\w' ]{1,30}!"
    r"|hands off [\w' ]{1,30}"
    r"|down with [\w' ]{1,30}"
    r"|no to [\w' ]{1,30}!"
    r"|stop the [\w' ]{1,20}!"
    r"|(?:make|keep) [\w' ]{1,20} great again)",
    _I,
)
_SCARE_QUOTE = re.compile(r"[“\"]([^”\"\n]{1,40})[”\"]")
_SPEECH_CUE = re.compile(
    r"\b(?:said|says|say|told|stated|declared|promis\w*|wrote|according to)\b|:\s*$",
    re.IGNORECASE,
)


def detect(
    sentences: Sequence[SentenceLike], excluded: Sequence[tuple[int, int]] = ()
) -> list[TechniqueSpan]:
    """Find every rule-detectable technique in an article's sentences.

    Args:
        sentences: the article's sentences, with absolute offsets.
        excluded: character ranges (named entities) that repetition must not count, since
            repeating a name is reporting, not persuasion.

    Returns:
        Spans in article offsets, sorted by start.
    """
    spans: list[TechniqueSpan] = []
    for sentence in sentences:
        spans.extend(_sentence_spans(sentence))
    spans.extend(repetition(sentences, excluded))
    return sorted(set(spans), key=lambda s: (s.start, s.end, s.name))


def _sentence_spans(sentence: SentenceLike) -> list[TechniqueSpan]:
    base = sentence.start
    return [
        TechniqueSpan(name, base + start, base + end, "rule", score)
        for name, start, end, score in _spans_in_text(sentence.text)
    ]


@lru_cache(maxsize=8192)
def _spans_in_text(text: str) -> tuple[tuple[str, int, int, float], ...]:
    """The sentence-level rules' spans with offsets into ``text`` alone.

    Cached by text: the genre score asks again about the sentences the techniques
    component has just read, and the lexicon regular expressions are the costly part.
    """
    found: list[tuple[str, int, int, float]] = []

    def add(name: str, start: int, end: int, score: float) -> None:
        piece = text[start:end]
        trimmed = piece.rstrip(" ,;:")
        found.append((name, start, start + len(trimmed), score))

    labelled: list[tuple[int, int]] = []
    for match in _LABEL_PAIR.finditer(text):
        add("name_calling", match.start(), match.end(), 0.7)
        labelled.append(match.span())
    for match in _LABEL_WORD.finditer(text):
        if not any(a <= match.start() < b for a, b in labelled):
            add("name_calling", match.start(), match.end(), 0.75)
    for match in _LOADED.finditer(text):
        add("loaded_language", match.start(), match.end(), 0.7)
    for match in _FLAG.finditer(text):
        add("flag_waving", match.start(), match.end(), 0.6)
    for name, pattern, score in _PATTERNS:
        for match in pattern.finditer(text):
            add(name, match.start(), match.end(), score)
    for match in _SLOGAN_MOTIFS.finditer(text):
        add("slogans", match.start(), match.end(), 0.8)
    words = text.split()
    if text.rstrip().endswith("!") and 1 < len(words) <= 8:
        add("slogans", 0, len(text), 0.7)
    for match in _SCARE_QUOTE.finditer(text):
        inner = match.group(1).strip()
        if 0 < len(inner.split()) <= 3 and not _SPEECH_CUE.search(text[: match.start()]):
            add("doubt", match.start(), match.end(), 0.5)
    return tuple(found)


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "they",
        "them",
        "their",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "us",
        "you",
        "your",
        "i",
        "me",
        "my",
        "not",
        "no",
        "so",
        "than",
        "then",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "some",
        "more",
        "most",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "up",
        "down",
        "out",
        "off",
        "just",
        "also",
        "only",
        "very",
        "such",
        "same",
        "other",
        "own",
        "each",
        "both",
        "few",
    ]
)


def repetition(
    sentences: Sequence[SentenceLike],
    excluded: Sequence[tuple[int, int]] = (),
    *,
    min_sentences: int = 4,
    max_phrases: int = 2,
) -> list[TechniqueSpan]:
    """Mark every occurrence of a content phrase the article repeats across sentences.

    A phrase is two or three consecutive words, the first and last not function words,
    found (case-insensitively) in at least ``min_sentences`` different sentences and not
    inside a named entity. Only the ``max_phrases`` most repeated phrases are kept, longer
    phrases first, so "working people" counts once and not also as "working".
    """
    where: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)
    for number, sentence in enumerate(sentences):
        tokens = [
            (m.group().lower().replace("’", "'"), m.start(), m.end())
            for m in _TOKEN.finditer(sentence.text)
        ]
        for size in (3, 2):
            for i in range(len(tokens) - size + 1):
                gram = tokens[i : i + size]
                words = tuple(t[0] for t in gram)
                if words[0] in _STOP or words[-1] in _STOP:
                    continue
                start, end = sentence.start + gram[0][1], sentence.start + gram[-1][2]
                if any(a < end and start < b for a, b in excluded):
                    continue
                where[words].append((number, start, end))
    candidates = [
        (words, hits)
        for words, hits in where.items()
        if len({n for n, _, _ in hits}) >= min_sentences
    ]
    candidates.sort(key=lambda item: (-len({n for n, _, _ in item[1]}), -len(item[0])))
    chosen: list[tuple[tuple[str, ...], list[tuple[int, int, int]]]] = []
    for words, hits in candidates:
        if any(_contains(other, words) or _contains(words, other) for other, _ in chosen):
            continue
        chosen.append((words, hits))
        if len(chosen) == max_phrases:
            break
    spans = []
    for _words, hits in chosen:
        score = min(0.5 + 0.1 * len({n for n, _, _ in hits}), 0.9)
        spans += [TechniqueSpan("repetition", start, end, "rule", score) for _, start, end in hits]
    return spans


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))
