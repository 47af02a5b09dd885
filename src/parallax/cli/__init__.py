"""The ``parallax`` command line: thin commands over :mod:`parallax.usecases`.

Each command parses its options into :class:`~parallax.settings.Settings`, calls one
use case, and turns known errors into a message and an exit status: 0 when every input
succeeded, 1 when some failed (the others are still processed and stored), 2 for usage
errors. One module per group of commands: :mod:`~parallax.cli.corpus` (commands that
store), :mod:`~parallax.cli.browse` (commands that read the store),
:mod:`~parallax.cli.knowledge` (``kb`` and ``check``) and :mod:`~parallax.cli.server`
(``serve``, ``plan``). Benchmarks, evaluations and training are not here: they are the
development tools' ``parallax-dev`` command.
"""

from __future__ import annotations

import click

from parallax import __version__
from parallax.cli import browse, corpus, knowledge, server

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="parallax")
def main() -> None:
    """Parallax: see how different sources tell the same story.

    Read news and opinion articles (text, Markdown, HTML, PDF, feeds, web archives,
    JSONL/CSV corpora, URLs), store them in an embedded database, analyse them, and
    report side by side what each source says.

    Start with `parallax demo`, or `parallax analyze FILES... --format html -o report.html`.
    """


for _command in (
    corpus.analyze,
    corpus.ingest,
    corpus.run_command,
    corpus.extract,
    browse.search,
    browse.show,
    corpus.demo,
    browse.compare,
    browse.stories,
    corpus.reanalyze,
    server.serve,
    server.plan,
    knowledge.kb,
    knowledge.check,
):
    main.add_command(_command)
