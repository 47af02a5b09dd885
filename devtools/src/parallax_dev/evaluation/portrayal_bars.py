"""The issue's bars for portrayal (issue 16) beside what ``parallax-dev eval portrayal`` measured.

Part of the generated ``docs/evaluation.md`` section, so that which bars hold is computed
from the same run as the figures, never edited by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parallax_dev.evaluation.portrayal import Result


def bars(result: Result) -> str:
    """The issue's bars (issue 16) against what was measured, and how to read the figures."""
    tsc = result.newsmtsc
    by_name = {s.name: s for s in result.end_to_end}
    b, p = by_name["BASIL author feeling"], by_name["PerSenT author sentiment"]
    lean = by_name["NFC roles (role_lean)"]
    role = by_name["NFC roles (role)"]
    held = {s.name: s for s in result.parts}.get("NFC roles (role_lean), held out")

    def holds(ok: bool) -> str:
        return "yes" if ok else "no"

    lean_held = f"; held out {held.macro_f1:.3f}" if held else ""
    return f"""Against the issue's bars, measured as above:

| Bar | Measured | Holds |
|---|--:|---|
| NewsMTSC dev macro-F1 ≥ 0.75 | {tsc["pooled"]:.3f} (rw {tsc["dev_rw"]:.3f}, \
mt {tsc["dev_mt"]:.3f}) | {holds(tsc["pooled"] >= 0.75)} |
| BASIL accuracy ≥ majority ({b.majority_accuracy:.3f}) | {b.accuracy:.3f} | \
{holds(b.accuracy >= b.majority_accuracy)} |
| BASIL macro-F1 ≥ 0.50 | {b.macro_f1:.3f} | {holds(b.macro_f1 >= 0.5)} |
| PerSenT accuracy ≥ 0.55 | {p.accuracy:.3f} | {holds(p.accuracy >= 0.55)} |
| PerSenT macro-F1 ≥ 0.45 | {p.macro_f1:.3f} | {holds(p.macro_f1 >= 0.45)} |
| NFC hero/villain/victim macro-F1 ≥ 0.40 | {lean.macro_f1:.3f} (role_lean{lean_held}); \
{role.macro_f1:.3f} (role) | {holds(lean.macro_f1 >= 0.4)} for role_lean, \
{holds(role.macro_f1 >= 0.4)} for role |

How to read these:

- Measured 2026-12-06 (evening) on this machine, the commit before that evening's changes
  (87dca68) gives the same figures as above except PerSenT, 0.533 accuracy and 0.486
  macro-F1 (held out 0.512 and 0.454): the earlier 0.637 for BASIL, 0.753 for NewsMTSC and
  0.490 for NFC's role_lean were measured on another machine, whose CPU rounds bfloat16
  products differently. That evening's changes, all made on invented wire copy (speakers
  the parser hung on a sentence's victims, firms named by their line of business, bodies
  and places the tagger typed as people, verb lemmas, harm by weapons told in the
  passive), moved one PerSenT document, a region named seven times instead of six whose
  positive reading fell under the cut.
- The model (`parallax-dev train portrayal`, seed 7, the epoch with the best pooled dev
  score, then dev-chosen logit offsets) reaches 0.751 pooled in float32 (the seed too is
  chosen on these files, between 13 at 0.748 and 7, so the bar is met on the data the
  model was selected on; the test files stay unread); the figures here
  are in bfloat16, which it runs in, like the encoder, on a CPU that multiplies it natively
  (2.8 times faster here). For comparison the issue reports, on the test files, 0.71 for
  frozen states with logistic regression and 0.77 with the top two layers fine-tuned.
- The model reads the states the embed step's single encoder pass kept after the fourth
  layer, and only as many questions as `parallax/components/portrayal.py` allows
  (`MAX_SENTENCES` per actor and voice, `QUESTIONS_PER_SENTENCE`, most-named actors first),
  for throughput (docs/performance.md). The per-article budget is what binds on news.
  Tried and not adopted (2026-12-05): 6 sentences per actor and voice instead of 4. At the
  same number of questions (2,956 on BASIL) the most named actors get more of the budget:
  BASIL accuracy rose a further 0.02-0.04, PerSenT's stayed within a document, but actors
  named less often got no sentence read at all (in the first seed Russia, the aggressor,
  lost its cast).
- An actor's own words are not the article's view of it. Reading the errors on the
  selection parts (2026-12-05) showed sentences in which the entity itself speaks ("'...,'
  the senator said", "X announced he is running", a quotation's attribution) counted as the
  article's own voice about it, their tone being the tone of what it says, mostly
  positive. Such a sentence (the resolved speaker of a quotation touching it, or the
  subject of a speech verb in the events layer) is no longer asked about the speaker in
  the article's voice (`unspoken` in `parallax/components/portrayal.py`). With it, cuts
  chosen again: BASIL accuracy 0.570 to 0.667 on the selection part and 0.490 to 0.607
  held out, PerSenT 0.547 to 0.550 and 0.519 to 0.519, PerSenT macro-F1 up on both parts.
  Dropping the speaker's sentences alone, at the old cuts, moved BASIL's gold-neutral
  entities out of *positive* but took PerSenT's
  accuracy down (its positive people are often quoted); the cuts had to move with it.
- The sentiment cuts and the minimum evidence (`NEGATIVE_CUT`, `POSITIVE_CUT`,
  `MIN_SENTENCES` in `parallax/portrayal/roles.py`) are those `--choose-cuts` picks on the
  selection parts: the PerSenT bars first, then BASIL's macro-F1 (chosen before the
  quotes layer paired marks by direction; run again after it, the command picks -0.4 and
  0.0, which score lower on both held-out parts, BASIL 0.577 and PerSenT 0.502 accuracy
  against 0.612 and 0.519, so the cuts stay). A wider neutral band
  raises BASIL's accuracy but takes PerSenT below its bars; the two corpora pull apart
  (BASIL's entities are 81% neutral, PerSenT's people 53% positive). An article of a
  single sentence (four PerSenT documents, none in BASIL or NFC) takes the model's class
  for that sentence instead, chosen on NewsMTSC dev (*Actor portrayal in one news
  sentence*): here one of them became right and one wrong (PerSenT macro-F1 0.496 to
  0.495, selection part accuracy 0.547 to 0.543, held out 0.516 to 0.519).
- The gold entity is matched to the most mentioned actor of its full name or surname; an
  actor of the same surname and another given name ("Ann Smith" for "Joan Smith") is
  not it when some actor bears the full name (`find_actor`).
- Also measured on the selection parts and not adopted (2026-12-05, each with the cuts
  chosen again; none gained on both corpora): weighting the first two sentences double;
  shrinking the mean towards neutral by one or two sentences' worth; counting only
  sentences read clearly (|lean| at least 0.5); names only, no pronouns; leaving out the
  sentences in which the actor is the target of another's speech or verdict ("X accused
  Y"), or the agent of a verdict in words ("X praised Y"); halving or dropping sentences
  that only report a deed the valence lexicon does not rate; and pooling the evidence of
  an actor split in two by the actors step ("Smith" beside "Ann Smith"), which changed
  nothing.
- BASIL: news about US politics is full of reported conflict and misfortune, which the
  sentence model (trained on NewsMTSC, whose labels count what a sentence reports) reads as
  negative; the author's own neutrality is not separated from the tone of the events.
  Entities with no actor count as *neutral*.
- A learned document-level aggregator was tried in place of the cuts (2026-12-05, not
  adopted): multinomial logistic regression from each actor's evidence (own-voice count,
  mean, min and max lean, shares of clearly negative and positive sentences, quoted count
  and mean, mentions, share of the article's actor mentions, whether most mentioned, the
  action evidence), fitted on the selection parts (PerSenT's train file is not in the
  shared data) and scored on the held-out parts. Fitted on PerSenT: PerSenT held out
  0.50-0.53 accuracy, macro-F1 0.38-0.44, BASIL held out 0.31-0.37 accuracy; fitted on
  BASIL: BASIL held out 0.79-0.80 accuracy but macro-F1 0.31-0.32 (near always neutral);
  on both: neither. None beats the cuts on both corpora: the sentence evidence itself is
  too weak a signal of the author's view, so the cuts stay.
- Tried again and not adopted (2026-12-05, `devtools/scripts/portrayal_reading_experiment.py`),
  with more of the evidence and the cut rule put through the same choice. Three learned
  readings: logistic regression over the three labels with a bias towards *neutral*; two
  regressions, whether the author takes a side at all and which; and the cuts applied only
  where a regression says a side is taken. Features: the own-voice readings (count, mean,
  min, max, first, shares read clearly negative and positive), the quoted ones (count,
  mean), prominence (mentions, share of the article's actor and person mentions, most
  mentioned or not, share of the sentences naming it, actors and sentences in the article:
  whether the article is about this one actor), the genre step's opinion call, the deeds,
  and the mean times prominence and genre. Fitted on both corpora's selection parts
  together; every setting (regularisation, class weights, neutral bias, bar, cuts) chosen
  by five-fold cross-validation grouped by story or document, on the sum of the two
  corpora's macro-F1; refitted on the whole selection part and scored once held out.
  Cross-validated, the gated cuts beat the cut rule chosen the same way on both corpora
  (accuracy / macro-F1, BASIL 0.715 / 0.399 against 0.671 / 0.398, PerSenT 0.498 / 0.479
  against 0.488 / 0.467), but held out they lose PerSenT: BASIL 0.658 / 0.377 and PerSenT
  0.446 / 0.412, against the committed cuts' 0.612 / 0.367 and 0.519 / 0.463 (three labels: BASIL
  0.638 / 0.350, PerSenT 0.450 / 0.400; two regressions: 0.653 / 0.367 and 0.481 / 0.412).
  Chosen as the cuts were (PerSenT's bars first, `--rule persent-first`), no setting meets
  them cross-validated, and the same readings, with the same held-out scores, come first.
  The two corpora's evidence points different ways. On BASIL's selection part the mean
  hardly ranks the entities (AUC 0.59 for negative against the rest, 0.54 for positive)
  while the actor's share of the article's mentions does (0.80 for positive); on PerSenT
  the mean does (0.82 and 0.72) and the share does not (0.53). Whether the article is
  about the actor tells the two kinds apart (the most mentioned actor for 82% of PerSenT's
  people, 49% of BASIL's entities), but a reading fitted on BASIL alone, as if the corpus
  were known, still reaches only 0.369 cross-validated macro-F1 there (PerSenT alone
  0.498). The cuts stay; no weights are committed.
- Tried and not adopted (2026-12-06,
  `devtools/scripts/portrayal_clear_reading_experiment.py`): a label only with a clearly
  read sentence on its side (the mean past a cut, and some own-voice reading at least +c
  for *positive*, at most -c for *negative*), so that a mean of weak readings ("the Senate
  is expected to vote", +0.08 and +0.07) stays neutral. At the committed cuts, c = 0.5:
  BASIL selection 0.671 / 0.374 and held out 0.633 / 0.350, PerSenT 0.561 / 0.525 and
  0.474 / 0.426, against 0.654 / 0.364, 0.617 / 0.359, 0.564 / 0.527 and 0.509 / 0.451
  without it. With the cuts chosen again for each c, a held-out part lost each time: at c
  = 0.3 BASIL's (0.587 accuracy against 0.597 for the cuts chosen again without the rule),
  at 0.5 and 0.7 PerSenT's (0.467 and 0.453 against 0.495). It moves the two corpora apart
  like the rules above.
- Tried and not adopted (2026-12-06,
  `devtools/scripts/portrayal_prominence_experiment.py`): two pairs of cuts, one for the
  article's most mentioned actor (41% of BASIL's entities, 83% of PerSenT's people) and
  one for the others, chosen on the selection parts as the committed cuts were. PerSenT's
  bars first, then BASIL's macro-F1, picks -0.7 / +0.05 for the main actor and -0.4 /
  +0.4 for the others: BASIL selection 0.706 / 0.410, but held out 0.638 / 0.332 against
  0.617 / 0.359 (accuracy up, macro-F1 down), PerSenT held out 0.509 / 0.452 unchanged.
  Choosing for BASIL's accuracy instead (never *negative* for a secondary actor) gives BASIL
  held out 0.694 / 0.345 and PerSenT held out 0.495 / 0.417. Each trades BASIL's macro-F1
  or PerSenT for BASIL's accuracy, and none comes near the majority class (0.796 held out).
- Afternoon of 2026-12-06 (issue 16), from invented wire, political and climate copy: four
  kinds of verb the valence lexicon rates but that do nothing to anyone are no deeds. A
  feeling towards someone (Levin's "admire verbs": "many Ukrainians fear Russia" had made
  Russia a victim, "voters distrust Congress" Congress); an apology ("the chief executive
  apologized to the victims" had cast him a hero, named once); making an agreement
  ("Democrats and Republicans struck a deal", "cut a deal": the lexicon rates "strike" and
  "cut" as blows; breaking one is still read by its verb); and dying, which the subject
  undergoes ("his father died" had pointed to antagonist). With them, and with "the
  company" and "the agency" resolved to their firm or body (MEANTIME section), every BASIL,
  PerSenT and NFC `role` row and every `portrayal-judged` row is as before (BASIL matches
  two more entities, answering them as before); `role_lean` rose from 0.487 to 0.490
  (held out 0.481 to 0.489).
- Evening of 2026-12-06 (issue 16): lowering a measure ("the bank cut rates", "the
  automaker lowered its outlook", "cut emissions", "cut taxes"; the Attribute of FrameNet's
  Cause_change_of_position_on_a_scale) is no deed, while cutting what is given to someone
  (aid, funding, jobs) still harms those who lose it. A first version made every lowering a
  deed only on people and cost NFC three right villains (threatening to cut aid to three
  countries, proposing to slash a program's funding, seeking to lower emissions); the
  measure-only rule keeps the first two. NFC `role` macro-F1 went from 0.115 to 0.114
  (held out 0.085 both times): the one right villain lost was cast for "sought to lower
  greenhouse emissions", which the lexicon had read as a blow. BASIL, PerSenT, `role_lean`
  and every `portrayal-judged` row are as before; so are they with a job title making a
  person of a name the tagger took for a place ("chief executive Marina Okafor").
- Evening of 2026-12-06 (issue 16): attacks told through what is sent at someone
  ("launched drones at Kyiv", "fired missiles at", "an attack on", "shelled";
  `parallax.portrayal.aimed`) and one actor per firm however its legal name ends (MEANTIME
  section) moved one BASIL entity from positive to neutral, as gold has it, and one NFC
  victim from neutral to victim; NewsMTSC, PerSenT and NFC `role_lean` did not move.
- Late evening of 2026-12-06 (issue 16), from invented op-eds and reports (US Congress,
  a farm bill, Kharkiv, a carmaker's board, a flood fund): the writer's verdicts and
  prescriptions. "Congress should pass a law that keeps the government open" read +0.74
  towards Congress, making a Congress the op-ed condemns positive: a prescription's
  positive share now counts as neutral (`roles.prescribed`, `roles.unpraised`; its
  negative share stays; in a quoted source's voice too, which moved one NFC `role_lean`
  answer and no figure). And a nominal predication on the actor in the article's own voice
  ("Germany is the worst offender", "Her bill is a disgrace", and "That is a cynical bet"
  judging the subject of the sentence before; `parallax.portrayal.verdicts`, the valence
  lexicon rating the noun or its modifier at 1.5 or more, negation turning it round; "be",
  "become" or "remain"), where the model's reading of the same sentence gives the same
  class at least 0.6 (`STRONG`), is enough for the actor's
  sentiment on its own (otherwise `MIN_SENTENCES`, two, are needed): a senator an op-ed
  condemns in one sentence and judges in the next is no longer neutral. BASIL 0.634 /
  0.361 to 0.637 / 0.366 (one gold-negative entity found negative; selection part 0.649 /
  0.362 to 0.654 / 0.373, held out unchanged), PerSenT 0.531 / 0.484 to 0.533 / 0.486 (one
  gold-neutral person no longer positive; held out 0.509 / 0.451 to 0.512 / 0.454); NFC
  `role`, `role_lean` and every `portrayal-judged` row as before (verdicts feed the
  sentiment only, not the roles: "X is a casualty" or "a loser" is no antagonist).
  Narrowed before measuring: an adjective after the copula ("the senator was furious",
  "three were dead") tells a state, not a judgement, and a quality owned is often suffered
  ("the villagers' misery"), so neither counts. Tried and dropped: the share of own
  sentences passing such a verdict as a genre cue (copula then a strongly rated word, no
  quotation or attribution in the sentence). It read the invented op-eds as opinion, but
  on public data it fires little: the ten NAEB opinion pages have a verdict in 0 to 7.5%
  of their sentences, BASIL's news in 0% at the median, and at any weight it took BASIL
  news down (183 to 181 of 210 at weight 3, 177 at 8, on a quick sentence split) with no
  NAEB opinion page gained.
- Night of 2026-12-06 (issue 16), from invented wire, court and business copy: whose words
  a quotation is. A whole noun phrase quoted after a verb of calling is the caller's
  ("called the outcome "a betrayal of science""); a report inside someone's direct
  quotation is theirs; "he said" after an unnamed speaker is that speaker; the time of
  saying and a "while" clause giving another speaker's words are no part of what is said;
  "the governor" is the one person named with that title; one of a body's people ("a TSA
  officer told") speaks for themselves. With the verdicts above: BASIL 0.634 / 0.361 to
  0.637 / 0.366, PerSenT 0.531 / 0.484 to 0.536 / 0.489 (held out 0.509 / 0.451 to
  0.519 / 0.460), NFC and every `portrayal-judged` row as before. Then "the president"
  read as the one person named with that very title ("President Obama ... the
  president"; not "Vice President Biden") took BASIL back to 0.634 / 0.365: the
  references are right, and they gave three gold-neutral entities more sentences, two of
  which crossed a sentiment cut (Obama positive, Biden negative) and one came back to
  neutral. Kept, for the quotations and deeds they give their speaker on unseen news.
- 2026-12-07 (issue 16), from invented wire, Senate, wildfire, business, climate-lawsuit
  and UK politics copy: an actor named only in who a speaker is ("said Senator Ann Berg
  of Ohio, the committee's top Democrat") is not read in the tone of what the speaker
  says; a participle the valence lexicon rates only as an adjective ("advanced") gives its
  verb no rating ("voted to advance the nominee" had cast a committee as a hero); a
  speech verb telling what was not said ("no Republican has said that ...") reports
  nobody's words; "she" goes to the person the article already called "she" before a
  rival it gave no gender, within a sentence (a jailed opposition leader had been read as
  the boxer named after her); sentences wholly inside a quotation are no steps back to
  its speaker; a short quoted sentence after an attributed one is that speaker's; and
  capitals placed by the compass or listed among cities, peoples' names that are a
  named person's surname, firms named after a word for a firm, and bodies tagged as titles
  are read as what they are. Measured after all of it: BASIL 0.634 / 0.365 to
  0.632 / 0.368, PerSenT 0.536 / 0.489 to 0.536 / 0.488 (held out 0.519 / 0.460 to
  0.516 / 0.455), NFC `role_lean` 0.490 to 0.492, `role` and every `portrayal-judged`
  row unchanged. The gender ranking first resolved "she" also where two people of one
  sentence are equally likely (both subjects or both not) and only one had been given the
  pronoun's gender: PerSenT fell to 0.531 / 0.477 (held out 0.502 / 0.431), under its
  floor, so such a pronoun stays unresolved as before and the gender only ranks.
  Tried and not kept the same day: in an opinion piece, casting from the writer's tone
  only where the actor's own-voice sentiment leans the role's way (an invented op-ed
  against Putin made him its hero from one warm reading of "Putin is betting that our
  patience will run out", too little for a sentiment). Every judged row stayed as it was,
  but NFC `role` fell from 0.116 to 0.076 (held out 0.085 to 0.059), under its floor: its
  short climate op-eds are cast from one or two readings. Also tried and not kept: a
  one-word given name as the one person named in full with it ("pardoned his son Hunter
  ... Hunter Biden"): PerSenT fell to 0.531 / 0.480 and BASIL to 0.630 / 0.367, the
  first name of a document's main person drawing sentences read in the budget's place.
  Kept: help only promised or planned ("has promised to pardon his supporters") is no
  deed, and a quotation held by a verb of calling takes that verb as its cue; every row
  above stayed as it was.
- 2026-12-07, later (issue 16), from invented op-eds, a court report, a regulator's fine and
  a climate report: a "call" that names nothing ("personally called the families of the
  two men who drowned") is no speech, so a governor's sentence is read about her; an actor
  named only as the owner of another person's title ("Kroll's challenger, state treasurer
  Amy Lindgren,") is not read in that sentence, and the act is Lindgren's; object and
  possessive pronouns are kept off an owner ("the Kremlin's offer ... refuse it"), a
  relative clause's own subject ("the Senate, which will approve it") and a shared
  subject ("praised Holm and described him"); sums, bodies and towns the tagger misread
  are read as what they are. BASIL 0.632 / 0.368 to 0.634 / 0.369, PerSenT 0.536 / 0.488
  to 0.535 / 0.486 (held out 0.516 / 0.455 to 0.512 / 0.452; of 578 documents one more
  lost than gained, each a pronoun now left open that had landed on the right person by
  chance), NFC `role_lean` 0.492 to 0.493, `role` and every `portrayal-judged` row
  unchanged. Tried and not kept: ranking the subject of an earlier sentence's main clause
  first for "he" and "she", before a rival the article had already called by the
  pronoun (it gave "She has promised" to the challenger named in apposition): PerSenT fell
  to 0.531 / 0.477, under its floor, mostly where a reported clause's own subject lost
  its "his" to the speaker ("the attorney general, Mike Cox, said that Shirvell had a
  right to express his opinions"); even limited to earlier sentences, 0.533 / 0.482.
- 2026-12-07, evening (issue 16), from invented wire copy, an op-ed and a climate summit
  told by two outlets: a sentence that only supposes ("if she does not, she will have
  chosen ...") is not read about its actors in the article's voice (an op-ed's warning to a
  governor had cast her as protagonist; BASIL and PerSenT unchanged by it); "X wants you
  to believe that ..." is X's claim, not the writer's; an article its outlet files as
  opinion is opinion (section line, categories, "Opinion |" headline, `/opinion/`
  address; the corpora here carry no such labels); what a gathering or a law does is not
  done by the body or state named on it ("the UN climate summit collapsed" had cast the
  UN as antagonist); a quote mark the parser cut off closes its sentence. And speakers:
  the subject of a participle of saying speaks ("left the stage, saying only that ...",
  "held firm while arguing that ..."), a speech act after a closed quotation
  is the speaker's, and a reported clause whose subject stands outside the quotation in it
  stays the quotation ('a statement noted that Ms. Lund "has misled the council ..."').
  Those sentences left the article's voice, and the sentence model's warm reading of other
  sentences took their place in four BASIL actors' means, two others gained: BASIL 0.634 /
  0.369 to 0.630 / 0.367 (floor lowered to 0.625), PerSenT 0.535 / 0.486 to 0.535 / 0.487
  (held out 0.512 / 0.452 to 0.509 / 0.449), NFC `role` 0.116 to 0.114, `role_lean` 0.493
  to 0.489 (held out 0.485 to 0.478; 0.002 of it from an act only supposed putting no one
  in its target's place, and a place cast as a doer only for a deed of its own, which on
  an invented op-ed had cast the firm it blames as victim and a poisoned river as
  antagonist), every `portrayal-judged` row unchanged. Re-choosing the cuts on the selection parts
  (`parallax-dev eval portrayal --choose-cuts`) would now take POSITIVE_CUT 0.0 and
  MIN_SENTENCES 3 (BASIL selection 0.711 / 0.412, held out 0.617 / 0.351; PerSenT
  selection 0.550 / 0.511, held out 0.509 / 0.447); not applied, since PerSenT as a whole
  would fall to about its accuracy floor.
- 2026-12-07, second session (issue 16), from invented wire copy (a stopgap spending
  vote, a strike on a Russian oil depot, a wildfire study, floods told by two outlets, a
  NATO summit, an op-ed on Kherson), none from the corpora: a quotation closing its
  paragraph is no longer given to the speaker of the next paragraph (the parser opens the
  next sentence with the closing mark and the break; a Ukrainian commander's words had gone
  to Russia's Defence Ministry, a researcher's to the oil industry); a colon after a clause
  introduces its subject's words ('Mary Cheney concluded her post: "Please like and
  share"'); "they said" after an unnamed group's finding is that group's; someone's critics,
  allies or apologists speak and act for themselves ("the Kremlin's apologists will tell
  you" had been Russia's claim); cities the small tagger misses are places from GeoNames
  where the sentence uses them as one (`parallax.place_gazetteer`); a single line break that
  ends a paragraph or a heading ends a sentence (a page's headline had run into its first
  sentence; PerSenT's documents part their paragraphs so). BASIL 0.630 / 0.367 to 0.625 /
  0.365 (two entities: a congresswoman's reported remark on the challenge to Pelosi is now
  rightly reported speech, and a senator's narrated "blamed his rival ..." is the article's
  voice again; each leaves the sentence model's warm or cold reading of the rest where
  annotators saw neutral), PerSenT 0.535 / 0.487 to 0.547 / 0.493 (held out 0.509 / 0.449
  to 0.519 / 0.457; the line breaks gave 0.548 / 0.498, and a storm's first name no longer
  being a person unmatched one target, "Harvey" in a report on Hurricane Harvey's relief;
  its floors raised to 0.54 / 0.49), NFC `role_lean` 0.490 / 0.489 to 0.488 / 0.488,
  `role` and every `portrayal-judged` row unchanged; the gazetteer alone changed none.
- 2026-12-07, third session (issue 16), from invented wire copy (a Supreme Court ruling, a
  prisoner swap, a House speaker's border fight, a heatwave, a front-line report) and a
  war op-ed, none from the corpora: verbs of a contest that both sides wage (Levin's
  "battle verbs": "the couple had been fighting the agency") harm no one and cast no
  antagonist, though "fought off an assault" still does; a verdict passed by an
  unresolved "It" or "they" is an unnamed speaker's (the report had listed a source called
  "It"), and an unnamed source is one voice however its first word is cased ("The general
  staff" and "the general staff" had been two); "the agency" takes the body named on the
  noun, however far back, and pronouns and descriptions are left open where the text
  allows another reading (MEANTIME's new pronoun row, in the actors table); events get the
  doer the parser hid ("China, the world's biggest emitter, pledged ..."; "called on rich
  nations to deliver"); "according to X" opening a sentence or closing it after a comma
  vouches for the whole sentence, not only the clause the parser hung it on ("An aide
  resigned on Wednesday, a day after investigators subpoenaed records, according to two
  people" had left the resignation in the article's voice); a legislator's title the
  tagger ran into a name ("Assemblyman Ed Ra") is no part of it. BASIL and PerSenT
  unchanged (0.625 / 0.365, 0.547 / 0.493), NFC `role_lean` 0.488 (0.489 for a while,
  back with the last two), every `portrayal-judged` row unchanged. Tried and not kept:
  "the Islamic State" read whole where the tagger stops at "Islamic" (BASIL 0.623: the new
  actor moved one article's question budget onto two of Donald Trump's sentences, read
  negative against gold's neutral).
- 2026-12-07, fourth session (issue 16), from invented wire copy (a stopgap vote, an
  Odesa port strike, an Arctic sea-ice report, a central bank, a Kharkiv strike, an oil
  major's lobbying, two-outlet confirmation and flood stories) and an op-ed: a bare surname
  is the head of state or government in office when no full name in the article explains
  it ("Carney spoke with Trump"); a model of arms before its noun ("more Patriot air
  defence systems") is no actor; a speaker's name the tagger reads whole is shown whole.
  BASIL, PerSenT and NFC unchanged; on the fresh judged part one wrong protagonist in a
  war report is no longer shown. The cut chooser (`--choose-cuts`), rerun on the current
  pipeline, now picks three own-voice sentences at least instead of two (BASIL selection
  0.711 / 0.412, PerSenT selection 0.554 / 0.513). Not adopted: over all documents it gives
  BASIL 0.670 / 0.383 but PerSenT 0.524 / 0.474, under PerSenT's floors (0.54 / 0.49), and
  PerSenT's held-out part falls to 0.495, under its majority class (0.516): the rule's bar on
  the PerSenT selection part is met by a hair there and does not hold out.
  Later the same session, from an invented op-ed: what "we" or "I" say, demand or argue
  outside quotation marks is the writer's own voice, not a quotation from an unnamed source
  ("We must demand that Governor Park veto this bill" had been shown as quoted). BASIL,
  PerSenT, NFC `role` and every judged row unchanged; NFC `role_lean` 0.488 / 0.488 to
  0.487 / 0.486 (held out 0.478 to 0.470): the learned reading was fitted with such
  sentences counted as quoted, and is not refitted for it here.
  Then, from an invented wildfire report with a photo credit and caption: a photo credit
  ("(Alex Moreno/Ridge Daily)") names no actor, and a subject the parser takes across a
  paragraph break is cut to its part in the verb's paragraph (the credit had become the
  speaker of '"We lost everything," said Ana Ruiz' below it; in a BASIL report a quotation
  alone on its line had become part of "The White House, meanwhile, said ..."). BASIL
  0.625 / 0.365 to 0.627 / 0.366; PerSenT 0.547 / 0.493 to 0.545 / 0.491 (one document
  whose garbled speaker's sentence is the article's own again, and which the sentence model
  reads warm where gold is neutral); NFC and judged rows unchanged. Tried and not kept: a
  quotation's speech verb looked for only in its own paragraph (the same BASIL quotation
  would go to no one rather than to the White House), which took PerSenT's macro-F1 to
  0.4896, under its floor: two documents' sentences moved to the article's own voice and
  one read cold where gold is neutral.
- 2026-12-07, fifth session (issue 16), from invented copy (a farm-bill editorial, a reef
  op-ed, a Ukraine aid vote told by two outlets, a Senate race, a prisoner swap, a heat
  record): a byline that signs a piece as the outlet's editorial ("Editorial Board") files
  it as opinion, which lets its tone cast roles, and the invented editorial showed how
  that misread: "The Senate should reject the House's approach" had cast the Senate as
  antagonist (a prescription to harm another, or a veto asked for, now blames the one told
  no more than it praises it, and a demand without a modal, "demand that Governor Park
  veto this bill", is read the same); "Supporters, led by chairman X, say ..." had cast X
  protagonist in their words (a person in unnamed speakers' subject is not read in what
  they say); "It would raise price guarantees" after "The version the committee approved"
  had given the committee the bill's "it". A critic's "blasted the package as 'another
  blank check' for ..." is the critic's quotation, so "a Kentucky Republican" beside him no
  longer cast the party antagonist; "17 Republicans broke ranks" is no deed; whom an appeal
  asks ("begged the government to listen") is no victim of the sentence's tone. BASIL
  unchanged (0.627 / 0.366); PerSenT 0.545 / 0.491 to 0.547 / 0.493; NFC `role_lean` 0.486
  to 0.488; every judged row unchanged. Still misread in the editorial, left for the
  learned readings: "Every five years, Congress passes a farm bill, and every five years the
  biggest checks go to the biggest farms" read warm towards Congress, and "Children and
  older Americans would bear most of the loss" warm towards Americans, so both are cast
  protagonist there. Tried and not kept: two clear own-voice sentences for any role in an
  opinion piece, which neutralised those but also Russia's antagonist in the bundled
  "Northern Voice" op-ed, where one sentence carries it.
- 2026-12-07, sixth session (issues 16 and 17), from invented copy (a budget standoff, a
  drone strike on Kharkiv, a wetlands op-ed, a lithium deal, a voter-roll ruling, a glacier
  survey, a fare increase, a missile strike on Odesa, a judge praised in an op-ed, a state
  budget, an oil-company op-ed, an Ohio governor's race, an embezzlement trial, a
  coral-bleaching survey, a UK welfare revolt, and a rail bill and an EU climate vote each
  told by two outlets). Victims the text does not cast: a court that "blocked Arizona from
  removing voters" holds a doer back (the events layer's `kept_from`), the loser of "defeated
  Husted in the governor's race" lost a contest (`contest`), and "Labour had lost control of
  its own party" is a failure, not a loss suffered; none is harm done to anyone. Speakers and
  doers: "X rejected the offer, saying it "..."" is X's quotation, not the speaker's before
  it; "a move critics say will ..." reports only what follows the critics; "Stein said his
  client would appeal" has the client appealing; "its flood claims have fallen" is done by
  nobody; "Secretary of State Adrian Fontes" and "Board chair Lionel Hart" are people, not
  bodies; "Turnout", "Debris" and "a shell" are no actors, and "Husted conceded" (a surname
  the tagger read as a verb) is Husted. "The governor" is the person named with that title
  earlier and named again within three sentences, no longer only within three sentences
  of the title itself: the Wisconsin budget story's "praised the governor. She said he had
  "protected our kids' classrooms."" now gives the governor a quoted source's positive
  view. In BASIL the same reading links two Huffington Post reports' "the president" to
  Barack Obama (right, checked by hand), and the sentence model reads those sentences warm
  where annotators saw neutral: BASIL 0.627 / 0.366 to 0.623 / 0.364 (floor lowered to
  0.62); PerSenT 0.547 / 0.493 to 0.548 / 0.495; NFC `role_lean` 0.488 to 0.491 (held out
  0.470 to 0.478); NFC `role` 0.113 to 0.112. Tried and not kept: the cuts the selection
  rule now picks (three own-voice sentences of evidence instead of two), which would lift
  BASIL to 0.675 but take PerSenT to 0.522, under its floor.
- 2026-12-08, seventh session (issue 16), from invented copy (a Pentagon nomination
  hearing, a prisoner swap, climate talks, a hurricane, a renters' op-ed, a wildfire-aid
  op-ed, a missile strike on Sumy, a pipeline op-ed, a derailment told by two outlets). The
  standard a comparison holds something up to is left out of the sentence's reading ("They
  deserve better than a Congress that treats their sacrifice as a bargaining chip" read
  +0.97 towards Congress and cast it protagonist in an op-ed demanding Congress act;
  `parallax.portrayal.compared`). The person a quotation names is not its speaker ('"Putin
  reads weakness ...," he said' had been Putin's words); "the council" eight sentences
  after the city council it names is that council (the renters' op-ed now casts it
  antagonist: "it has delivered nothing but studies, task forces and excuses"); an op-ed
  whose first paragraph is one short sentence keeps its "Opinion:" headline, and with it
  its genre (it had been read as a news report, and Mike Johnson's refusal cast no one).
  Every row above unchanged (BASIL 0.623 / 0.364, PerSenT 0.548 / 0.495, NFC `role` 0.112,
  `role_lean` 0.491, held out 0.478); every judged row unchanged. Still misread, left for
  the learned readings: "Committee chairman Roger Wicker said Holt had "decades of service
  and the judgment this job demands," and accused Democrats of delaying a routine
  appointment" reads -0.86 towards Holt (the quoted source's view is shown as negative),
  and "Last week, the council voted 5-4 to shelve a modest proposal" +0.50 towards the
  council.
- NFC: `role_lean` is the learned reading of all the evidence, every voice alike
  (`parallax/portrayal/role_model.py`, `parallax-dev train portrayal-roles`, fitted on the
  paper's fold 1 train and dev articles only); its held-out row above is the fold's test
  articles, and it carries the issue's bar. `role` is what the product shows: how the
  article casts the actor in its own voice. It is `role_lean` when its probability reaches
  the confidence bar stored with the weights, own-voice sentences support it (in a news
  report at least one with a deed done to someone or name-calling pointing to the role; in
  an opinion piece, by the genre step, a confidently read own sentence will do), and the
  article's own sentiment does not run against it, however slightly; otherwise *neutral*,
  which NFC's gold never is. What only the article's quoted sources say of an actor is
  their casting, reported under their names (`quoted`), never the article's `role`.
- NFC `role` fell from 0.432 to under 0.1 on 2026-12-05, and the earlier figure did not
  measure what it seemed to. The corpus file wraps each text holding a quotation mark in
  marks and doubles every mark inside it (spreadsheet quoting), and the evaluation split its
  lines at tabs, leaving that quoting in: the quotes layer paired the marks one off and took
  most of each article for quotations, the own voice was nearly empty, the own-voice demands
  never applied, and roles rested on quoted sentences. Read as printed
  (`parallax_dev.datasets.nfc`), with quotation marks paired by their direction
  (`parallax.actors.quote_marks`) and a role always the article's own, measured in steps on
  this corpus (`role` / `role_lean` macro-F1, all 1296 entities): reader fixed, weights and
  rules as before, 0.193 / 0.480; quotes layer robust to unclosed marks and the role the
  article's own, 0.134 / 0.482; role weights refitted and their bar chosen again (below),
  0.135 / 0.482; help counted as a deed only when it reaches one of the article's actors or
  people (`parallax.actors.animacy`; judged news next section) and the weights refitted on
  the actors of that day, 0.128 / 0.484; a planned or supposed act ("will join") no deed,
  0.123 / 0.484; a word that only sounds harmful or helpful no clear reason in any genre,
  and harm to something of an actor's no longer making it a victim, 0.120 / 0.484. NFC's
  annotators cast each entity in the article's whole narrative, whom it
  quotes included; no bar and own-voice demand keeps the own-voice `role` at 0.40 here
  (0.379 at best, with no clear own-voice demand, where the judged news falls to 0.43
  accuracy), so `parallax-dev train portrayal-roles` now chooses the bar and demand for
  accuracy on the judged news's selection half first (next section: read for the article's
  own casting, with *neutral*), then this corpus's macro-F1, then mean precision on both.
  Per answered role the precision here is about one half (`role` in `portrayal_roles.json`:
  macro precision 0.52 on the selection part, 0.59 held out, answering 14% and 8% of the
  entities) against a third by chance. `role_lean` on the held-out articles fell from 0.486
  to 0.469 (0.473 now) with the corpus read as printed (not yet looked into; a likely cause,
  unchecked: the model reads at most four sentences per actor and voice, so with less of
  each article quoted it reads fewer of each actor's sentences).
- Tried and not adopted (2026-12-05): adding to the role reading the average of the
  pooled states the sentiment model computes for each actor's sentences anyway (768
  numbers, no extra encoder pass). On NFC it reads far better (fold 1 test articles:
  `role_lean` macro-F1 0.661, `role` 0.560 at macro precision 0.72 answering 65%), and
  within one entity group (governments and politicians, cross-validated) 0.651 against
  0.518, so it reads context, not only the kind of entity. But on an invented war report
  it cast the army that shells villages as a *victim*, and in the seeds it read Russia and
  the United States as victims too (Russia cast so in the first): fitted on climate news,
  it does not
  carry over to war news, which NFC's held-out articles (the same entity groups) cannot
  show. The current reading casts that report right
  (`test_the_pipeline_casts_an_aggressor_its_victims_and_their_helpers`).
"""
