"""A validation of measure files kept in the cache (issue 16's start-up): what a run answers
from the cache is what validating the files gives, and an edit to anything the validation
read (the files, plan.yaml, departments.yaml, the plan text, bizenv's code) is read again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import MEASURES
from tests.validate.test_validate_cases import CASES, build, load_case

import bizenv_cli.loading.measureset as measureset


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[int]:
    """A cache of the test's own; the list grows by one each time a measure set is loaded."""
    monkeypatch.setenv("BIZENV_CACHE", str(tmp_path / "cache"))
    real, count = measureset.load_measure_set, []

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        count.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(measureset, "load_measure_set", counted)
    return count


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "measures"
    shutil.copytree(MEASURES, root)
    return root


def _same_three_ways(run, monkeypatch, tmp_path, args, cwd) -> str:  # type: ignore[no-untyped-def]
    """The output of validating ``args`` in every format: with no cache, then kept, then
    answered from the cache; the three must be the same."""
    seen = ""
    for fmt in ("text", "json", "github"):
        monkeypatch.setenv("BIZENV_CACHE", str(tmp_path / "blocked-by-a-file" / "cache"))
        (tmp_path / "blocked-by-a-file").write_text("not a folder", encoding="utf-8")
        fresh = run("validate", "--format", fmt, *args, cwd=cwd)
        monkeypatch.setenv("BIZENV_CACHE", str(tmp_path / "cache"))
        first = run("validate", "--format", fmt, *args, cwd=cwd)
        again = run("validate", "--format", fmt, *args, cwd=cwd)
        assert (first.exit_code, first.output) == (fresh.exit_code, fresh.output)
        assert (again.exit_code, again.output) == (fresh.exit_code, fresh.output)
        seen += fresh.output
    return seen


@pytest.mark.parametrize(
    "case", ["R002-duplicate-target-id", "L002-syntax", "S001-messages", "R020-review-entries"]
)
def test_kept_findings_are_the_findings(run, monkeypatch, loads, tmp_path, case) -> None:
    root = build(load_case(CASES / case), tmp_path)
    files = sorted(p.name for p in root.glob("[0-9]*.yaml"))
    output = _same_three_ways(run, monkeypatch, tmp_path, files, root)
    assert "0 errors, 0 warnings" not in output  # findings, kept with their positions
    assert len(loads) == 4  # each format with no cache; one kept entry answers all formats
    assert len(list((tmp_path / "cache").glob("validate-*.json"))) == 1


def test_acknowledged_warnings_are_kept_with_their_reasons(run, monkeypatch, loads, tmp_path):
    args = ["measures/02-land-use-quota-approval.yaml", "measures/05-power-connection-time.yaml"]
    output = _same_three_ways(run, monkeypatch, tmp_path, args, None)
    assert "1 acknowledged" in output and '"reason"' in output
    assert len(loads) == 4


def _edit_measure(root: Path) -> None:
    path = root / "05-power-connection-time.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("responsible: [", "responsible: [no-such-unit, ", 1), "utf-8")


def _edit_departments(root: Path) -> None:
    path = root / "departments.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: power-supply-company", "id: power-supply-co"), "utf-8")


def _edit_plan_text(root: Path) -> None:
    path = root / "source" / "plan.txt"
    path.write_text("（一）另一份方案。\n", encoding="utf-8")


def _retarget_plan_text(root: Path) -> None:
    moved = root / "source" / "plan.txt"
    real = root / "source" / "real.txt"
    moved.rename(real)
    (root / "source" / "other.txt").write_text("（一）另一份方案。\n", encoding="utf-8")
    moved.symlink_to("other.txt")
    real.unlink()


@pytest.mark.parametrize(
    "edit", [_edit_measure, _edit_departments, _edit_plan_text, _retarget_plan_text]
)
def test_an_edit_is_never_answered_from_the_cache(run, loads, tmp_path, edit) -> None:
    root = _copy(tmp_path)
    if edit is _retarget_plan_text:  # the plan text behind a link to another file
        (root / "source" / "plan.txt").rename(root / "source" / "first.txt")
        (root / "source" / "plan.txt").symlink_to("first.txt")
    args = ["05-power-connection-time.yaml"]
    before = run("validate", *args, cwd=root)
    assert run("validate", *args, cwd=root).output == before.output
    assert len(loads) == 1
    edit(root)
    after = run("validate", *args, cwd=root)
    assert len(loads) == 2
    assert after.exit_code != 0 and after.output != before.output
    assert run("validate", *args, cwd=root).output == after.output
    assert len(loads) == 2  # the new validation replaces the old entry
    assert len(list((tmp_path / "cache").glob("validate-*.json"))) == 1


def test_an_entry_made_by_other_code_is_not_used(run, loads, tmp_path) -> None:
    args = ["measures/05-power-connection-time.yaml"]
    before = run("validate", *args)
    (entry,) = (tmp_path / "cache").glob("validate-*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    rules = [item for item in data["code"] if item[0].endswith("rules/__init__.py")]
    assert rules, "the rules' source is part of the entry"
    rules[0][1] = "0" * 64  # as if bizenv's rules had changed since
    data["result"]["findings"] = [["x", 1, 1, "R999", "from the cache", "error", 1, []]]
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert run("validate", *args).output == before.output
    assert len(loads) == 2


def test_an_entry_that_does_not_read_is_a_miss(run, loads, tmp_path) -> None:
    args = ["measures/05-power-connection-time.yaml"]
    before = run("validate", *args)
    (entry,) = (tmp_path / "cache").glob("validate-*.json")
    entry.write_text('{"format": 1, "files": [', encoding="utf-8")
    assert run("validate", *args).output == before.output
    assert len(loads) == 2


def test_no_cache_folder_is_needed(run, monkeypatch, loads, tmp_path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BIZENV_CACHE", str(blocked / "cache"))
    args = ["measures/05-power-connection-time.yaml"]
    first = run("validate", *args)
    assert (first.exit_code, first.output) == (0, "1 file, 0 errors, 0 warnings\n")
    assert run("validate", *args).output == first.output
    assert len(loads) == 2


def test_a_whole_folder_is_always_validated(run, loads) -> None:
    run("validate", "measures")
    run("validate", "measures")
    assert len(loads) == 2
