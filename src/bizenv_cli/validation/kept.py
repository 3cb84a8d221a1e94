"""A validation of a few measure files kept in bizenv's cache folder (``cachedir``), so that
`bizenv validate measures/05-x.yaml` run again on files it has seen (a pre-commit hook, an
editor, CI) needs neither the YAML loader, the models nor the rules (issue 16's start-up
target): reading the entry and the files it was made from is a few milliseconds.

An entry is found by the command's place: bizenv's installation, the Python running it, the
current folder and the paths (as given and as resolved). It is used only if everything the
validation read is unchanged: the bytes of the measure files, plan.yaml, departments.yaml
and the plan text (and where the plan text resolves to), the source of every bizenv module
the validation ran and the files of the libraries it used (pydantic's messages are
findings). Anything else is a miss, and the entry is replaced. A file that is not a small
regular file is never kept (the reader names its problem), nor an input that cannot be
used (exit 3). Writing is best effort: a read-only home only makes the next run slower.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import bizenv_cli
from bizenv_cli.acknowledgements import Acknowledged
from bizenv_cli.cachedir import cache_dir
from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.names import DEPARTMENTS_FILE, PLAN_FILE
from bizenv_cli.reading.regular import read_capped
from bizenv_cli.validation import Validation

if TYPE_CHECKING:
    from bizenv_cli.loading.measureset import MeasureSet

FORMAT = 1
MAX_BYTES = 8 * 1024 * 1024  # the plan text's own limit; other inputs have lower ones
_PACKAGE = Path(bizenv_cli.__file__).resolve().parent


def _digest(path: Path) -> str | None:
    """The SHA-256 of a regular file of at most MAX_BYTES; None for anything else."""
    try:
        data = read_capped(path, MAX_BYTES)  # refuses a FIFO or device, never blocks
    except (OSError, RuntimeError):
        return None
    return hashlib.sha256(data).hexdigest() if len(data) <= MAX_BYTES else None


@dataclass(frozen=True)
class Inputs:
    """Where an entry is looked for, and the digests of the files known before loading."""

    key: str
    files: dict[str, str | None]  # resolved path -> digest (None: not a plain file)

    @classmethod
    def of(cls, root: Path, only: list[Path]) -> Inputs:
        paths = [root / PLAN_FILE, root / DEPARTMENTS_FILE, *only]
        try:
            place = [str(_PACKAGE), sys.executable, sys.version, str(Path.cwd()), str(root)]
            resolved = [str(p.resolve()) for p in paths]
        except (OSError, RuntimeError):  # a symlink loop, a folder gone: the reader says so
            return cls("", {"": None})
        place += [str(p) for p in only] + resolved
        key = hashlib.sha256("\0".join(place).encode("utf-8", "surrogatepass")).hexdigest()
        return cls(key[:32], {r: _digest(Path(r)) for r in resolved})

    @property
    def usable(self) -> bool:
        return all(self.files.values())

    def path(self) -> Path:
        return cache_dir() / f"validate-{self.key}.json"


def _code() -> list[list[str]]:
    """Every bizenv module loaded in this run, with the digest of its source."""
    files = sorted(
        {getattr(m, "__file__", None) or "" for n, m in list(sys.modules.items())
         if n == "bizenv_cli" or n.startswith("bizenv_cli.")} - {""}
    )
    return [[f, _digest(Path(f)) or ""] for f in files]


def _libraries() -> list[list[Any]]:
    """The file of every library (not the standard library's) loaded in this run, with its
    size and time: a library installed again or upgraded is a new one."""
    tops = {name.partition(".")[0] for name in list(sys.modules)}
    found = []
    for name in sorted(tops - set(sys.stdlib_module_names) - {"bizenv_cli", "__main__"}):
        file = getattr(sys.modules.get(name), "__file__", None)
        if file:
            info = os.stat(file)
            found.append([file, info.st_size, info.st_mtime_ns])
    return found


def _unchanged(entry: dict[str, Any], inputs: Inputs) -> bool:
    text, resolved, digest = entry["text"]
    if entry["format"] != FORMAT or entry["files"] != inputs.files:
        return False
    if str(Path(text).resolve()) != resolved or _digest(Path(resolved)) != digest:
        return False
    if any(_digest(Path(f)) != d for f, d in entry["code"]):
        return False
    for file, size, mtime in entry["libraries"]:
        info = os.stat(file)
        if (info.st_size, info.st_mtime_ns) != (size, mtime):
            return False
    return True


def _finding(item: list[Any]) -> Finding:
    path, line, col, code, message, level, count, paths = item
    texts, numbers = (path, code, message, *paths), (line, col, count)
    if not all(isinstance(t, str) for t in texts) or not all(type(n) is int for n in numbers):
        raise TypeError("not a finding")  # an entry edited by hand: validated again
    return Finding(path, line, col, code, message, Level(level), count, frozenset(paths))


def _item(f: Finding) -> list[Any]:
    return [f.path, f.line, f.col, f.code, f.message, f.level.value, f.count, sorted(f.paths)]


def lookup(inputs: Inputs) -> Validation | None:
    """The validation kept for ``inputs`` if nothing it read has changed, else None."""
    if not inputs.usable:
        return None
    try:
        entry = json.loads(inputs.path().read_bytes())
        if not _unchanged(entry, inputs):
            return None
        kept = entry["result"]
        reasons = [reason for _, reason in kept["acknowledged"]]
        if type(kept["files"]) is not int or not all(isinstance(r, str) for r in reasons):
            return None
        return Validation(
            files=kept["files"],
            findings=[_finding(item) for item in kept["findings"]],
            acknowledged=[Acknowledged(_finding(f), reason) for f, reason in kept["acknowledged"]],
        )
    except (OSError, RuntimeError, ValueError, KeyError, TypeError):
        return None


def keep(inputs: Inputs, done: Validation, mset: MeasureSet) -> None:
    """Keep ``done`` for ``inputs``, unless a file changed while it was validated; any
    failure to write is ignored (the cache is only a speed-up)."""
    from bizenv_cli.errors import BizenvError
    from bizenv_cli.fileio import write_atomic
    from bizenv_cli.reading.decode import DecodeError, decode_utf8

    text = mset.root / mset.plan.text
    resolved = text.resolve()
    if not inputs.usable:
        return
    if any(_digest(Path(f)) != d for f, d in inputs.files.items()):
        return  # edited while it was read: the result may be of neither version
    try:
        data = read_capped(resolved, MAX_BYTES)
        if decode_utf8(data, str(resolved)) != mset.plan_text:
            return
        entry = {
            "format": FORMAT,
            "files": inputs.files,
            "text": [str(text), str(resolved), hashlib.sha256(data).hexdigest()],
            "code": _code(),
            "libraries": _libraries(),
            "result": {
                "files": done.files,
                "findings": [_item(f) for f in done.findings],
                "acknowledged": [[_item(a.finding), a.reason] for a in done.acknowledged],
            },
        }
        inputs.path().parent.mkdir(parents=True, exist_ok=True)
        write_atomic(inputs.path(), json.dumps(entry))  # \u escapes: any file name fits
    except (OSError, RuntimeError, ValueError, DecodeError, BizenvError):
        return
