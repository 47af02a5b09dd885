"""Roles on real war news stay as good as a reader judged them (issue 16).

``parallax_dev/data/role_judgements.jsonl`` holds a reader's role for every actor named three
or more times in a fixed choice of Ukraine-crisis (2014) and climate articles, given in the
article's own voice and *neutral* when the article casts no role
(:mod:`parallax_dev.evaluation.judged_roles`; ids, offsets and our own reasons only). This
test runs the product's components, up to portrayal, over the judged war articles (the
climate ones too would take the test past its time budget; ``parallax-dev eval
portrayal-judged`` scores all of them) and holds the roles it shows to what was measured:
accuracy with *neutral* may not fall, and the number of roles it asserts that the reader
judged wrong may not grow.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import shared_path
from parallax_dev.evaluation.judged_roles import WAR_ACCURACY, WRONG_RATCHET
from parallax_dev.evaluation.portrayal_runs import UPSTREAM

pytestmark = pytest.mark.shared

WRONG_ASSERTED = WRONG_RATCHET
"""Ratchet: roles shown on the judged war actors that the reader judged wrong (its history
is with :data:`parallax_dev.evaluation.judged_roles.WRONG_RATCHET`, which the generated
docs quote)."""
COMPONENTS = (*UPSTREAM, "genre", "portrayal")
"""What the portrayal step needs, as ``parallax analyze`` runs it (the later components do
not change actors)."""


@pytest.fixture(scope="module")
def shown() -> list[tuple[Any, str]]:
    """Each judged war actor with the role the pipeline shows now."""
    import parallax
    from parallax.model import Article
    from parallax_dev.evaluation import judged_roles

    shared_path("datasets", "narrative_frames_corpus")  # the judged climate articles' source
    shared = shared_path("inputs", "ukraine-crisis-news-bias").parent.parent
    texts = judged_roles.articles(shared)
    judgements = [j for j in judged_roles.load() if not j.part and j.input.startswith("ukraine/")]
    keys = sorted({j.input for j in judgements})
    changed = [k for k in keys if judged_roles.text_sha(texts[k]) != _sha(judgements, k)]
    assert not changed, (
        f"these judged articles now read as different text, so their labels no longer apply: "
        f"{changed}; judge them again (parallax_dev.evaluation.judged_roles)"
    )
    pipeline = parallax.load(list(COMPONENTS))
    analyses = pipeline.pipe([Article(text=texts[k], source=k, language="en") for k in keys])
    actors = {a.article.source: a.layers["actors"] for a in analyses}
    return [(j, r) for j, r in judged_roles.pairs_of(judgements, actors)]


def _sha(judgements: list[Any], key: str) -> str:
    return str(next(j.article_sha for j in judgements if j.input == key))


def test_roles_on_judged_war_news_hold_their_accuracy(shown: list[tuple[Any, str]]) -> None:
    right = sum(1 for j, role in shown if j.label == role)
    assert right / len(shown) >= WAR_ACCURACY, f"{right} of {len(shown)} judged actors right"


def test_no_more_roles_judged_wrong_are_shown(shown: list[tuple[Any, str]]) -> None:
    wrong = [
        f"{j.input} {j.start}-{j.end}: shown {role}, judged {j.label}"
        for j, role in shown
        if role != "neutral" and role != j.label
    ]
    assert len(wrong) <= WRONG_ASSERTED, "\n".join(wrong)


def test_every_judged_article_reads_as_the_text_that_was_judged() -> None:
    from parallax_dev.evaluation import judged_roles

    shared = shared_path("inputs", "ukraine-crisis-news-bias").parent.parent
    shared_path("datasets", "narrative_frames_corpus")
    texts = judged_roles.all_articles(shared)
    judgements = judged_roles.load()
    changed = sorted(
        {j.input for j in judgements if judged_roles.text_sha(texts[j.input]) != j.article_sha}
    )
    assert not changed, f"judged articles whose text changed since judged: {changed}"
