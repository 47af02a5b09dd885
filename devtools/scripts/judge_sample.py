"""Print the timeline entries and person links of the issue-18 sample for a hand check.

Usage (from the repository root, with ../shared present)::

    python devtools/scripts/judge_sample.py [--basil 20] [--ukraine 6] [--allsides 20]
        [--rows OUT.jsonl]

For each article it prints every timeline entry (date, label, sentence text, ids, offsets)
and every mention of an actor linked to a knowledge-base person (mention text, offsets,
sentence). The printout quotes the articles, so keep it out of the repository; ``--rows``
writes the same rows without any article text, ready to be labelled.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import parallax_dev.judged_sample as judged
from parallax.components import load

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def main() -> None:
    """Run the pipeline over the sample and print what a reader must judge."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for corpus, size in judged.SIZES.items():
        parser.add_argument(f"--{corpus}", type=int, default=size, help="articles to sample")
    parser.add_argument("--rows", type=Path, help="write text-free rows here (JSON Lines)")
    args = parser.parse_args()
    items = judged.sample(SHARED, basil=args.basil, ukraine=args.ukraine, allsides=args.allsides)
    pipeline = load()
    kb = judged.knowledge()
    rows: list[dict[str, object]] = []
    for item, analysis in zip(items, pipeline.pipe([i.article for i in items]), strict=True):
        text = analysis.article.text
        print(f"\n=== {item.input}  id={analysis.article.id}  date={analysis.article.date}")
        sentences = {s.id: s for s in analysis.sentences}
        for row in judged.timeline_rows(item, analysis):
            print(
                f"  T {row['date']}  [{row['label']}]  src={row['date_source']} "
                f"kb={row['kb_event']}  {row['sentence_id']} {row['start']}-{row['end']}"
            )
            print(f"      | {sentences[str(row['sentence_id'])].text}")
            rows.append({"what": "timeline", **row})
        for row in judged.person_link_rows(item, analysis, kb):
            found = sentences.get(str(row["sentence_id"]))
            mention = text[int(row["start"]) : int(row["end"])]
            print(
                f"  P {row['kb_id']}  <{mention}> ({row['kind']})  "
                f"{row['sentence_id']} {row['start']}-{row['end']}"
            )
            print(f"      | {found.text if found else ''}")
            rows.append({"what": "person", **row})
    if args.rows:
        with args.rows.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
