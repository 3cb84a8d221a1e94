"""Run the hostile-input corpus in tests/data/hostile/ (see its README.md).

Every case runs in-process in a private copy of its folder; whatever the input, the
command must finish in time, exit with the expected code (never 4), print no
traceback and no raw control character, and leave every file it was given unchanged.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import DATA, Result

CORPUS = DATA / "hostile"
FIXTURE_MEASURES = DATA / "check" / "measures"
# C0 and C1 controls (tab and newline allowed), DEL, bidi embeddings/overrides/isolates.
RAW_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# pydantic's own wording: a user is told in the data's words instead (loading/locate.py).
PYDANTIC_RE = re.compile(
    r"Input should|Field required|valid integer|Extra inputs are not permitted|"
    r"String should|Value should|Input tag|Unable to parse|Assertion failed",
    re.IGNORECASE,
)
KEYS = {"name", "args", "exit", "expect", "measures", "fifo", "symlink", "writes",
        "stdout_empty", "timeout"}


class CaseTimeout(BaseException):
    """Raised from SIGALRM; a BaseException so bizenv's error path cannot swallow it."""


def _cases() -> list[Any]:
    params = []
    for manifest in sorted(CORPUS.glob("*/cases.yaml")):
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        for case in data["cases"]:
            unknown = set(case) - KEYS
            assert not unknown, f"{manifest}: {case.get('name')}: unknown keys {unknown}"
            params.append(pytest.param(manifest.parent, case,
                                       id=f"{manifest.parent.name}/{case['name']}"))
    return params


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: Any) -> None:
        raise CaseTimeout(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _snapshot(root: Path) -> dict[str, str]:
    """Relative path -> sha256 (or 'link -> target', 'fifo') of everything under root."""
    seen: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                seen[rel] = f"link -> {os.readlink(path)}"
            elif path.is_fifo():
                seen[rel] = "fifo"
            elif path.is_file():
                seen[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return seen


def _prepare(folder: Path, case: dict[str, Any], tmp: Path) -> Path:
    work = tmp / "case"
    shutil.copytree(folder, work, symlinks=True, ignore=shutil.ignore_patterns("cases.yaml"))
    shutil.copytree(FIXTURE_MEASURES, work / "measures", symlinks=True, dirs_exist_ok=True)
    for name in case.get("fifo", []):
        os.mkfifo(work / name)
    for link, target in case.get("symlink", {}).items():
        os.symlink(target, work / link)
    return work


@pytest.mark.parametrize(("folder", "case"), _cases())
def test_hostile_case(
    folder: Path, case: dict[str, Any], run: Callable[..., Result], tmp_path: Path
) -> None:
    work = _prepare(folder, case, tmp_path)
    args = [str(a).replace("{measures}", str(work / "measures")) for a in case["args"]]
    if case.get("measures", True) and "--measures" not in args:
        args += ["--measures", "measures"]
    before = _snapshot(work)
    with _deadline(int(case.get("timeout", 10))):
        result = run(*args, cwd=work)
    output = result.output
    assert result.exit_code == case["exit"], output
    assert "Traceback" not in output, output
    assert not RAW_CONTROL_RE.search(output), f"raw control character in output:\n{output!r}"
    assert not PYDANTIC_RE.search(output), f"pydantic's wording reached the user:\n{output}"
    lines = output.splitlines()
    for expected in case.get("expect", []):
        fragments = [expected] if isinstance(expected, str) else list(expected)
        assert any(all(f in line for f in fragments) for line in lines), (
            f"no line holds {fragments!r} in:\n{output}"
        )
    if case.get("stdout_empty"):
        assert result.stdout == "", result.stdout
    after = _snapshot(work)
    allowed = set(case.get("writes", []))
    changed = {k for k in before if before[k] != after.get(k)}
    assert not changed, f"input files changed or removed: {sorted(changed)}"
    created = set(after) - set(before) - allowed
    assert not created, f"files left behind: {sorted(created)}"
