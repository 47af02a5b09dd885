"""The JSON report (schema version 1) as types: what every surface writes, reads and stores.

The report is the public contract users script against, and the same per-article record
is what the store keeps and what comparison, the Markdown and HTML views, the web pages and
the REST API read back. Typing it once here lets mypy check every reader against the shape
the writers produce, instead of each module passing untyped dictionaries and hoping.

The types live beside :mod:`parallax.model` (the data model) rather than in
``parallax.report``, because the store and the components that build layers sit below the
reports in the dependency direction and must be able to name them.

Keys a record always carries are required (``total``); keys that only some components or
inputs add are ``NotRequired``. A value that is JSON ``null`` when unknown is typed
``X | None``. ``tests/test_record.py`` checks a real report against these declarations, key
by key and value by value, so the types and the JSON cannot drift apart: a component that
adds a key to the report must declare it here.
"""

from parallax.record.article import (
    SCHEMA_VERSION,
    ActorRecord,
    AlignmentKind,
    AnalysisStatus,
    ArticleFields,
    ArticleRecord,
    CallToActionRecord,
    ClaimRecord,
    EntityRecord,
    EventRecord,
    EvidenceRecord,
    FrameRecord,
    GapKind,
    GenreScores,
    MentionRecord,
    PartyRecord,
    PortrayalEvidence,
    QuotedPortrayal,
    QuotedTechniques,
    QuoteRecord,
    SentenceRecord,
    SpanRecord,
    StructuredClaim,
    TechniqueRecord,
    TechniquesByVoice,
    TimelineRecord,
    TimeRecord,
    TitleStatement,
    VerdictFields,
    VerdictLabel,
)
from parallax.record.comparison import (
    AlignedSentence,
    AlignmentBasis,
    AlignmentRecord,
    ComparisonRecord,
    GapRecord,
    MergedTimelineEntry,
    OpposedItem,
    OpposedRow,
    PortrayalRecord,
    PortrayalSentence,
    PositionItem,
    PositionsRecord,
    SourcePortrayal,
    SourcePositions,
    StoryRecord,
    TimelineSource,
)
from parallax.record.report import (
    CheckedClaimRecord,
    CheckRecord,
    DuplicateItem,
    ErrorRecord,
    NearDuplicate,
    NotAnalysedItem,
    Report,
    RunSummary,
    SkippedItem,
)

__all__ = [
    "SCHEMA_VERSION",
    "ActorRecord",
    "AlignedSentence",
    "AlignmentBasis",
    "AlignmentKind",
    "AlignmentRecord",
    "AnalysisStatus",
    "ArticleFields",
    "ArticleRecord",
    "CallToActionRecord",
    "CheckRecord",
    "CheckedClaimRecord",
    "ClaimRecord",
    "ComparisonRecord",
    "DuplicateItem",
    "EntityRecord",
    "ErrorRecord",
    "EventRecord",
    "EvidenceRecord",
    "FrameRecord",
    "GapKind",
    "GapRecord",
    "GenreScores",
    "MentionRecord",
    "MergedTimelineEntry",
    "NearDuplicate",
    "NotAnalysedItem",
    "OpposedItem",
    "OpposedRow",
    "PartyRecord",
    "PortrayalEvidence",
    "PortrayalRecord",
    "PortrayalSentence",
    "PositionItem",
    "PositionsRecord",
    "QuoteRecord",
    "QuotedPortrayal",
    "QuotedTechniques",
    "Report",
    "RunSummary",
    "SentenceRecord",
    "SkippedItem",
    "SourcePortrayal",
    "SourcePositions",
    "SpanRecord",
    "StoryRecord",
    "StructuredClaim",
    "TechniqueRecord",
    "TechniquesByVoice",
    "TimeRecord",
    "TimelineRecord",
    "TimelineSource",
    "TitleStatement",
    "VerdictFields",
    "VerdictLabel",
]
