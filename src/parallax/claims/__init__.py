"""Structured claims: subject, relation, object, quantity, unit and time span, per sentence."""

from parallax.claims.grammar import Context, read_claims
from parallax.claims.model import KINDS, Claim, Party

__all__ = ["KINDS", "Claim", "Context", "Party", "read_claims"]
