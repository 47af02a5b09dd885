"""Organisation anaphors ("the alliance", "the bloc") bound to the one the article named.

Sentences written for these tests (issue 17): an organisation named in one sentence and
referred to by its kind in a later one, and the shapes where the words do not say which one
is meant (two that fit, none that fits), which are left unbound.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from parallax.claims.grammar import ArticleOrganisations, read_claims
from parallax.claims.model import Claim
from parallax.factcheck import open_knowledge

KB = open_knowledge()
DAY = date(2026, 9, 14)


def _claims(*sentences: str) -> list[Claim]:
    """The claims of the last sentence, read after the ones before it, as an article's."""
    organisations = ArticleOrganisations()
    for sentence in sentences[:-1]:
        organisations.read(sentence, KB)
    return read_claims(sentences[-1], KB, organisations.context(DAY))


def _organisation_ids(claims: list[Claim]) -> set[str | None]:
    ids = {c.object.id for c in claims if c.object is not None}
    ids |= {p.id for c in claims for p in c.subjects if p.type == "organisation"}
    return ids


def test_the_alliance_is_the_one_alliance_the_article_named() -> None:
    claims = _claims(
        "Defence ministers of NATO and officials of the European Union gathered in Oslo.",
        "The alliance now has 29 members, an aide said.",
    )
    counts = [c for c in claims if c.relation == "member_count"]
    assert counts and _organisation_ids(counts) == {"nato"}


def test_the_bloc_after_two_blocs_is_left_unbound() -> None:
    claims = _claims(
        "Envoys from NATO and the European Union met in Tallinn.",
        "The bloc has 25 members, an envoy said.",
    )
    assert not _organisation_ids(claims) - {None}


def test_an_anaphor_of_another_kind_is_not_bound_to_the_last_organisation() -> None:
    # the United Nations is no alliance: "the alliance" is not about it
    claims = _claims(
        "The United Nations asked for a truce on Sunday.",
        "The alliance was founded in 1961 and has 14 members.",
    )
    assert "united-nations" not in _organisation_ids(claims)


def test_the_union_is_the_union_the_article_named_before_another_organisation() -> None:
    claims = _claims(
        "Farm ministers of the European Union met on Friday.",
        "The United Nations food agency sent observers.",
        "The union has 31 members, the chair said.",
    )
    counts = [c for c in claims if c.relation == "member_count"]
    assert counts and _organisation_ids(counts) == {"european-union"}


def test_a_dateline_city_is_no_organisation_named() -> None:
    organisations = ArticleOrganisations()
    organisations.read("BRUSSELS (Wire) - Ministers of NATO met on Monday.", KB)
    assert [p.id for p in organisations.named] == ["nato"]
    claims = read_claims("BRUSSELS (Wire) - Ministers of NATO met on Monday.", KB)
    assert "european-union" not in _organisation_ids(claims)


@pytest.fixture(scope="module")
def nlp() -> Any:
    from parallax.spacy_model import load_spacy

    return load_spacy()


def test_an_organisation_the_knowledge_base_does_not_list_makes_the_organisation_ambiguous(
    nlp: Any,
) -> None:
    # the rights group is the organisation meant; it is not in the knowledge base, but the
    # parse names it, so "the organisation" is not taken for NATO
    sentences = [
        "NATO envoys met in Oslo on Friday.",
        "Amnesty International criticised the talks.",
        "The organisation has 10 million members, a spokesperson said.",
    ]
    organisations = ArticleOrganisations()
    for sentence in sentences[:-1]:
        organisations.read(sentence, KB, list(nlp(sentence)))
    claims = read_claims(sentences[-1], KB, organisations.context(DAY))
    assert not _organisation_ids(claims) - {None}
    # without another organisation in the story, it is NATO
    alone = ArticleOrganisations()
    alone.read(sentences[0], KB, list(nlp(sentences[0])))
    claims = read_claims(sentences[-1], KB, alone.context(DAY))
    assert _organisation_ids(claims) == {"nato"}


def test_a_union_the_article_introduces_is_not_the_one_it_named() -> None:
    # "the union representing dockers" describes a new one; the one named stays unbound
    claims = _claims(
        "The European Union proposed port rules on Monday.",
        "The union representing dockers has 4,000 members, its leader said.",
    )
    assert not _organisation_ids(claims) - {None}
    # once the dockers' union is in the story, a bare "the union" may mean either
    claims = _claims(
        "The European Union proposed port rules on Monday.",
        "The dockers' union called a strike.",
        "The union has 4,000 members, its leader said.",
    )
    assert not _organisation_ids(claims) - {None}


