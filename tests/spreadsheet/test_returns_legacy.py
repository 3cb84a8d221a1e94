"""Old Excel (.xls) and WPS (.et) workbooks are read by their content, not their name, with
the same table reader and limits as .xlsx; one that cannot be read is a finding naming it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .biff import xls
from .conftest import AS_OF, MEASURES
from .filling import fill_xlsx

TARGET = "m05-high-voltage-connection-days"
CELLS: dict[tuple[int, int], object] = {
    (0, 0): "部门 Department", (0, 1): "区供电公司", (1, 0): "填报期间 Period", (1, 1): "2021-Q2",
    (4, 0): "目标编号 Target id", (4, 1): "填报值 Value", (5, 0): TARGET, (5, 1): 25,
}


def check(run: Callable[..., Any], *paths: Path) -> Any:
    return run("check", *paths, "--measures", MEASURES, "--as-of", AS_OF, "--format", "json")


def used(result: Any) -> dict[str, Any]:
    return next(r for r in json.loads(result.stdout)["results"] if r["target"] == TARGET)


@pytest.mark.parametrize("name", ["社发局.xls", "税务局-二季度.et", "renamed.xlsx"])
def test_an_ole_workbook_is_read_by_its_content(run: Callable[..., Any], tmp_path: Path,
                                                name: str) -> None:
    folder = tmp_path / "returns"
    folder.mkdir()
    (folder / name).write_bytes(xls("区供电公司", CELLS))
    result = check(run, folder)
    assert result.exit_code == 1, result.output  # other targets are missing
    entry = used(result)
    assert (entry["status"], entry["reported"]) == ("met", 25)
    assert entry["reported_location"] == {"path": str(folder / name), "line": 6, "column": 2}


@pytest.mark.parametrize("name", ["税务局-二季度.et", "with-macros.xlsm"])
def test_a_zip_workbook_by_another_name(run: Callable[..., Any], template: Callable[..., Path],
                                        tmp_path: Path, name: str) -> None:
    filled = tmp_path / "filled.xlsx"
    fill_xlsx(template("xlsx"), filled, {TARGET: {"填报值": 25}})
    et = tmp_path / name
    shutil.copy(filled, et)
    result = check(run, et)
    assert result.exit_code == 1, result.output
    assert used(result)["status"] == "met"


def test_a_cell_error_in_an_xls_names_its_cell(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(xls("区供电公司", {**CELLS, (5, 1): "约30"}))
    result = check(run, path)
    assert result.exit_code == 3, result.output
    assert f"{path}:6:2: error X001 区供电公司!B6: '约30' is not a number" in result.stderr


@pytest.mark.parametrize(("content", "code", "words"), [
    (xls("S", {**CELLS, (60_000, 250): 1}, dimensions=(65_535, 255)), "L005", "MB to read"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "X002", "remove the password"),
    (b"<html><table><tr><td>x</td></tr></table></html>", "X002", "not a zip file"),
])
def test_an_unreadable_xls_is_a_finding_naming_it(run: Callable[..., Any], tmp_path: Path,
                                                  content: bytes, code: str, words: str) -> None:
    path = tmp_path / "社发局.xls"
    path.write_bytes(content)
    result = run("check", path, "--measures", MEASURES, "--as-of", AS_OF)
    assert result.exit_code == 3, result.output
    assert f"{path}: error {code}" in result.stderr
    assert words in result.stderr and ".xlsx" in result.stderr
    assert "Traceback" not in result.output


def test_damaged_xls_files_are_findings(run: Callable[..., Any], tmp_path: Path) -> None:
    """Bytes of a good .xls changed here and there: a finding or a reading, never exit 4."""
    good = xls("区供电公司", CELLS)
    paths = []
    for n, at in enumerate(range(0, len(good), 97)):
        damaged = bytearray(good)
        for k in range(at, min(at + 8, len(good))):
            damaged[k] ^= 0xA5
        path = tmp_path / f"damaged-{n:03d}.xls"
        path.write_bytes(bytes(damaged[: len(good) - (n % 5) * 300]))
        paths.append(path)
    for path in paths[::7]:  # a sample: each file is a child process
        result = run("check", path, "--measures", MEASURES, "--as-of", AS_OF)
        assert result.exit_code in (0, 1, 3), (path, result.output)
        assert "Traceback" not in result.output
