"""The generic frames Parallax names, and how public frame datasets' labels map onto them.

The taxonomy follows the policy frames codebook of Boydstun, Card, Gross, Resnik and Smith
(2014), used by the Media Frames Corpus (Card et al. 2015), with two generic news frames
from Semetko and Valkenburg (2000), *conflict* and *human interest*, which the Narrative
Frames Corpus annotates. Definitions are in ``docs/frames.md``.
"""

from __future__ import annotations

from typing import Final

FRAMES: Final[tuple[str, ...]] = (
    "economic",
    "capacity_and_resources",
    "morality",
    "fairness_and_equality",
    "legality",
    "policy_prescription",
    "crime_and_punishment",
    "security_and_defense",
    "health_and_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation",
    "history",
    "conflict",
    "human_interest",
)

GVFC: Final[dict[str, str]] = {
    "1": "legality",  # gun / second-amendment rights
    "2": "policy_prescription",  # gun control / regulation
    "3": "political",  # politics
    "4": "health_and_safety",  # mental health
    "5": "security_and_defense",  # school or public-space safety
    "6": "fairness_and_equality",  # race / ethnicity
    "7": "public_opinion",  # public opinion
    "8": "cultural_identity",  # society / culture
    "9": "economic",  # economic consequences
}
"""GVFC Q3 theme code -> our frame (one-to-one, so 9-way accuracy stays comparable)."""

NFC: Final[dict[str, str]] = {
    "EC": "economic",
    "MO": "morality",
    "CO": "conflict",
    "HI": "human_interest",
    "RE": "policy_prescription",  # resolution: a remedy is proposed or evaluated
}
"""Narrative Frames Corpus frame -> our frame."""

KEYWORDS: Final[dict[str, tuple[str, ...]]] = {
    "economic": (
        "econom",
        "profit",
        "market",
        "cost",
        "price",
        "wage",
        "job",
        "trade",
        "capital",
        "tax",
        "budget",
        "invest",
        "business",
        "wealth",
        "dollar",
        "billion",
    ),
    "capacity_and_resources": (
        "resource",
        "shortage",
        "capacity",
        "supply",
        "infrastructure",
        "natural resources",
        "energy",
    ),
    "morality": (
        "moral",
        "ethic",
        "evil",
        "sin",
        "right and wrong",
        "conscience",
        "shame",
        "duty",
        "values",
    ),
    "fairness_and_equality": (
        "equal",
        "fair",
        "injustice",
        "discriminat",
        "racis",
        "oppress",
        "exploit",
        "rights of",
    ),
    "legality": (
        "law",
        "legal",
        "court",
        "constitution",
        "treaty",
        "ruling",
        "lawsuit",
        "amendment",
        "agreement",
    ),
    "policy_prescription": (
        "policy",
        "must",
        "should",
        "need to",
        "demand",
        "plan",
        "proposal",
        "reform",
        "regulation",
    ),
    "crime_and_punishment": (
        "crime",
        "criminal",
        "police",
        "prison",
        "arrest",
        "punish",
        "shooting",
        "murder",
        "torture",
    ),
    "security_and_defense": (
        "military",
        "troops",
        "war",
        "weapon",
        "missile",
        "army",
        "defen",
        "security",
        "nuclear",
        "alliance",
        "invasion",
        "bomb",
        "warship",
    ),
    "health_and_safety": ("health", "disease", "hospital", "safety", "mental", "injur", "death"),
    "quality_of_life": (
        "family",
        "families",
        "home",
        "daily life",
        "living conditions",
        "housing",
        "community",
    ),
    "cultural_identity": (
        "culture",
        "tradition",
        "identity",
        "religio",
        "heritage",
        "language",
        "nation",
    ),
    "public_opinion": (
        "poll",
        "survey",
        "public opinion",
        "protest",
        "voters",
        "demonstration",
        "popular",
    ),
    "political": (
        "government",
        "president",
        "election",
        "party",
        "politic",
        "administration",
        "congress",
        "parliament",
        "minister",
        "leader",
        "power",
    ),
    "external_regulation": (
        "international",
        "foreign policy",
        "sanction",
        "diplomat",
        "allies",
        "nato",
        "united nations",
        "european union",
        "bilateral",
        "border",
    ),
    "history": (
        "history",
        "historic",
        "century",
        "decades",
        "cold war",
        "world war",
        "revolution",
        "in 19",
        "since 19",
        "ever since",
    ),
    "conflict": (
        "conflict",
        "clash",
        "fight",
        "oppos",
        "enemy",
        "rival",
        "attack",
        "threat",
        "dispute",
        "versus",
    ),
    "human_interest": (
        "children",
        "mother",
        "father",
        "victim",
        "suffer",
        "personal",
        "story of",
        "grief",
        "tears",
    ),
}
"""Cue stems per frame, written by this project (lower case, matched as word prefixes)."""
