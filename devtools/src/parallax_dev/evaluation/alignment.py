"""``parallax-dev eval alignment``: how often cross-source alignment is right on real stories.

BASIL (Fan et al., 2019) tells each of 100 stories from 2010-2019 three times (New York
Times, Fox News, HuffPost); the shared copy has the 70 stories of 2010-2016. Every story's
three articles are analysed as ``parallax compare`` analyses them, aligned, and every
``same`` and ``contradiction`` pair was read by hand and labelled correct or incorrect. The
labels are ids, offsets and our own short reasons in ``data/alignment_judgements.jsonl``
(never the articles' text); a pair nobody judged counts as incorrect, so the precision can
only be trusted downward. Pairs the word-overlap alignment gave before (``system``) are kept
labelled too, so that a wrong one never comes back.

Recall is measured on facts that all three outlets of a story report, picked by hand from
a sample of stories (``data/alignment_shared_facts.jsonl``): a fact counts as aligned when
some two outlets' sentences stating it are aligned as ``same``.
"""

from __future__ import annotations

import ast
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from parallax.record import ArticleRecord
from parallax_dev.evaluation import verdicts
from parallax_dev.evaluation.judged_spans import JudgedIndex

JUDGEMENTS = "alignment_judgements.jsonl"
ALLSIDES_SAMPLE = 100
"""AllSides stories whose "same" pairs were all read (a seeded draw from the 505 stories)."""
ALLSIDES_SEED = 17
SHARED_FACTS = "alignment_shared_facts.jsonl"
TITLE = "Cross-source alignment on real stories (BASIL, hand-judged)"
KINDS = ("same", "contradiction")
COMPONENTS = ("parse", "sentences", "embed", "times", "statements", "claims", "factcheck")
"""What ``parallax compare`` needs for alignment: sentence types and structured claims."""


@dataclass(frozen=True)
class StoryArticle:
    """One BASIL article: its file name (the id), story, outlet, title, date and text."""

    article: str
    story: str
    outlet: str
    title: str
    source: verdicts.Source


