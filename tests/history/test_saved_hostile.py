"""Saved results given to `diff` and `check --baseline` by an attacker: never read whole,
never exit 4, never printed raw. Each bad file is a finding at the file (and line) and
exit 3; a valid file with hostile text or numbers is compared and printed safely."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.hostile.test_corpus import RAW_CONTROL_RE

from bizenv_cli.history.saved import MAX_SAVED_BYTES
from history.conftest import QUARTERS, WAIVERS

EVIL = "\x1b[31mRED\n::error::boom\x85\x9b\u202eevil"
NOW = (*QUARTERS, *WAIVERS)


def _fifo(folder: Path) -> Path:
    path = folder / "fifo.json"
    os.mkfifo(path)
    return path


def _loop(folder: Path) -> Path:
    (folder / "a.json").symlink_to(folder / "b.json")
    (folder / "b.json").symlink_to(folder / "a.json")
    return folder / "a.json"


def _huge(folder: Path) -> Path:
    path = folder / "huge.json"
    with open(path, "wb") as stream:  # sparse: no disk used, but its size is over the cap
        stream.truncate(MAX_SAVED_BYTES + 1)
    return path


@pytest.mark.parametrize(
    ("make", "where", "message"),
    [
        (_fifo, "fifo.json: error H001", "not a regular file (a FIFO)"),
        (_loop, "a.json: error H001", "a loop of symbolic links"),
        (_huge, "huge.json: error H001", f"the limit is {MAX_SAVED_BYTES:,}"),
        (lambda _: Path("/dev/zero"), "/dev/zero: error H001", "a character device"),
        (lambda folder: folder, ": error H001", "a folder"),
    ],
)
def test_a_file_that_cannot_be_read_safely_is_refused_before_opening(
    run: Any, saved_check: Any, tmp_path: Path, make: Callable[[Path], Path], where: str,
    message: str,
) -> None:
    good = saved_check("q2", *QUARTERS[:2])
    bad = make(tmp_path)
    runs = [("diff", bad, good), ("diff", good, bad), ("check", *NOW, "--baseline", bad)]
    for argv in runs[:2] if bad.is_dir() else runs:  # click refuses a folder (exit 2)
        result = run(*argv)
        assert result.exit_code == 3, result.output
        assert where in result.stderr and message in result.stderr, result.stderr
        assert result.stdout == ""


@pytest.mark.parametrize(
    ("edit", "line", "message"),
    [
        # a cut-off file: the line where the JSON stops
        (lambda t: "\n".join(t.splitlines()[:40]), 40, "not valid JSON"),
        (lambda t: t.replace('"status": "met"', '"status": "ok"', 1), 0, "'ok' is not allowed"),
        (lambda t: t.replace('"due_within": 30', '"due_within": -Infinity'), 0, "-Infinity"),
        (lambda t: t.replace('"due_within": 30', '"due_within": 1e999'), 0, "too large"),
    ],
)
def test_a_malformed_file_is_named_with_its_line(
    run: Any, saved_check: Any, tmp_path: Path, edit: Any, line: int, message: str
) -> None:
    good = saved_check("q2", *QUARTERS[:2])
    text = good.read_text(encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(edit(text), encoding="utf-8")
    result = run("diff", bad, good)
    assert result.exit_code == 3, result.output
    first = result.stderr.splitlines()[0]
    assert message in first, first
    if line == 0:  # found in the text: the line of the field or the number
        pairs = zip(text.splitlines(), edit(text).splitlines(), strict=True)
        line = next(n for n, (a, b) in enumerate(pairs, 1) if a != b)
    assert f"bad.json:{line}:" in first, first


def _edited(good: Path, folder: Path, name: str, change: Callable[[dict[str, Any]], None]) -> Path:
    doc = json.loads(good.read_text(encoding="utf-8"))
    change(doc)
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _set(target: str, **fields: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        for row in doc["results"]:
            if row["target"] == target:
                row.update(fields)

    return change


def test_values_at_the_ends_of_a_float_do_not_overflow(
    run: Any, saved_check: Any, tmp_path: Path
) -> None:
    good = saved_check("q2", *QUARTERS[:2])
    tid = "m05-high-voltage-connection-days"
    old = _edited(good, tmp_path, "old.json", _set(tid, reported=-1.7e308))
    new = _edited(good, tmp_path, "new.json", _set(tid, reported=1.7e308))
    doc = json.loads(run("diff", old, new, "--format", "json").stdout)
    change = next(c for c in doc["changes"] if c["target"] == tid)
    assert (change["delta"], change["moved"]) == (None, True)
    for fmt in ("table", "markdown"):
        result = run("diff", old, new, "--format", fmt)
        assert result.exit_code == 0, result.output
        assert "difference too large to show" in result.stdout
    same = run("diff", new, new, "--format", "json")
    assert json.loads(same.stdout)["moved"] == []


def test_hostile_text_in_a_valid_result_is_printed_escaped(
    run: Any, saved_check: Any, tmp_path: Path
) -> None:
    good = saved_check("q2", *QUARTERS[:2])

    def poison(status: str) -> Callable[[dict[str, Any]], None]:
        def change(doc: dict[str, Any]) -> None:
            doc["plan"]["zh"] += EVIL
            row = doc["results"][3]
            row.update(target="::error::x" + EVIL, explanation=EVIL, status=status)

        return change

    old = _edited(good, tmp_path, "old.json", poison("met"))
    new = _edited(good, tmp_path, "new.json", poison("overdue"))
    for fmt in ("table", "markdown", "json"):
        result = run("diff", old, new, "--format", fmt)
        assert result.exit_code == 0, result.output
        assert "evil" in result.stdout
        assert not RAW_CONTROL_RE.search(result.stdout), fmt
        assert "\u202e" not in result.stdout and "\x85" not in result.stdout
        assert not any(line.lstrip().startswith("::") for line in result.stdout.splitlines())
    doc = json.loads(run("diff", old, new, "--format", "json").stdout)
    assert doc["plan"]["zh"].endswith(EVIL)  # JSON keeps the text, escaped
    # check --baseline prints the baseline's name and ids on stderr: escaped too
    odd = tmp_path / "\x1b[31m::odd.json"
    odd.write_bytes(good.read_bytes())
    gate = run("check", *NOW, "--baseline", odd)
    assert gate.exit_code in (0, 1), gate.output
    assert not RAW_CONTROL_RE.search(gate.stderr)
