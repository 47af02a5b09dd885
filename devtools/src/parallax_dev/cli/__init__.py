"""The ``parallax-dev`` command: benchmarks, evaluations and training, one group each.

These commands read the third-party datasets in ``../shared``, fit the committed weights
and write measured sections of the docs, so they ship in this separate distribution
(``devtools/``), not in the installed ``parallax``. Like ``parallax``, each command parses
its options, calls one library function and turns known errors into a message: status 1
for a failure, 2 for a usage error (a bad option or a missing dataset).
"""

from __future__ import annotations

import click

from parallax_dev import __version__
from parallax_dev.cli.bench import bench
from parallax_dev.cli.evaluate import evaluate
from parallax_dev.cli.train import train


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="parallax-dev")
def main() -> None:
    """Parallax's development tools: measure, evaluate and retrain on the public datasets.

    The datasets live outside the repository (../shared, or $PARALLAX_SHARED). Results go to
    the source checkout: weights to src/parallax/models (or --out), scores to docs/.
    """


main.add_command(bench)
main.add_command(evaluate)
main.add_command(train)

__all__ = ["main"]
