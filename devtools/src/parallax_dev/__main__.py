"""``python -m parallax_dev``: the ``parallax-dev`` command without its console script."""

from parallax_dev.cli import main

main()
