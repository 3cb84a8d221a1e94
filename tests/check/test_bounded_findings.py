"""Many mistakes of one kind in one file (issue 9): the first 20 are shown, with a
"did you mean" each, the rest counted in one line; the run stays quick (difflib only
runs for those shown: 24,000 suggestions took 41 s)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bizenv_cli.diagnostics import Finding, Level, cap

from .conftest import FIXTURE_MEASURES

MISSPELT = "m05-high-voltage-connection-dayz"
HINT = "did you mean 'm05-high-voltage-connection-days'?"


def _lines(stderr: str, path: Path) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"{path}:")]


def test_many_unknown_target_ids(run: Any, tmp_path: Path) -> None:
    sub = tmp_path / "many.yaml"
    ids = "".join(f"  {MISSPELT}{i}:\n" for i in range(24_000))
    sub.write_text(f"department: 区供电公司\nperiod: 2021-Q2\nentries:\n{ids}", encoding="utf-8")
    result = run("check", sub, "--measures", FIXTURE_MEASURES, "--as-of", "2021-06-30")
    assert result.exit_code == 3
    lines = _lines(result.stderr, sub)
    assert len(lines) == 21
    assert all(HINT in line for line in lines[:20])
    assert lines[0].startswith(f"{sub}:4:3: error C003 unknown target id '{MISSPELT}0'")
    assert lines[20] == (
        f"{sub}:24:3: error C003 ... and 23,980 more unknown target ids in this file, from here on"
    )


def test_many_unknown_waiver_targets(run: Any, tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    rows = "".join(
        f"  - {{target: {MISSPELT}{i}, reason: r, approved_by: a, expires: 2021-12-31}}\n"
        for i in range(9_000)
    )
    waivers.write_text(f"waivers:\n{rows}", encoding="utf-8")
    args = ("--waivers", waivers, "--measures", FIXTURE_MEASURES, "--as-of", "2021-06-30")
    result = run("check", *args)
    assert result.exit_code == 3
    lines = _lines(result.stderr, waivers)
    assert len(lines) == 21
    assert all(HINT in line for line in lines[:20])
    assert lines[20] == (
        f"{waivers}:22:14: error C003 ... and 8,980 more unknown target ids in this file, "
        "from here on"
    )


def test_cap_counts_per_file_and_code() -> None:
    found = [Finding("a.yaml", n, 1, "C011", "x") for n in range(30, 0, -1)]
    found += [Finding("a.yaml", 5, 2, "C010", "y"), Finding("b.yaml", 1, 1, "C011", "z")]
    found += [Finding("a.yaml", 40, 1, "C011", "w", Level.warning)]
    capped = cap(found, per_kind=3)
    assert [(f.path, f.line, f.code) for f in capped] == [
        ("a.yaml", 1, "C011"), ("a.yaml", 2, "C011"), ("a.yaml", 3, "C011"),
        ("a.yaml", 4, "C011"), ("a.yaml", 5, "C010"), ("b.yaml", 1, "C011"),
    ]
    assert capped[3].message == "... and 28 more C011 findings in this file, from here on"
