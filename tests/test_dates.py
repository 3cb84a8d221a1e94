"""Every option taking a day reads the forms a spreadsheet cell writes (options.Day)."""

from __future__ import annotations

import json

import pytest

EXAMPLES = "examples/2021-Q2"
FORMS = ["2021-06-30", "2021/6/30", "2021年6月30日", "2021.6.30", " 2021/06/30 "]

# (command line without the date, the option taking it)
COMMANDS = [
    (["check", EXAMPLES, "--format", "json"], "--as-of"),
    (["report", EXAMPLES], "--as-of"),
    (["history", EXAMPLES], "--at"),
    (["cases", "examples/cases", "--period", "2021-Q2"], "--as-of"),
    (["list"], "--due-from"),
    (["list"], "--due-to"),
]


@pytest.mark.parametrize("form", FORMS)
def test_check_reads_every_form_as_the_same_day(run, form):
    result = run("check", EXAMPLES, "--format", "json", "--as-of", form)
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["as_of"] == "2021-06-30"


@pytest.mark.parametrize(("args", "option"), COMMANDS)
def test_a_day_that_does_not_exist_is_a_usage_error(run, args, option):
    result = run(*args, option, "2021-02-30")
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option}': 2021-02-30: there is no such day" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("args", "option"), COMMANDS)
def test_chinese_form_is_accepted_everywhere(run, args, option):
    result = run(*args, option, "2021年6月30日")
    assert result.exit_code in (0, 1), result.output


def test_a_time_of_day_is_refused(run):
    result = run("check", EXAMPLES, "--as-of", "2021-06-30 09:00")
    assert result.exit_code == 2
    assert "'2021-06-30 09:00' has a time of day: give the day alone" in result.stderr


def test_text_that_is_no_date_says_which_forms_work(run):
    result = run("report", EXAMPLES, "--as-of", "yesterday")
    assert result.exit_code == 2
    assert "'yesterday' is not a date: write 2021-06-30, 2021/6/30, 2021年6月30日" in result.stderr


def test_list_due_range_takes_slashed_days(run):
    dashed = run("list", "--due-from", "2021-06-01", "--due-to", "2021-09-30", "--format", "json")
    slashed = run("list", "--due-from", "2021/6/1", "--due-to", "2021年9月30日", "--format", "json")
    assert dashed.exit_code == slashed.exit_code == 0
    assert dashed.stdout == slashed.stdout
    assert json.loads(dashed.stdout)


def test_help_names_the_option_format(run):
    assert "YYYY-MM-DD" in run("check", "--help").stdout
