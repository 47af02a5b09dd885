"""Named-entity mentions, each tied to the sentence it occurs in."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

from parallax.model import Analysis, Entity
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion

KEPT_LABELS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
        "DATE",
        "TIME",
        "PERCENT",
        "MONEY",
        "QUANTITY",
        "CARDINAL",
        "ORDINAL",
    }
)


class Entities:
    """Copy the Doc's entities into :class:`Entity` records with their sentence id."""

    name = "entities"
    version = CodeVersion()
    requires = ("doc", "sentences")
    assigns = ("entities",)

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add the entity mentions of each analysis."""
        for analysis in analyses:
            starts = [s.start for s in analysis.sentences]
            entities = []
            for ent in analysis.doc.ents:
                if ent.label_ not in KEPT_LABELS or not ent.text.strip():
                    continue
                position = max(bisect_right(starts, ent.start_char) - 1, 0)
                sentence_id = analysis.sentences[position].id if analysis.sentences else ""
                entities.append(
                    Entity(
                        text=ent.text,
                        label=ent.label_,
                        start=ent.start_char,
                        end=ent.end_char,
                        sentence_id=sentence_id,
                    )
                )
            analysis.entities = entities
            yield analysis


@register("entities")
def make_entities() -> Entities:
    """Factory for :class:`Entities`."""
    return Entities()
