"""Any folder: --measures, then $BIZENV_MEASURES, then the nearest measures/plan.yaml upward."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import MEASURES, ROOT

SUBMISSION = ROOT / "examples" / "2021-Q2" / "administrative-approval-bureau.yaml"


def test_list_from_a_subfolder_finds_the_measures_above(run) -> None:
    result = run("list", "--format", "json", cwd=ROOT / "examples" / "2021-Q2")
    assert result.exit_code == 0, result.output
    assert '"target_id"' in result.stdout


def test_show_and_validate_from_a_subfolder(run) -> None:
    assert run("show", "5", cwd=ROOT / "examples").exit_code == 0
    result = run("validate", cwd=ROOT / "examples")
    assert result.exit_code == 0, result.output


def test_unrelated_folder_uses_the_environment_variable(run, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("BIZENV_MEASURES", str(MEASURES))
    assert run("list", "--format", "json", cwd=tmp_path).exit_code == 0
    assert run("validate", cwd=tmp_path).exit_code == 0


def test_option_wins_over_the_environment_variable(run, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("BIZENV_MEASURES", str(tmp_path / "nowhere"))
    result = run("list", "--format", "json", "--measures", MEASURES, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    # and the variable, when used, is used as given: a wrong one is an error, not skipped
    result = run("list", cwd=ROOT)
    assert result.exit_code == 3
    assert "nowhere" in result.output


def test_nothing_found_says_what_was_tried(run, tmp_path) -> None:
    result = run("list", cwd=tmp_path)
    assert result.exit_code == 3
    for said in ("--measures", "BIZENV_MEASURES", "measures/plan.yaml", str(tmp_path)):
        assert said in result.output


@pytest.mark.parametrize("how", ["option", "env"])
def test_validate_a_submission_in_an_unrelated_folder(run, tmp_path, monkeypatch, how) -> None:
    copy = tmp_path / SUBMISSION.name
    shutil.copy(SUBMISSION, copy)
    args: list[str | Path] = ["validate", copy.name]
    if how == "option":
        args += ["--measures", MEASURES]
    else:
        monkeypatch.setenv("BIZENV_MEASURES", str(MEASURES))
    result = run(*args, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    monkeypatch.delenv("BIZENV_MEASURES", raising=False)
    alone = run("validate", copy.name, cwd=tmp_path)  # nothing to check it against
    assert alone.exit_code == 3
    assert "no measure set found" in alone.output


def test_validate_a_submission_from_a_subfolder(run) -> None:
    result = run("validate", SUBMISSION.name, cwd=SUBMISSION.parent)
    assert result.exit_code == 0, result.output


def test_help_names_the_order(run) -> None:
    out = run("check", "--help").stdout
    assert "BIZENV_MEASURES" in out
