"""Trained weights produced by ``parallax-dev train`` (small numpy arrays with JSON metadata)."""
