"""One place decides how output looks: styled on a terminal, plain when piped or dumb."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console

PIPED_WIDTH = 160  # wide enough that piped tables rarely wrap


def silence_stdout() -> None:
    """The reader went away (``bizenv check | head``): send the rest to /dev/null."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@contextmanager
def reader_may_leave() -> Iterator[None]:
    """Output to a pipe whose reader may close early: the command carries on (files
    it writes are still written) and its exit code stays the one it computed."""
    try:
        yield
    except BrokenPipeError:
        silence_stdout()


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
