"""Genre: news report, opinion or satire, from how the article speaks rather than what about.

A news report attributes (``said``, ``according to``, quotations), speaks in the third
person and rarely tells the reader what to do; an opinion piece says "we" and "our",
demands and judges (``must``, ``should``, loaded words), and asserts without attribution.
The weights below were set by hand on those cues and checked on public articles (BASIL's
news reports, the seed editorials; see ``docs/evaluation.md``). Satire has no public data
set we can use, and reads like either genre by design: we call it only on explicit markers
(an outlet known for satire, or the text saying so) and document that limit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.persuasion import rules
from parallax.persuasion.lexicon import LOADED_WORDS

GENRES = ("news_report", "opinion", "satire")
SATIRE_OUTLETS = frozenset(
    {
        "the onion",
        "the babylon bee",
        "the beaverton",
        "der postillon",
        "waterford whispers news",
        "the daily mash",
        "clickhole",
        "the shovel",
        "newsthump",
    }
)
_FIRST_PERSON = re.compile(r"\b(?:we|our|ours|us|i|my|me)\b", re.IGNORECASE)
_CALLS = re.compile(
    r"\b(?:must|should|need to|needs to|have to|let us|let's|we demand|it is time to|"
    r"ought to)\b",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|announced|reported|stated|added"
    r"|spokes(?:man|woman|person))\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"\b(?:may|might|could|appears? to|reportedly|possibly|likely)\b", re.I)
_SATIRE_MARK = re.compile(r"\b(?:satire|satirical|this is a parody)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z']+")

OPINION_LABELS = frozenset(
    {"opinion", "opinions", "op-ed", "op-eds", "oped", "editorial", "editorials", "commentary"}
    | {"comment", "column", "columns", "columnists", "letters", "letters to the editor"}
    | {"viewpoint", "viewpoints", "perspective", "perspectives", "ideas", "voices"}
)
"""Section names under which outlets publish opinion ("Opinion", "Op-Ed", "Editorial").
"Analysis" is not among them: news analysis is reporting that explains."""
_LABEL_IN_TITLE = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z -]{1,24}?)\s*[:|\u2014\u2013]\s*\S")
_LABEL_IN_URL = re.compile(r"/(?P<label>[a-z][a-z-]{1,24})(?=/)", re.IGNORECASE)
_OPINION_BYLINE = re.compile(
    r"^\s*(?:by\s+)?(?:the\s+)?(?P<label>editorial(?:\s+board|\s+staff|\s+team)?|editors|"
    r"(?:opinion|guest)\s+(?:contributor|columnist|writer)s?|columnist)\s*$",
    re.IGNORECASE,
)
"""A byline that is no person but the outlet's opinion desk ("Editorial Board", "The
Editors") or names the writer's opinion role ("Guest columnist"): outlets sign their own
editorials so, and never a news report."""
LABELLED = 0.95
"""The opinion score of an article its outlet files as opinion: the outlet knows its pages."""


def labelled_opinion(
    labels: Sequence[str] = (),
    title: str | None = None,
    url: str | None = None,
    author: str | None = None,
) -> str | None:
    """The outlet's own label that files an article as opinion, if it carries one.

    Outlets say so on the page: a section line ("Opinion"), the page's categories or a
    feed's tags, a label before the headline ("Opinion | ..."), a URL folder
    (".../opinion/2026/..."), a byline that signs it as the outlet's editorial ("Editorial
    Board"). Cues in the wording miss the op-ed that argues without "we"
    or "must"; the label does not.
    """
    found = [label.strip() for label in labels if label.strip().lower() in OPINION_LABELS]
    if title and (match := _LABEL_IN_TITLE.match(title)):
        found += [match["label"]] if match["label"].lower() in OPINION_LABELS else []
    if url:
        path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE)
        found += [
            m["label"] for m in _LABEL_IN_URL.finditer(path) if m["label"].lower() in OPINION_LABELS
        ]
    if author and (match := _OPINION_BYLINE.match(author)):
        found.append("Editorial" if match["label"].lower().startswith("edit") else "Opinion")
    return found[0] if found else None


@dataclass(frozen=True)
class GenreCues:
    """Per-sentence rates of the cues the genre score reads."""

    first_person: float
    calls: float
    attribution: float
    hedges: float
    loaded: float
    exclamations: float
    techniques: float

    def as_dict(self) -> dict[str, float]:
        """Rounded, for the report."""
        return {k: round(v, 3) for k, v in self.__dict__.items()}


def cues(sentences: Sequence[str], technique_share: float | None = None) -> GenreCues:
    """Share of sentences showing each cue.

    ``technique_share`` is the share of sentences where the techniques component found a
    technique in the article's own voice (learned from news and SemEval data); without
    it, the word-level rules stand in.
    """
    n = max(len(sentences), 1)

    def share(pattern: re.Pattern[str]) -> float:
        return sum(bool(pattern.search(s)) for s in sentences) / n

    loaded = sum(any(w.lower() in LOADED_WORDS for w in _WORD.findall(s)) for s in sentences)
    return GenreCues(
        first_person=share(_FIRST_PERSON),
        calls=share(_CALLS),
        attribution=share(_ATTRIBUTION),
        hedges=share(_HEDGE),
        loaded=loaded / n,
        exclamations=sum("!" in s for s in sentences) / n,
        techniques=(_technique_share(sentences) if technique_share is None else technique_share),
    )


class _Line:
    def __init__(self, text: str) -> None:
        self.text, self.start, self.end = text, 0, len(text)


def _technique_share(sentences: Sequence[str]) -> float:
    """Share of sentences where a rule detector finds a word-level technique."""
    word_level = {"loaded_language", "name_calling", "doubt", "exaggeration", "black_and_white"}
    hits = sum(any(span.name in word_level for span in rules.detect([_Line(s)])) for s in sentences)
    return hits / max(len(sentences), 1)


TECHNIQUE_WEIGHT = 0.0
"""Weight of the technique share in the opinion score: none, for now.

