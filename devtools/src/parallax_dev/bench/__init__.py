"""Benchmarks that measure Parallax against public gold data (``parallax-dev bench ...``).

The benchmarks read third-party data sets from a shared folder outside the repository and
never copy them in; only the scores they produce are written to the docs.
"""
