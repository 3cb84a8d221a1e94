"""Every command that loads the measures runs validate's rules first (issue 9).

The shipped set with one measure file deleted: `bizenv validate` reports R001, and
`check`, `list`, `show`, `report` and `template` stop with the same finding (exit 3).
Warnings (the shipped set has some) never stop a command.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import MEASURES

COMMANDS = [
    ["check", "--as-of", "2021-06-30"],
    ["list"],
    ["show", "6"],
    ["report", "--as-of", "2021-06-30"],
    ["template", "-o", "out.yaml"],
]


@pytest.fixture
def gap(tmp_path: Path) -> Path:
    folder = tmp_path / "measures"
    shutil.copytree(MEASURES, folder)
    for path in folder.glob("05-*.yaml"):
        path.unlink()
    return folder


def test_validate_rejects_the_gap(gap: Path, run: Any) -> None:
    result = run("validate", "measures", cwd=gap.parent)
    assert result.exit_code == 1
    assert "measures/06-power-reliability.yaml:2:9: error R001" in result.stdout


@pytest.mark.parametrize("args", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_commands_stop_on_the_gap(gap: Path, args: list[str], run: Any) -> None:
    result = run(*args, "--measures", "measures", cwd=gap.parent)
    assert result.exit_code == 3, result.output
    assert "measures/06-power-reliability.yaml:2:9: error R001 measure numbers jump to 6: 5 " \
        "is missing" in result.stderr
    assert result.stdout == ""
    assert not (gap.parent / "out.yaml").exists()


@pytest.mark.parametrize("args", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_warnings_do_not_stop(args: list[str], run: Any, tmp_path: Path) -> None:
    result = run(*args, "--measures", MEASURES, cwd=tmp_path)
    assert result.exit_code in (0, 1), result.output
    assert "R011" not in result.output


def test_validating_a_submission_stops_on_the_gap(gap: Path, run: Any) -> None:
    shutil.copy(MEASURES.parent / "examples" / "2021-Q2" / "tax-bureau.yaml", gap.parent)
    result = run("validate", "tax-bureau.yaml", cwd=gap.parent)
    assert result.exit_code == 3, result.output
    assert "measures/06-power-reliability.yaml:2:9: error R001" in result.stderr
