"""Parallax's development tools: benchmarks, evaluations and training (``parallax-dev``).

Kept out of the installed ``parallax`` package so that ``pip install parallax-news`` ships
the analysis and nothing that reads third-party datasets, fits weights or rewrites the docs.
This package imports ``parallax``; ``parallax`` never imports this one.

- :mod:`parallax_dev.bench`: speed and extraction benchmarks (``parallax-dev bench``);
- :mod:`parallax_dev.evaluation`: component scores on public data (``parallax-dev eval``);
- :mod:`parallax_dev.training`: regenerating the committed weights (``parallax-dev train``);
- :mod:`parallax_dev.datasets`: readers of the datasets the last two share;
- :mod:`parallax_dev.paths`: where results go (the checkout, never the installed package).
"""

from __future__ import annotations

__version__ = "0.1.0"