def stories(shared: Path, wanted: set[str] | None = None) -> dict[str, list[StoryArticle]]:
    """BASIL's articles grouped by story (only the ``wanted`` story ids if given).

    Raises:
        FileNotFoundError: the BASIL folder is missing.
    """
    folder = shared / "inputs" / "basil-media-bias" / "articles"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is missing; pass --shared pointing at the shared data")
    meta = {}
    for path in sorted(folder.glob("*/*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        meta[path.name] = (row.get("triplet-uuid"), row.get("source"), row.get("title"))
    grouped: dict[str, list[StoryArticle]] = defaultdict(list)
    for source in verdicts.corpus(shared, {("basil", name) for name in meta}):
        story, outlet, title = meta[source.article]
        if wanted is None or story in wanted:
            grouped[str(story)].append(
                StoryArticle(source.article, str(story), str(outlet), str(title), source)
            )
    return {story: sorted(items, key=lambda a: a.article) for story, items in grouped.items()}


def allsides_stories(shared: Path, wanted: set[str] | None = None) -> dict[str, list[StoryArticle]]:
    """AllSides round-ups as stories: one excerpt each from a left, centre and right outlet.

    The story id is ``allsides:<round-up id>`` and an article's ``allsides:<id>:<side>``, so
    judgements of both corpora share one file and one key.

    Raises:
        FileNotFoundError: the AllSides folder is missing.
    """
    folder = shared / "inputs" / "allsides-roundups-neus"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is missing; pass --shared pointing at the shared data")
    meta = {}
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                news = row.get("news") or {}
                if isinstance(news, str):
                    news = ast.literal_eval(news)
                for side, item in news.items():
                    meta[f"{row['id']}:{side}"] = (
                        str(item.get("newsSource")),
                        item.get("newsTitle"),
                    )
    grouped: dict[str, list[StoryArticle]] = defaultdict(list)
    for source in verdicts.corpus(shared, {("allsides", name) for name in meta}):
        story = "allsides:" + source.article.split(":")[0]
        if wanted is not None and story not in wanted:
            continue
        outlet, title = meta[source.article]
        article = f"allsides:{source.article}"
        grouped[story].append(StoryArticle(article, story, outlet, str(title or ""), source))
    return {
        story: sorted(items, key=lambda a: a.article)
        for story, items in grouped.items()
        if len({a.outlet for a in items}) >= 2
    }


def analyse_stories(grouped: dict[str, list[StoryArticle]]) -> dict[str, list[ArticleRecord]]:
    """Each story's articles analysed as ``parallax compare`` analyses them (report records)."""
    from parallax.components import load
    from parallax.model import Article
    from parallax.report.json_report import analysis_record

    pipeline = load(list(COMPONENTS))
    ordered = sorted(grouped.items())
    # One pipe over every article: the pipeline batches across stories, which is several
    # times faster than a call per three-article story.
    articles = [
        Article(
            text=a.source.text,
            source=a.article if ":" in a.article else f"basil:{a.article}",
            date=a.source.date,
            title=a.title,
            outlet=a.outlet,
        )
        for _, items in ordered
        for a in items
    ]
    analysed = iter([analysis_record(analysis) for analysis in pipeline.pipe(articles)])
    return {story: [next(analysed) for _ in items] for story, items in ordered}


def story_pairs(
    story: str, items: Sequence[StoryArticle], records: Sequence[ArticleRecord]
) -> list[dict[str, Any]]:
    """The ``same`` and ``contradiction`` pairs of one analysed story, with ids and offsets."""
    from parallax.comparison.alignment import align

    names = {r["id"]: a.article for r, a in zip(records, items, strict=True)}
    spans = {(r["id"], s["id"]): (s["start"], s["end"]) for r in records for s in r["sentences"]}
    pairs = []
    for alignment in align(story, records):
        if alignment["kind"] not in KINDS:
            continue
        first, second = alignment["items"]
        a_span = spans[(first["article_id"], first["sentence_id"])]
        b_span = spans[(second["article_id"], second["sentence_id"])]
        pairs.append(
            {
                "story": story,
                "kind": alignment["kind"],
                "basis": alignment.get("basis"),
                "a": [names[first["article_id"]], *a_span],
                "b": [names[second["article_id"]], *b_span],
                "reason": alignment["reason"],
                "texts": [first["text"], second["text"]],
            }
        )
    return pairs


def align_stories(grouped: dict[str, list[StoryArticle]]) -> list[dict[str, Any]]:
    """Analyse each story's articles and return every ``same`` and ``contradiction`` pair."""
    analysed = analyse_stories(grouped)
    return [
        pair
        for story, items in sorted(grouped.items())
        for pair in story_pairs(story, items, analysed[story])
    ]


def _read(name: str, path: Path | None) -> list[dict[str, Any]]:
    if path is None:
        text = resources.files("parallax_dev.data").joinpath(name).read_text("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def read_judgements(path: Path | None = None) -> list[dict[str, Any]]:
    """The hand labels of aligned pairs (the project's file unless ``path`` names another)."""
    return _read(JUDGEMENTS, path)


def read_shared_facts(path: Path | None = None) -> list[dict[str, Any]]:
    """Facts all three outlets of a story report, with where each outlet states them."""
    return _read(SHARED_FACTS, path)


def labels(judgements: Iterable[dict[str, Any]]) -> JudgedIndex[tuple[str, str, str]]:
    """The judgements, found for a pair whose sentences' ends moved a little since.

    See :mod:`parallax_dev.evaluation.judged_spans`.
    """
    return JudgedIndex(
        judgements,
        lambda p: (str(p["kind"]), str(p["a"][0]), str(p["b"][0])),
        lambda p: ((int(p["a"][1]), int(p["a"][2])), (int(p["b"][1]), int(p["b"][2]))),
    )


@dataclass
class AlignmentScores:
    """Judged pairs per kind, by basis, the unjudged ones, and recall of shared facts."""

    total: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    by_basis: Counter[tuple[str, str]] = field(default_factory=Counter)
    correct_by_basis: Counter[tuple[str, str]] = field(default_factory=Counter)
    unjudged: list[dict[str, Any]] = field(default_factory=list)
    wrong_again: list[dict[str, Any]] = field(default_factory=list)
    stories: int = 0
    facts: int = 0
    facts_aligned: int = 0
    model: dict[str, list[int]] = field(default_factory=dict)
    """The entailment model on the judged pairs: label -> [model agrees, pairs]."""
    allsides: AlignmentScores | None = None
    """The same scores on AllSides round-ups (contradictions in every story, "same" pairs
    in the judged sample of stories)."""
    ruwa: AlignmentScores | None = None
    """The same scores on RUWA's Ukraine-war event-days (every contradiction, "same" pairs
    in the judged sample of pairs)."""

    def precision(self, kind: str) -> float | None:
        """Share of ``kind`` pairs judged correct (None when none was given)."""
        return self.correct[kind] / self.total[kind] if self.total[kind] else None

    def recall(self) -> float | None:
        """Share of the hand-picked shared facts aligned between some two outlets."""
        return self.facts_aligned / self.facts if self.facts else None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready scores."""
        return {
            "stories": self.stories,
            **{
                kind: {
                    "pairs": self.total[kind],
                    "correct": self.correct[kind],
                    "precision": self.precision(kind),
                }
                for kind in KINDS
            },
            "by_basis": {
                f"{kind}/{basis}": [self.correct_by_basis[(kind, basis)], given]
                for (kind, basis), given in sorted(self.by_basis.items())
            },
            "unjudged": len(self.unjudged),
            "wrong_again": len(self.wrong_again),
            "shared_facts": self.facts,
            "shared_facts_aligned": self.facts_aligned,
        }


def _connected(pairs: Iterable[dict[str, Any]], fact: dict[str, Any]) -> bool:
    mentions = [tuple(m) for m in fact["mentions"]]
    for pair in pairs:
        if pair["kind"] != "same" or pair["story"] != fact["story"]:
            continue
        a, b = tuple(pair["a"]), tuple(pair["b"])
        if any(_covers(m, a) for m in mentions) and any(_covers(m, b) for m in mentions):
            return True
    return False


def _covers(mention: tuple[Any, ...], sentence: tuple[Any, ...]) -> bool:
    """Whether an aligned sentence overlaps where an outlet states the fact."""
    return bool(mention[0] == sentence[0] and mention[1] < sentence[2] and sentence[1] < mention[2])


def score(
    pairs: Sequence[dict[str, Any]],
    judgements: Iterable[dict[str, Any]],
    facts: Sequence[dict[str, Any]] = (),
    stories_seen: int = 0,
) -> AlignmentScores:
    """Precision of each kind (an unjudged pair counts as incorrect) and shared-fact recall."""
    judged_pairs = labels(judgements)
    result = AlignmentScores(stories=stories_seen)
    for pair in pairs:
        kind, basis = pair["kind"], str(pair.get("basis"))
        result.total[kind] += 1
        result.by_basis[(kind, basis)] += 1
        judged = judged_pairs.get(pair)
        if judged is None:
            result.unjudged.append(pair)
            continue
        if judged["label"] == "correct":
            result.correct[kind] += 1
            result.correct_by_basis[(kind, basis)] += 1
        else:
            result.wrong_again.append(pair)
    result.facts = len(facts)
    result.facts_aligned = sum(_connected(pairs, fact) for fact in facts)
    return result


def model_on_judged(
    grouped: dict[str, list[StoryArticle]], judgements: Sequence[dict[str, Any]]
) -> dict[str, list[int]]:
    """How the entailment model alone would judge the hand-labelled pairs.

    For pairs judged to say the same thing (and those judged not to), how many the model
    finds entailed both ways (each way at least 0.5); for pairs judged a contradiction (and
    those judged not), how many it calls a contradiction either way (at least 0.5).
    """
    from parallax.knowledge.entailment import LABELS, judge_many

    texts = {a.article: a.source.text for items in grouped.values() for a in items}
    usable = [j for j in judgements if j["a"][0] in texts and j["b"][0] in texts]
    if not usable:
        return {}
    first = [texts[j["a"][0]][j["a"][1] : j["a"][2]] for j in usable]
    second = [texts[j["b"][0]][j["b"][1] : j["b"][2]] for j in usable]
    forward = judge_many(list(zip(first, second, strict=True)))
    backward = judge_many(list(zip(second, first, strict=True)))
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for judged, one, other in zip(usable, forward, backward, strict=True):
        if judged["kind"] == "same":
            agrees = min(one["scores"][LABELS[0]], other["scores"][LABELS[0]]) >= 0.5
        else:
            agrees = max(one["scores"][LABELS[1]], other["scores"][LABELS[1]]) >= 0.5
        name = f"{judged['kind']} judged {judged['label']}"
        found[name][0] += int(agrees)
        found[name][1] += 1
    return dict(found)


def allsides_sample(story_ids: Iterable[str]) -> set[str]:
    """The AllSides stories whose every "same" pair is judged: a seeded random draw."""
    import random

    ordered = sorted(story_ids)
    # A shuffled order's prefix: a larger sample keeps every story of a smaller one.
    random.Random(ALLSIDES_SEED).shuffle(ordered)
    return set(ordered[:ALLSIDES_SAMPLE])


def allsides_scope(pairs: Iterable[dict[str, Any]], sample: set[str]) -> list[dict[str, Any]]:
    """The AllSides pairs that are judged: every contradiction, and "same" in the sample."""
    return [p for p in pairs if p["kind"] == "contradiction" or p["story"] in sample]


CORPORA = ("basil", "allsides", "ruwa")


def evaluate(
    shared: Path, corpora: Sequence[str] = CORPORA
) -> tuple[AlignmentScores, list[dict[str, Any]]]:
    """Align every BASIL, AllSides and RUWA story, score the pairs against the labels.

    ``corpora`` picks a subset (the whole run takes about 40 minutes, RUWA most of it); the
    scores of a corpus left out stay empty.
    """
    from parallax_dev.evaluation import alignment_ruwa

    judgements = read_judgements()
    result, pairs = AlignmentScores(), []
    if "basil" in corpora:
        grouped = stories(shared)
        pairs = align_stories(grouped)
        result = score(pairs, judgements, read_shared_facts(), len(grouped))
        result.model = model_on_judged(grouped, judgements)
    more: list[dict[str, Any]] = []
    if "allsides" in corpora:
        roundups = allsides_stories(shared)
        more = allsides_scope(align_stories(roundups), allsides_sample(roundups))
        result.allsides = score(more, judgements, (), len(roundups))
    war: list[dict[str, Any]] = []
    if "ruwa" in corpora:
        days = alignment_ruwa.ruwa_stories(shared)
        war = alignment_ruwa.judged_scope(align_stories(days))
        result.ruwa = score(war, judgements, (), len(days))
    return result, pairs + more + war


def _row(label: str, given: int, correct: int) -> str:
    shown = f"{correct / given:.3f}" if given else "– (none given)"
    return f"| {label} | {given} | {correct} | {shown} |"


def format_markdown(result: AlignmentScores, judgements: list[dict[str, Any]]) -> str:
    """The docs section: precision per kind and basis now, of the old alignment, and recall."""
    from parallax_dev.evaluation import alignment_ruwa

    rows = [_row(f"{kind} (now)", result.total[kind], result.correct[kind]) for kind in KINDS]
    for (kind, basis), given in sorted(result.by_basis.items()):
        rows.append(_row(f"{kind}, {basis}", given, result.correct_by_basis[(kind, basis)]))
    for system in sorted({str(j["system"]) for j in judgements} - {"current"}):
        mine = [j for j in judgements if j["system"] == system and ":" not in j["story"]]
        for kind in KINDS:
            listed = [j for j in mine if j["kind"] == kind]
            if listed:
                right = sum(j["label"] == "correct" for j in listed)
                rows.append(_row(f"{kind} ({system})", len(listed), right))
    recall = result.recall()
    shown = f"{recall:.2f}" if recall is not None else "–"
    model = "; ".join(
        f"{name}: {agreed} of {given}" for name, (agreed, given) in sorted(result.model.items())
    )
    return "\n".join(
        [
            "`parallax compare` aligns the sentences of a story's sources (module "
            "`parallax.comparison.alignment`). **Same** needs a paraphrase (MiniLM cosine at "
            'least 0.8), the same distinctive figure ("97-1", "$716 billion") in two '
            "sentences about the same thing (cosine at least 0.5), or the same run of at least "
            "six quoted words, three of them content words, in both (cosine at least 0.45: "
            "outlets frame one remark differently), or one event told in other words (cosine "
            "at least 0.65, `parallax.comparison.events`: a named actor of both main clauses "
            "and the same weekday named, or the same action of that actor on the same thing; "
            "never with other weekdays, other named speakers or a negation on one side only), "
            "with no contradiction judgement from the "
            "entailment model and no like-named quantity with another value. "
            "**Contradiction** needs two figures that measure the same quantity of the "
            "same event, read from the dependency parse (`parallax.comparison.figures`: the "
            "same measured word, predicate and subject, no conflicting date of the clause, "
            "hedged figures within 20%, the same places and times of the clause), two sums "
            "for one committed package whatever verb tells it (`parallax.comparison.pledges`: "
            "'pledged' or 'will send', the same currency, giver, recipient and thing, aid "
            "of the same kind, no other day; never a total, a rate, a further tranche, a "
            "delivery or a plan), structured "
            "claims with the same subject and relation and different values, or two "
            "nationalities named as the attacker of one place (`parallax.comparison.strikes`). "
            "Word overlap, a negation cue or the entailment model alone never make one.",
            "",
            f"All {result.stories} BASIL stories in ../shared (three outlets each) were "
            "aligned; every pair given was read and labelled by hand (ids, offsets and our own "
            f"reasons in `devtools/src/parallax_dev/data/{JUDGEMENTS}`; a pair without a label "
            "counts as incorrect). The rows marked with an older system are the pairs the "
            "earlier alignment gave, judged the same way.",
            "",
            "| pairs (alignment) | given | correct | precision |",
            "|---|---:|---:|---:|",
            *rows,
            "",
            f"Pairs without a label: {len(result.unjudged)}; pairs judged wrong that came "
            f"back: {len(result.wrong_again)}. Facts that all three outlets report, picked "
            f"by hand in a sample of stories (`data/{SHARED_FACTS}`): {result.facts}, of "
            f"which {result.facts_aligned} are aligned between at least two outlets (recall "
            f"{shown}). The first 15 were picked in 9 stories; 9 more in 5 other stories were "
            "picked before their alignment was looked at.",
            "",
            "A vote's tally is a figure also when a verb of voting governs it rather than the"
            ' word \'vote\' ("approved the bill 68 to 31", "passed it a day earlier, 241 to '
            '183"; 2026-12-05): on BASIL it added no pair, and on two invented wire reports '
            "of one vote it aligned the House counts. That day a dateline the parser had cut "
            "off as a sentence of its own was joined to its lede; four BASIL pairs judged "
            "right came back with the dateline inside and were judged again (right). All three"
            " corpora were measured again on 2026-12-06, after two more changes: two close "
            'sentences that give different spans of one unit ("lasted 35 days" against "shut '
            'down for 34 days") or name different weekdays are no longer the same (the figure '
            "reader takes those for times, so such paraphrases had slipped through; on BASIL it"
            " withdrew four pairs, three of them judged wrong), and a wire service's date after"
            ' a dateline\'s place ("KYIV, Nov 20 (Reuters) -") is part of the dateline. Two '
            "pairs came up that had no label and were judged: an AllSides House tally told as a"
            " vote and after the verb (right, from the tally rule above), and a RUWA headline "
            "pair (a shelled plant against each side blaming the other; wrong). The RUWA and "
            "AllSides rows below were measured before that session's last merges (claims and "
            "dates read from the story, interview transcripts as their speakers' words); BASIL"
            " and AllSides were checked again after them (`--corpus basil --corpus allsides`).",
            "",
            "Two sentences that state the same values are no longer kept apart because each hangs"
            ' a noun on a different one under other verbs ("more than 4,000 people fled and at '
            'least three died" against "three people died and about 4,000 were evacuated" read as'
            " 4,000 people against three people; 2026-12-06), while the same noun under one verb "
            'with other values ("30 people injured and five killed" against "five injured and 30 '
            'killed") and counts of one verb with places swapped stay apart; and a small value '
            'with a fraction ("3.8 percent", "1.5 degrees") counts as a distinctive shared figure'
            " as a large count does. On twelve invented two-outlet reports (wire, political, war,"
            " climate, business) they aligned 18 of 27 facts told alike, against 15 before, and "
            "no pair that states different figures or swaps them; on BASIL they change no pair (a"
            " looser first version added one right pair, two party posts told with their ranks "
            "under one verb, and also tied swapped counts). On AllSides the fractional"
            " figures added three pairs (an inflation rate reported alike by three outlets, and"
            " the forecast it was set against), each read and judged right: same 133 of 145"
            ' right (0.917), from 130 of 142. A vote\'s tally ("49-50") shared by two sentences'
            " of one story now makes them the same also when the entailment model calls them a"
            ' contradiction (it did on an invented pair of ledes, one outlet\'s "rejected"'
            ' against another\'s "failed"); on BASIL and AllSides it changed no pair.',
            "",
            "Before the shared-event rule (issue 17) the alignment gave 362 same pairs on BASIL, "
            "339 of them right (0.936), and aligned 9 of the 24 facts (0.38). Most facts all "
            "three outlets report are told in other words (MiniLM cosines of 0.5 to 0.8), below "
            "the paraphrase bar. The rule reads each sentence of a close pair (cosine 0.65 to "
            "0.8) from its dependency parse: who the main clauses are about (names inside named "
            "entities only: a title such as 'Minority Leader' or a pronoun names nobody; a wire "
            "report's opening place is dropped), who speaks (the root's own subject), which "
            "weekdays are named, and each clause's action with its doer and what it acts on. Two "
            "sentences about the same named actor on the same weekday, or with the same action of"
            " that actor on the same thing, report one event; different weekdays, different named"
            " speakers (a newspaper's report of an organisation's move against the organisation's"
            " own statement) or one negated root withhold it. Every new pair it gave on BASIL was"
            " read in its articles: 32 of 35 state the same fact (the wrong ones: one "
            "politician's remarks at two events of one day, twice, and a governor's call on a "
            "bill against his son's view of it). Tried and not kept: the band down to cosine 0.60"
            " adds 16 pairs of which only about half state the same fact (two remarks of one "
            "politician on one day, one sister's post against the other's statement); the same "
            "action alone, without a named actor and weekday, adds few pairs and no fact; the "
            "entailment model's mutual entailment stays a veto only. What is still missed is a "
            "fact told with other actors or framing (a lead sentence that another outlet phrases "
            "as a reaction to it, an announcement told as 'expected to announce'), which neither "
            "the cosine nor the parse ties together without also tying sentences that state "
            "different things. On the AllSides sample the rule added 26 same pairs, 24 of them "
            "right (same 105 of 115 right before, 0.913), on RUWA's sampled pairs 5, 4 of them "
            "right (151 of 160 before, 0.944): headlines seldom name a weekday. Its wrong pairs "
            "there are a court's ruling against what the law it rules on bans, a general "
            "description of a panel against its new report, and an outside reading of a "
            "strategy against the army's own statement.",
            "",
            "True contradictions between BASIL outlets are rare: reading all 30 pairs the "
            "word-overlap alignment called a contradiction found 4 real ones in 70 stories "
            "(a start year, a page count, a senator's years of service, a quote that says "
            "the opposite); the figure binding finds one of them (the start year, counted "
            "under now, so the older row shows 29) and gives no wrong one. The "
            "floor of 100 judged contradictions cannot be met on this corpus, so the "
            "contradiction floor applies to whatever is given (CI: "
            "`tests/test_alignment_precision.py`).",
            "",
            *_allsides_lines(result.allsides, judgements),
            *alignment_ruwa.markdown_lines(result.ruwa, judgements),
            "The entailment model alone on the same hand-judged pairs (mutual entailment, "
            f"each way at least 0.5, for same; contradiction either way for contradiction): "
            f"{model or 'not measured'}. It barely tells a right pair from a wrong one on "
            'news sentences, so alignment uses it only to withhold "same".',
            "",
            "Command: `parallax-dev eval alignment --write-docs` (about 40 minutes on an idle "
            "machine: 70 BASIL stories, 505 AllSides round-ups and RUWA's event-days; "
            "`--corpus basil` measures one corpus, without writing the docs).",
        ]
    )


def _allsides_lines(result: AlignmentScores | None, judgements: list[dict[str, Any]]) -> list[str]:
    """The AllSides paragraph and table of the docs section (nothing when not measured)."""
    if result is None:
        return []
    rows = [_row(f"{kind} (now)", result.total[kind], result.correct[kind]) for kind in KINDS]
    for system in sorted({str(j["system"]) for j in judgements} - {"current"}):
        mine = [
            j for j in judgements if j["system"] == system and j["story"].startswith("allsides")
        ]
        for kind in KINDS:
            listed = [j for j in mine if j["kind"] == kind]
            if listed:
                right = sum(j["label"] == "correct" for j in listed)
                rows.append(_row(f"{kind} ({system})", len(listed), right))
    return [
        f"**AllSides round-ups** ({result.stories} stories with at least two outlets; each "
        "outlet's text is an excerpt of a few opening paragraphs): every contradiction in "
        f'every story, and every "same" pair in a seeded random sample of {ALLSIDES_SAMPLE} '
        "stories, was read and judged the same way (`allsides:` rows of the judgements).",
        "",
        "| pairs (AllSides) | given | correct | precision |",
        "|---|---:|---:|---:|",
        *rows,
        "",
        f"AllSides pairs without a label: {len(result.unjudged)}; judged wrong that came back: "
        f"{len(result.wrong_again)}.",
        "",
    ]
