"""The YAML loader's size and count limits (docs/validate.md, "Limits"), each checked with
a file just at and just past it. Files too large to commit are made here; the small
ones are in tests/data/hostile/yaml/."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import DATA, MEASURES, Result

from bizenv_cli.loading.measureset import (
    MAX_MEASURE_BYTES,
    MAX_MEASURE_NODES,
    MAX_PLAN_TEXT_BYTES,
)
from bizenv_cli.reading.yamlsafe import DEFAULT_MAX_BYTES, DEFAULT_MAX_NODES

HEAD = (
    "department: 区供电公司\n"
    'period: "2021-Q2"\n'
    "entries:\n"
    "  m05-high-voltage-connection-days:\n"
    "    value: 30\n"
)
WAIVERS = (
    "waivers:\n"
    "  - target: m05-high-voltage-connection-days\n"
    "    reason: 数据暂缺\n"
    "    approved_by: 区优化办\n"
    "    expires: 2021-12-31\n"
)


def padded(text: str, size: int) -> bytes:
    """``text`` and a comment making it exactly ``size`` bytes."""
    data = text.encode("utf-8")
    pad = size - len(data) - 3
    assert pad >= 0
    return data + b"#" + b"x" * pad + b"\n\n"


def nodes(count: int) -> str:
    """A submission of ``count`` nodes (values; a key is counted with its value): HEAD
    has 6 (the top mapping, 3 values, the entry and its value), the ``note`` list 1 more,
    each item 1."""
    return HEAD + "    note: [" + ",".join(["0"] * (count - 7)) + "]\n"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with the fixture measures at measures/ (for check) and the real,
    valid measure set at plan/ (for validate)."""
    shutil.copytree(DATA / "check" / "measures", tmp_path / "measures")
    shutil.copytree(MEASURES, tmp_path / "plan")
    return tmp_path


def check(run: Callable[..., Result], work: Path, *args: str) -> Result:
    return run("check", *args, "--measures", "measures", "--as-of", "2021-06-30", cwd=work)


@pytest.mark.parametrize("past", [False, True], ids=["at", "past"])
def test_submission_file_size(run: Callable[..., Result], work: Path, past: bool) -> None:
    size = DEFAULT_MAX_BYTES + past
    (work / "big.yaml").write_bytes(padded(HEAD, size))
    result = check(run, work, "big.yaml")
    message = f"big.yaml: error L005 file is {size:,} bytes; the limit is {DEFAULT_MAX_BYTES:,}"
    assert (message in result.output) is past, result.output
    assert result.exit_code == (3 if past else 1), result.output
    if past:
        assert run("validate", "big.yaml", cwd=work).exit_code == 1


@pytest.mark.parametrize("past", [False, True], ids=["at", "past"])
def test_waivers_file_size(run: Callable[..., Result], work: Path, past: bool) -> None:
    (work / "q.yaml").write_text(HEAD, encoding="utf-8")
    (work / "waivers.yaml").write_bytes(padded(WAIVERS, DEFAULT_MAX_BYTES + past))
    result = check(run, work, "q.yaml", "--waivers", "waivers.yaml")
    assert ("waivers.yaml: error L005 file is 2,097,153 bytes" in result.output) is past
    assert result.exit_code == (3 if past else 1), result.output


@pytest.mark.parametrize("past", [False, True], ids=["at", "past"])
def test_submission_nodes(run: Callable[..., Result], work: Path, past: bool) -> None:
    (work / "many.yaml").write_text(nodes(DEFAULT_MAX_NODES + past), encoding="utf-8")
    result = check(run, work, "many.yaml")
    if past:
        assert result.exit_code == 3, result.output
        assert "many.yaml:6:" in result.output
        assert "error L005 more than 50,000 keys and values (the limit)" in result.output
    else:  # read; then the schema says a note is text
        assert "error S001 entries.m05-high-voltage-connection-days.note: expected text" in (
            result.output
        )


@pytest.mark.parametrize("past", [False, True], ids=["at", "past"])
def test_measure_file_size(run: Callable[..., Result], work: Path, past: bool) -> None:
    path = work / "plan" / "05-power-connection-time.yaml"
    path.write_bytes(padded(path.read_text(encoding="utf-8"), MAX_MEASURE_BYTES + past))
    result = run("validate", "plan", cwd=work)
    shown = "plan/05-power-connection-time.yaml: error L005 file is 1,048,577 bytes"
    assert (shown in result.output) is past, result.output
    assert result.exit_code == (1 if past else 0), result.output


@pytest.mark.parametrize("past", [False, True], ids=["at", "past"])
def test_measure_nodes(run: Callable[..., Result], work: Path, past: bool) -> None:
    path = work / "plan" / "05-power-connection-time.yaml"
    text = path.read_text(encoding="utf-8")
    from bizenv_cli.reading.files import read_document

    count = len(read_document(path).positions.nodes)
    extra = MAX_MEASURE_NODES + past - count - 1  # the list, then its items
    path.write_text(text + "extra: [" + ",".join(["0"] * extra) + "]\n", encoding="utf-8")
    result = run("validate", "plan", cwd=work)
    assert result.exit_code == 1, result.output
    found = "error L005 more than 10,000 keys and values (the limit)" in result.output
    assert found is past, result.output
    if not past:  # read; then the schema refuses the unknown key
        assert "error S001 (top level): unknown key 'extra'" in result.output


@pytest.mark.parametrize("name", ["plan.yaml", "departments.yaml"])
def test_plan_and_departments_size(run: Callable[..., Result], work: Path, name: str) -> None:
    path = work / "plan" / name
    path.write_bytes(padded(path.read_text(encoding="utf-8"), DEFAULT_MAX_BYTES + 1))
    result = run("validate", "plan", cwd=work)
    assert result.exit_code == 3, result.output
    assert f"plan/{name}: error L005 file is 2,097,153 bytes; the limit is 2,097,152" in (
        result.output
    )


@pytest.mark.parametrize("past", [False, True], ids=["at", "past"])
def test_plan_text_size(run: Callable[..., Result], work: Path, past: bool) -> None:
    path = work / "plan" / "source" / "plan.txt"
    data = path.read_bytes()
    path.write_bytes(data + b" " * (MAX_PLAN_TEXT_BYTES + past - len(data)))
    result = run("validate", "plan", cwd=work)
    message = "error L005 file is over the 8,388,608-byte limit of the plan text"
    assert (message in result.output) is past, result.output
    assert result.exit_code == (3 if past else 0), result.output


def test_capped_findings_are_counted_whole(run: Callable[..., Result], tmp_path: Path) -> None:
    """20 unknown ids are shown, the rest summed up in one line; the totals count them all."""
    lines = ["department: 区供电公司", 'period: "2021-Q2"', "entries:"]
    lines += [f"  m05-nope-{i}:\n    value: 1" for i in range(500)]
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = run("check", path, "--measures", DATA / "check" / "measures")
    assert checked.exit_code == 3
    assert "... and 480 more unknown target ids in this file" in checked.stderr
    assert "500 problem(s) in 1 input file(s)" in checked.stderr
    validated = run("validate", path)  # against measures/ of the folder it runs in
    assert "1 file, 500 errors, 0 warnings" in validated.stdout
