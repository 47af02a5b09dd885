"""BASIL 2010-2016 as sentences with their annotated bias spans, for loaded-language models.

BASIL (Fan et al., EMNLP 2019) gives each of 210 articles as paragraphs of sentences and
its bias annotations as character spans into one sentence (the annotation names no
sentence, so the sentence is the one whose text at those offsets is the annotated text).
Lexical-bias spans are the loaded words and phrases; informational-bias spans are facts
chosen to tilt the story. The three outlets of a story share its ``story`` id, which is
what cross-validation splits on so that no event is both trained and tested on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

BASIL = ("inputs", "basil-media-bias")
YEARS = tuple(str(y) for y in range(2010, 2017))


@dataclass
class BasilSentence:
    """One sentence of a BASIL article, with its bias spans (offsets into ``text``)."""

    story: str
    article: str
    text: str
    lexical: list[tuple[int, int]] = field(default_factory=list)
    informational: list[tuple[int, int]] = field(default_factory=list)
    quoted_lexical: list[bool] = field(default_factory=list)

    @property
    def any_bias(self) -> bool:
        """Whether annotators marked any bias span in the sentence."""
        return bool(self.lexical or self.informational)


def basil_folder(shared: Path) -> Path:
    """The BASIL folder under ``shared/inputs``, or an error that says where it should be."""
    folder = shared.joinpath(*BASIL)
    if not (folder / "annotations").is_dir():
        raise FileNotFoundError(
            f"{folder}/annotations is missing; pass --shared pointing at the folder holding "
            "inputs/basil-media-bias"
        )
    return folder


def load_sentences(shared: Path) -> list[BasilSentence]:
    """Every sentence of the 2010-2016 articles, in file order, with its spans."""
    folder = basil_folder(shared)
    result: list[BasilSentence] = []
    for year in YEARS:
        for path in sorted((folder / "annotations" / year).glob("*_ann.json")):
            annotation = json.loads(path.read_text(encoding="utf-8"))
            article_path = folder / "articles" / year / path.name.replace("_ann", "")
            article = json.loads(article_path.read_text(encoding="utf-8"))
            sentences = [
                BasilSentence(article["triplet-uuid"], article["uuid"], text)
                for paragraph in article["body-paragraphs"]
                for text in paragraph
            ]
            for span in annotation["phrase-level-annotations"]:
                start, end = int(span["start"]), int(span["end"])
                owner = next((s for s in sentences if s.text[start:end] == span["txt"]), None)
                if owner is None:
                    continue  # one annotation in the release matches no sentence
                if span["bias"] == "lex":
                    owner.lexical.append((start, end))
                    owner.quoted_lexical.append(span.get("quote") == "yes")
                else:
                    owner.informational.append((start, end))
            result.extend(sentences)
    return result
