"""Sentiment towards a named target in one news sentence, end to end (issue 16).

``parallax-dev eval portrayal`` measures the target-sentiment model alone on NewsMTSC's dev
files, given the gold target's span. A user who runs ``parallax analyze`` on a short text
gets something else: the actors step must find the target, the quotes layer decides whose
voice the sentence is in, the portrayal step chooses which sentences the model reads and
the role rules turn its readings into the actor's ``sentiment_label``. Here every sentence
of NewsMTSC's dev files (``dev_rw``, ``dev_mt``) is analysed as a whole article of its own
through the same components as the other end-to-end evaluations
(:func:`parallax_dev.evaluation.portrayal_runs.analyse`, cached in ``.cache/portrayal``), each
gold target is matched to the actor with a mention overlapping its span, and that actor's
``sentiment_label`` is scored against the gold polarity; a target no actor covers counts as
answered *neutral*. Only the dev files are read: the test files are the unseen set.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from parallax.actors.speech import SPEECH_VERBS
from parallax.components.portrayal import Asked
from parallax.model import Analysis
from parallax.portrayal.roles import MIN_SENTENCES, NEGATIVE_CUT, POSITIVE_CUT
from parallax.portrayal.voice import OWN, VoiceIndex, speaking
from parallax_dev.datasets.newsmtsc import POLARITY, SPLITS, folder
from parallax_dev.evaluation import portrayal_runs
from parallax_dev.evaluation.portrayal import SENTIMENTS, Scores, score
from parallax_dev.evaluation.portrayal_runs import analyse, cast

DEV_SPLITS = ("dev_rw", "dev_mt")
_SHORT = {"negative": "neg", "neutral": "neu", "positive": "pos"}


@dataclass(frozen=True)
class Target:
    """One gold target: its sentence (by key), span and polarity (neg, neu or pos)."""

    key: str
    start: int
    end: int
    gold: str


@dataclass(frozen=True)
class Outcome:
    """What the pipeline made of one gold target."""

    target: Target
    predicted: str
    """The matched actor's sentiment label (neg, neu or pos); neu when none matched."""
    matched: bool
    speaking: bool
    """The matched actor is the one speaking in the sentence ("..., Smith said")."""
    quoted: bool
    """The matched mention lies in a quoted source's voice, not the article's."""
    sentences: int
    """Sentences the pipeline split the text into."""
    cut: str = "neu"
    """The label the long-article cuts would give the matched actor's sentiment."""
    quoted_label: str = "neu"
    """The first quoted voice's sentiment label towards the matched actor, if any."""


@dataclass
class SentenceResult:
    """Scores per dev file and pooled, with every target's outcome for reading the errors."""

    scores: list[Scores]
    outcomes: list[Outcome] = field(default_factory=list)
    cuts: list[Scores] = field(default_factory=list)
    """The scores had a one-sentence text been labelled by the long-article cuts."""
    before: list[Scores] = field(default_factory=list)
    """The scores had a text of fewer than ``MIN_SENTENCES`` sentences no sentiment at all."""
    speakers_read: list[Outcome] = field(default_factory=list)
    """The outcomes had the speaker's own sentence been read towards the speaker."""


def load(shared: Path) -> tuple[dict[str, str], list[Target]]:
    """The dev sentences by key (``dev_rw:N``) and their gold targets, in file order."""
    texts: dict[str, str] = {}
    targets: list[Target] = []
    for split in DEV_SPLITS:
        with (folder(shared) / SPLITS[split]).open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        for number, row in enumerate(rows):
            key = f"{split}:{number}"
            texts[key] = row["sentence_normalized"]
            for target in row["targets"]:
                label = POLARITY.get(float(target["polarity"]))
                if label is not None:
                    targets.append(
                        Target(key, int(target["from"]), int(target["to"]), _SHORT[label])
                    )
    return texts, targets


