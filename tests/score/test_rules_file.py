"""The rules file is input like any other: unusable ones are findings at file:line, exit 3;
`bizenv validate measures` checks the shipped one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tests.score.test_score import QUARTERS, RULES


def score(run, rules: Path | str, *extra: str):
    return run("score", *QUARTERS, "--year", "2021", "--rules", rules, *extra)


def edited(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "rules.yaml"
    text = RULES.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "at", "says"),
    [
        ("points: -5", "points: five", "five", "must be a number"),
        ("points: -5", "points: .nan", ".nan", "finite"),
        ("points: -5", "points: -5000", "-5000", "between -1000 and 1000"),
        ("base: 100", "base: [100]", "[100]", "must be a number"),
        ("role: lead", "role: chief", "chief", "role"),
        ("outcomes: [met]", "outcomes: [waived]", "waived", "outcomes"),
        ("default: false", "default: 'no'", "'no'", "default"),
        ("    points: -10", "    points: -10\n    cap: 0", "cap: 0", "greater than 0"),
        ("    points: -10", "    points: -10\n    bonus: 1", "bonus", "bonus"),
        ("reason: no return from the unit for a period", 'reason: "two\\nlines"', "two",
         "reason"),
    ],
)
def test_wrong_types_are_findings_at_their_line(
    run, tmp_path: Path, old: str, new: str, at: str, says: str
) -> None:
    path = edited(tmp_path, old, new)
    text = path.read_text(encoding="utf-8")
    line = text[: text.index(at)].count("\n") + 1
    result = score(run, path)
    assert result.exit_code == 3, result.output
    assert f"rules.yaml:{line}:" in result.stderr, result.stderr
    assert says in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("lead_office: optimization-office", "lead_office: nobody-office",
         "is not in departments.yaml"),
        ("lead_office: optimization-office", "lead_office: district-departments",
         "is a collective"),
        ("name: lead-unfinished", "name: lead-met", "is used twice"),
        ("returns:", "weights: {targets: {m05-high-voltage-connection-dayz: 2}}\nreturns:",
         "did you mean m05-high-voltage-connection-days"),
        ("returns:", "weights: {chapters: {9: 2}}\nreturns:", "no chapter 9"),
        ("returns:", "excellent: {name: x, reason: y, disqualifying_rules: [nope]}\nreturns:",
         "no rule named 'nope'"),
    ],
)
def test_names_that_do_not_exist(run, tmp_path: Path, old: str, new: str, says: str) -> None:
    result = score(run, edited(tmp_path, old, new))
    assert result.exit_code == 3, result.output
    assert "error K001" in result.stderr and says in result.stderr
    assert "rules.yaml:0:" not in result.stderr  # each at its line


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_is_refused_not_waited_on(run, tmp_path: Path) -> None:
    fifo = tmp_path / "rules.yaml"
    os.mkfifo(fifo)
    result = score(run, fifo)
    assert result.exit_code == 3
    assert "rules.yaml" in result.stderr and "Traceback" not in result.output


def test_a_symlink_loop_is_a_finding(run, tmp_path: Path) -> None:
    loop = tmp_path / "rules.yaml"
    loop.symlink_to(tmp_path / "other.yaml")
    (tmp_path / "other.yaml").symlink_to(loop)
    result = score(run, loop)
    assert result.exit_code == 3
    assert "rules.yaml" in result.stderr and "Traceback" not in result.output


def test_a_huge_file_is_not_read(run, tmp_path: Path) -> None:
    huge = tmp_path / "rules.yaml"
    huge.write_bytes(RULES.read_bytes() + b"#" + b"x" * (256 * 1024))
    result = score(run, huge)
    assert result.exit_code == 3
    assert "L005" in result.stderr and "limit is 262,144" in result.stderr


def test_missing_rules_file_and_no_default(run, tmp_path: Path) -> None:
    assert score(run, tmp_path / "none.yaml").exit_code == 3
    measures = tmp_path / "measures"
    shutil.copytree("measures", measures)
    (measures / "scoring.yaml").unlink()
    result = run("score", *QUARTERS, "--year", "2021", "--measures", measures)
    assert result.exit_code == 3
    assert "no scoring rules" in result.stderr and "--rules" in result.stderr


def test_validate_checks_the_measure_folders_rules(run, tmp_path: Path) -> None:
    measures = tmp_path / "measures"
    shutil.copytree("measures", measures)
    assert run("validate", measures).exit_code == 0
    rules = measures / "scoring.yaml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace("base: 100", "base: hundred"),
        encoding="utf-8",
    )
    result = run("validate", measures)
    assert result.exit_code == 1
    assert "scoring.yaml:16:" in result.stdout + result.stderr


def test_the_shipped_rules_say_they_are_the_default(run) -> None:
    result = run("score", *QUARTERS, "--year", "2021", "--lang", "zh")
    assert result.exit_code == 0, result.stderr
    assert "默认示例计分规则" in result.stdout
    english = run("score", *QUARTERS, "--year", "2021", "--lang", "en")
    assert "DEFAULT example rules" in english.stdout
