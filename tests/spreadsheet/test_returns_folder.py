"""No file in a returns folder is skipped in silence, and a unit whose file could not be read
is not listed as having sent nothing: the file is named in the returns view."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .biff import xls
from .conftest import AS_OF, MEASURES
from .test_returns_legacy import CELLS


def test_every_file_of_a_folder_is_read_or_named(run: Callable[..., Any], tmp_path: Path) -> None:
    folder = tmp_path / "returns"
    folder.mkdir()
    (folder / "区供电公司.xls").write_bytes(xls("区供电公司", CELLS))
    (folder / "经发局-二季度.doc").write_bytes(b"\xd0\xcf not a workbook")
    (folder / "~$区供电公司.xlsx").write_bytes(b"lock")
    (folder / ".DS_Store").write_bytes(b"mac")
    result = run("check", folder, "--measures", MEASURES, "--as-of", AS_OF, "--format", "json",
                 "-v")
    assert result.exit_code == 1, result.output  # warnings only; targets missing
    doc = folder / "经发局-二季度.doc"
    assert f"{doc}: warning C016 not a file type bizenv reads (.doc;" in result.stderr
    assert "save it as Excel Workbook (.xlsx)" in result.stderr
    assert f"{folder}: warning C016 lock file(s)" in result.stderr
    assert "~$区供电公司.xlsx" in result.stderr
    assert f"{folder}: hidden files skipped: .DS_Store" in result.stderr
    units = {u["department"]: u for u in json.loads(result.stdout)["returns"]["units"]}
    bureau = units["economic-development-bureau"]
    assert not bureau["sent_nothing"] and bureau["unread"] == [str(doc)]
    assert units["power-supply-company"]["files"] == [str(folder / "区供电公司.xls")]
    report = run("report", folder, "--measures", MEASURES, "--as-of", AS_OF, "--by", "returns",
                 "--lang", "zh", "--width", "200")
    assert f"{doc} (未能读取 not read)" in report.stdout
    assert "催报：本期未收到报送的单位（0 个）" in report.stdout


def test_a_symlink_loop_in_a_folder_is_a_finding(run: Callable[..., Any], tmp_path: Path) -> None:
    folder = tmp_path / "returns"
    folder.mkdir()
    (folder / "a.xls").symlink_to("b")
    (folder / "b").symlink_to("a.xls")
    result = run("check", folder, "--measures", MEASURES, "--as-of", AS_OF)
    assert result.exit_code == 3, result.output
    assert f"{folder / 'a.xls'}: error C001 a loop of symbolic links" in result.stderr
    given = run("check", folder / "b", "--measures", MEASURES, "--as-of", AS_OF)
    assert given.exit_code == 3, given.output
    assert "b: error C001 a loop of symbolic links" in given.stderr
