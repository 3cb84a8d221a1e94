"""`bizenv report` on the command line: exit codes, --department, --lang from the locale."""

from __future__ import annotations

import pytest

from .conftest import DATA, MEASURES, ROOT


def test_exit_0_even_with_overdue_targets(report):
    result = report()
    assert result.exit_code == 0
    assert "逾期" in result.stdout or "overdue" in result.stdout


def test_help_states_the_exit_codes(run):
    result = run("report", "--help")
    assert result.exit_code == 0
    assert "Exit codes: 0 the report was printed (also when targets are overdue" in " ".join(
        result.stdout.split()
    )


def test_unusable_submission_is_exit_3_with_its_location(run):
    result = run("report", DATA / "bad", "--measures", MEASURES, "--as-of", "2021-08-10")
    assert result.exit_code == 3
    assert "unknown-target.yaml:5:3" in result.stderr
    assert "did you mean 'm16-renovation-days'?" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args", [("--by", "month"), ("--lang", "fr"), ("--width", "10"), ("--as-of", "2021-13-01")]
)
def test_bad_options_are_usage_errors(report, args):
    assert report(*args).exit_code == 2


@pytest.mark.parametrize(
    "name", ["住建局", "housing-construction-bureau", "Housing and Urban-Rural Development Bureau"]
)
def test_department_by_any_name(report, name):
    result = report("--lang", "zh", "--width", "160", "--department", name)
    assert result.exit_code == 0, result.output
    assert "单位成绩单：住建局" in result.stdout
    assert "牵头: 5 项  达标 3  逾期 1  未报送 1" in result.stdout
    assert "责任: 3 项  有风险 2  未到期 1" in result.stdout
    assert "8 项（措施 3 条）" in result.stdout  # the header counts only this unit's targets
    assert "m05-" not in result.stdout


def test_unknown_department_suggests_one(report):
    result = report("--lang", "en", "--department", "住建")
    assert result.exit_code == 2
    assert "unknown unit '住建'" in result.stderr
    assert "did you mean housing-construction-bureau (住建局)?" in result.stderr


@pytest.mark.parametrize(
    ("env", "title"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "营商环境实施方案进展报告"),
        ({"LANG": "en_GB.UTF-8"}, "Business environment plan: progress report"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "Business environment plan: progress report"),
        ({}, "Business environment plan: progress report"),
    ],
)
def test_language_defaults_to_the_locale(report, monkeypatch, env, title):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert report().stdout.splitlines()[0] == title


def test_lang_option_beats_the_locale(report, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert report("--lang", "en").stdout.startswith("Business environment plan")


def test_the_shipped_example_quarter(run):
    """The README's report: the example quarter on the real measures, both languages."""
    quarter = ROOT / "examples" / "2021-Q2"
    waivers = ROOT / "examples" / "waivers.yaml"
    for lang in ("zh", "en"):
        result = run("report", quarter, "--waivers", waivers, "--lang", lang, "--width", "100")
        assert result.exit_code == 0, result.output
        assert ("2021年6月30日" if lang == "zh" else "2021-06-30") in result.stdout


def test_the_readme_picture_is_current(run, tmp_path):
    """docs/report.svg is what `make docs` makes from the example quarter (run it if this fails)."""
    fresh = tmp_path / "report.svg"
    result = run(
        "report",
        ROOT / "examples" / "2021-Q2",
        "--waivers",
        ROOT / "examples" / "waivers.yaml",
        "--as-of",
        "2021-06-30",
        "--lang",
        "zh",
        "--width",
        "100",
        "--by",
        "chapter",
        "--svg",
        fresh,
    )
    assert result.exit_code == 0, result.output
    committed = ROOT / "docs" / "report.svg"
    assert committed.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        "run `make docs`"
    )


def test_a_unit_without_targets(report, tmp_path):
    result = report(
        "--lang",
        "en",
        "--department",
        "district-court",
        "--by",
        "chapter",
        "--by",
        "department",
        "--by",
        "deadline",
        "--markdown",
        tmp_path / "r.md",
    )
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "0 (0 measures)" in out and "no target is due yet" in out
    assert "By chapter and section No targets." in out
    assert "This unit neither leads nor is responsible for any target." in out
    assert "No target falls due within 30 days." in out
    assert "This unit neither leads" in (tmp_path / "r.md").read_text(encoding="utf-8")
