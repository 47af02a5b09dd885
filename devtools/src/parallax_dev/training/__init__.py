"""Fitting the committed weights from the public datasets (``parallax-dev train ...``).

Each trainer writes into a folder its caller names; the command's default is the
checkout's ``src/parallax/models``, from where the weights are committed.
"""
