"""Outputs never destroy inputs: every output option of every command, hard links too."""

from __future__ import annotations

import importlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import DATA, Result

from bizenv_cli.cli import COMMANDS
from bizenv_cli.cli.options import OutputFile

FIXTURE = DATA / "check" / "measures"
SUBMISSION = DATA / "check" / "quarter" / "tax-bureau.yaml"


# Commands that never read the measure set (diff compares two saved results): their own
# inputs are guarded in test_diff_output_never_overwrites_its_inputs.
NO_MEASURES = {"diff"}


def _output_options(*, skip: set[str] | None = None) -> list[tuple[str, str]]:
    """(command, option) for every option declared with output_file_option."""
    found = []
    for name, (module, attr, _) in COMMANDS.items():
        if name in (skip or set()):
            continue
        command = getattr(importlib.import_module(module), attr)
        for param in command.params:
            if isinstance(param.type, OutputFile):
                found.append((name, param.opts[0]))
    return found


def _setup(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "measures")
    shutil.copy(SUBMISSION, tmp_path / "ok.yaml")
    cases = "单号,受理,办结\nA1,2021-03-01,2021-03-05\n"
    (tmp_path / "cases.csv").write_text(cases, encoding="utf-8")
    rules = "title: t\ndefault: false\nsource: s\nbase: 100\n"  # the least scoring rules
    (tmp_path / "measures" / "scoring.yaml").write_text(rules, encoding="utf-8")
    return tmp_path


# What each command needs besides the measures to get as far as writing.
ARGS = {
    "check": ["ok.yaml", "--as-of", "2021-06-30"],
    "report": ["ok.yaml", "--as-of", "2021-06-30"],
    "history": ["ok.yaml"],
    "notices": ["ok.yaml", "--as-of", "2021-06-30", "--format", "json"],
    "score": ["ok.yaml", "--year", "2021"],
    "cases": ["cases.csv", "--as-of", "2021-06-30", "--target",
              "m05-high-voltage-connection-days", "--start", "受理", "--end", "办结"],
}


def test_the_known_output_options_are_all_found() -> None:
    assert set(_output_options()) >= {
        ("check", "-o"), ("template", "-o"),
        ("report", "--html"), ("report", "--svg"), ("report", "--markdown"),
    }


@pytest.mark.parametrize(("command", "option"), _output_options(skip=NO_MEASURES))
@pytest.mark.parametrize(
    "target", ["measures/plan.yaml", "measures/source/plan.txt", "hard-link-to-plan.yaml"]
)
def test_no_output_option_overwrites_the_measure_set(
    run: Callable[..., Result], tmp_path: Path, command: str, option: str, target: str
) -> None:
    work = _setup(tmp_path)
    os.link(work / "measures" / "plan.yaml", work / "hard-link-to-plan.yaml")
    before = (work / target).read_bytes()
    args = ARGS.get(command, [])
    result = run(command, *args, "--measures", "measures", option, target, cwd=work)
    assert result.exit_code == 2, result.output
    assert "which this command reads" in result.stderr
    assert (work / target).read_bytes() == before
    names = sorted(p.name for p in work.iterdir())
    assert names == ["cases.csv", "hard-link-to-plan.yaml", "measures", "ok.yaml"]


def test_a_hard_link_to_the_submission_is_refused(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    work = _setup(tmp_path)
    os.link(work / "ok.yaml", work / "same.yaml")
    before = (work / "ok.yaml").read_bytes()
    result = run("check", "ok.yaml", "--as-of", "2021-06-30", "--measures", "measures",
                 "-o", "same.yaml", cwd=work)
    assert result.exit_code == 2
    assert "-o/--output same.yaml is the same file as the input ok.yaml" in result.stderr
    assert (work / "ok.yaml").read_bytes() == before


def test_stdout_appended_to_the_submission_is_refused(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    work = _setup(tmp_path)
    before = (work / "ok.yaml").read_bytes()
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src")}
    with open(work / "ok.yaml", "ab") as appended:  # bizenv check ok.yaml >> ok.yaml
        proc = subprocess.run(
            [sys.executable, "-m", "bizenv_cli", "check", "ok.yaml", "--as-of", "2021-06-30",
             "--measures", "measures"],
            cwd=work, stdout=appended, stderr=subprocess.PIPE, text=True, env=env, timeout=60,
        )
    assert proc.returncode == 2, proc.stderr
    assert "standard output is the input ok.yaml" in proc.stderr
    assert (work / "ok.yaml").read_bytes() == before


@pytest.mark.parametrize("target", ["old.json", "new.json", "link-to-old.json"])
def test_diff_output_never_overwrites_its_inputs(
    run: Callable[..., Result], tmp_path: Path, target: str
) -> None:
    work = _setup(tmp_path)
    saved = run("check", "ok.yaml", "--as-of", "2021-06-30", "--measures", "measures",
                "--format", "json", "-o", "old.json", cwd=work)
    assert saved.exit_code in (0, 1), saved.output
    shutil.copy(work / "old.json", work / "new.json")
    os.symlink("old.json", work / "link-to-old.json")
    before = (work / target).read_bytes()
    result = run("diff", "old.json", "new.json", "-o", target, cwd=work)
    assert result.exit_code == 2, result.output
    assert "which this command reads" in result.stderr
    assert (work / target).read_bytes() == before
