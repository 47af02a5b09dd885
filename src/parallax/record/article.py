"""The per-article record of the JSON report: one analysed article and its layers."""

# No ``from __future__ import annotations`` here: TypedDict reads ``NotRequired`` from the
# evaluated annotations, and with string annotations Python 3.11 counts every key required.
from typing import Literal, NotRequired, TypedDict

SCHEMA_VERSION = 1
AnalysisStatus = Literal["analysed", "not_analysed"]
VerdictLabel = Literal["supported", "contradicted", "disputed", "not_enough_evidence"]
AlignmentKind = Literal["same", "contradiction", "unique"]
GapKind = Literal["actor", "entity", "event", "claim"]


# -- one article ---------------------------------------------------------------------------


class ArticleFields(TypedDict):
    """An article's metadata and text, as ``extract`` prints it and every record starts."""

    id: str
    title: str | None
    outlet: str | None
    author: str | None
    date: str | None
    """Publication date, ISO 8601."""
    language: str
    source: str
    url: str | None
    format: str
    meta: dict[str, object]
    """Whatever the reader found beside the text (tagline, epigraph, section ...)."""
    text: str


class TechniqueRecord(TypedDict):
    """A persuasion technique found at ``text[start:end]`` of the article."""

    name: str
    start: int
    end: int
    source: str
    """What found it: a rule's name or ``"model"``."""
    score: float
    voice: NotRequired[str]
    """``own`` (the article's own words) or ``quoted`` (inside a quotation)."""
    speaker: NotRequired[str | None]
    """For a quoted technique: the quoted speaker's actor id, when resolved."""
    speaker_text: NotRequired[str | None]
    """For a quoted technique: the speaker as the article names them."""


class QuotedTechniques(TypedDict):
    """The techniques inside one speaker's quotations, counted by name."""

    speaker: str | None
    speaker_text: str | None
    techniques: dict[str, int]


class TechniquesByVoice(TypedDict):
    """The article's own techniques and each quoted speaker's, counted by name."""

    own: dict[str, int]
    quoted: list[QuotedTechniques]


class CallToActionRecord(TypedDict):
    """A matched call to action, with article offsets (title offsets on a title)."""

    kind: str
    start: int
    end: int
    text: str


class SentenceRecord(TypedDict):
    """A sentence with its statement type, check-worthiness and techniques."""

    id: str
    text: str
    start: int
    end: int
    type: str | None
    checkworthiness: float | None
    techniques: list[TechniqueRecord]
    subjectivity: NotRequired[float]
    call_to_action: NotRequired[CallToActionRecord]


class EntityRecord(TypedDict):
    """A named-entity mention."""

    text: str
    label: str
    start: int
    end: int
    sentence_id: str


class MentionRecord(TypedDict):
    """One place an actor is named or referred to."""

    text: str
    start: int
    end: int
    sentence_id: str
    kind: str


class ActorRecord(TypedDict):
    """A canonical actor with its mentions; the portrayal component fills role and sentiment."""

    id: str
    name: str
    type: str
    kb_id: str | None
    mentions: list[MentionRecord]
    role: str | None
    sentiment: float | None
    affiliation: NotRequired[str | None]
    """The organisation a person acts for (persons only)."""
    role_sentences: NotRequired[list[str]]
    sentiment_sentences: NotRequired[list[str]]
    sentiment_label: NotRequired[str]
    """``negative``, ``neutral`` or ``positive``: the sentiment in the article's own voice."""
    role_lean: NotRequired[str]
    """Where the evidence points however weak it is (``role`` is neutral on weak evidence)."""
    voice: NotRequired[str]
    """Whose voice role and sentiment are from: always ``own`` (the article's). The sentiment
    is read from the article's own sentences only; the role is the article's casting, which
    may rest on what it chooses to quote, but needs an own-voice sentence whenever the
    article speaks of the actor itself."""
    evidence: NotRequired[list["PortrayalEvidence"]]
    """Every piece of evidence, own voice and quoted, with its sentence."""
    quoted: NotRequired[list["QuotedPortrayal"]]
    """How each quoted source casts the actor, apart from the article's own voice."""


