"""Several output files of one run written all or none (`report --pdf --html --svg --markdown`).

Each output goes into a temporary file beside its target (``fileio.save_atomic``);
the temporary files are nested, so every one is written and flushed to disk before
the first is moved into place. A failure on any of them (a missing folder, a full
disk, Ctrl-C) removes all the temporary files and leaves every target as it was.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from bizenv_cli.fileio import save_atomic


def write_all(files: Sequence[tuple[Path, str | bytes]]) -> None:
    """Write text (UTF-8) or bytes to each path; a BizenvError (exit 3) and no file changed
    when any cannot be written."""
    if not files:
        return
    (path, data), rest = files[0], files[1:]

    def save(tmp: Path) -> None:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        with open(tmp, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())  # a full disk fails here, before any file is moved
        write_all(rest)  # the others, written and moved; then this one is moved

    save_atomic(path, save)
