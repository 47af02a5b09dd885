"""Framing: which frames an article uses and which genre it is written in."""
