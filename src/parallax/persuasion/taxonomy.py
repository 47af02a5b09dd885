"""The persuasion techniques Parallax names, and how the SemEval-2021 task 6 labels map to them.

The names follow the PTC / SemEval propaganda-technique inventory (Da San Martino et al. 2019;
Dimitrov et al. 2021) so figures can be compared with published systems; each one is defined,
with an example written by this project, in ``docs/techniques.md``.
"""

from __future__ import annotations

from typing import Final

TECHNIQUES: Final[tuple[str, ...]] = (
    "loaded_language",
    "name_calling",
    "slogans",
    "flag_waving",
    "appeal_to_fear",
    "doubt",
    "exaggeration",
    "whataboutism",
    "appeal_to_hypocrisy",
    "black_and_white",
    "causal_oversimplification",
    "thought_terminating_cliche",
    "repetition",
    "appeal_to_authority",
    "bandwagon",
    "straw_man",
    "red_herring",
    "smears",
    "glittering_generalities",
    "obfuscation",
    "reductio_ad_hitlerum",
)
"""Every technique name that can appear in ``Sentence.techniques``."""

LABELS: Final[dict[str, str]] = {
    "loaded_language": "Loaded language",
    "name_calling": "Name calling / labeling",
    "slogans": "Slogans",
    "flag_waving": "Flag-waving",
    "appeal_to_fear": "Appeal to fear / prejudice",
    "doubt": "Doubt",
    "exaggeration": "Exaggeration / minimisation",
    "whataboutism": "Whataboutism",
    "appeal_to_hypocrisy": "Appeal to hypocrisy (tu quoque)",
    "black_and_white": "Black-and-white fallacy",
    "causal_oversimplification": "Causal oversimplification",
    "thought_terminating_cliche": "Thought-terminating cliché",
    "repetition": "Repetition",
    "appeal_to_authority": "Appeal to authority",
    "bandwagon": "Bandwagon",
    "straw_man": "Straw man",
    "red_herring": "Red herring",
    "smears": "Smears",
    "glittering_generalities": "Glittering generalities",
    "obfuscation": "Obfuscation / vagueness",
    "reductio_ad_hitlerum": "Reductio ad hitlerum",
}
"""Human-readable names for reports."""

SEMEVAL_2021: Final[dict[str, str]] = {
    "Appeal to authority": "appeal_to_authority",
    "Appeal to fear/prejudice": "appeal_to_fear",
    "Black-and-white Fallacy/Dictatorship": "black_and_white",
    "Causal Oversimplification": "causal_oversimplification",
    "Doubt": "doubt",
    "Exaggeration/Minimisation": "exaggeration",
    "Flag-waving": "flag_waving",
    "Glittering generalities (Virtue)": "glittering_generalities",
    "Loaded Language": "loaded_language",
    "Misrepresentation of Someone's Position (Straw Man)": "straw_man",
    "Name calling/Labeling": "name_calling",
    "Obfuscation, Intentional vagueness, Confusion": "obfuscation",
    "Presenting Irrelevant Data (Red Herring)": "red_herring",
    "Reductio ad hitlerum": "reductio_ad_hitlerum",
    "Repetition": "repetition",
    "Slogans": "slogans",
    "Smears": "smears",
    "Thought-terminating cliché": "thought_terminating_cliche",
    "Whataboutism": "whataboutism",
    "Bandwagon": "bandwagon",
}
"""SemEval-2021 task 6 label -> our name. The task merges tu quoque into whataboutism."""


def label(technique: str) -> str:
    """Return the readable name of ``technique`` (the name itself when unknown)."""
    return LABELS.get(technique, technique.replace("_", " "))
