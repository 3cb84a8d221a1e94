"""Standard output whose reader may leave early (``bizenv check | head``).

Kept apart from the rich console so that JSON output never imports rich.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager


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
