"""Corpus runs in bounded memory, on this process or distributed on Ray."""

from parallax.engines.run import ENGINES, run_corpus
from parallax.engines.work import CorpusSummary

__all__ = ["ENGINES", "CorpusSummary", "run_corpus"]
