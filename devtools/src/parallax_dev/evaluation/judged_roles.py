"""Roles on real war and climate news, against a reader's judgement (issue 16).

Issue 16 asks that the roles ``parallax analyze`` shows hold on unseen news: beat always
answering the most common role and reach 0.70 accuracy on entity roles in war and climate
reporting. No public data set labels roles (with *neutral*) for the pipeline's own actors,
so this project judged them itself: the pipeline runs over a fixed choice of articles
(:func:`articles`: Ukraine-crisis reports of 2014 and climate-change articles of the
Narrative Frames Corpus that are not in the part its role bar was chosen on), and for every
actor the article names :data:`MIN_NAMED` or more times a reader gave the role the article
casts it in, in its own voice, *neutral* when the article does not cast it, without looking
at what the pipeline said. ``data/role_judgements.jsonl`` keeps those labels as ids,
offsets and our own reasons only.

The articles are split by a fixed rule into a *selection* half, which the role bar may be
chosen on (with the NFC selection part, ``parallax-dev train portrayal-roles``), and a
*held-out* half that is only reported (:func:`selection_part`). Once choices had been made on
the selection half for a while it was no longer a clean test, so a *fresh* part
(:data:`FRESH_PART`, :func:`fresh_articles`) was drawn from the articles not yet judged and
judged the same way before anything was tuned on it; like the held-out half it is only
reported, and every further choice is made on the selection half alone.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from parallax_dev.datasets.nfc import article_texts as nfc_texts

UKRAINE = "inputs/ukraine-crisis-news-bias/all-data-as-json"
NFC = "datasets/narrative_frames_corpus"
UKRAINE_COUNT = 40
CLIMATE_COUNT = 20
SEED = 16
"""The random seed of the article choice (issue 16), fixed so the judged articles stay."""
FRESH_PART = "fresh-2026-12-05"
"""The :attr:`Judgement.part` of the articles drawn after the first set (only reported)."""
FRESH_SEED = 1612
"""The seed of the fresh draw, fixed for the same reason as :data:`SEED`."""
FRESH_UKRAINE_COUNT = 20
FRESH_CLIMATE_COUNT = 10
MIN_NAMED = 3
"""Named (not pronoun) mentions an actor needs to be judged."""
ROLES = ("protagonist", "antagonist", "victim", "neutral")
JUDGEMENTS = "role_judgements.jsonl"
WAR_ACCURACY = 0.80
"""Floor on the judged war articles' accuracy (``tests/test_judged_roles.py``): measured 0.822
(first set), always answering *neutral* 0.814; 0.814 before the turns of an interview printed as a
transcript ("Name: ...") were their speaker's words, 0.806 before what is only planned or supposed
("will join") stopped counting as a deed, 0.798 before help had to reach one of the article's actors
or people to count as a deed, 0.791 before every role was the article's own, 0.636 before a news
report's role needed a deed or name-calling in its own voice."""
WRONG_RATCHET = 1
"""Ratchet: roles judged wrong that ``tests/test_judged_roles.py`` lets the war articles show (1 of
3 shown, measured 2026-12-06 once the turns of an interview printed as a transcript were their
speaker's words, not the article's; 2 of 4 measured 2026-12-05 once stirring a bad feeling or
leaving a place stopped counting as a deed; 3 of 5 once a word that only sounds harmful or helpful
was no clear reason in any genre and harm to something of an actor's stopped making the actor a
victim; 4 of 7 once what is only planned or supposed was no deed; 5 of 8 once help had to reach one
of the article's actors or people to count as a deed; 7 of 11 once every role was the article's own
and the role weights were refitted on NFC read as printed; 11 of 16 before that, 35 of 41 before a
news report's role needed a deed or name-calling in its own voice, 62 of 68 before roles the article
gives itself needed a clear own-voice reason). Each fix lowers it; it is never raised."""


