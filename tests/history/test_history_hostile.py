"""A returns folder given to `history` or `check` with entries that cannot be read: each a
C001 finding at its name (exit 3), never a hang or exit 4; and the limits docs/history.md
states are the ones the code applies."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from bizenv_cli.diagnostics import PER_CODE
from bizenv_cli.history.saved import MAX_SAVED_BYTES
from bizenv_cli.history.series import MAX_PERIODS
from conftest import ROOT

DOC = (ROOT / "docs" / "history.md").read_text(encoding="utf-8")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "returns"
    shutil.copytree(ROOT / "examples" / "2021-Q2", folder)
    (folder / "loop-a.yaml").symlink_to(folder / "loop-b.yaml")
    (folder / "loop-b.yaml").symlink_to(folder / "loop-a.yaml")
    (folder / "nowhere.yaml").symlink_to(folder / "gone.yaml")
    os.mkfifo(folder / "pipe.yaml")
    (folder / "up").symlink_to(folder)  # a folder inside is not walked into
    return folder


@pytest.mark.parametrize(
    "argv",
    [("history",), ("check", "--as-of", "2021-06-30"), ("history", "--at", "2021-06-30")],
)
def test_a_folder_with_links_that_loop_and_a_fifo(run: Any, tmp_path: Path, argv: Any) -> None:
    folder = _folder(tmp_path)
    result = run(argv[0], folder, *argv[1:])
    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    assert f"{folder / 'loop-a.yaml'}: error C001 a loop of symbolic links" in lines
    assert f"{folder / 'loop-b.yaml'}: error C001 a loop of symbolic links" in lines
    assert f"{folder / 'nowhere.yaml'}: error C001 a symbolic link to nothing" in lines
    assert f"{folder / 'pipe.yaml'}: error C001 not a regular file (a FIFO)" in lines
    assert "4 problem(s) in 4 input file(s)" in lines[-1]


def test_a_loop_given_by_name(run: Any, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = run("history", folder / "loop-a.yaml", ROOT / "examples" / "2021-Q1")
    assert result.exit_code == 3, result.output
    assert f"{folder / 'loop-a.yaml'}: error C001 a loop of symbolic links" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_entry(run: Any, tmp_path: Path) -> None:
    folder = tmp_path / "returns"
    shutil.copytree(ROOT / "examples" / "2021-Q2", folder)
    locked = folder / "tax-bureau.yaml"
    locked.chmod(0)
    try:
        result = run("history", folder)
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 3, result.output
    assert f"{locked}: error L010 cannot read file" in result.stderr


def test_an_unreadable_entry_as_root_sees_it(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same, whoever runs the tests: opening the file fails with EACCES."""
    import errno

    import bizenv_cli.reading.regular as files  # every capped read opens through it

    folder = tmp_path / "returns"
    shutil.copytree(ROOT / "examples" / "2021-Q2", folder)
    locked = folder / "tax-bureau.yaml"
    real = files.open_regular

    def refuse(path: Path) -> Any:
        if Path(path).name == locked.name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(files, "open_regular", refuse)
    result = run("history", folder)
    assert result.exit_code == 3, result.output
    assert f"{locked}: error L010 cannot read file: Permission denied" in result.stderr


def test_the_limits_in_the_docs_are_the_code_s() -> None:
    assert f"at most **{MAX_PERIODS} columns**" in DOC
    assert f"at most **{MAX_SAVED_BYTES // 2**20} MiB**" in DOC
    assert f"**{PER_CODE} of one code in all files**" in DOC


def test_values_at_the_ends_of_a_float(run: Any, tmp_path: Path) -> None:
    """5e-324 then 1.7e308 documents: a rate beyond any number is held at the largest float,
    never inf in the JSON, never exit 4; every format prints."""
    import json

    for period, value in (("2021-Q1", "5e-324"), ("2021-Q2", "1.7e308")):
        (tmp_path / f"{period}.yaml").write_text(
            f'department: 财金局\nperiod: "{period}"\nentries:\n  m12-loan-documents:\n'
            f"    value: {value}\n",
            encoding="utf-8",
        )
    result = run("history", tmp_path, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["targets"]
    row = next(t for t in rows if t["target"] == "m12-loan-documents")
    assert (row["trend"], row["progress"]) == ("worsening", "moving_away")
    assert row["progress_detail"]["actual_rate"] == 1.7976931348623157e308
    for fmt in ("table", "markdown"):
        assert run("history", tmp_path, "--format", fmt).exit_code == 0
