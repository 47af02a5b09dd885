"""Trained weights produced by ``parallax train`` (small numpy arrays with JSON metadata)."""
