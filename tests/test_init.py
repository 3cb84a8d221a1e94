"""`bizenv init`: a data folder where every command works, written whole or not at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_init_then_validate_and_check_inside(run, tmp_path: Path) -> None:
    result = run("init", "数据", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    root = tmp_path / "数据"
    for name in ("bizenv.toml", "README.md", "waivers.yaml", "measures/plan.yaml",
                 "measures/source/plan.txt", "returns/2021-Q2/power-supply-company.yaml",
                 "schemas/measure.schema.json", "schemas/settings.schema.json"):
        assert (root / name).is_file(), name
    assert "下一步" in (root / "README.md").read_text(encoding="utf-8")
    assert run("validate", "--strict", cwd=root).exit_code == 0
    check = run("check", "2021-Q2", "--as-of", "2021-06-30", "--format", "json",
                cwd=root / "returns")  # from a subfolder: bizenv.toml is found above
    assert check.exit_code == 1, check.output  # the example quarter has failures
    summary = json.loads(check.stdout)["summary"]
    assert sum(summary.values()) == 101 and summary["waived"] == 1  # bizenv.toml's waivers
    assert not list(tmp_path.glob(".*init*"))  # no temporary folder left


def test_init_into_an_empty_folder(run, tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    assert run("init", "d", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "d" / "bizenv.toml").is_file()


def test_init_empty_skeleton_lists_what_to_fill(run, tmp_path: Path) -> None:
    assert run("init", "d", "--empty", cwd=tmp_path).exit_code == 0
    root = tmp_path / "d"
    assert not (root / "returns").exists()
    result = run("validate", cwd=root)
    assert result.exit_code == 3, result.output  # a plan.yaml to fill in: nothing usable yet
    assert "plan.yaml:" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("kind", ["not-empty", "file", "symlink"])
def test_init_never_touches_what_is_there(run, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "d"
    if kind == "not-empty":
        target.mkdir()
        (target / "mine.txt").write_text("keep")
    elif kind == "file":
        target.write_text("keep")
    else:
        (tmp_path / "elsewhere").mkdir()
        target.symlink_to(tmp_path / "elsewhere")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = run("init", "d", cwd=tmp_path)
    assert result.exit_code == 2, result.output
    assert "d " in result.stderr or "d:" in result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_unknown_plan_is_a_usage_error(run, tmp_path: Path) -> None:
    result = run("init", "d", "--plan", "wuhan-2030", cwd=tmp_path)
    assert result.exit_code == 2
    assert "gedian-2021" in result.stderr
    assert not (tmp_path / "d").exists()
