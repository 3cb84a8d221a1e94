"""Open a file only if it is a regular file, and read it under a size cap: a FIFO, a device
or a folder is refused before anything blocks on it. Without the YAML loader (``files``
adds that), so a reader that only needs the bytes (the caches' keys) stays light."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


def read_capped(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of ``path``: a file that grows cannot fill the
    memory, and a FIFO or device is refused (NotRegularFile) rather than read."""
    with open_regular(path) as stream:
        return stream.read(max_bytes + 1)


class NotRegularFile(OSError):
    """An input that is a FIFO, a device, a socket or a folder: never opened for reading
    (a FIFO would block until someone writes, /dev/zero never ends). An OSError, so
    every reader's "cannot read file: ..." finding names it:
    ``cannot read file: not a regular file (a FIFO)``."""


_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def file_kind(mode: int) -> str:
    """'a FIFO', 'a character device'...: what a non-regular file is, for a message."""
    return next((kind for test, kind in _KINDS if test(mode)), "not a file")


def require_regular(path: Path) -> os.stat_result:
    """The stat of ``path`` (links followed) if it is a regular file; NotRegularFile
    otherwise, before anything opens it. Other OSErrors (missing file) pass through."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(
            errno.EINVAL, f"not a regular file ({file_kind(info.st_mode)})", str(path)
        )
    return info


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary, only if it is a regular file: checked
    before opening, and again on the open file (opened non-blocking, so a file swapped
    for a FIFO in between cannot block either)."""
    require_regular(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, f"not a regular file ({file_kind(mode)})", str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