def match(actors: Sequence[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    """The actor with a mention overlapping ``start:end`` the most (most mentions on a tie)."""
    best: tuple[int, int, dict[str, Any]] | None = None
    for actor in actors:
        mentions = actor.get("mentions") or []
        overlap = max(
            (min(end, int(m["end"])) - max(start, int(m["start"])) for m in mentions), default=0
        )
        if overlap > 0 and (best is None or (overlap, len(mentions)) > best[:2]):
            best = (overlap, len(mentions), actor)
    return best[2] if best else None


def _mention(actor: dict[str, Any], start: int, end: int) -> dict[str, Any]:
    return max(
        actor["mentions"], key=lambda m: min(end, int(m["end"])) - max(start, int(m["start"]))
    )


def outcomes(
    analyses: dict[str, Analysis], portrayed: dict[str, list[dict[str, Any]]], targets: list[Target]
) -> list[Outcome]:
    """Each gold target matched to its actor and that actor's sentiment label."""
    found = []
    for target in targets:
        analysis = analyses[target.key]
        actor = match(portrayed[target.key], target.start, target.end)
        if actor is None:
            found.append(Outcome(target, "neu", False, False, False, len(analysis.sentences)))
            continue
        mention = _mention(actor, target.start, target.end)
        quotes = analysis.layers.get("quotes", [])
        spoken = speaking(
            quotes, analysis.layers.get("events", []), analysis.sentences, SPEECH_VERBS
        )
        voice = VoiceIndex(quotes).at(int(mention["start"]), int(mention["end"]))
        found.append(
            Outcome(
                target,
                _SHORT[str(actor["sentiment_label"])],
                True,
                (str(actor["id"]), str(mention.get("sentence_id"))) in spoken,
                voice.kind != OWN,
                len(analysis.sentences),
                _cut(float(actor["sentiment"])),
                _SHORT[str((actor.get("quoted") or [{}])[0].get("sentiment_label", "neutral"))],
            )
        )
    return found


def _cut(sentiment: float) -> str:
    return "neg" if sentiment <= NEGATIVE_CUT else "pos" if sentiment > POSITIVE_CUT else "neu"


@contextmanager
def _speakers_read() -> Iterator[None]:
    """Cast with the speaker's own sentences read towards the speaker (for comparison only)."""
    # ``cast`` looks ``unspoken`` up in its own module's namespace at each call.
    names = vars(portrayal_runs)
    kept = names["unspoken"]
    names["unspoken"] = _every_question
    try:
        yield
    finally:
        names["unspoken"] = kept


def _every_question(analysis: Analysis, asked: Asked) -> Asked:
    del analysis
    return asked


def scored(found: list[Outcome]) -> list[Scores]:
    """Scores on each dev file and on both."""
    result = []
    for name in (*DEV_SPLITS, "both"):
        part = [o for o in found if name == "both" or o.target.key.startswith(f"{name}:")]
        result.append(
            score(
                f"NewsMTSC {name}",
                [o.target.gold for o in part],
                [o.predicted for o in part],
                SENTIMENTS,
                sum(o.matched for o in part),
            )
        )
    return result


def run(shared: Path, cache: Path, alternatives: bool = True) -> SentenceResult:
    """Analyse every dev sentence as an article of its own and score the matched actors.

    With ``alternatives``, also what the choices this evaluation was used for would have
    given instead: the long-article cuts on a single sentence, and the speaker's own
    sentence read towards the speaker.
    """
    texts, targets = load(shared)
    analyses = analyse(texts, cache, "newsmtsc-sentences")
    found = outcomes(analyses, cast(analyses), targets)
    result = SentenceResult(scored(found), found)
    if alternatives:
        result.cuts = scored([replace(o, predicted=o.cut if o.matched else "neu") for o in found])
        result.before = scored(
            [replace(o, predicted="neu") if o.sentences < MIN_SENTENCES else o for o in found]
        )
        with _speakers_read():
            result.speakers_read = outcomes(analyses, cast(analyses), targets)
    return result


def _gold_counts(found: Sequence[Outcome]) -> str:
    counts = Counter(o.target.gold for o in found)
    return ", ".join(f"{label} {counts.get(label, 0)}" for label in SENTIMENTS)


def _right(found: Sequence[Outcome], predicted: Callable[[Outcome], str]) -> str:
    return f"{sum(predicted(o) == o.target.gold for o in found)} of {len(found)}"


def _alternatives(result: SentenceResult) -> str:
    """Rows and notes on the choices this evaluation was used for (when measured)."""
    if not (result.cuts and result.before and result.speakers_read):
        return ""
    readings = (
        ("the model's class for its one sentence (shown)", result.scores),
        ("the long-article cuts on that sentence's lean", result.cuts),
        (f"no sentiment below `MIN_SENTENCES` ({MIN_SENTENCES}) sentences (before)", result.before),
    )
    rows = "\n".join(
        f"| {name} | {parts[0].macro_f1:.3f} | {parts[1].macro_f1:.3f} | "
        f"{parts[2].accuracy:.3f} | {parts[2].macro_f1:.3f} |"
        for name, parts in readings
    )
    pairs = list(zip(result.outcomes, result.speakers_read, strict=True))
    spoken = [(shown, read) for shown, read in pairs if shown.speaking]
    pooled = scored([read for _, read in pairs])[-1]
    return f"""
How a text of one sentence is labelled (chosen on these dev files):

| Reading | dev_rw macro-F1 | dev_mt macro-F1 | both accuracy | both macro-F1 |
|---|--:|--:|--:|--:|
{rows}

The speaker's own sentence ("..., Smith said") is not read towards the speaker, since
it carries the speaker's words, not the article's view (chosen on BASIL and PerSenT). The
NewsMTSC annotators counted everything a sentence says, and gave
{sum(s.target.gold != "neu" for s, _ in spoken)} of the {len(spoken)} speakers a polarity.
Read towards them, {_right([r for _, r in spoken], lambda o: o.predicted)} come out right,
against {_right([s for s, _ in spoken], lambda o: o.predicted)} left *neutral* (both files:
accuracy {pooled.accuracy:.3f}, macro-F1 {pooled.macro_f1:.3f}). The
gain is small and the rule is about the article's voice, so it stays.
"""


def format_markdown(result: SentenceResult) -> str:
    """The ``docs/evaluation.md`` section for one-sentence portrayal."""
    rows = "\n".join(
        f"| {s.name} | {s.n} | {s.matched} ({s.matched / max(s.n, 1):.0%}) | {s.accuracy:.3f} "
        f"| {s.macro_f1:.3f} | {s.majority_accuracy:.3f} | {s.majority_macro_f1:.3f} |"
        for s in result.scores
    )
    both = result.scores[-1]
    confusion = "; ".join(
        f"{g}: {dict(sorted(p.items()))}" for g, p in sorted(both.confusion.items())
    )
    found = result.outcomes
    matched = [o for o in found if o.matched]
    speakers = [o for o in matched if o.speaking]
    quoted = [o for o in matched if o.quoted and not o.speaking]
    split = sum(1 for o in found if o.sentences > 1)
    plain = [o for o in matched if not (o.speaking or o.quoted) and o.sentences == 1]
    read = score(
        "read", [o.target.gold for o in plain], [o.predicted for o in plain], SENTIMENTS, 0
    )
    return f"""*Measured {date.today().isoformat()}; `parallax-dev eval portrayal-sentences`
reproduces these figures.*

Each sentence of NewsMTSC's dev files (536 sentences) analysed as a whole article of its
own, through the pipeline's own actors, quotes and portrayal (the way `parallax analyze`
reads a short text); each gold target is matched to the actor with a mention overlapping
its span, and that actor's sentiment label in the article's own voice is scored against
the gold polarity. *matched* counts the targets an actor was found for; the others count
as answered *neutral*. The model alone, given the gold span, is in *Actor portrayal
(NewsMTSC, BASIL, PerSenT, NFC)*. NewsMTSC's test files are not read.

| Set | n | matched | accuracy | macro-F1 | majority accuracy | majority macro-F1 |
|---|--:|--:|--:|--:|--:|--:|
{rows}

- Both files, gold: ours: {confusion}
- The {read.n} targets read in the article's own voice in a text of one sentence (matched,
  the actor not the speaker, not quoted): accuracy {read.accuracy:.3f}, macro-F1
  {read.macro_f1:.3f}, near the model alone; the rest of the gap is in the targets below.
- {split} of {len(found)} targets are in a text the sentence splitter cut in two or more,
  which the long-article rules read.
- Unmatched targets (gold: {_gold_counts([o for o in found if not o.matched])}): the
  actors step looks for names; many targets are pronouns or descriptions.
- The matched actor speaks in its sentence for {len(speakers)} targets
  (gold: {_gold_counts(speakers)}), answered *neutral* (below).
- The matched mention is in a quoted source's voice (the actor not the speaker) for
  {len(quoted)} targets (gold: {_gold_counts(quoted)}): the article's own sentiment leaves
  them *neutral*; the quoted voice's label, under the actor's `quoted`, matches the gold
  for {_right(quoted, lambda o: o.quoted_label)}.
{_alternatives(result)}"""
