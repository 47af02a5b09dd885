"""Actor mentions in a parsed article, each resolved to one canonical actor.

Readers compare sources by *who* they talk about, so "Washington", "the U.S. rulers", "the
Biden administration" and "US" must count as one actor, and "Moscow", "the Kremlin" and
"Russian troops" as another. The rules, in order of precedence:

1. A noun phrase the knowledge base names as a whole ("the Kremlin", "the working class").
2. A government-like head noun ("rulers", "government", "administration", "ruling class",
   "troops") whose modifier names a state ("the Russian rulers", "the U.S. ruling class",
   "the Biden administration" through Biden's affiliation): the state acts.
3. A named entity (GPE, ORG, NORP, PERSON): its alias or demonym in the knowledge base; a
   capital stands for its state (metonymy) unless it is the place where something happens;
   anything unknown gets a ``local:<slug>`` id so it still counts as one actor.
4. Pronouns and definite descriptions ("it", "they", "the country", "the alliance") are left
   to :mod:`parallax.actors.coreference`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from parallax.domains import domain_pack
from parallax.knowledge import KBEntity, KnowledgeBase, alias_key

ACTOR_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
STATE_TYPES = frozenset({"country", "organisation"})

GOVERNMENT_HEADS = frozenset(
    {
        "ruler",
        "government",
        "administration",
        "regime",
        "leadership",
        "leader",
        "authority",
        "state",
        "military",
        "army",
        "troop",
        "force",
        "navy",
        "official",
        "diplomat",
        "president",
        "ministry",
        "policy",
        "establishment",
        "elite",
        "warship",
        "bomber",
        "soldier",
    }
)
"""Head nouns (lemmas) that, modified by a state's name or demonym, mean that state acting.

