"""Unusable submissions: exit 3, a file:line:col message saying what to fix, no traceback.

Each file in tests/data/check/bad/ is one case. Its header says what must be
reported, one finding a line, ``# expect: LINE:COL CODE message fragment``,
and optionally ``# as-of: YYYY-MM-DD`` for the run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.hostile.test_corpus import PYDANTIC_RE

from .conftest import CHECK_DATA, FIXTURE_MEASURES

ROOT = CHECK_DATA.parent.parent.parent
BAD = sorted((CHECK_DATA / "bad").glob("*.yaml"))
EXPECT_RE = re.compile(r"^# expect: (\d+):(\d+) ([A-Z]\d{3}) (.+)$")


def _header(path: Path) -> tuple[list[tuple[str, str, str]], list[str]]:
    expected, args = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if match := EXPECT_RE.match(line):
            expected.append((f"{match[1]}:{match[2]}", match[3], match[4]))
        elif line.startswith("# as-of: "):
            args += ["--as-of", line.removeprefix("# as-of: ").strip()]
    return expected, args


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_submission(path: Path, run: Any) -> None:
    expected, args = _header(path)
    assert expected, f"{path.name} has no '# expect:' line"
    result = run("check", path, "--measures", FIXTURE_MEASURES, *args)
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    shown = path.relative_to(ROOT).as_posix()
    for where, code, fragment in expected:
        lines = [
            ln
            for ln in result.stderr.splitlines()
            if ln.startswith(f"{shown}:{where}: error {code} ")
        ]
        assert lines, f"no {code} finding at {shown}:{where} in:\n{result.stderr}"
        assert any(fragment in ln for ln in lines), f"{fragment!r} not in {lines}"
    assert result.stdout == ""
    assert not PYDANTIC_RE.search(result.output), f"pydantic's wording:\n{result.output}"


def test_duplicate_entries_name_both_files(run: Any, tmp_path: Path) -> None:
    one = tmp_path / "a.yaml"
    two = tmp_path / "b.yaml"
    one.write_text(
        "department: 区供电公司\nperiod: '2021-Q2'\nentries:\n"
        "  m06-live-working-rate:\n    value: 91\n",
        encoding="utf-8",
    )
    two.write_text(
        # The same unit by its id: two entries of one unit stay an error (two units: C008).
        "department: power-supply-company\nperiod: '2021-Q2'\nentries:\n"
        "  m05-residential-connection-days:\n"
        "    value: 1\n  m06-live-working-rate:\n    value: 89\n",
        encoding="utf-8",
    )
    result = run("check", tmp_path, "--measures", FIXTURE_MEASURES)
    assert result.exit_code == 3
    assert re.search(
        r"b\.yaml:7:12: error C004 m06-live-working-rate is reported twice for the period "
        r"ending 2021-06-30: here \(2021-Q2\) and at .*a\.yaml:5:12 \(2021-Q2\)",
        result.stderr,
    )


def test_a_file_named_twice_is_read_once(check_json: Any, tmp_path: Path) -> None:
    """The same file given twice, or given and inside a given folder, is not a duplicate."""
    path = tmp_path / "a.yaml"
    path.write_text(
        "department: 区供电公司\nperiod: '2021-Q2'\nentries:\n"
        "  m06-live-working-rate:\n    value: 91\n",
        encoding="utf-8",
    )
    _, doc = check_json(path, tmp_path, tmp_path / "." / "a.yaml", "--as-of", "2021-06-30")
    result = next(r for r in doc["results"] if r["target"] == "m06-live-working-rate")
    assert (result["status"], result["reported"]) == ("met", 91)


def test_same_target_in_different_periods_uses_the_latest(check_json: Any, tmp_path: Path) -> None:
    (tmp_path / "q1.yaml").write_text(
        "department: 区供电公司\nperiod: '2021-Q1'\nentries:\n"
        "  m06-live-working-rate:\n    value: 80\n",
        encoding="utf-8",
    )
    (tmp_path / "q2.yaml").write_text(
        "department: 经发局\nperiod: '2021-Q2'\nentries:\n"
        "  m06-live-working-rate:\n    value: 92\n",
        encoding="utf-8",
    )
    _, doc = check_json(tmp_path, "--as-of", "2021-06-30")
    result = next(r for r in doc["results"] if r["target"] == "m06-live-working-rate")
    assert (result["status"], result["reported"], result["reporter"], result["period"]) == (
        "met",
        92,
        "economic-development-bureau",
        "2021-Q2",
    )
    assert result["reported_location"]["path"].endswith("q2.yaml")
    assert result["reported_location"]["line"] == 5


def test_unknown_waiver_target_is_unusable(run: Any, tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - target: m06-live-work-rate\n    reason: 试点\n"
        "    approved_by: 区优化办\n    expires: 2021-12-31\n",
        encoding="utf-8",
    )
    result = run(
        "check", "--measures", FIXTURE_MEASURES, "--waivers", waivers, "--as-of", "2021-06-30"
    )
    assert result.exit_code == 3
    assert (
        "waivers.yaml:2:13: error C003 unknown target id 'm06-live-work-rate': did you mean "
        "'m06-live-working-rate'?" in result.stderr
    )


def test_missing_file_and_empty_folder(run: Any, tmp_path: Path) -> None:
    result = run("check", tmp_path / "nope.yaml", tmp_path, "--measures", FIXTURE_MEASURES)
    assert result.exit_code == 3
    assert "nope.yaml: error C001 no such file or folder" in result.stderr
    assert "error C007 no submission files" in result.stderr


def test_unknown_file_type(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("hello", encoding="utf-8")
    result = run("check", path, "--measures", FIXTURE_MEASURES)
    assert result.exit_code == 3
    assert "unknown file type" in result.stderr


def test_bad_as_of_is_a_usage_error(run: Any) -> None:
    result = run("check", "--measures", FIXTURE_MEASURES, "--as-of", "2021-06-31")
    assert result.exit_code == 2


def test_validate_reports_submission_problems(run: Any) -> None:
    path = CHECK_DATA / "bad" / "unit-does-not-convert.yaml"
    result = run("validate", path)
    assert result.exit_code == 1
    shown = path.relative_to(ROOT).as_posix()
    assert (
        f"{shown}:7:11: error C010 unit 'hour' does not convert to 'working_day'" in result.stdout
    )


def test_json_with_surrogate_pair_escapes(check_json: Any, tmp_path: Path) -> None:
    """json.dumps writes 🚀 as \\ud83d\\ude80, which YAML lacks: still read, positions kept."""
    note = "全角：（１２３）🚀 𠀀 [bold]x[/]"
    path = tmp_path / "ascii.json"
    text = json.dumps(
        {
            "department": "区供电公司",
            "period": "2021-Q2",
            "entries": {"m06-live-working-rate": {"note": note, "value": 91}},
        }
    )
    assert "\\ud83d\\ude80" in text
    path.write_text(text, encoding="utf-8")
    _, doc = check_json(path, "--as-of", "2021-06-30")
    result = next(r for r in doc["results"] if r["target"] == "m06-live-working-rate")
    assert (result["status"], result["note"]) == ("met", note)
    column = result["reported_location"]["column"]
    assert (result["reported_location"]["line"], text[column - 1 : column + 1]) == (1, "91")
    waivers = tmp_path / "waivers.json"
    waivers.write_text(
        json.dumps(
            {
                "waivers": [
                    {
                        "target": "m30-contract-performance-rate",
                        "reason": "🚀",
                        "approved_by": "区优化办",
                        "expires": "2021-12-31",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    _, doc = check_json(path, "--waivers", waivers, "--as-of", "2021-06-30")
    result = next(r for r in doc["results"] if r["target"] == "m30-contract-performance-rate")
    assert (result["status"], result["waiver"]["reason"]) == ("waived", "🚀")
