"""The comparison part of the JSON report: stories, alignments, gaps, portrayal, positions."""

# No ``from __future__ import annotations`` here: TypedDict reads ``NotRequired`` from the
# evaluated annotations, and with string annotations Python 3.11 counts every key required.
from typing import Literal, NotRequired, TypedDict

from parallax.record.article import AlignmentKind, GapKind, QuotedPortrayal, VerdictLabel

AlignmentBasis = Literal[
    "paraphrase",
    "shared_figure",
    "shared_quote",
    "shared_event",
    "figures",
    "claims",
    "attackers",
    "unmatched",
]

# -- the comparison ------------------------------------------------------------------------


class StoryRecord(TypedDict):
    """A story: the articles clustered together and what every source names."""

    id: str
    label: str
    articles: list[str]
    outlets: list[str | None]
    first_date: str | None
    last_date: str | None
    shared_entities: list[str]


class AlignedSentence(TypedDict):
    """One side of an alignment."""

    article_id: str
    sentence_id: str
    text: str


class AlignmentRecord(TypedDict):
    """Two sources saying the same thing or contradicting each other, or one alone."""

    kind: AlignmentKind
    story: str
    items: list[AlignedSentence]
    score: float
    """The embedding cosine of the two sentences (for a unique claim, of its best match)."""
    reason: str
    """One line a reader can check: what each source says and why they agree or clash."""
    basis: NotRequired[AlignmentBasis]
    """What the judgement rests on: a paraphrase, a shared figure, figures or structured
    claims that disagree, or no counterpart (unique)."""


class GapRecord(TypedDict):
    """Something some sources of a story cover and the others leave out."""

    story: str
    kind: GapKind
    label: str
    covered_by: list[str]
    missing_from: list[str]
    id: NotRequired[str]
    """The actor id or entity key (actor and entity gaps)."""
    type: NotRequired[str | None]
    mentions: NotRequired[int]
    date: NotRequired[str | None]
    """Event gaps."""
    sentence_id: NotRequired[str]
    """Claim gaps."""


class PortrayalSentence(TypedDict):
    """A sentence that supports a portrayal."""

    sentence_id: str
    text: str


class SourcePortrayal(TypedDict):
    """How one source portrays an actor."""

    article_id: str
    outlet: str | None
    title: str | None
    role: str | None
    sentiment: float | None
    mentions: int
    sentences: list[PortrayalSentence]
    quoted: NotRequired[list[QuotedPortrayal]]
    """What the sources this article quotes say about the actor, per source."""


class PortrayalRecord(TypedDict):
    """One actor that several sources of a story name, portrayed by each."""

    story: str
    actor: str
    name: str
    by_source: list[SourcePortrayal]
    divergence: float | None
    """Sentiment spread plus one when roles differ, in the sources' own voice; null when
    unknown."""
    quoted_divergence: NotRequired[float | None]
    """The same spread over what the people each source quotes say."""
    difference: NotRequired[str | None]
    """``own voice``, ``quotes only`` (the sources differ only in whom they quote) or null."""
    mentions: int


class TimelineSource(TypedDict):
    """An article citing an event of the merged timeline, in its own words."""

    article_id: str
    outlet: str | None
    title: str | None
    sentence_id: str
    text: str
    inferred: bool


class MergedTimelineEntry(TypedDict):
    """A dated event merged across articles, with the sources that cite it."""

    date: str
    range: list[str]
    granularity: str | None
    label: str
    kb_event: str | None
    inferred: bool
    date_source: str | None
    sources: list[TimelineSource]


class PositionItem(TypedDict):
    """A sentence that states, argues, demands or asks something, as its source's position."""

    sentence_id: str
    """The sentence's id, or ``"title"`` for a headline that is a call to action or question."""
    text: str
    type: str
    """The sentence type: factual_claim, opinion, call_to_action or question."""
    checkworthiness: float | None
    verdict: VerdictLabel | None
    """The most decisive verdict on the claims read from this sentence, if any was checked."""
    explanation: str | None


class SourcePositions(TypedDict):
    """One source's positions: claims (most check-worthy first), opinions, demands, questions."""

    article_id: str
    outlet: str | None
    title: str | None
    claims: list[PositionItem]
    opinions: list[PositionItem]
    demands: list[PositionItem]
    questions: list[PositionItem]


class OpposedItem(AlignedSentence):
    """One side of two opposed positions, with its sentence type."""

    type: str | None


class OpposedRow(TypedDict):
    """Two sources taking opposite sides on one point: a contradiction, or a demand vs a claim."""

    kind: Literal["contradiction", "demand_against_claim"]
    reason: str
    score: float
    items: list[OpposedItem]


class PositionsRecord(TypedDict):
    """The positions of one story's sources side by side, and the rows where they are opposed."""

    story: str
    by_source: list[SourcePositions]
    opposed: list[OpposedRow]


class ComparisonRecord(TypedDict):
    """The ``comparison`` part of the report."""

    stories: list[StoryRecord]
    alignments: list[AlignmentRecord]
    gaps: list[GapRecord]
    portrayal: list[PortrayalRecord]
    timeline: list[MergedTimelineEntry]
    positions: list[PositionsRecord]
