"""Writing output files so that a failure never leaves a half-written file behind."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bizenv_cli.errors import EXIT_INPUT, BizenvError

# Held while a temporary file is created and its name noted, so an interruption
# (Ctrl-C, or SIGTERM/SIGHUP, which cli.errors.run turns into KeyboardInterrupt) always
# finds the name to remove. Delivered as soon as they are released.
_HELD = {getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)}


def save_atomic(path: Path, save: Callable[[Path], object]) -> None:
    """Let ``save`` write a temporary file beside ``path``, then move it into place.

    The file at ``path`` is either the old one or the complete new one; the
    temporary file is removed on failure, on Ctrl-C and on SIGTERM/SIGHUP. A new
    file gets the usual umask mode, an existing one keeps its mode. A target that
    is not a regular file (/dev/stdout, a named pipe, /dev/full) is not replaced:
    the output is made in a private temporary folder and then copied into it. A
    symbolic link keeps pointing where it did: the file it points to is replaced.
    """
    if path.exists() and not path.is_file():
        _save_through(path, save)
        return
    if path.is_symlink():
        try:
            path = path.resolve(strict=False)
        except (OSError, RuntimeError):  # a loop (RuntimeError before Python 3.13)
            raise BizenvError(
                f"cannot write {_shown(path)}: a loop of symbolic links", exit_code=EXIT_INPUT
            ) from None
    tmp: Path | None = None
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        with _signals_held():
            fd, name = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix or ".tmp"
            )
            tmp = Path(name)
        os.close(fd)
        save(tmp)
        with open(tmp, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def _save_through(path: Path, save: Callable[[Path], object]) -> None:
    """Write to a device or pipe: build the output in a private folder, then copy it,
    so a writer that fails halfway (openpyxl on /dev/full) fails on a plain file."""
    with _signals_held():
        folder = Path(tempfile.mkdtemp(prefix="bizenv-"))
    try:
        tmp = folder / f"output{path.suffix}"
        save(tmp)
        with open(tmp, "rb") as source, open(path, "wb") as target:
            shutil.copyfileobj(source, target)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _cannot_write(path: Path, exc: OSError) -> BizenvError:
    return BizenvError(f"cannot write {_shown(path)}: {exc.strerror or exc}", exit_code=EXIT_INPUT)


def _shown(path: Path) -> str:
    from bizenv_cli.sanitize import shown

    return shown(path)


@contextmanager
def _signals_held() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write text (UTF-8, LF line ends) or bytes to ``path`` atomically."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    save_atomic(path, lambda tmp: tmp.write_bytes(payload))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def folder_mode() -> int:
    """The mode a new folder gets under the umask (``tempfile.mkdtemp`` makes 0o700)."""
    return 0o777 & ~_umask()
