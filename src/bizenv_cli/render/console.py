"""One place decides how output looks: styled on a terminal, plain when piped or dumb."""

from __future__ import annotations

import os

from rich.console import Console

from bizenv_cli.stdio import silence_stdout

PIPED_WIDTH = 160  # wide enough that piped tables rarely wrap


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # rich's default exits with status 1, which would turn `report | head` into a
        # failure and skip the exports still to be written.
        self.quiet = True
        silence_stdout()


def make_console() -> Console:
    """A console on stdout that never interprets markup, emoji codes or highlights data.

    rich drops colour by itself under NO_COLOR and drops all styling when stdout
    is not a terminal; piped output gets a fixed width unless COLUMNS is set.
    """
    console = _Console(markup=False, emoji=False, highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPED_WIDTH
    return console


def is_plain(console: Console) -> bool:
    """True when styles will not show, so emphasis must be visible in the characters."""
    return not console.is_terminal or console.is_dumb_terminal