class PortrayalEvidence(TypedDict):
    """One sentence's evidence about an actor's role or sentiment, and whose voice it is in."""

    sentence_id: str
    voice: str
    """``own`` (the article's) or ``quoted``."""
    speaker: str | None
    """The quoted source's actor id, when known."""
    speaker_text: str | None
    signal: str
    """What the evidence is: model sentiment, a harmful or helpful action, name-calling."""
    points_to: str
    """The role or sentiment label it counts towards."""
    value: float


class QuotedPortrayal(TypedDict):
    """How one quoted source casts an actor (kept apart from the article's own voice)."""

    speaker: str | None
    speaker_text: str | None
    role: str
    sentiment: float
    sentiment_label: str
    sentences: list[str]


class SpanRecord(TypedDict):
    """Article offsets of a word or phrase."""

    start: int
    end: int


class AimRecord(TypedDict):
    """Where a clause's act is aimed, beside its object: "launched drones *at Kyiv*"."""

    actor: str | None
    text: str | None
    prep: str
    named: bool
    """The aim phrase is itself a mention of the actor ("Kyiv", not "Kyiv's outskirts")."""
    people: bool
    span: list[int] | None


class EventRecord(TypedDict):
    """Who did what to whom, and when, read from one clause or a known event's name."""

    id: str
    sentence_id: str
    text: str
    action: str
    agent: str | None
    agent_text: str | None
    target: str | None
    target_text: str | None
    actors: list[str]
    date: str | None
    range: list[str] | None
    granularity: str | None
    time_id: str | None
    time_text: str | None
    inferred: bool
    """The date comes from reference knowledge, not the text."""
    date_source: str | None
    kb_event: str | None
    trigger: SpanRecord
    agent_span: list[int] | None
    target_span: list[int] | None
    target_people: bool
    """What the action reaches names people (:mod:`parallax.actors.animacy`): help to a bill
    or a budget casts nobody as a hero."""
    action_text: NotRequired[str]
    """The verb phrase as written (clause events only)."""
    passive: NotRequired[bool]
    target_prep: NotRequired[str | None]
    """The preposition before a target that is not a direct object ("against" Kyiv)."""
    target_head: NotRequired[str | None]
    """The lemma of the word the target phrase is built on ("deal" in "a deal on crop
    subsidies"; clause events only): "struck a deal" is no blow."""
    hypothetical: NotRequired[bool]
    """A modal, conditional or question clause, or a complement said not to be done
    ("refused to shell"): a possibility, not something that happened."""
    verbal: NotRequired[bool]
    """An act of words done to a person, in a verb that can also mean a blow ("attacked
    the governor over her plan, calling it a stunt")."""
    intended: NotRequired[bool]
    """A complement that is planned, promised, threatened or wished ("pledged to help"):
    what the doer means to do, not yet done."""
    agent_named: NotRequired[bool]
    """The agent phrase is itself a mention of the agent actor (not "Russia's reaction")."""
    target_named: NotRequired[bool]
    open_complement: NotRequired[bool]
    """The verb governs a clause without its own subject that says what it is about ("is
    considered *to be* ...", "was asked *to resign*")."""
    aim: NotRequired[AimRecord | None]
    """What the act is aimed at beside its object ("fired missiles at Kharkiv"; clause
    events only, :mod:`parallax.actors.aims`)."""
    instrument: NotRequired[str | None]
    """What the object is: "weapon" ("missiles"), "attack" ("an offensive"), "hostility"
    ("a war") or None (clause events only)."""
    reported: NotRequired[str | None]
    """For a verb of saying, the clause it reports ("Germany will send more aid" in "Germany
    will send more aid, the chancellor said"), so a timeline entry says what was said, not
    only that someone spoke (clause events only)."""
    doer_class: NotRequired[str | None]
    """The same of the agent phrase: "a barrage of drones" hit the city (clause events only)."""
    contest: NotRequired[str | None]
    """The contest the act is done in or for ("race" in "defeated X in the governor's race";
    clause events only, :mod:`parallax.actors.contests`)."""
    kept_from: NotRequired[str | None]
    """The act the verb keeps its object from ("remove" in "blocked Arizona from removing
    voters"; clause events only, :mod:`parallax.actors.restraint`)."""


class PartyRecord(TypedDict):
    """A subject or object of a claim and the knowledge-base entity it names."""

    text: str
    id: str | None
    type: str | None


