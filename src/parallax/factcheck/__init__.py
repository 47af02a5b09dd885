"""Fact-checking: structured claims checked against reference knowledge, with evidence."""

from parallax.factcheck.checker import (
    CheckedClaim,
    Checker,
    TextCheck,
    open_knowledge,
)
from parallax.factcheck.model import VERDICTS, Evidence, Verdict

__all__ = [
    "VERDICTS",
    "CheckedClaim",
    "Checker",
    "Evidence",
    "TextCheck",
    "Verdict",
    "open_knowledge",
]
