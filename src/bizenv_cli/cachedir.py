"""Where bizenv keeps what it can rebuild (the PDF font's cut, built calendars):
``$BIZENV_CACHE``, else ``$XDG_CACHE_HOME/bizenv``, else ``~/.cache/bizenv``. Nothing in
it is needed: a missing or unwritable folder only makes a command slower."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    named = environ.get("BIZENV_CACHE")
    if named:
        return Path(named)
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bizenv"
