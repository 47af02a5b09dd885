"""Where a name ends: a noun chunk the parser cut out of a longer named entity.

The parser's noun chunks and the tagger's entities disagree on long names ("the Alliance of
Small Island States" is one organisation to the tagger, two chunks to the parser); a chunk
looked up on its own may then be another body's alias. Kept apart from the mention rules
so they stay readable.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

NAME_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
"""Entity labels that name a party (a time the tagger runs over a name is none)."""


def inside_longer_name(chunk: Any) -> bool:
    """Whether the chunk's head lies in a named entity that runs on past the chunk.

    The parser cuts "the Alliance of Small Island States" into "the Alliance" and "Small
    Island States"; the first alone is an alias of another body. The entity pass reads the
    whole name.
    """
    root = chunk.root
    if root.ent_type_ not in NAME_LABELS:
        return False  # a tagger's "Kyiv overnight" (a time) is no longer name
    ent = next((e for e in root.doc.ents if e.start <= root.i < e.end), None)
    return ent is not None and (ent.end > chunk.end or ent.start < chunk.start)


def inside_a_place_name(chunk: Any) -> bool:
    """Whether the chunk lies inside a longer location's name ("the Gulf of *Mexico*").

    A country named in a sea's, a gulf's or a region's name ("the Sea of Azov", "the Horn
    of Africa") is part of where something is, not the country; the entity pass reads the
    whole name.
    """
    root = chunk.root
    if root.ent_type_ != "LOC":
        return False
    ent = next((e for e in root.doc.ents if e.start <= root.i < e.end), None)
    return ent is not None and (ent.end > chunk.end or ent.start < chunk.start)


LEADING_TITLES = frozenset(
    {
        *("chair", "chairman", "chairwoman", "governor", "gov", "senator", "sen"),
        *("representative", "rep", "general", "gen", "judge", "justice", "commissioner"),
        *("secretary", "minister", "president", "mayor", "director", "ambassador"),
        *("admiral", "adm", "colonel", "col", "captain", "capt", "lieutenant", "lt"),
        *("sergeant", "sgt", "sheriff", "speaker", "chancellor", "premier", "professor"),
        *("prof", "coach", "dr", "pope", "king", "queen", "prince", "princess"),
        *("assemblyman", "assemblywoman", "assemblymember", "congressman", "congresswoman"),
        *("councilman", "councilwoman", "councillor", "councilor", "alderman", "attorney"),
        *("vice", "prime", "deputy", "rabbi", "rev", "reverend", "bishop", "archbishop"),
        *("detective", "trooper", "officer", "sheikh", "ayatollah", "treasurer"),
        *("comptroller", "controller", "auditor", "superintendent", "inspector", "marshal"),
        *("constable", "clerk", "magistrate", "delegate", "lawmaker", "legislator"),
    }
)
"""Titles (and their abbreviations) written before a name, never part of it."""


def name_of_entity(ent: Any) -> Any:
    """An entity cut to the name: no title, office, apposition or sum the tagger ran into it."""
    return without_trailing_amount(before_apposition(without_leading_title(after_office(ent))))


OFFICES_OF = frozenset({"secretary", "minister", "commissioner", "undersecretary"})
"""Title nouns whose "of" names the office's department ("Secretary of State")."""


def after_office(ent: Any) -> Any:
    """A person's name without the department of the office before it, as a person.

    In "Secretary of State Adrian Fontes" the tagger may run the department into the name
    and call the whole an organisation ("State Adrian Fontes"). A run of at least three
    proper nouns right after "<office> of" is the office's department followed by a name;
    the name is taken to be its last two words, as most are.
    """
    doc = ent.doc
    if ent.start < 2 or len(ent) < 3 or doc[ent.start - 1].lower_ != "of":
        return ent
    if doc[ent.start - 2].lemma_.lower() not in OFFICES_OF:
        return ent
    if not all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in ent):
        return ent
    return Span(doc, ent.end - 2, ent.end, label="PERSON")


def without_leading_title(ent: Any) -> Any:
    """A person's entity without the titles the tagger ran into it ("Chair Jerome Powell").

    The small tagger sometimes starts a name at a capitalised title; the name is what
    follows. At least one token of name is kept, and a span of only a title stays as it is.
    """
    if ent.label_ != "PERSON":
        return ent
    start = ent.start
    doc = ent.doc
    while start < ent.end - 1 and doc[start].lower_.rstrip(".") in LEADING_TITLES:
        start += 1
    while start < ent.end - 1 and doc[start].text == ".":
        start += 1
    if start == ent.start:
        return ent
    return Span(doc, start, ent.end, label="PERSON")


NAME_SUFFIXES = frozenset({"jr", "sr", "inc", "ltd", "llc", "plc", "co", "corp", "ag", "sa", "nv"})
"""Words written after a comma that still belong to the name ("King, Jr.", "Acme, Inc.")."""


def before_apposition(ent: Any) -> Any:
    """A name without the apposition the tagger ran into it ("Eskom, South Africa's").

    The small tagger sometimes carries a name on over a comma into the phrase that
    describes it ("Eskom, South Africa's utility" tagged as one organisation up to the
    possessive), so the actor would be named after two parties. A person's or a body's
    name holds no comma except before a suffix such as "Jr." or "Inc."; the name is what
    comes before it. Places keep theirs ("Bangkok, Thailand" is read elsewhere).
    """
    if ent.label_ not in {"ORG", "PERSON", "NORP"}:
        return ent
    for token in ent[1:]:
        if token.text != ",":
            continue
        rest = [t for t in ent[token.i - ent.start + 1 :] if not t.is_punct]
        if rest and rest[0].lower_.rstrip(".") not in NAME_SUFFIXES:
            return Span(ent.doc, ent.start, token.i, label=ent.label_)
        return ent
    return ent


AMOUNT_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "bn", "m"})


def without_trailing_amount(ent: Any) -> Any:
    """A name without the sum the tagger ran into it ("fined Voss Chemie 4.2 million euros").

    After a verb with two objects the small tagger sometimes carries a name on into the
    amount that follows it. A number ends a name ("Formula 1", "Channel 4", "Boeing 737"),
    but a sum does not: a run of numbers closing the name with a decimal point or a
    word of scale ("million") in it, or with a sign of currency, is cut off, as long as a
    word of the name is left.
    """
    if ent.label_ not in {"ORG", "PERSON", "NORP"}:
        return ent
    end = ent.end
    while end - 1 > ent.start and (
        ent.doc[end - 1].like_num
        or ent.doc[end - 1].lower_ in AMOUNT_SCALES
        or ent.doc[end - 1].is_currency
    ):
        end -= 1
    if end == ent.end:
        return ent
    cut = ent.doc[end : ent.end]
    if not any("." in t.text or t.lower_ in AMOUNT_SCALES or t.is_currency for t in cut):
        return ent
    return Span(ent.doc, ent.start, end, label=ent.label_)