@dataclass(frozen=True)
class Judgement:
    """A reader's role for one actor of one article.

    Attributes:
        input: the article, ``ukraine/article_N`` or ``nfc/ID``.
        article_sha: the first 12 hex digits of the SHA-256 of the article text, so a
            changed text is noticed rather than judged by old labels.
        actor: the pipeline's id for the actor when it was judged (for reading the file;
            matching goes by the mention's offsets, which outlast a renamed id).
        start: start offset of the actor's first named mention.
        end: its end offset.
        label: protagonist, antagonist, victim or neutral.
        reason: why, in our own words.
        part: empty for the first judged set, :data:`FRESH_PART` for the fresh one.
    """

    input: str
    article_sha: str
    actor: str
    start: int
    end: int
    label: str
    reason: str
    part: str = ""


def text_sha(text: str) -> str:
    """The short digest :attr:`Judgement.article_sha` holds."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def articles(shared: Path) -> dict[str, str]:
    """The first judged set's texts by input key, the same every time.

    :data:`UKRAINE_COUNT` of the Ukraine-crisis articles (sentences joined in position
    order, one paragraph each) and :data:`CLIMATE_COUNT` Narrative Frames articles of its
    first fold's test part (the part the role bar was *not* chosen on), both drawn with
    :data:`SEED`.

    Raises:
        FileNotFoundError: the shared data is missing.
    """
    files = _ukraine_files(shared)
    texts = {
        f"ukraine/{path.stem}": _ukraine_text(path)
        for path in sorted(random.Random(SEED).sample(files, UKRAINE_COUNT))
    }
    ids = _climate_ids(shared)
    chosen = random.Random(SEED).sample(list(ids), CLIMATE_COUNT)
    texts.update({f"nfc/{i}": ids[i] for i in sorted(chosen, key=int)})
    return texts


def fresh_articles(shared: Path) -> dict[str, str]:
    """The fresh part's texts by input key: articles of the same two sources not in the first.

    :data:`FRESH_UKRAINE_COUNT` Ukraine-crisis and :data:`FRESH_CLIMATE_COUNT` Narrative
    Frames articles (the same fold 1 test part), drawn with :data:`FRESH_SEED` from those
    :func:`articles` does not hold.

    Raises:
        FileNotFoundError: the shared data is missing.
    """
    first = articles(shared)
    files = [p for p in _ukraine_files(shared) if f"ukraine/{p.stem}" not in first]
    texts = {
        f"ukraine/{path.stem}": _ukraine_text(path)
        for path in sorted(random.Random(FRESH_SEED).sample(files, FRESH_UKRAINE_COUNT))
    }
    ids = {i: t for i, t in _climate_ids(shared).items() if f"nfc/{i}" not in first}
    chosen = random.Random(FRESH_SEED).sample(list(ids), FRESH_CLIMATE_COUNT)
    texts.update({f"nfc/{i}": ids[i] for i in sorted(chosen, key=int)})
    return texts


def all_articles(shared: Path) -> dict[str, str]:
    """Every judged article's text by input key, the first set and the fresh part."""
    return {**articles(shared), **fresh_articles(shared)}


def _ukraine_files(shared: Path) -> list[Path]:
    folder = shared / UKRAINE
    files = sorted(folder.glob("article_*.json"), key=lambda p: int(p.stem.split("_")[1]))
    if not files:
        raise FileNotFoundError(f"{folder} holds no articles; pass --shared pointing at the data")
    return files


def _ukraine_text(path: Path) -> str:
    document = json.loads(path.read_text(encoding="utf-8"))
    sentences = sorted(document["sentences"], key=lambda s: s["position_in_article"])
    return "\n\n".join(s["content"].strip() for s in sentences)


def _climate_ids(shared: Path) -> dict[str, str]:
    """Texts of the NFC fold 1 test part's articles by id, in id order (the draw's order)."""
    folder = shared / NFC
    held = (folder / "data_splits_raw" / "Fold_1" / "test.txt").read_text("utf-8")
    ids = sorted({line.split("\t", 1)[0] for line in held.splitlines() if line.strip()}, key=int)
    texts = nfc_texts(folder / "data")
    return {i: texts[i] for i in ids if i in texts}


