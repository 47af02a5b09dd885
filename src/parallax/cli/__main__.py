"""``python -m parallax.cli``: the same as the ``parallax`` command."""

from parallax.cli import main

main()
