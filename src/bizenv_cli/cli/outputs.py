"""Outputs never destroy inputs: the one check every command runs before it writes.

Every option declared with ``options.output_file_option`` (``-o``, ``--html``,
``--svg``, ``--markdown``, and any added later) is an output. Before anything
is written, ``guard_outputs`` refuses (a usage error, exit 2):

- an output that is a file the command reads: a submission (also one found in a
  folder given), the waivers file, plan.yaml, departments.yaml, the plan text or
  a measure file; the same file under any name (``./x``, ``../dir/x``, a
  symbolic link, a hard link) counts, compared by (st_dev, st_ino) and by
  resolved path;
- two output options naming the same file.

An output that is not a regular file (``/dev/stdout``, a named pipe) may be
named twice; it is still refused when it is one of the inputs (stdout
redirected into a submission). Standard output appended to an input (``>>``) is
refused too (with ``>`` the shell has emptied the file before bizenv starts).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bizenv_cli.cli.options import OutputFile
from bizenv_cli.errors import EXIT_USAGE, BizenvError
from bizenv_cli.sanitize import shown

if TYPE_CHECKING:
    from bizenv_cli.loading.measureset import MeasureSet

Identity = tuple[int, int]


def outputs_of(ctx: click.Context) -> list[tuple[str, Path]]:
    """(option as typed on the command line, path) for every output option given."""
    found = []
    for param in ctx.command.params:
        value = ctx.params.get(param.name or "")
        if isinstance(param.type, OutputFile) and value is not None:
            found.append(("/".join(param.opts), Path(value)))
    return found


def measure_set_files(measure_set: MeasureSet) -> list[Path]:
    """Every file the measure set was read from."""
    from bizenv_cli.loading.measureset import OWN_FILES, measure_files

    root = measure_set.root
    return [
        *(root / name for name in OWN_FILES),
        root / measure_set.plan.text,
        *measure_files(root),
    ]


def check_inputs(
    measure_set: MeasureSet, submissions: Sequence[Path] = (), waivers: Path | None = None
) -> list[Path]:
    """What `bizenv check` and `bizenv report` read: the measure set, every submission
    (folders expanded as the loader expands them) and the waivers file."""
    from bizenv_cli.loading.submissions import expand

    files = measure_set_files(measure_set)
    files += expand(list(submissions), say=False)[0] if submissions else []
    return files + ([waivers] if waivers is not None else [])


def _identity(path: Path) -> Identity | None:
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return Path(os.path.abspath(path))


def _is_regular_or_new(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


def _stdout_identity() -> Identity | None:
    """Standard output's file when it is a regular file (``>> file``), else None."""
    try:
        info = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # a test runner's stream, no descriptor
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def guard_outputs(inputs: Iterable[Path], ctx: click.Context | None = None) -> None:
    """BizenvError (exit 2) when an output option names an input, or two name one file,
    or standard output is appended to an input (``bizenv check x.yaml >> x.yaml``)."""
    outputs = outputs_of(ctx or click.get_current_context())
    by_identity: dict[Identity, Path] = {}
    by_path: dict[Path, Path] = {}
    for path in inputs:
        identity = _identity(path)
        if identity is not None:
            by_identity.setdefault(identity, path)
        by_path.setdefault(_resolved(path), path)
    stdout = _stdout_identity()
    if stdout is not None and stdout in by_identity:
        raise BizenvError(
            f"standard output is the input {shown(by_identity[stdout])}: writing to it would "
            "destroy the input; redirect the output to another file",
            exit_code=EXIT_USAGE,
        )
    written: dict[object, str] = {}
    for option, path in outputs:
        identity = _identity(path)
        same = by_path.get(_resolved(path)) or (by_identity.get(identity) if identity else None)
        if same is not None:
            raise BizenvError(
                f"{option} {shown(path)} is {_same_file(path, same)}, which this command "
                "reads: writing it would destroy the input; choose another file",
                exit_code=EXIT_USAGE,
            )
        if not _is_regular_or_new(path):
            continue
        for key in (identity, _resolved(path)):
            if key is not None and key in written:
                raise BizenvError(
                    f"{written[key]} and {option} name the same file ({shown(path)}): "
                    "give each output its own file",
                    exit_code=EXIT_USAGE,
                )
        for key in (identity, _resolved(path)):
            if key is not None:
                written[key] = option


def _same_file(path: Path, same: Path) -> str:
    if str(path) == str(same):
        return "an input"
    return f"the same file as the input {shown(same)}"