def selection_part(key: str) -> bool:
    """Whether a first-set article is in the half the role bar may be chosen on (even number).

    Only for the first set: a fresh article is never chosen on (:func:`chosen_on`).
    """
    return int(key.rsplit("_", 1)[-1].rsplit("/", 1)[-1]) % 2 == 0


def chosen_on(judgement: Judgement) -> bool:
    """Whether choices may be made on this judgement (the first set's selection half)."""
    return not judgement.part and selection_part(judgement.input)


def held_out(judgement: Judgement) -> bool:
    """Whether this judgement is in the first set's held-out half (reported, never chosen on)."""
    return not judgement.part and not selection_part(judgement.input)


def judged_actors(actors: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The actors named :data:`MIN_NAMED` or more times (named mentions, not pronouns)."""
    return [a for a in actors if len(_named(a)) >= MIN_NAMED]


def first_named(actor: Mapping[str, Any]) -> tuple[int, int]:
    """Offsets of an actor's first named mention."""
    first = min(_named(actor), key=lambda m: int(m["start"]))
    return int(first["start"]), int(first["end"])


def _named(actor: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [m for m in actor.get("mentions", []) if m.get("kind", "name") != "pronoun"]


def load(path: Path | None = None) -> list[Judgement]:
    """The stored judgements (the packaged file by default)."""
    if path is None:
        path = Path(str(resources.files("parallax_dev") / "data" / JUDGEMENTS))
    with path.open(encoding="utf-8") as handle:
        return [Judgement(**json.loads(line)) for line in handle if line.strip()]


def match(judgement: Judgement, actors: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The actor one of whose named mentions is the judged mention, if the pipeline has it."""
    for actor in actors:
        for mention in _named(actor):
            if int(mention["start"]) == judgement.start and int(mention["end"]) == judgement.end:
                return actor
    return None


@dataclass
class RoleScores:
    """What the shown roles score on (part of) the judged set."""

    name: str
    n: int
    accuracy: float
    majority: str
    majority_accuracy: float
    answered: float
    precision: dict[str, tuple[int, int]]
    """Per asserted role: (right, asserted)."""
    confusion: dict[str, dict[str, int]]

    def row(self) -> str:
        """One markdown table row."""
        cells = [
            f"{self.precision[r][0]}/{self.precision[r][1]}" if self.precision[r][1] else "–"
            for r in ROLES[:3]
        ]
        return (
            f"| {self.name} | {self.n} | {self.accuracy:.3f} | {self.majority_accuracy:.3f} "
            f"({self.majority}) | {self.answered:.2f} | " + " | ".join(cells) + " |"
        )


def score(name: str, pairs: Sequence[tuple[str, str]]) -> RoleScores:
    """Scores of (gold, shown) role pairs."""
    n = max(len(pairs), 1)
    counts = Counter(g for g, _ in pairs)
    majority, most = counts.most_common(1)[0] if counts else ("neutral", 0)
    confusion: dict[str, dict[str, int]] = {}
    for gold, shown in pairs:
        confusion.setdefault(gold, {}).setdefault(shown, 0)
        confusion[gold][shown] += 1
    return RoleScores(
        name=name,
        n=len(pairs),
        accuracy=round(sum(1 for g, s in pairs if g == s) / n, 3),
        majority=majority,
        majority_accuracy=round(most / n, 3),
        answered=round(sum(1 for _, s in pairs if s != "neutral") / n, 3),
        precision={
            r: (sum(1 for g, s in pairs if s == r == g), sum(1 for _, s in pairs if s == r))
            for r in ROLES[:3]
        },
        confusion=confusion,
    )


def pairs_of(
    judgements: Sequence[Judgement],
    portrayed: Mapping[str, Sequence[Mapping[str, Any]]],
    field: str = "role",
) -> list[tuple[Judgement, str]]:
    """Each judgement with the role the pipeline shows (``neutral`` for an actor it lost)."""
    result = []
    for judgement in judgements:
        actor = match(judgement, portrayed.get(judgement.input, []))
        result.append((judgement, str(actor[field]) if actor else "neutral"))
    return result


def evaluate(
    judgements: Sequence[Judgement], portrayed: Mapping[str, Sequence[Mapping[str, Any]]]
) -> list[RoleScores]:
    """The first set's all, war, climate, selection and held-out rows, then the fresh part's.

    The first set's rows leave the fresh part out, so they stay comparable with what was
    measured before it was drawn.
    """
    shown = pairs_of(judgements, portrayed)
    fresh = FRESH_PART
    parts = (
        ("all", lambda j: not j.part),
        ("war (Ukraine 2014)", lambda j: not j.part and j.input.startswith("ukraine/")),
        ("climate (NFC)", lambda j: not j.part and j.input.startswith("nfc/")),
        ("selection half", chosen_on),
        ("held-out half", held_out),
        (f"{fresh}: all", lambda j: j.part == fresh),
        (f"{fresh}: war", lambda j: j.part == fresh and j.input.startswith("ukraine/")),
        (f"{fresh}: climate", lambda j: j.part == fresh and j.input.startswith("nfc/")),
    )
    return [score(name, [(j.label, s) for j, s in shown if keep(j)]) for name, keep in parts]


def portray_all(shared: Path, cache: Path) -> dict[str, list[dict[str, Any]]]:
    """The pipeline's portrayed actors of every judged article (cached as the other evals).

    The first set and the fresh part are analysed (and cached) apart, so drawing the fresh
    part did not make the first set's cached analysis stale.
    """
    from parallax_dev.evaluation.portrayal_runs import analyse, cast

    first = analyse(articles(shared), cache, "judged-roles")
    fresh = analyse(fresh_articles(shared), cache, "judged-roles-fresh")
    return cast({**first, **fresh})


@dataclass(frozen=True)
class JudgedActor:
    """A judgement with the actor it is about, as the pipeline portrays it now."""

    judgement: Judgement
    actor: Mapping[str, Any] | None
    """None when the pipeline no longer finds the judged actor (it is shown no role)."""


def judged_actors_now(
    shared: Path, cache: Path, judgements: Sequence[Judgement] | None = None
) -> list[JudgedActor]:
    """Every judgement (the stored ones by default) with its actor as portrayed now."""
    found = portray_all(shared, cache)
    return [
        JudgedActor(judgement, match(judgement, found.get(judgement.input, [])))
        for judgement in (load() if judgements is None else judgements)
    ]


def format_markdown(rows: Sequence[RoleScores], weights: Mapping[str, Any] | None = None) -> str:
    """The ``docs/evaluation.md`` section: method, the table, and how the role is calibrated.

    ``weights`` are the stored role weights (:func:`parallax.portrayal.role_model.stored`),
    whose bar and own-voice demand, and what they score on NFC, the prose reports.
    """
    from datetime import date

    from parallax.portrayal import role_model
    from parallax_dev.training.portrayal_roles import SELECTION_F1

    weights = weights or role_model.stored()
    nfc = weights["role"]
    head = (
        "| Part | n | accuracy | majority accuracy | answered | protagonist right/shown "
        "| antagonist right/shown | victim right/shown |\n|---|--:|--:|--:|--:|--:|--:|--:|"
    )
    fresh = next(r for r in rows if r.name == f"{FRESH_PART}: all")
    confusion = "\n".join(
        f"- {r.name}, judged: shown: "
        + "; ".join(f"{g}: {dict(sorted(p.items()))}" for g, p in sorted(r.confusion.items()))
        for r in (rows[0], fresh)
    )
    table = "\n".join(r.row() for r in rows)
    demand = (
        f"at least {weights['own_clear']} own-voice sentence(s) with an action it does or "
        "suffers or name-calling aimed at it, pointing to the role (`own_clear`, "
        "`own_clear_deeds`: a sentence reading, however confident, is not enough, since in "
        "news the tone around an actor is mostly the tone of what happened)"
        if weights["own_clear_deeds"]
        else f"at least {weights['own_clear']} own-voice sentence(s) pointing to the role "
        "clearly (`own_clear`: an action it does or suffers, name-calling, a sentence the model "
        f"reads with confidence, or a reading leaning the role's way by "
        f"{weights['own_clear_lean']} or more)"
    )
    ahead = [r.name for r in rows if r.accuracy > r.majority_accuracy]
    whole = rows[0]
    beaten = (
        ("score below it on every part" if not ahead else f"beat it on: {'; '.join(ahead)}")
        + f". On all actors of the first set {whole.accuracy:.3f} against "
        f"{whole.majority_accuracy:.3f}, on the fresh part {fresh.accuracy:.3f} against "
        f"{fresh.majority_accuracy:.3f} (the issue asks for 0.70 and more than the most "
        "common role)"
    )
    fresh_roles = ", ".join(
        f"{count} {label}"
        for label, count in sorted(
            Counter({g: sum(p.values()) for g, p in fresh.confusion.items()}).items(),
            key=lambda kv: -kv[1],
        )
    )
    chosen, held = nfc["judged_selection"], nfc["judged_held_out"]
    effect = (
        f"NFC `role` macro-F1 {nfc['selection']['macro_f1']:.3f} on its selection part, "
        f"{nfc['held_out']['macro_f1']:.3f} held out (macro precision "
        f"{nfc['held_out']['macro_precision']:.3f}, answering {nfc['held_out']['answered']:.0%}); "
        f"judged selection half accuracy {chosen['accuracy']:.3f}, {chosen['right']} of "
        f"{chosen['asserted']} asserted roles right; held-out half {held['accuracy']:.3f}, "
        f"{held['right']} of {held['asserted']}"
    )
    return f"""*Measured {date.today().isoformat()}; `parallax-dev eval portrayal-judged` reproduces
these figures, `parallax-dev train portrayal-roles` the bar and demand they rest on.*

Issue 16 asks that roles hold on unseen news: beat always answering the most common role and
reach 0.70 accuracy on entity roles in war and climate news. No public data labels the
pipeline's own actors with a role or *neutral*, so this project judged them: the pipeline
ran (the components `parallax analyze` runs up to portrayal) over {UKRAINE_COUNT}
Ukraine-crisis articles of 2014 (`inputs/ukraine-crisis-news-bias`, sentences joined in
position order) and {CLIMATE_COUNT} Narrative Frames articles from its fold 1 test part (not
the part the bar was first chosen on), both drawn with seed {SEED}; for every actor named
{MIN_NAMED} or more times a reader read the article and gave the role it casts the actor
in, in its own voice, *neutral* when it casts none (a place where things happen, a source
whose words are reported, a party to talks), without looking at the pipeline's answer.
Labels are ids, offsets and our own reasons
(`devtools/src/parallax_dev/data/role_judgements.jsonl`). *Answered* is the share given a
role other than *neutral*; an actor the pipeline no longer finds counts as *neutral*. The
selection half (even article numbers) may be used to choose the bar and the rules; the
held-out half only reports.

Choices had been made on the selection half for a while, so it was no longer a clean test.
On 2026-12-05 a fresh part (`{FRESH_PART}` in the labels' `part`) was drawn with seed
{FRESH_SEED} from the articles of the same two sources not yet judged,
{FRESH_UKRAINE_COUNT} Ukraine-crisis and {FRESH_CLIMATE_COUNT} NFC fold 1 test articles,
and its {fresh.n} actors were judged the same way, blind, before any change was tried on
it. It is only reported; the first set's rows leave it out, so they compare with earlier
figures.

{head}
{table}

{confusion}

How to read these:

- Most actors in this news are merely mentioned (a careful reader gives 73% of them no
  role, 81% in the war articles), so always answering *neutral* is a strong baseline: the
  shown roles {beaten}. Before
  the own-voice demands below (2026-12-05, bar 0.38 alone) the same actors scored 0.395
  accuracy (held-out half 0.375), answering 57% of them with 13 of 109 roles right; with a
  clear own-voice sentence of any kind (a confident reading included) 0.532 (0.490), 14 of
  85 right.
- The learned reading (`role_lean`) is fitted on NFC, whose gold gives every entity a role;
  its probabilities barely separate an actor the article casts from one it mentions (in an
  invented war report the army shelling villages, its victims and the aid givers read
  0.42-0.65; countries merely mentioned in wire reports about 0.4-0.75). A bar high
  enough to silence the mentioned ones silences the clear cases too.
- What separates them better is evidence in the article's own voice: a role needs own-voice
  sentences supporting it (what only the sources it quotes say is their casting, reported
  under their names), and {demand}. `parallax-dev train portrayal-roles` chooses the bar
  ({weights["confidence"]}) and this demand for accuracy on this set's selection half
  first, then NFC's macro-F1 on its selection part, then the mean precision of asserted
  roles on both (NFC's `role` kept {SELECTION_F1} until the corpus was read as printed;
  the section above says why no own-voice role can). An opinion piece (the genre step's
  call) is cast from its own tone as well: there the writer's view of an actor is the
  casting. With them: {effect}.
- The climate articles are read as their outlets printed them since 2026-12-05. Before, the
  reader left the corpus file's spreadsheet quoting in (every text wrapped in quotation
  marks, each mark inside doubled), the quotes layer paired the marks one off and took most
  of each article for quotations, and roles rested on quoted sentences: climate accuracy
  0.344, 8 of 39 shown roles right. In steps (climate accuracy, shown roles right): reader
  fixed, 0.541, 5 of 11; quotation marks paired by their direction (an unclosed mark quotes
  at most the rest of its sentence after a speech verb, an unattributed stretch of more than
  two sentences is no quotation), 0.525, 4 of 11; every role the article's own, 0.525, 4 of
  11 (war 0.791 to 0.798); weights refitted and the bar chosen again, 0.557 (all judged
  0.726); help counted as a deed only when it reaches one of the article's actors or people
  (`parallax.actors.animacy`: "rescued the villagers", not "approved the bill", "won cuts",
  "protected funding"), 0.742 (held-out half 0.702 to 0.731); and what is only planned or
  supposed ("will join") no deed, 0.607 (all judged 0.747, selection half 0.756, held-out
  half 0.740).
- Then, with the fresh part in place (chosen on the selection half alone, the fresh part only
  checked): a word that only sounds harmful or helpful ("will join", "failed to win") is no
  clear reason in any genre, an opinion piece's included (`role_model.clearly`; selection
  half 0.756 to 0.767, fresh part 0.777 unchanged); and harm to something of an actor's
  ("the ruling weakens the mayor's bill") makes the actor no victim unless the phrase
  names the actor or people, or another of the article's actors does it
  (`actions.suffered_by_target`;
  selection half to 0.779, fresh part to 0.802, held-out half 0.740 to 0.731: a navy's
  ships trapped by a sunk vessel no longer make the country a victim). Wrong shown roles on
  the first set's war articles went from 4 to 3; NFC `role` macro-F1 from 0.123 to 0.120
  (precision when shown 0.53 to 0.535; `role_lean` unchanged).
- Later the same day, changes made on invented wire copy, not on either part, moved the
  fresh part from 0.802 to 0.810 (war 0.859 to 0.870, one wrong victim fewer; the first
  set unchanged): an attribution closing its sentence ("..., killing ten people, the
  governor said") makes the sentence the governor's words, so the deed it tells is quoted,
  not the article's own; a relative's or an employer's statement is not the person's
  (only a spokesperson, a lawyer or an office speaks for someone); an organisation named
  only in a person's title ("Defense Secretary ...") is no actor; and joining or uniting
  with someone (Levin's mix and amalgamate verbs) is no deed ("Finland applied to join"
  had made Finland a protagonist). On the fresh part's war articles the shown roles
  still fall short of always answering neutral (0.870 against 0.891, with 3 roles shown,
  none right), so the goal of beating the most common role on unseen war news is not met.
- Then, from 50 more invented war, climate and US political reports and op-eds: stirring
  a bad feeling ("enraged the public") or leaving a place ("abandoned his office") is no
  deed (Levin's amuse and leave verbs; selection half 0.779 to 0.791: a fallen leader is
  no longer cast antagonist for leaving his office; war 0.814 to 0.822); an actor
  accused, blamed or condemned by someone else is spoken of in the accuser's voice in
  that sentence, and a deed told in the clause of a verb of finding ("a court ruled
  that ...") is the finder's account; the subject of a loss ("lost control of two
  regions") is its target, not its doer. Those three left every row of this table
  unchanged; they move sentiment on single sentences (NewsMTSC, whose annotators count
  what a sentence's sources say) down a little. Tried and withdrawn: asking an opinion
  piece for two clear readings before its tone casts an actor (fresh part 0.810 to
  0.818, selection half unchanged, but NFC `role` macro-F1 0.120 to 0.063, under its
  floor), and reading a headline's "Opinion:" label as the genre (right as a genre, but
  it lets the sentence model's misreadings of irony cast roles in op-eds).
- That evening, from more invented war, climate and US political copy: "they" and "them"
  stand back when plural things lie nearer ("block these rules before they shut down the
  plants"), as "it" already did before a nearer thing; "it" no longer takes a name that
  only modifies a noun ("the US car manufacturer General Motors said that it ..."). The
  fresh part's war articles went from 0.870 to 0.880 (one wrong antagonist fewer), still
  short of always answering neutral there (0.891); the first set unchanged.
- Later that evening (2026-12-05), voices and mentions from more invented wire copy. What
  is the article's own and what is someone else's: a reported clause around a quoted
  phrase is one quotation ("told supporters that his opponent was "a failure ...""),
  naming someone as something is speaking of them ("voters described her as a traitor"),
  a speaker is not read about in its own words, a dateline the parser cut off joins its
  lede, and a dateline's city is nobody's subject. A quoted source's view counts deeds,
  name-calling and confident readings, not a word that only sounds harmful ("said he
  worries"), and destroying what attacks ("shot down 41 of 58 drones" after drones struck
  power plants) is no aggression. Mentions: a common word opening a sentence, a capital
  where something happens, the first words of a longer name ("the Alliance" of "the
  Alliance of Small Island States") and a peoples' demonym ("Americans") no longer stand
  for a state. The first set went from 0.758 to 0.753 and its war part from 0.822 to
  0.814 (equal to always answering neutral): one actor, Afghanistan in an interview
  transcript, whose turns ("Name: ...") are still read as the article's own voice, is now
  cast protagonist after two "in Kabul" mentions stopped counting as the state; the fresh
  part unchanged.
- Overnight (2026-12-06), from invented interviews and wire copy: the turns of an
  interview printed as a transcript ("Q: ...", "Name: ...", a name the article gives
  elsewhere; not "Note:", "Update:" or a dateline) are direct speech of their speaker; an
  unknown party or people word that only modifies a noun ("Democratic senators") is no
  actor of its own; a common noun the tagger took for a person or a group ("Lava spread",
  "Smoke covered") is no actor; a noun in -ant/-ent names people only when formed on a
  verb ("resident", not "power plants"). The first set went from 0.753 to 0.758 and its
  war part from 0.814 to 0.822: Afghanistan, in the interview transcript above, is
  neutral again; the fresh part unchanged.
- The same night (2026-12-06), from invented US political, economy and war copy: a verb
  of procedure (reject, block, cancel, ban, defeat ..., after FrameNet's frames) is a deed
  only when it falls on an actor or on people ("the court rejected the appeal", "senators
  blocked the bill" cast no antagonist); one named person attacking or slamming another
  is an act of words ("attacked the Fed chair for not cutting rates"); a quoted source's
  view is labelled by the model's class decision, as a single sentence is; a word in
  lower case is no entity known only by its acronym ("from the start" is no treaty); a
  wire service's date after a dateline's place belongs to the dateline. Measured before
  the interview transcripts above were merged, these left every row of the table as it
  was (first set 0.753, war 0.814, fresh part 0.818).
- The morning of 2026-12-06, from invented Senate, war and wire copy: taking a side
  (FrameNet's Taking_sides: support, back, favor, oppose) is a stance, not help ("all
  Republicans on the panel supported the nominee" cast the senators as heroes); a source
  telling its own deeds does not cast itself among the quoted sources; a subject "it"
  continues an unnamed subject before a name that is no subject ("The general staff
  said ..., most of them near Pokrovsk. It said ...": not the town), and "them" after
  "Ukrainian positions" is the positions. With the merged mentions and claims work
  (names inside "-era" compounds, counted plurals tagged as people, places typed by their
  own article, host and interviewer turns) every row of the table stayed as it was. Tried
  and withdrawn the same morning: reading the genre's cues outside quotations (first set
  0.758 to 0.747, climate 0.623 to 0.590; see "Genre"), and dropping, cutting or weakening
  a measure as a verb of procedure ("the agency dropped the requirement" had cast the
  agency as an antagonist): "drop" alone cost a right antagonist of a climate article
  (first set 0.758 to 0.753), whose reader took dropping a climate rule as a villain's act.
  The evening of 2026-12-06, "cut", "slash" and "lower" alone were tried the same way
  ("Brazil had cut deforestation by half" had cast Brazil as an aggressor in its
  president's words): every row of this table stayed as it was, but Narrative Frames
  `role` fell from 0.115 to 0.112 and its held-out part from 0.085 to 0.079, under its
  floor; its annotators too read cutting a climate programme as a villain's act. Not kept.
- 2026-12-07, sixth session, from invented US political, court, climate and war copy: a
  verb of change in amount with no object is done by nobody ("its flood claims have
  fallen"; the owner is no doer), a contest's loser, a doer held back ("blocked Arizona from
  removing voters") and "lost control of its own party" are no victims, "the governor" may
  take a title given further back when the person was named within reach, and "his client"
  acts for himself. The first set went from 0.758 to 0.753 and its climate part from 0.623
  to 0.607: one antagonist there had rested on "Trump voters in support of guaranteed jobs
  dropped to 30 percent" read as Trump's harmful deed; it is no one's deed now, and the
  right role it had carried by luck is neutral. The war part and the fresh part unchanged.
  Caught on the way and fixed before it was kept: a one-word body the parser set beside a
  role that another name holds had become a person and taken that name's "she".
- The fresh part's actors are {fresh_roles}: {fresh.majority_accuracy:.0%} neutral, so the
  bar there is higher than on the first set. The roles still shown wrongly on the first set
  are a country cast as antagonist for its police's violence where the article casts the
  protesters as victims, a country cast as antagonist for sanctions told as market news,
  and an activist cast as protagonist for praise the report relays. Most clear roles are
  still missed: what an actor does is often told in a noun phrase ("a military campaign
  to suppress", "the Kremlin's authoritarian rule") that the events layer does not read
  as a deed, and the learned reading often leans *victim* for an actor the article
  blames. The fresh part's
  own errors were not read, so that it stays a test for the next change.
- `tests/test_judged_roles.py` runs the first set's war articles through the pipeline in CI
  (the fresh ones would take it past its time budget): accuracy
  may not fall below {WAR_ACCURACY} and no more roles judged wrong may be shown (a ratchet,
  at {WRONG_RATCHET}).
"""