def _parsed_claims(nlp: Any, *sentences: str) -> list[Claim]:
    """As :func:`_claims`, with each sentence's parse, as the claims component reads them."""
    organisations = ArticleOrganisations()
    for sentence in sentences[:-1]:
        organisations.read(sentence, KB, list(nlp(sentence)))
    last = sentences[-1]
    return read_claims(last, KB, organisations.context(DAY), parse=list(nlp(last)))


def test_a_kind_word_alone_is_no_name_of_the_organisation() -> None:
    from parallax.claims.linking import find_mentions

    # "the Union" and "the Alliance" are aliases; written alone they name a kind, not one body
    for text in ("Union President Ana Ruiz said talks had stalled.", "The Union voted."):
        assert not [m for m in find_mentions(text, KB) if m.entity.id == "european-union"]
    # capitalised or not, the words are bound by the article, as "the union" is
    claims = _claims(
        "The European Union set new steel tariffs on Monday.",
        "The Union has 27 members, an official said.",
    )
    assert _organisation_ids(claims) == {"european-union"}


def test_an_anaphor_dated_by_a_preposition_is_still_bound() -> None:
    # "in 2009" dates the joining; it does not restrict which alliance ("the union in Ohio")
    claims = _claims("Croatia joined the alliance in 2009.")
    assert _organisation_ids(claims) == {"nato"}
    assert _organisation_ids(_claims("Croatia joined the Union in 2013.")) == {"european-union"}


@pytest.mark.parametrize(
    "sentences",
    [
        # a body named after the people it gathers, in an earlier sentence or the same one
        (
            "The European Union set new steel tariffs on Monday.",
            "The United Auto Workers went on strike at three plants.",
            "The union has 400,000 members, its president said.",
        ),
        (
            "The European Union set new steel tariffs on Monday.",
            "The United Auto Workers widened the strike, and the union now has 400,000 members.",
        ),
        # "union" modifying a noun is the common noun: a trade union is in the story
        (
            "The European Union set new steel tariffs on Monday.",
            "Union leaders said the talks had stalled.",
            "The union has 400,000 members, its president said.",
        ),
    ],
)
def test_a_trade_union_in_the_story_leaves_the_union_unbound(
    nlp: Any, sentences: tuple[str, ...]
) -> None:
    claims = _parsed_claims(nlp, *sentences)
    assert [c for c in claims if c.relation == "member_count"]
    assert not _organisation_ids(claims) - {None}


def test_a_sentence_naming_an_unlisted_organisation_borrows_none(nlp: Any) -> None:
    # the count is the Teamsters', not NATO's, though NATO is the last organisation named
    claims = _parsed_claims(
        nlp, "NATO leaders met in Vilnius on Monday.", "The Teamsters have 1.3 million members."
    )
    assert not _organisation_ids(claims) - {None}


def test_an_unnamed_organisation_is_not_borrowed_once_the_article_named_two() -> None:
    # NATO, then the Warsaw Pact four sentences later: "joined" names neither
    sentences = (
        "NATO leaders met in Vilnius on Wednesday.",
        "The summit opened with a parade.",
        "The Warsaw Pact, formed in 1955, dissolved in 1991.",
        "Germany reunified in 1990.",
        "Officials spoke of the Cold War.",
        "Sweden joined in 2024 after a two-year wait.",
    )
    joined = [c for c in _claims(*sentences) if c.relation == "member_of"]
    assert not _organisation_ids(joined) - {None}
    # with one organisation in the story, it is that one
    alone = [c for c in _claims(sentences[0], sentences[-1]) if c.relation == "member_of"]
    assert _organisation_ids(alone) == {"nato"}


def test_the_alliances_founding_date_is_checked_with_its_founders() -> None:
    from parallax.factcheck import Checker

    claims = _claims(
        "Sweden joined NATO in 2024.",
        "The alliance was founded in 1951 by 12 countries.",
    )
    founders = [c for c in claims if c.relation == "founding_member"]
    assert founders, claims
    verdict = Checker(today=DAY).check(founders[0])
    assert verdict.verdict == "contradicted", verdict
