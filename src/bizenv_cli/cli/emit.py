"""Write a command's result in one format: to the terminal, to stdout, or to a file."""

from __future__ import annotations

import importlib
from pathlib import Path

import click


def emit(family: str, fmt: str, result: object, output: Path | None, *extra: object) -> None:
    """``output/<family>/<fmt>.py`` lays ``result`` out: ``print_table`` on the terminal
    for the table without ``-o``, else ``render`` to text, echoed or written atomically.
    ``extra`` (the catalogue in the language asked for...) goes to the formats that take it.
    A reader that leaves early (``| head``) is not an error."""
    from bizenv_cli.stdio import reader_may_leave

    reporter = importlib.import_module(f"bizenv_cli.output.{family}.{fmt}")
    with reader_may_leave():
        if fmt == "table" and output is None:
            from bizenv_cli.output.terminal.console import make_console

            reporter.print_table(make_console(), result, *extra)
            return
        text: str = reporter.render(result, *extra)
        if output is None:
            click.echo(text, nl=False)
        else:
            from bizenv_cli.fileio import write_atomic

            write_atomic(output, text)
