"""Writing output files so that a failure never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from bizenv_cli.errors import EXIT_INPUT, BizenvError


def save_atomic(path: Path, save: Callable[[Path], object]) -> None:
    """Let ``save`` write a temporary file beside ``path``, then move it into place.

    The file at ``path`` is either the old one or the complete new one; the
    temporary file is removed on failure. A new file gets the usual umask mode,
    an existing one keeps its mode. A target that is not a regular file
    (/dev/stdout, a named pipe) is written to directly: renaming over it would
    replace the device itself. A symbolic link keeps pointing where it did: the
    file it points to is replaced.
    """
    if path.exists() and not path.is_file():
        try:
            save(path)
        except OSError as exc:
            raise BizenvError(
                f"cannot write {path}: {exc.strerror or exc}", exit_code=EXIT_INPUT
            ) from None
        return
    if path.is_symlink():
        path = path.resolve()
    tmp: Path | None = None
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix or ".tmp", delete=False
        ) as handle:
            tmp = Path(handle.name)
        save(tmp)
        with open(tmp, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise BizenvError(
            f"cannot write {path}: {exc.strerror or exc}", exit_code=EXIT_INPUT
        ) from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write text (UTF-8, LF line ends) or bytes to ``path`` atomically."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    save_atomic(path, lambda tmp: tmp.write_bytes(payload))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
