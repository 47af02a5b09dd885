"""Evaluations of the analysis components on public gold data (``parallax eval ...``)."""
