"""Find the knowledge-base entities a claim names: the longest alias match over its words.

A claim is checkable only when its subject and object are entities the knowledge base has
facts about, so linking is by the knowledge base's own aliases ("the Alliance", "USSR",
"the Czech Republic") rather than by the parser's entity labels, which miss many of them.
Names must start with a capital letter (after an optional "the"), so the pronoun "us" never
becomes the United States; demonyms ("Soviet President Gorbachev") link too, marked as such.

A name two places share is decided by the article, as the actors layer decides it
(:mod:`parallax.knowledge.shared_names`): "Gov. Brian Kemp of Georgia" is the US state, so a
claim about it is never checked against the facts of the country the knowledge base knows.

An alias that is only a kind of organisation ("the Union", "the Alliance") names nothing by
itself: "Union President Shawn Fain" leads a trade union, and "the Union" is the European
Union only where that is the one union the article named. Such words are left to
:mod:`parallax.claims.anaphors`, which binds them by the article, capitalised or not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from parallax.claims.model import Party
from parallax.knowledge import KBEntity, KnowledgeBase, alias_key, kind_word
from parallax.knowledge.shared_names import us_state_at

MAX_WORDS = 9
_WORD = re.compile(r"[\w\u00C0-\u024F]+(?:[.'\u2019\-][\w\u00C0-\u024F]+)*\.?")


@dataclass(frozen=True)
class Mention:
    """A span of text that names knowledge-base entities.

    Attributes:
        text: the words as written.
        start: offset of the first character in the searched text.
        end: offset after the last character.
        candidates: the entities the words may name, best first (an alias can be shared:
            "Washington" is a city and, in news, the US government).
        demonym: True when the words are a demonym ("Russian") rather than a name.
    """

    text: str
    start: int
    end: int
    candidates: tuple[KBEntity, ...]
    demonym: bool = False

    @property
    def entity(self) -> KBEntity:
        """The first candidate."""
        return self.candidates[0]

    def of_type(self, *types: str) -> KBEntity | None:
        """The best candidate of one of ``types``, or None."""
        return next((c for c in self.candidates if c.type in types), None)


def _looks_like_a_name(words: str) -> bool:
    stripped = re.sub(r"^the\s+", "", words, flags=re.IGNORECASE)
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def _may_start_a_name(text: str, words: list[tuple[int, int]], index: int) -> bool:
    """Whether some span starting at word ``index`` can look like a name.

    The same test as :func:`_looks_like_a_name` on the span's first characters: the word
    itself, or, after a lower-case "the", the next word.
    """
    start, end = words[index]
    if _looks_like_a_name(text[start:end]):
        return True
    if text[start:end].lower() != "the" or index + 1 >= len(words):
        return False
    return _looks_like_a_name(text[start : words[index + 1][1]])


def find_mentions(text: str, kb: KnowledgeBase) -> list[Mention]:
    """Knowledge-base entities named in ``text``, longest match first, in text order."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    mentions: list[Mention] = []
    index = 0
    while index < len(words):
        if not _may_start_a_name(text, words, index):
            index += 1  # no span starting here can pass _looks_like_a_name: skip its sizes
            continue
        found = None
        for size in range(min(MAX_WORDS, len(words) - index), 0, -1):
            start, end = words[index][0], words[index + size - 1][1]
            span = text[start:end]
            if span.endswith(".") and not re.search(r"\.\w", span):
                span, end = span[:-1], end - 1
            if not _looks_like_a_name(span):
                continue
            key = alias_key(span)
            if kind_word(span):
                continue  # "the Union", "Alliance": a kind, bound by the article or not at all
            if len(key) <= 3 and span.replace(".", "") != span.replace(".", "").upper():
                continue  # "us", "eu" in lower case are words, not names
            entities = kb.lookup(span)
            demonym = False
            if not entities and size <= 2:
                entities, demonym = kb.lookup_demonym(span), True
            if entities:
                if re.search(r"['\u2019]s$", span):
                    span, end = span[:-2], end - 2
                found = Mention(span, start, end, tuple(entities), demonym)
                index += size
                break
        if found is None:
            index += 1
        else:
            mentions.append(found)
    return mentions


def without_us_states(mentions: list[Mention], parse: Sequence[Any], offset: int) -> list[Mention]:
    """The mentions less those of a country that are, in this article, a US state.

    ``parse`` holds the sentence's tokens, in the whole article's parse; ``offset`` turns a
    mention's offsets in the sentence into the article's. Without a parse the article's
    context is unknown and a country stays a country.
    """
    if not parse:
        return mentions
    doc = parse[0].doc
    kept = []
    for mention in mentions:
        country = mention.of_type("country")
        if country is not None and us_state_at(
            doc, mention.start + offset, mention.end + offset, country.name, demonym=mention.demonym
        ):
            continue
        kept.append(mention)
    return kept


def party(mention: Mention, *types: str) -> Party:
    """The claim party a mention names, preferring an entity of one of ``types``."""
    entity: KBEntity | None = mention.of_type(*types) if types else mention.entity
    entity = entity or mention.entity
    return Party(mention.text, entity.id, entity.type)


def nearest(items: Sequence[Any], at: int) -> Any:
    """The item (anything with ``start`` and ``end``) closest to offset ``at``, or None."""
    return min(items, key=lambda item: min(abs(item.start - at), abs(item.end - at)), default=None)
