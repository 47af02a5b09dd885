"""Statements: sentence types, check-worthiness, subjectivity and calls to action."""
