"""Rule detectors: mechanical forms shown on their own, and cues shown when a head agrees.

Three techniques have a form a rule can check: a phrase repeated across the article, a short
standalone exclamation (a slogan), and a short phrase in quotation marks with no speaker
(scare quotes, a form of doubt). These are ``mechanical`` spans; their false-alarm rate on
news sentences annotators left unmarked is measured in docs/evaluation.md. Every other
pattern here is a ``cue``: a span the reader can see ("what about", "so-called", a label
word), which the techniques component shows only when the trained head for that technique
also fires on the sentence. Loaded words are not listed here at all: the loaded-language
head (:mod:`parallax.persuasion.loaded`) learnt them from annotated news. Every pattern is
written by this project, and a test checks that none repeats the wording of the seed texts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Protocol

from parallax.persuasion.lexicon import FLAG_PHRASES, LABEL_WORDS
from parallax.record import TechniqueRecord

MECHANICAL = "mechanical"
CUE = "cue"


@dataclass(frozen=True)
class TechniqueSpan:
    """One technique found at ``text[start:end]`` of the article (absolute offsets)."""

    name: str
    start: int
    end: int
    source: str
    score: float
    kind: str = CUE

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
_LABEL_WORD = re.compile(rf"\b(?:the\s+)?(?:{_words(LABEL_WORDS)})\b", _I)
_FLAG = re.compile(rf"\b(?:{_words(FLAG_PHRASES)})\b", _I)

_SUPERLATIVE = r"(?:worst|greatest|biggest)"
"""Superlatives of judgement (not of measure: "deadliest", "hottest", which news reports
from records). "Most" with any adjective ("the most shameful ... in human history") was
tried: it lifted the exaggeration head's SemEval F1 (0.333 to 0.375), but as an input of
the other heads it cost micro-F1 0.513 to 0.511 (docs/evaluation.md)."""
_ALL_TIME = (
    r"(?:ever\b(?!\s+(?:recorded|measured|registered|observed))"
    r"|in (?:all of )?(?:human |world |modern )?history\b"
    r"|in (?:the )?(?:whole |entire )?history of (?:the world|the planet|mankind|humanity"
    r"|humankind|civili[sz]ation|the human race)\b"
    r"|of all time\b|on (?:the )?(?:earth|planet)\b)"
)
"""The scope that makes a superlative an exaggeration: all time or all humanity ("ever",
"in human history", "of all time"). A superlative backed by a record ("the most rain
ever recorded") is a measurement, and one bounded by a place or a period ("in the state's
history", "since 2022") is news's own comparison; neither is matched."""

_PATTERNS: tuple[tuple[str, re.Pattern[str], float], ...] = (
    (
        "whataboutism",
        re.compile(rf"\b(?:but\s+)?what about\b{_REST}", _I),
        0.85,
    ),
    (
        "appeal_to_hypocrisy",
        re.compile(
            r"\b(?:the (?:very )?same \w+ (?:who|that)\b[^.?!,;]*"
            r"|double standards?\b"
            r"|hypocri(?:sy|tes?|tical)\b)",
            _I,
        ),
        0.75,
    ),
    (
        "black_and_white",
        re.compile(
            r"\b(?:either\b[^.?!;]{1,80}\bor\b[^.?!;]{1,60}"
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
            r"\b(?:(?:all|only|simply) because\b|(?:is|are) to blame for\b)",
            _I,
        ),
        0.6,
    ),
    (
        "doubt",
        re.compile(r"\b(?:so-called\b|supposedly\b|pretends? to\b|claims? to be\b)", _I),
        0.65,
    ),
    (
        "exaggeration",
        re.compile(
            rf"\b(?:(?:the )?{_SUPERLATIVE} [\w\s'’-]{{0,30}}?\b{_ALL_TIME}"
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
            r"\b(?:experts (?:say|agree|warn)|scientists (?:say|agree)"
            r"|according to (?:experts|scientists|doctors))\b",
            _I,
        ),
        0.55,
    ),
    (
        "thought_terminating_cliche",
        # "Period." closes a claim when it stands apart ("..., period.", "... now. Period.");
        # a sentence that ends on a period of time ("the holiday travel period.") closes
        # nothing.
        re.compile(
            r"(?:^|(?<=[,;:.!?\n\u2014\u2013])|(?<=[,;:.!?\u2014\u2013]\s))"
            r"(?:period|full stop)\s*[.!]\s*$",
            _I,
        ),
        0.6,
    ),
    (
        "reductio_ad_hitlerum",
        re.compile(r"\b(?:hitler|nazis?|third reich|gestapo)\b", _I),
        0.5,
    ),
)
"""Cue patterns: a span the reader can see, shown only when the trained head agrees."""

_SLOGAN_MOTIFS = re.compile(
    r"\b(?:hands off [\w' ]{1,30}"
    r"|down with [\w' ]{1,30}"
    r"|no to [\w' ]{1,30}!"
    r"|stop the [\w' ]{1,20}!"
    r"|(?:make|keep) [\w' ]{1,20} great again)",
    _I,
)
_WHATABOUT = re.compile(
    r"^[\s\"'“‘(]*(?P<rejoinder>(?:and|but|yet)\s*,?\s+)?(?P<what>what about)\b"
    r"(?P<rest>[^?]*)\?[\s\"'”’)]*$",
    _I,
)
_CROWD_KNOWS = re.compile(
    r"\b(?P<crowd>everyone|everybody|all of us|all right-thinking \w+|most people"
    r"|millions(?: of \w+)?)\s+(?:already\s+|now\s+|surely\s+)?"
    r"(?:knows|know|agrees|agree|can see|sees|see|understands|understand)\b"
    r"(?=\s+(?:(?:that|it|this|what|how|why|the truth)\b"
    r"|(?:[\w'’-]+\s+){1,3}(?:is|are|was|were|will|would|has|have|can|cannot|must|should)\b))",
    _I,
)
"""Bandwagon's form: the crowd already knows or agrees ("everyone knows the plan will
fail", "millions of voters already know that ..."), in the present tense and followed by
what they know. "Everyone knows each other here" (no claim follows) and "millions agreed
to the terms" (a past act, reported) are not it."""
_JOIN_THE_CROWD = re.compile(
    r"\b(?:join the (?:millions|thousands|movement)|don'?t be left behind)\b", _I
)
"""Bandwagon's other form: a call to join a crowd because it is large."""
_ACT = re.compile(r"\b(?:who|which|that|while|when)\b", _I)
"""A relative or time clause: the question points at something someone did."""
_SCARE_QUOTE = re.compile(r"[“\"]([^”\"\n]{1,40})[”\"]")
_SPEECH_CUE = re.compile(
    r"\b(?:said|says|say|saying|told|tells|stated|declared|promis\w*|wrote|writes"
    r"|according to|call(?:s|ed|ing)?|referr?(?:s|ed|ing)? to|describ(?:es|ed|ing)"
    r"|dubb?(?:s|ed|ing)|term(?:s|ed)|label+(?:s|ed|ing)|brand(?:s|ed|ing)|deride[sd]?"
    r"|vow(?:s|ed)|warn(?:s|ed)|urg(?:es|ed)|dismiss(?:es|ed)|ask(?:s|ed|ing)"
    r"|shout(?:s|ed)|add(?:s|ed)|argu(?:es|ed)|insist(?:s|ed)|claim(?:s|ed)"
    r"|known as|nicknamed)\b|:\s*[“\"]",
    re.IGNORECASE,
)
"""Words that introduce someone's words, or a name ("known as"): a quoted phrase in their
sentence is a quotation or a term, not the writer's doubt."""
_GLOSS = re.compile(r"\s*(?:\(|,?\s*(?:in which|under which|whereby|meaning|or)\b)", re.I)
"""What follows a term the writer explains: "a "soft landing," in which prices ...",
"ghost kitchens" (restaurants with no dining room), "a "haircut," or a loss ...". A
comma must come first, inside or after the quote marks, except before a bracket."""


def detect(
    sentences: Sequence[SentenceLike],
    excluded: Sequence[tuple[int, int]] = (),
    noun_phrases: Sequence[tuple[int, int]] = (),
    parties: Sequence[tuple[int, int]] | None = None,
) -> list[TechniqueSpan]:
    """Find every rule-detectable technique in an article's sentences.

    Args:
        sentences: the article's sentences, with absolute offsets.
        excluded: character ranges (named entities) that repetition must not count, since
            repeating a name is reporting, not persuasion.
        noun_phrases: character ranges of noun phrases; a repeated phrase that starts
            inside one is the report naming its topic again, not repetition.
        parties: character ranges of the people, organisations, groups and states the
            article names, when the caller has read them (the pipeline has); see
            :func:`partial_quotation`. None: scare quotes are judged on the text alone.

    Returns:
        Spans in article offsets, sorted by start.
    """
    spans: list[TechniqueSpan] = []
    for sentence in sentences:
        found = _sentence_spans(sentence)
        if parties is not None:
            found = [s for s in found if not partial_quotation(s, sentence, parties)]
        spans.extend(found)
    spans.extend(repetition(sentences, excluded, noun_phrases))
    return sorted(set(spans), key=lambda s: (s.start, s.end, s.name))


_THIRD_PERSON = re.compile(r"\b(?:he|she|they|him|her|them|his|their|hers|theirs)\b", re.I)
_DOCUMENT = re.compile(
    r"\b(?:laws?|bills?|statutes?|ordinances?|legislation|amendments?|provisions?|clauses?"
    r"|regulations?|rules?|guidance|guidelines|orders?|rulings?|verdicts?|opinions?"
    r"|filings?|lawsuits?|complaints?|indictments?|subpoenas?|warrants?|reports?|audits?"
    r"|statements?|resolutions?|declarations?|communiqu[eé]s?|agreements?|treaty|treaties"
    r"|accords?|contracts?|charters?|constitutions?|drafts?|texts?|memos?|memorandums?"
    r"|letters?|documents?|manuals?|definitions?|petitions?|ballot measures?)\b",
    re.I,
)
"""Written texts: their wording is quoted like a speaker's ("the law bans "adult
entertainment" in parks", "the report's definition of a "hazardous" site")."""


def partial_quotation(
    span: TechniqueSpan, sentence: SentenceLike, parties: Sequence[tuple[int, int]]
) -> bool:
    """Whether a scare-quote span is more likely someone's words than the writer's doubt.

    News quotes people's words in fragments without a speech verb ("decrying the rival's
    'dangerous' rhetoric", "dismissing the plan as 'a con'", "voters who see her as
    'honest'"), so a quoted phrase in a sentence that names a party or refers to one with a
    third-person pronoun is taken as that party's words. A written text speaks too: a
    sentence naming a law, ruling, report or agreement quotes its terms ("the statute
    bans "unlicensed gatherings" in parks"), which is no doubt of the writer's. A quotation
    that is the whole sentence is a quotation too. On BASIL's news, 84 of the 95 sentences
    the text-only rule fired on carried no loaded-language span; with the party and
    whole-sentence checks it fires on 5 (docs/evaluation.md).
    """
    if span.name != "doubt" or span.kind != MECHANICAL:
        return False
    text = sentence.text
    if (
        len(text[: span.start - sentence.start].strip())
        + len(text[span.end - sentence.start :].strip())
        <= 2
    ):
        return True
    end = sentence.start + len(text)
    if any(a < end and sentence.start < b for a, b in parties):
        return True
    return bool(_THIRD_PERSON.search(text) or _DOCUMENT.search(text))


def _sentence_spans(sentence: SentenceLike) -> list[TechniqueSpan]:
    base = sentence.start
    return [
        TechniqueSpan(name, base + start, base + end, "rule", score, kind)
        for name, start, end, score, kind in _spans_in_text(sentence.text)
    ]


@lru_cache(maxsize=8192)
def _spans_in_text(text: str) -> tuple[tuple[str, int, int, float, str], ...]:
    """The sentence-level rules' spans with offsets into ``text`` alone, and their kind.

    Cached by text: the genre score asks again about the sentences the techniques
    component has just read, and the regular expressions are the costly part.
    """
    found: list[tuple[str, int, int, float, str]] = []

    def add(name: str, start: int, end: int, score: float, kind: str = CUE) -> None:
        piece = text[start:end]
        trimmed = piece.rstrip(" ,;:")
        found.append((name, start, start + len(trimmed), score, kind))

    for match in _LABEL_WORD.finditer(text):
        add("name_calling", match.start(), match.end(), 0.75)
    for match in _FLAG.finditer(text):
        add("flag_waving", match.start(), match.end(), 0.6)
    for name, pattern, score in _PATTERNS:
        for match in pattern.finditer(text):
            add(name, match.start(), match.end(), score)
    for match in _SLOGAN_MOTIFS.finditer(text):
        add("slogans", match.start(), match.end(), 0.8)
    for start, end in bandwagon(text):
        add("bandwagon", start, end, 0.7, MECHANICAL)
    question = whataboutism_question(text)
    if question is not None:
        add("whataboutism", question, len(text), 0.7, MECHANICAL)
    if is_standalone_exclamation(text):
        add("slogans", 0, len(text), 0.7, MECHANICAL)
    for start, end in scare_quotes(text):
        add("doubt", start, end, 0.5, MECHANICAL)
    return tuple(found)


def bandwagon(text: str) -> list[tuple[int, int]]:
    """Where a sentence says the crowd already knows or agrees, or calls the reader to join it.

    Bandwagon has no sentence head (SemEval-2021 has one training example), so a cue alone
    would never be shown; its form is plain enough to show on its own, like a
    "what about ...?" rejoinder. Inside a quotation it is the speaker's
    (:mod:`parallax.persuasion.voices`); its false-alarm rate on news is in
    docs/evaluation.md.
    """
    found = [(m.start(), m.end()) for m in _CROWD_KNOWS.finditer(text)]
    return found + [(m.start(), m.end()) for m in _JOIN_THE_CROWD.finditer(text)]


def whataboutism_question(text: str) -> int | None:
    """Where a sentence that asks "what about ..." of someone else's act starts (or None).

    The form of the technique: the question stands as its own sentence and turns to
    something else, either as a rejoinder ("But what about the bridge they never built?")
    or by pointing at an act ("What about the council that sold the park?"). An explainer's
    plain question ("What about the cost?") has neither and is left to the cue and head.
    Inside a quotation it is the speaker's (:mod:`parallax.persuasion.voices`).
    """
    match = _WHATABOUT.match(text)
    if match is None or not (match["rejoinder"] or _ACT.search(match["rest"])):
        return None
    return match.start("rejoinder") if match["rejoinder"] else match.start("what")


def is_standalone_exclamation(text: str) -> bool:
    """A sentence of two to eight words that ends in "!" (the form of a slogan)."""
    return text.rstrip().endswith("!") and 1 < len(text.split()) <= 8


def scare_quotes(text: str) -> list[tuple[int, int]]:
    """Quoted phrases of one to three words in a sentence that quotes nobody.

    A speech or naming verb anywhere in the sentence ("called it", "referred to them as",
    "vowed to end", "known as") makes the quoted words someone's quotation or a name, which
    is reporting. A quoted title or name (every word capitalised, "Meet the Press") and a
    quoted function word ("without a single 'no' vote") are not doubt either, nor is a term
    the writer goes on to explain (:data:`_GLOSS`): wire copy puts a term of art in quote
    marks where it explains it ("expect a "soft landing," in which inflation falls").
    """
    if _SPEECH_CUE.search(text):
        return []
    found = []
    for match in _SCARE_QUOTE.finditer(text):
        inner = match.group(1).strip()
        words = inner.split()
        if not 0 < len(words) <= 3:
            continue
        if len(words) == 1 and inner.lower().strip(".,!?") in _STOP:
            continue
        if all(w[:1].isupper() for w in words if w.lower() not in _STOP):
            continue
        if _explained(text, match.end(), inner):
            continue
        found.append((match.start(), match.end()))
    return found


def _explained(text: str, end: int, inner: str) -> bool:
    """Whether the quoted term ending at ``end`` is followed by the writer's gloss of it."""
    gloss = _GLOSS.match(text, end)
    if gloss is None:
        return False
    return "(" in gloss.group() or "," in gloss.group() or inner.endswith(",")


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
    noun_phrases: Sequence[tuple[int, int]] = (),
    *,
    min_sentences: int = 6,
    max_phrases: int = 2,
) -> list[TechniqueSpan]:
    """Mark every occurrence of a content phrase the article repeats across sentences.

    A phrase is two or three consecutive words, the first and last not function words,
    found (case-insensitively) in at least ``min_sentences`` different sentences and not
    inside a named entity, and not starting inside a noun phrase. Only the ``max_phrases`` most
    repeated phrases are kept, longer phrases first, so a three-word phrase counts once and
    not also as its two-word parts.

    Six sentences, not fewer: news repeats its topic ("health care", "same-sex marriage")
    in four or five sentences of a report; at four the rule fired on 6% of the BASIL news
    sentences annotators left unmarked, at six on 2% (docs/evaluation.md). Even at six a
    long report names its topic more often than that, so a phrase that starts inside a
    noun phrase never counts: either it lies inside it ("same-sex couples", "retired
    teachers"), a recurring reference, or it runs on from a subject into its verb ("the
    monitors observed"), a report's formula. A recurring message starts with what it asks
    or says ("cut the tax").
    """
    inside = sorted(noun_phrases)
    starts = [a for a, _ in inside]
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
                gaps = (sentence.text[a[2] : b[1]] for a, b in pairwise(gram))
                if any(gap.strip() for gap in gaps):
                    continue  # "6-foot-1, 216 lbs. Averaging": words a figure or a stop parts
                start, end = sentence.start + gram[0][1], sentence.start + gram[-1][2]
                if any(a < end and start < b for a, b in excluded):
                    continue
                if _starts_inside(inside, starts, start):
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
        spans += [
            TechniqueSpan("repetition", start, end, "rule", score, MECHANICAL)
            for _, start, end in hits
        ]
    return spans


def _starts_inside(spans: Sequence[tuple[int, int]], starts: Sequence[int], start: int) -> bool:
    """Whether ``start`` lies inside one of the sorted, non-overlapping ``spans``."""
    position = bisect_right(starts, start) - 1
    return position >= 0 and start < spans[position][1]


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))