class EvidenceRecord(TypedDict):
    """A knowledge-base fact or a reference-document sentence a verdict rests on."""

    kind: Literal["fact", "document"]
    text: str
    source: str
    subject: NotRequired[str]
    property: NotRequired[str]
    object: NotRequired[str | None]
    value: NotRequired[str | None]
    start: NotRequired[str | None]
    end: NotRequired[str | None]
    note: NotRequired[str | None]
    score: NotRequired[float]


class StructuredClaim(TypedDict):
    """What a claim says, read into fields: who, what relation, to whom, how many, when."""

    kind: str
    subject: str | None
    subject_id: str | None
    subject_ids: list[str | None]
    subjects: list[PartyRecord]
    relation: str | None
    cue: str | None
    object: str | None
    object_id: str | None
    object_type: str | None
    quantity: float | None
    unit: str | None
    comparator: str
    increment: bool
    ordinal: int | None
    span: list[str] | None
    """First and last day the claim's time covers, ISO 8601."""
    time_text: str | None
    time_bound: str | None
    time_granularity: str | None
    negated: bool
    tense: str
    superlative: str | None
    named: list[PartyRecord]
    others: bool
    narrowed: str | None
    """Words that make a count of only some of the members ("Baltic"), or None."""
    binding: dict[str, str]
    """The words the parse bound to each role (subject, relation, quantity, time ...)."""
    unjudged: str | None
    """Why the claim is not judged (not asserted, or a piece not bound to it), or None."""


class VerdictFields(TypedDict):
    """The fact-checker's answer on a claim: verdict, the evidence, and why."""

    verdict: VerdictLabel
    evidence: list[EvidenceRecord]
    explanation: str


class ClaimRecord(StructuredClaim):
    """A structured claim of an article, with the fact-checker's verdict once it ran."""

    id: str
    sentence_id: str | None
    text: str
    start: int
    end: int
    parts: dict[str, list[int]]
    """Article offsets of the words each field was read from."""
    verdict: VerdictLabel | None
    evidence: list[EvidenceRecord]
    explanation: str | None


class FrameRecord(TypedDict):
    """A frame the article uses, with its score."""

    name: str
    score: float


class QuoteRecord(TypedDict):
    """A direct or reported quotation and its speaker."""

    text: str
    start: int
    end: int
    sentence_id: str
    kind: str
    speaker: str | None
    speaker_text: str | None
    cue: str | None


class TimelineRecord(TypedDict):
    """A dated event of one article's timeline."""

    date: str
    range: list[str]
    granularity: str | None
    label: str
    event_id: str
    sentence_id: str
    sentence_ids: list[str]
    text: str
    actors: list[str]
    action: str | None
    kb_event: str | None
    inferred: bool
    date_source: str | None
    source: str


class TimeRecord(TypedDict):
    """A normalised time expression (TimeML-style type and value)."""

    id: str
    text: str
    start: int
    end: int
    sentence_id: str
    type: str
    value: str
    range: list[str] | None
    granularity: str
    vague: bool
    relative: bool


class GenreScores(TypedDict):
    """A score per genre and the cues behind them."""

    news_report: float
    opinion: float
    satire: float
    cues: dict[str, float]
    label: NotRequired[str]
    """The outlet's own opinion label ("Opinion", "Editorial") that decided the genre."""


class TitleStatement(TypedDict):
    """The headline typed as a call to action, a question, or neither."""

    text: str
    type: str | None
    call_to_action: CallToActionRecord | None


class ArticleRecord(ArticleFields):
    """The article part of the report for one analysis, and what the store keeps.

    Layers a component adds later appear empty until it runs, so scripts can rely on every
    required key; the ``NotRequired`` keys come from components that may be absent.
    """

    status: AnalysisStatus
    reason: str | None
    sentences: list[SentenceRecord]
    entities: list[EntityRecord]
    actors: list[ActorRecord]
    events: list[EventRecord]
    claims: list[ClaimRecord]
    frames: list[FrameRecord]
    genre: str | None
    genre_scores: NotRequired[GenreScores]
    quotes: NotRequired[list[QuoteRecord]]
    techniques_by_voice: NotRequired[TechniquesByVoice]
    timeline: NotRequired[list[TimelineRecord]]
    times: NotRequired[list[TimeRecord]]
    title_statement: NotRequired[TitleStatement]
    pipeline: NotRequired[str]
    """The pipeline version that made the analysis."""
    sources: NotRequired[list[str]]
    """Every input a stored article was read from (``show`` and the web add it)."""
