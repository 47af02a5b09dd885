"""How a speaker is named in a report: the name as written, without what describes it.

The quotes layer shows each quotation's speaker as the article wrote them ("Prime Minister
Ann Varga", "the ombudsman, Jan Novak"), cut to the name: a description, a clause or a
dateline the parser hung on the subject is no part of it.
"""

from __future__ import annotations

from typing import Any

from parallax.actors.datelines import after_dateline


def speaker_phrase(token: Any) -> str:
    """The speaker's name as written: the noun phrase, without what describes it.

    A title takes the name set beside it ("the ombudsman, Jan Novak"); a name keeps no
    description ("Novak, a lawyer who led the inquiry" is shown as "Novak"), and neither
    keeps a clause hung on it. Two names joined by "and" are shown together ("Poland and
    Hungary have said they will seek exemptions").
    """
    doc = token.doc
    opening = after_dateline(doc, token.left_edge.i)
    if token.i < opening:
        # "LONDON (AP) — Prime Minister X said": the parser made the dateline the subject
        # and the speaker its apposition.
        token = next((c for c in token.rights if c.dep_ == "appos" and c.i >= opening), token)
    left = max(token.left_edge.i, opening) if token.i >= opening else token.left_edge.i
    left = max(left, fused_noun_end(token))  # "a step officials said": the officials
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1  # the closing mark and the break the parser took from the paragraph before
    right = name_end(token)
    if token.pos_ != "PROPN":
        for child in token.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                right = name_end(child)
    joined = next((c for c in token.rights if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
    if joined is not None and any(c.dep_ == "cc" and c.lower_ == "and" for c in token.children):
        right = max(right, name_end(joined))  # "Poland and Hungary have said": both speak
    return str(doc[left : right + 1].text)


def name_end(token: Any) -> int:
    """Index of the last word of ``token``'s own name.

    That is its compounds and flat parts, and an "of" with a name that it goes on with
    ("the Bank of England", "the mayor of Tartu").
    """
    right = token.i
    for child in token.rights:
        if child.dep_ in {"compound", "flat"}:
            right = max(right, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ == "of":
            named = [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            if named and child.i == right + 1:
                right = max(right, name_end(named[0]))
    # A name the tagger reads as one, though the parser splits it at a coordination ("the
    # U.S. National Snow and Ice Data Center" parsed as "Snow" and "Ice Data Center").
    doc = token.doc
    while token.ent_iob_ != "O" and right + 1 < len(doc) and doc[right + 1].ent_iob_ == "I":
        right += 1
    return int(right)


SINGULAR_DETERMINERS = frozenset({"a", "an", "another", "each", "every"})


def fused_noun_end(token: Any) -> int:
    """Where a plural subject starts that the parser fused with a noun before it, else 0.

    "..., a step officials said could help": news drops the "that" of a relative clause
    whose subject is a speaker, and the parser then reads "a step officials" as one noun
    phrase. A singular determiner cannot go with a plural head, so the singular nouns after
    it are the phrase the clause describes, and the speakers start after them.
    """
    if token.tag_ not in {"NNS", "NNPS"}:
        return 0
    if not any(c.dep_ == "det" and c.lower_ in SINGULAR_DETERMINERS for c in token.lefts):
        return 0
    singular = [c for c in token.lefts if c.dep_ == "compound" and c.tag_ == "NN"]
    return max(c.right_edge.i for c in singular) + 1 if singular else 0
