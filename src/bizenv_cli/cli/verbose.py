"""`-v`: show what the core noted while reading files (a CSV's encoding, the sheet used).

The core logs such notes on the ``bizenv`` logger at INFO level and never prints;
this handler prints them to stderr (the stream current at the time, so it works
under test runners that swap streams) when -v is given.
"""

from __future__ import annotations

import logging

import click


class _EchoHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        from bizenv_cli.sanitize import message

        click.echo(f"bizenv: {message(record.getMessage())}", err=True)  # names sheets, files


def set_verbose(on: bool) -> None:
    logger = logging.getLogger("bizenv")
    if not any(isinstance(h, _EchoHandler) for h in logger.handlers):
        logger.addHandler(_EchoHandler())
        logger.propagate = False
    logger.setLevel(logging.INFO if on else logging.WARNING)


def warn(line: str) -> None:
    """A warning from the core (the input's, not a finding that stops): on stderr, always;
    a finding's line in Chinese under zh."""
    from bizenv_cli.cli.lang_of_run import run_lang
    from bizenv_cli.i18n.findings import translate_line

    click.echo(translate_line(line, run_lang()), err=True)