The domain pack adds its own (``state_heads``, "the U.S. imperialists") and whole phrases
(``state_phrases``, "the U.S. ruling class"), see :mod:`parallax.domains`.
"""
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across"})
TITLES = frozenset(
    {"president", "minister", "chancellor", "secretary", "premier", "leader", "ambassador"}
)

_SLUG = re.compile(r"[^a-z0-9]+")


def _state_head(lemma: str, phrase: str) -> bool:
    """Whether a noun phrase with this head lemma can mean a state acting."""
    pack = domain_pack()
    if lemma in GOVERNMENT_HEADS or lemma in pack.state_heads:
        return True
    lowered = phrase.lower()
    return any(re.search(rf"\b{re.escape(p)}\b", lowered) for p in pack.state_phrases)


def slug(text: str) -> str:
    """A lowercase id fragment for a name that the knowledge base does not know."""
    return _SLUG.sub("-", alias_key(text)).strip("-") or "unnamed"


@dataclass
class Mention:
    """One mention of an actor: a character span, the tokens it covers, and how it was found.

    Attributes:
        start, end: character offsets in the article text.
        token_start, token_end: token indices in the Doc (end exclusive).
        head: the token index of the phrase's syntactic head (decides number and role).
        actor: the canonical actor id.
        kind: "name", "phrase", "demonym", "pronoun" or "description".
        plural: the phrase is grammatically plural ("the rulers", "Russian troops").
        subject: the phrase is (part of) a clause subject; coreference prefers subjects.
    """

    start: int
    end: int
    token_start: int
    token_end: int
    head: int
    actor: str
    kind: str
    text: str
    plural: bool = False
    subject: bool = False
    sentence_id: str = ""


@dataclass
class ActorInfo:
    """What the report says about one actor, apart from its mentions."""

    id: str
    name: str
    type: str
    kb_id: str | None
    affiliation: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class ActorResolver:
    """Find and canonicalise the actor mentions of one spaCy Doc."""

    def __init__(self, kb: KnowledgeBase):
        """Resolve against ``kb`` (usually :func:`parallax.knowledge.bundled`)."""
        self.kb = kb
        self.actors: dict[str, ActorInfo] = {}
        self._capitals = {
            f.object: f.subject for f in kb.facts_about(property="capital") if f.object
        }

    # -- canonical actors -------------------------------------------------------------
    def _from_kb(self, entity: KBEntity) -> str:
        if entity.id not in self.actors:
            affiliation = entity.attributes.get("affiliation") if entity.type == "person" else None
            if entity.type == "person" and affiliation is None:
                affiliation = self._office_holder_of(entity.id)
            self.actors[entity.id] = ActorInfo(
                entity.id, entity.name, entity.type, entity.id, affiliation
            )
        return entity.id

    def info(self, actor_id: str) -> ActorInfo:
        """The actor with this id, registering a knowledge-base entity on first use.

        A state can be reached only through a person's affiliation ("the Biden
        administration" in an article that never names the United States).
        """
        if actor_id not in self.actors:
            entity = self.kb.get(actor_id)
            if entity is None:
                raise KeyError(f"actor {actor_id!r} is neither resolved nor in the knowledge base")
            self._from_kb(entity)
        return self.actors[actor_id]

    def _office_holder_of(self, person: str) -> str | None:
        for prop in ("head_of_state", "head_of_government", "leader", "secretary_general"):
            for fact in self.kb.facts_about(object=person, property=prop):
                return fact.subject
        return None

    def _local(self, name: str, label: str) -> str:
        actor_id = f"local:{slug(name)}"
        if actor_id not in self.actors:
            kind = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}.get(label, "place")
            clean = re.sub(r"^the\s+", "", " ".join(name.split()), flags=re.I)
            clean = re.sub(r"['\u2019]s$", "", clean)
            self.actors[actor_id] = ActorInfo(actor_id, clean, kind, None)
        return actor_id

    def lookup(self, text: str, *, demonym: bool = False) -> KBEntity | None:
        """The knowledge-base entity ``text`` names (an alias, or a demonym if allowed)."""
        found = self.kb.lookup(text)
        if not found and demonym:
            found = self.kb.lookup_demonym(text)
        if not found:
            return None
        preferred = [e for e in found if e.type in STATE_TYPES]
        return (preferred or found)[0]

    def state_of(self, entity: KBEntity) -> str | None:
        """The state an entity stands for: itself, a person's state, a capital's state."""
        if entity.type in STATE_TYPES:
            return self._from_kb(entity)
        if entity.type == "person":
            self._from_kb(entity)
            return self.actors[entity.id].affiliation
        if entity.type == "place" and entity.id in self._capitals:
            state = self.kb.get(self._capitals[entity.id])
            return self._from_kb(state) if state else None
        return None

    # -- mentions -----------------------------------------------------------------------
    def mentions(self, doc: Any) -> list[Mention]:
        """Every explicit (non-pronoun) actor mention in ``doc``, in text order."""
        taken: set[int] = set()
        found: list[Mention] = []
        for chunk in doc.noun_chunks:
            mention = self._phrase(chunk)
            if mention is not None:
                found.append(mention)
                taken.update(range(mention.token_start, mention.token_end))
                found.extend(self._people_inside(chunk, mention))
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS or taken.intersection(range(ent.start, ent.end)):
                continue
            mention = self._entity(ent)
            if mention is not None:
                found.append(mention)
                taken.update(range(ent.start, ent.end))
        found.sort(key=lambda m: (m.start, -m.end))
        return found

    def _make(self, span: Any, actor: str, kind: str, head: Any | None = None) -> Mention:
        head = span.root if head is None else head
        subject = head.dep_ in {"nsubj", "nsubjpass"} or (
            head.dep_ in {"compound", "amod", "poss", "nmod"}
            and head.head.dep_ in {"nsubj", "nsubjpass"}
        )
        plural = head.tag_ in {"NNS", "NNPS"} or (
            (kind == "demonym" or head.dep_ == "amod") and head.head.tag_ in {"NNS", "NNPS"}
        )
        text = span.text
        trimmed = text.rstrip()
        return Mention(
            start=span.start_char,
            end=span.start_char + len(trimmed),
            token_start=span.start,
            token_end=span.end,
            head=head.i,
            actor=actor,
            kind=kind,
            text=trimmed,
            plural=plural,
            subject=subject,
        )

    def _phrase(self, chunk: Any) -> Mention | None:
        if chunk.root.pos_ == "PRON" or any(t.lower_ == "former" for t in chunk):
            return None  # "us" is not the U.S.; "the former Soviet states" are not the USSR
        entity = self.lookup(chunk.text)
        if entity is None and chunk[0].dep_ == "det" and len(chunk) > 1:
            entity = self.lookup(chunk[1:].text)
        if entity is not None:
            return self._make(
                chunk, self._from_kb(entity), "name" if chunk.root.ent_type_ else "phrase"
            )
        root = chunk.root
        if not _state_head(root.lemma_.lower(), chunk.text):
            return None
        for token in chunk:
            if token.i == root.i or token.dep_ not in {"amod", "compound", "nmod", "npadvmod"}:
                continue
            if token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in {"-", "\u2010"}:
                continue  # "Moscow-backed government": backed by, not run by, Moscow
            modifier = self._modifier_entity(token)
            state = self.state_of(modifier) if modifier is not None else None
            if state is not None:
                return self._make(chunk, state, "phrase")
        return None

    def _modifier_entity(self, token: Any) -> KBEntity | None:
        doc = token.doc
        if token.ent_type_ in ACTOR_LABELS:
            ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
            if ent is not None:
                found = self.lookup(ent.text, demonym=True)
                if found is not None:
                    return found
        return self.lookup(token.text, demonym=True)

    def _people_inside(self, chunk: Any, mention: Mention) -> list[Mention]:
        # "the Biden administration" is the state acting; Biden is still a mention of Biden.
        people = []
        for ent in chunk.ents:
            if ent.label_ != "PERSON":
                continue
            entity = self.lookup(ent.text)
            actor = self._from_kb(entity) if entity else self._local(ent.text, "PERSON")
            if actor != mention.actor:
                people.append(self._make(ent, actor, "name"))
        return people

    def _entity(self, ent: Any) -> Mention | None:
        text = re.sub(r"['\u2019]s?$", "", ent.text.strip()).strip()
        if not text or not any(ch.isalpha() for ch in text):
            return None
        kind = "demonym" if ent.label_ == "NORP" else "name"
        entity = self.lookup(text, demonym=ent.label_ in {"NORP", "GPE"})
        if entity is None and ent.label_ == "PERSON":
            entity = self._by_surname(text)
        if entity is None:
            return self._make(ent, self._local(text, ent.label_), kind)
        if entity.type == "place" and not _locative(ent):
            state = self.state_of(entity)
            if state is not None:
                return self._make(ent, state, "name")
        actor = self._from_kb(entity)
        mention = self._make(ent, actor, kind)
        if entity.type == "person" and self.actors[actor].affiliation is None:
            self.actors[actor].affiliation = self._title_state(ent)
        return mention

    def _by_surname(self, text: str) -> KBEntity | None:
        words = text.split()
        if len(words) > 1:
            return self.lookup(words[-1]) if self.lookup(words[-1]) else None
        return None

    def _title_state(self, ent: Any) -> str | None:
        # "Soviet President Gorbachev": the demonym before a title names the state served.
        doc = ent.doc
        window = doc[max(ent.start - 3, 0) : ent.start]
        if not any(t.lemma_.lower() in TITLES for t in window):
            return None
        for token in window:
            entity = self.lookup(token.text, demonym=True)
            if entity is not None and entity.type in STATE_TYPES:
                return self._from_kb(entity)
        return None


def _locative(ent: Any) -> bool:
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS
