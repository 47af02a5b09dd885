"""Actor mentions in a parsed article, each resolved to one canonical actor.

Readers compare sources by *who* they talk about, so "Washington", "the White House", "the
Biden administration" and "US" must count as one actor, and "Moscow", "the Kremlin" and
"Russian troops" as another. The rules, in order of precedence:

1. A noun phrase the knowledge base names as a whole ("the Kremlin", "the working class").
2. A government-like head noun ("rulers", "government", "administration", "ruling class",
   "troops") whose modifier names a state ("the Russian rulers", "the U.S. ruling class",
   "the Biden administration" through Biden's affiliation): the state acts.
3. A named entity (GPE, ORG, NORP, PERSON): its alias or demonym in the knowledge base,
   though a plural demonym used as a noun names the people (:mod:`parallax.actors.peoples`);
   a capital stands for its state (metonymy) unless it is the place where something happens
   (:mod:`parallax.actors.capitals`); anything unknown gets a ``local:<slug>`` id so it
   still counts as one actor.
4. Pronouns and definite descriptions ("it", "they", "the country", "the alliance") are left
   to :mod:`parallax.actors.coreference`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from parallax.actors.animacy import PERSON_NOUNS, titled_person
from parallax.actors.body_context import acting_body, bodies_tagged_as_people
from parallax.actors.capitals import before_its_state, capital_as_place, city_named, locative
from parallax.actors.common_words import common_word_as_name
from parallax.actors.credits import in_credit_line
from parallax.actors.datelines import after_dateline
from parallax.actors.described_names import described_bodies, later_occurrences
from parallax.actors.describing import in_hyphenated_modifier, names_no_actor
from parallax.actors.firm_context import firms_tagged_otherwise
from parallax.actors.firm_names import known_firm, unify_firm_names
from parallax.actors.homonyms import (
    federal_state,
    place_named_as_person,
    state_named_as_person,
    storm_named,
)
from parallax.actors.mention_records import ActorInfo, Mention, slug
from parallax.actors.name_forms import (
    spelled_otherwise,
    spelled_out,
    unify_acronyms,
    unify_name_variants,
    unify_short_organisation_names,
    unify_surnames,
    without_possessive,
)
from parallax.actors.name_particles import entities_with_whole_names
from parallax.actors.name_spans import (
    NAME_LABELS,
    inside_a_place_name,
    inside_longer_name,
    name_of_entity,
)
from parallax.actors.office_holders import holder, title_of
from parallax.actors.peoples import (
    names_a_people,
    only_a_modifier,
    people_id,
    people_name,
    without_modifier_only_actors,
)
from parallax.actors.person_context import people_tagged_as_places
from parallax.actors.person_titles import (
    OFFICE_MARGIN,
    TITLE_OFFICES,
    in_a_persons_title,
    in_office,
    offices_held,
    sentence_year,
    title_before,
    title_fits,
    title_names_an_office,
    written_years,
)
from parallax.actors.place_names import places_tagged_as_bodies
from parallax.actors.products import mark_products
from parallax.actors.state_heads import state_head
from parallax.actors.subjects import subject_mention
from parallax.actors.surname_links import bodies_named, leader_by_surname_alone, serves_a_named_body
from parallax.domains import domain_pack
from parallax.knowledge import KBEntity, KnowledgeBase, stands_for, written_as_named
from parallax.knowledge.shared_names import article_means_us_state, is_us_state

ACTOR_LABELS = NAME_LABELS
NOT_NAMES_OF_ACTORS = frozenset({"LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE"})
"""Labels of names that are no actor's; a one-word one that is the surname of the one
person the article names in full is that person ("Delaney pleaded not guilty", which the
small tagger reads as a law's name)."""
STATE_TYPES = frozenset({"country", "organisation"})

TITLES = frozenset(
    {"president", "minister", "chancellor", "secretary", "premier", "leader", "ambassador"}
)

OFFICE_PROPERTIES = ("head_of_state", "head_of_government", "leader", "secretary_general")
LED_BY_HEADS = frozenset({"administration", "government", "cabinet", "presidency"})
"""Head nouns of phrases named after the head of state or government who leads them."""


class ActorResolver:
    """Find and canonicalise the actor mentions of one spaCy Doc."""

    def __init__(self, kb: KnowledgeBase, when: date | None = None):
        """Resolve against ``kb`` (usually :func:`parallax.knowledge.bundled`).

        ``when`` is the article's publication date, which a bare surname's link must fit.
        """
        self.kb = kb
        self.when = when
        self.actors: dict[str, ActorInfo] = {}
        self._refused: set[tuple[str, str]] = set()
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
        full = spelled_out(name, self.lookup) if label == "ORG" else name  # "UN Environment"
        actor_id = f"local:{slug(full)}"
        if actor_id not in self.actors:
            kind = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}.get(label, "place")
            clean = re.sub(r"^the\s+", "", " ".join(name.split()), flags=re.I)
            clean = re.sub(r"['\u2019]s$", "", clean)
            self.actors[actor_id] = ActorInfo(actor_id, clean, kind, None)
        return actor_id

    def lookup(self, text: str, *, demonym: bool = False) -> KBEntity | None:
        """The knowledge-base entity ``text`` names (an alias, or a demonym if allowed)."""
        found = [e for e in self.kb.lookup(text) if written_as_named(e, text)]
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
        # A dateline names where a story was filed ("WASHINGTON (AP) —"), not an actor.
        taken = {t.i for t in doc if after_dateline(doc, t.i) != t.i}
        taken |= in_credit_line(doc)  # "(Reporting by Ana Berg; Editing by Jo Lee)"
        found: list[Mention] = []
        for chunk in doc.noun_chunks:
            if chunk.root.i in taken:
                continue
            mention = self._phrase(chunk)
            if mention is not None:
                found.append(mention)
                taken.update(range(mention.token_start, mention.token_end))
                found.extend(self._people_inside(chunk, mention))
        for ent in entities_with_whole_names(doc):
            ent = name_of_entity(ent)
            if acting_body(ent):
                ent.label_ = "ORG"  # "The Leadership Conference on Civil Rights said"
            if ent.label_ not in ACTOR_LABELS or taken.intersection(range(ent.start, ent.end)):
                continue
            if in_a_persons_title(ent) or common_word_as_name(ent, self._known):
                continue  # a title's department, or a common word tagged as a name ("state")
            if names_no_actor(ent, lambda text: self.lookup(text) is not None):
                continue  # "Clinton-era rules", "40 Shaheds"
            mention = self._entity(ent)
            if mention is not None:
                found.append(mention)
                taken.update(range(ent.start, ent.end))
        found.extend(self._untagged_names(doc, found, taken))
        found.extend(self._described_bodies(doc, taken))
        found.sort(key=lambda m: (m.start, -m.end))
        unify_surnames(found, self.actors, doc)
        unify_name_variants(found, self.actors)
        unify_short_organisation_names(found, self.actors)
        unify_acronyms(found, self.actors)  # "the United Nations Environment Programme ... UNEP"
        places_tagged_as_bodies(found, self.actors, doc)  # "Valdoro hosted the talks"
        people_tagged_as_places(found, self.actors, doc)  # "said Galina, 67, a teacher"
        firms_tagged_otherwise(found, self.actors, doc)  # "Shares of Cisco fell"
        bodies_tagged_as_people(found, self.actors, doc)  # "who leads Greenpeace"
        unify_firm_names(found, self.actors, doc)  # "Apple Inc." ... "Apple"
        mark_products(found, self.actors, doc)  # "the new iPhone" is no company
        return without_modifier_only_actors(found)

    def _untagged_names(self, doc: Any, found: list[Mention], taken: set[int]) -> list[Mention]:
        """Proper nouns the tagger left untagged that name a person or a state.

        The entity tagger misses some names it tags elsewhere ("Zelenskiy called for
        ...", "Penrose's spokesman"). A lone proper noun is a person when it is the surname
        of exactly one person the article names in full, or an alias of a knowledge-base
        person the article links elsewhere or that has the evidence a tagged single name
        needs (:meth:`_person_entity`: a title, or the office held at the time); otherwise
        it stays nobody, since a capitalised word can be anything. A surname the tagger took
        for a law's or a product's name (:data:`NOT_NAMES_OF_ACTORS`) is the person too. A
        state's name from the knowledge base, written exactly so, is the state ("Tuvalu's
        foreign minister").
        """
        named = [
            m for m in found if m.actor in self.actors and self.actors[m.actor].type == "person"
        ]
        people = {m.actor for m in named}
        surnames: dict[str, set[str]] = {}
        for m in named:
            if len(m.text.split()) > 1:
                surnames.setdefault(without_possessive(m.text).split()[-1], set()).add(m.actor)
        extra = []
        for token in doc:
            span = doc[token.i : token.i + 1]
            if token.i in taken:
                continue
            if token.pos_ != "PROPN" and not _surname_as_subject(token, surnames):
                continue
            misread = (
                token.ent_type_ in NOT_NAMES_OF_ACTORS
                and token.ent_iob_ == "B"
                and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
            )
            if token.ent_type_ and not misread:
                continue
            if in_hyphenated_modifier(span):
                continue  # "the Zelenskiy-era reforms": only a modifier
            beside = (
                doc[token.i - 1] if token.i else None,
                doc[token.i + 1] if token.i + 1 < len(doc) else None,
            )
            if any(n is not None and n.pos_ == "PROPN" for n in beside):
                continue  # part of a longer name the tagger did not read
            same_surname = surnames.get(token.text, set())
            if len(same_surname) == 1:
                mention = self._make(span, next(iter(same_surname)), "name")
                mention.label = "PERSON"
                extra.append(mention)
                continue
            if misread:
                continue  # a law's or a product's one-word name, not somebody's surname
            entity = self.lookup(token.text)
            if entity is not None and entity.type == "country" and entity.name == token.text:
                # "Tuvalu's foreign minister": a state's own name, written as it is named
                mention = self._make(span, self._from_kb(entity), "name")
                mention.label = "GPE"
                extra.append(mention)
                continue
            if entity is None or entity.type != "person":
                continue
            if entity.id not in people:
                entity = self._person_entity(span, token.text)
            if entity is not None:
                mention = self._make(span, self._from_kb(entity), "name")
                mention.label = "PERSON"
                extra.append(mention)
        return extra

    def _described_bodies(self, doc: Any, taken: set[int]) -> list[Mention]:
        """Untagged names of bodies told by their apposition, and their later uses.

        See :mod:`parallax.actors.described_names`; a name the knowledge base knows is that
        entity.
        """
        extra = []
        for span in list(described_bodies(doc, taken)):
            entity = self.lookup(span.text)
            actor = self._from_kb(entity) if entity else self._local(span.text, "ORG")
            for found in (span, *later_occurrences(doc, span, taken)):
                mention = self._make(found, actor, "name")
                mention.label = "ORG"
                extra.append(mention)
                taken.update(range(found.start, found.end))
        return extra

    def _make(self, span: Any, actor: str, kind: str, head: Any | None = None) -> Mention:
        while len(span) > 1 and (span[0].is_punct or span[0].is_space):
            span = span[1:]  # a dateline's dash the parser put in the phrase ("— Kyiv said")
        head = span.root if head is None else head
        subject = subject_mention(head)
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
        opening = after_dateline(chunk.doc, chunk.start)
        if chunk.start < opening < chunk.end:
            chunk = chunk.doc[opening : chunk.end]  # "KYIV - Russian troops": Kyiv files it
        if chunk.root.pos_ == "PRON" or any(t.lower_ == "former" for t in chunk):
            return None  # "us" is not the U.S.; "the former Yugoslav republics" are not Yugoslavia
        if inside_longer_name(chunk) or inside_a_place_name(chunk):
            return None  # "the Alliance of Small Island States": no NATO; "the Gulf of Mexico"
        entity = self.lookup(chunk.text)
        if entity is None and chunk[0].dep_ == "det" and len(chunk) > 1:
            entity = self.lookup(chunk[1:].text)
        if entity is not None and entity.type == "person":
            return None  # people are linked by the entity pass, which checks the evidence
        if entity is not None and (is_us_state(chunk) or not stands_for(entity, chunk)):
            return None  # the state's own local place; "the union" where the EU is never named
        if entity is not None:
            entity = self._capital_as_place(entity, without_possessive(chunk.text), chunk.root)
            mention = self._make(
                chunk, self._from_kb(entity), "name" if chunk.root.ent_type_ else "phrase"
            )
            mention.label = chunk.root.ent_type_
            return mention
        root = chunk.root
        title = title_of(chunk)
        if title is not None:
            person = self._office_holder(chunk, title)
            if person is not None:
                mention = self._make(chunk, self._from_kb(person), "description")
                mention.label = "PERSON"
                return mention
        if federal_state(root) or not state_head(root.lemma_.lower(), chunk.text):
            return None
        # A state's named body in the possessive is the state ("Northland's Defence Ministry",
        # as "the Northland Defence Ministry" is); its people are not ("Northland's
        # president, Jan Berg" is Berg).
        modifiers = {"amod", "compound", "nmod", "npadvmod"}
        if root.ent_type_ == "ORG":
            modifiers.add("poss")
        for token in chunk:
            if token.i == root.i or token.dep_ not in modifiers:
                continue
            if token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in {"-", "\u2010"}:
                continue  # "Moscow-backed government": backed by, not run by, Moscow
            modifier = self._modifier_entity(token)
            state = self.state_of(modifier) if modifier is not None else None
            if state is not None:
                return self._make(chunk, state, "phrase")
        return None

    def _office_holder(self, chunk: Any, title: str) -> KBEntity | None:
        """The person "the Russian president" or "Russia's chancellor" names on the date."""
        for token in chunk.root.children:
            if token.dep_ not in {"amod", "compound", "poss", "nmod"}:
                continue
            modifier = self._modifier_entity(token)
            if modifier is not None and modifier.type == "country":
                return holder(self.kb, modifier.id, title, chunk, self.when)
        return None

    def _modifier_entity(self, token: Any) -> KBEntity | None:
        doc = token.doc
        if token.ent_type_ in ACTOR_LABELS:
            ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
            if ent is not None:
                found = self.lookup(ent.text, demonym=True)
                if found is not None and stands_for(found, ent):
                    return found
        found = self.lookup(token.text, demonym=True)
        return found if found and stands_for(found, doc[token.i : token.i + 1]) else None

    def _people_inside(self, chunk: Any, mention: Mention) -> list[Mention]:
        # "the Biden administration" is the state acting; Biden is still a mention of Biden.
        people = []
        for ent in chunk.ents:
            if ent.label_ != "PERSON" or (ent.start, ent.end) == (chunk.start, chunk.end):
                continue  # a name the knowledge base knows as no person ("Kyiv") is none
            if storm_named(ent):
                continue
            entity = self._person_entity(ent, ent.text, leads=chunk.root.lemma_.lower())
            entity = entity or self._state_named_as_person(ent, ent.text)
            actor = self._from_kb(entity) if entity else self._local(ent.text, "PERSON")
            if actor != mention.actor:
                person = self._make(ent, actor, "name")
                person.label = "PERSON" if entity is None or entity.type == "person" else "GPE"
                people.append(person)
        return people

    def _entity(self, ent: Any) -> Mention | None:
        text = without_possessive(ent.text).strip()
        if not text or not any(ch.isalpha() for ch in text):
            return None
        if ent.label_ == "PERSON" and storm_named(ent):
            return None  # "Milton arrived ...", after "Hurricane Milton": the storm
        kind = "demonym" if ent.label_ == "NORP" else "name"
        if ent.label_ == "ORG" and self.lookup(text) is None and titled_person(ent):
            ent.label_ = "PERSON"  # "regional governor Anna Berg", tagged as an organisation
        elif (
            ent.label_ == "GPE"
            and self.lookup(text) is None
            and titled_person(ent, by_surname=False)
        ):
            ent.label_ = "PERSON"  # "chief executive Marina Okafor", tagged as a place
        if ent.label_ == "PERSON" and place_named_as_person(ent):
            ent.label_ = "GPE"  # "the village of Bilozerka", tagged as a person
        if ent.label_ == "PERSON":
            entity = self._person_entity(ent, text) or self._state_named_as_person(ent, text)
            if entity is not None and entity.type != "person":
                ent.label_ = "GPE"  # "the Kyiv regime", tagged as a person
        elif ent.root.dep_ == "compound" and federal_state(ent.root.head):
            entity = None  # "Washington state" is no capital standing for its country
        else:
            entity = self.lookup(text, demonym=ent.label_ in {"NORP", "GPE"})
            if entity is None and ent.label_ == "ORG":
                entity = known_firm(self.lookup, text)  # "Boeing Co."
            if entity is not None and entity.type == "person":
                entity = self._person_entity(ent, text)  # a person the tagger mislabelled
            elif entity is not None and kind == "name" and is_us_state(ent):
                entity = None  # "Senator Lena Dahl of Georgia": the state, not the country
        if entity is None:
            mention = self._make(ent, self._local(text, ent.label_), kind)
            mention.label = ent.label_
            mention.modifier = only_a_modifier(ent)  # "Democratic senators"
            mention.people = kind == "demonym" and names_a_people(ent, lambda _: True)
            return mention
        people = kind == "demonym" and names_a_people(ent, self.kb.lookup_demonym)
        if entity.type in STATE_TYPES and people:
            mention = self._make(ent, self._people(entity, text, ent.doc), kind)
            mention.label = ent.label_
            return mention
        city = self._capital_as_place(entity, text, ent.root)
        if city is entity and entity.type == "place" and not locative(ent.root):
            state = self.state_of(entity)
            if state is not None:
                mention = self._make(ent, state, "name")
                mention.label = ent.label_
                return mention
        actor = self._from_kb(city)
        mention = self._make(ent, actor, kind)
        mention.label = ent.label_
        if entity.type == "person" and self.actors[actor].affiliation is None:
            self.actors[actor].affiliation = self._title_state(ent)
        return mention

    def _known(self, word: str) -> KBEntity | None:
        return self.lookup(word, demonym=True)

    def _people(self, state: KBEntity, text: str, doc: Any) -> str:
        """The people of ``state`` named by a plural demonym (:mod:`parallax.actors.peoples`).

        Where the article's own "Georgia" is the US state, so are its Georgians.
        """
        actor_id = people_id(state.id)
        if article_means_us_state(doc, state.name):
            actor_id = people_id(f"{slug(state.name)}-us-state")
        if actor_id not in self.actors:
            self.actors[actor_id] = ActorInfo(actor_id, people_name(text), "group", None)
        return actor_id

    def _capital_as_place(self, entity: KBEntity, text: str, root: Any) -> KBEntity:
        if entity.type not in STATE_TYPES:
            return entity
        if not capital_as_place(root) and not before_its_state(root, entity, self.lookup):
            return entity
        return city_named(self.kb, text, self._capitals) or entity

    def _state_named_as_person(self, ent: Any, text: str) -> KBEntity | None:
        """The state a one-word "person" names by another name ("Kyiv"), if it is one."""
        found = self.kb.lookup(text)
        if not state_named_as_person(ent, text, found, STATE_TYPES, TITLES | PERSON_NOUNS):
            return None
        return next(e for e in found if e.type in STATE_TYPES)

    def _person_entity(self, ent: Any, text: str, leads: str = "") -> KBEntity | None:
        """The knowledge-base person a PERSON mention names, only on evidence.

        A full name (two words or more) links when it names one person, or when a year in
        its sentence or the publication date falls in the office of exactly one of the
        people it names ("President George Bush, in office in 1991," is the elder Bush). A
        single word ("Carter") links only when a title before it names an office the person held
        ("President Carter"), the phrase it modifies is one a head of state or government
        leads (``leads``: "the Biden administration"), or the person held office at that
        time for a state or body the article names (:mod:`parallax.actors.surname_links`);
        otherwise it stays local, and :func:`unify_surnames` joins it to the article's own
        full mention of that name. "Ash Carter" never links to Jimmy Carter.
        """
        full_name = len(text.split()) > 1
        people = [e for e in self.kb.lookup(text) if e.type == "person"]
        if not people and full_name:
            people = spelled_otherwise(self.kb, text)
        if not people:
            return None
        year = sentence_year(ent)
        fits_year = []
        if year is not None:
            day = date(year, 7, 1)
            fits_year = [
                p for p in people if in_office(self.kb, p, day, OFFICE_PROPERTIES, exact=True)
            ]
            people = fits_year or people
        if len(people) > 1 and self.when is not None:
            people = [p for p in people if in_office(self.kb, p, self.when, OFFICE_PROPERTIES)]
        if len(people) != 1:
            return None
        person = people[0]
        surname = (person.id, text.split()[-1].lower())
        if surname in self._refused:
            return None  # the article's own title said this surname is someone else
        if person not in fits_year and not self._title_allows(ent, person):
            self._refused.add(surname)
            return None
        if full_name or person in fits_year:
            return person
        offices = offices_held(self.kb, person, OFFICE_PROPERTIES)
        if leads in LED_BY_HEADS and offices & TITLE_OFFICES["president"]:
            return person
        if title_names_an_office(ent, offices) or self._in_office_then(person, ent.doc):
            return person
        when = self.when
        sitting = when is not None and leader_by_surname_alone(self.kb, person, when, ent.doc)
        return person if sitting else None

    def _title_allows(self, ent: Any, person: KBEntity) -> bool:
        """Whether the title before the name, if any, can be this person's (see the module)."""
        title = title_before(ent, self._state_id)
        if title is None:
            return True
        offices = {*OFFICE_PROPERTIES, *(p for _, ps in domain_pack().office_titles for p in ps)}
        return title_fits(self.kb, person, title, self.when, written_years(ent.doc), offices)

    def _state_id(self, word: str) -> str | None:
        entity = self.lookup(word, demonym=True)
        return entity.id if entity is not None and entity.type == "country" else None

    def _in_office_then(self, person: KBEntity, doc: Any) -> bool:
        """Whether the person served a body the article names on the publication date."""
        if self.when is None:
            return False
        bodies = bodies_named(doc, lambda text: self.lookup(text, demonym=True), ACTOR_LABELS)
        return serves_a_named_body(
            self.kb, person, self.when, bodies, OFFICE_PROPERTIES, OFFICE_MARGIN
        )

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


def _surname_as_subject(token: Any, surnames: dict[str, set[str]]) -> bool:
    """Whether a capitalised word the tagger read as a common noun is a named person's surname.

    "Keir Starmer offered concessions. Starmer won a landslide": the second "Starmer" opens
    its sentence and the tagger takes it for a noun. It is that person when it is the
    surname of exactly one person the article names in full and stands as a subject or an
    owner, where a common noun that happens to be a surname ("Rice prices rose") seldom does.
    """
    return (
        token.pos_ in {"NOUN", "VERB"}  # "Husted conceded": a surname in "-ed" read as a verb
        and token.text[:1].isupper()
        and token.text[1:].islower()
        and len(surnames.get(token.text, set())) == 1
        and token.dep_ in {"nsubj", "nsubjpass", "poss"}
    )
