"""One place decides how output looks: styled on a terminal, plain when piped or dumb."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable

from rich.console import Console
from rich.segment import Segment

from bizenv_cli.sanitize import clean, no_commands
from bizenv_cli.stdio import silence_stdout

PIPED_WIDTH = 160  # wide enough that piped tables rarely wrap
FILE_WIDTH = 160  # the width of a table written to a file (-o)


class SafeConsole(Console):
    """A console whose output holds no raw control or bidi character that rich did not
    put there itself, and no line that reads as a GitHub workflow command.

    The text of every segment goes through ``sanitize.clean`` just before it is
    styled (a net under the Text objects, which are cleaned where they are made so
    the columns are measured on what is shown), and every printed line starting
    with ``::`` is escaped. ``_render_buffer`` is rich's private last step from
    segments to the string written; tests/test_sanitize_output.py checks it runs.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        safe = (
            seg if seg.control else Segment(clean(seg.text, keep="\n"), seg.style)
            for seg in buffer
        )
        return no_commands(super()._render_buffer(safe))


class _Console(SafeConsole):
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


def plain_text(print_to: Callable[[Console], None], width: int = FILE_WIDTH) -> str:
    """What ``print_to`` prints, as plain sanitized text at ``width`` (for ``-o FILE``)."""
    buffer = io.StringIO()
    console = SafeConsole(
        file=buffer,
        width=width,
        no_color=True,
        force_terminal=False,
        markup=False,
        emoji=False,
        highlight=False,
    )
    print_to(console)
    return buffer.getvalue()