The share is still measured and reported with the other cues, but the learned techniques
do not tell a report from an opinion piece: the loaded-language head flags most news ledes
and many body sentences of partisan political reports. Weighed at 5 (the weight the rule
detectors' share had), BASIL's 210 news reports read as news 162 times (168 counting only
sentences past the lede), against 185 unweighed (``parallax-dev eval genre``,
2026-12-05). Until the share was read from where the techniques step keeps it
(:func:`parallax.components.frames.own_technique_share`), it was 0 on every article."""


def opinion_probability(found: GenreCues) -> float:
    """Hand-set logistic score: how much the cues read like opinion rather than reporting."""
    z = (
        -1.0
        + 6.0 * found.first_person
        + 5.0 * found.calls
        + 3.0 * found.loaded
        + TECHNIQUE_WEIGHT * found.techniques
        + 4.0 * found.exclamations
        - 5.0 * found.attribution
        - 1.0 * found.hedges
    )
    return 1.0 / (1.0 + math.exp(-z))


def classify(
    sentences: Sequence[str],
    outlet: str | None = None,
    technique_share: float | None = None,
    label: str | None = None,
) -> tuple[str, dict[str, float], GenreCues]:
    """Return the genre, a score per genre, and the cues behind them.

    ``label`` is the outlet's own opinion label for the article (:func:`labelled_opinion`),
    which outweighs the cues.
    """
    found = cues(sentences, technique_share)
    opinion = opinion_probability(found)
    if label is not None:
        opinion = max(opinion, LABELLED)
    satire = 0.0
    if (outlet or "").strip().lower() in SATIRE_OUTLETS or any(
        _SATIRE_MARK.search(s) for s in sentences[:3]
    ):
        satire = 0.9
    scores = {
        "news_report": round((1 - opinion) * (1 - satire), 3),
        "opinion": round(opinion * (1 - satire), 3),
        "satire": round(satire, 3),
    }
    return max(scores, key=lambda g: scores[g]), scores, found
