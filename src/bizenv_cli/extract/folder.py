"""The draft's folder: written whole beside its place, then moved in.

An existing folder is replaced only with ``force``, and only when it is empty or a
measure folder (it holds plan.yaml) that does not hold the plan being read."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from bizenv_cli.errors import EXIT_INPUT, BizenvError
from bizenv_cli.fileio import write_atomic
from bizenv_cli.sanitize import shown


def write_folder(folder: Path, files: dict[str, str]) -> None:
    """``files`` (relative name -> text) as the folder ``folder``, all or nothing."""
    parent = folder.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=parent))
    except OSError as exc:
        raise _cannot(folder, exc) from None
    try:
        for name, text in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(staging / name, text)
        _swap(staging, folder, parent)
    except OSError as exc:
        raise _cannot(folder, exc) from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _cannot(folder: Path, exc: OSError) -> BizenvError:
    return BizenvError(f"cannot write {shown(folder)}: {exc.strerror or exc}", exit_code=EXIT_INPUT)


def _swap(staging: Path, folder: Path, parent: Path) -> None:
    """Move the complete draft into place; an old draft is moved aside, then removed."""
    old = None
    if folder.exists():
        old = parent / f".{folder.name}.old-{os.getpid()}"
        folder.rename(old)
    try:
        staging.rename(folder)
    except OSError:
        if old is not None:
            old.rename(folder)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def check_target(folder: Path, input_path: Path, force: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise BizenvError(f"-o {shown(folder)} is a file, not a folder: the draft is a folder "
                          "of files (and the input is never overwritten)", exit_code=EXIT_INPUT)
    if not folder.is_dir() or not any(folder.iterdir()):
        return
    if not force:
        raise BizenvError(f"{shown(folder)} exists and is not empty: choose a new folder, or "
                          "--force to replace a draft written before", exit_code=EXIT_INPUT)
    if not (folder / "plan.yaml").exists():
        raise BizenvError(f"{shown(folder)} is not a measure folder (no plan.yaml): it is never "
                          "replaced, even with --force", exit_code=EXIT_INPUT)
    source = input_path.resolve()
    if source.is_relative_to(folder.resolve()):
        raise BizenvError(f"{shown(folder)} holds the plan being read: write the draft "
                          "elsewhere", exit_code=EXIT_INPUT)
