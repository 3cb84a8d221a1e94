"""`bizenv list` and `bizenv show` on a fixed fixture set (tests/data/listing: measures
4, 5, 6, 22 and 43 copied from measures/, with plan.yaml, departments.yaml and the plan text)."""

from __future__ import annotations

import json
import shutil
import typing
from pathlib import Path

import pytest
import yaml

from bizenv_cli.listing import find_quote, merge_spans
from bizenv_cli.models import Target
from bizenv_cli.output.show.terminal import QUOTE_STYLE, marked_source
from conftest import DATA

LISTING = DATA / "listing"
EXTRA = LISTING / "extra"

TARGET_KEYS = {
    "measure_number", "measure_id", "target_id", "title", "kind", "comparator", "value", "unit",
    "aggregation", "period", "direction", "baseline", "quantity_unit", "limit", "deadline",
    "due", "lead", "responsible", "quote", "what", "strive", "scope",
}  # fmt: skip
MEASURE_KEYS = {
    "number", "id", "chapter", "section", "title", "lead", "responsible", "deadline", "targets",
}  # fmt: skip


@pytest.fixture
def list_json(run):
    def _list(*args: str) -> dict[str, typing.Any]:
        result = run("list", "--measures", LISTING, "--format", "json", *args)
        assert result.exit_code == 0, result.output
        data: dict[str, typing.Any] = json.loads(result.stdout)
        return data

    return _list


def numbers(data: dict[str, typing.Any]) -> list[int]:
    return [m["number"] for m in data["measures"]]


def target(data: dict[str, typing.Any], target_id: str) -> dict[str, typing.Any]:
    rows = [t for t in data["targets"] if t["target_id"] == target_id]
    assert len(rows) == 1, target_id
    return rows[0]


def with_extra(tmp_path: Path, name: str) -> Path:
    """A copy of the fixture set plus one file from tests/data/listing/extra/.

    The measure's number joins plan.yaml's excerpt and its source the plan text, so the
    set passes the rules every command runs (a file that does not load is left as it is).
    """
    root = tmp_path / "set"
    shutil.copytree(LISTING, root, ignore=shutil.ignore_patterns("extra"))
    shutil.copy(EXTRA / name, root / name)
    data = yaml.safe_load((EXTRA / name).read_text(encoding="utf-8"))
    plan = root / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("excerpt: [", f"excerpt: [{data['number']}, "), encoding="utf-8")
    if isinstance(data.get("source"), str):
        with (root / "source" / "plan.txt").open("a", encoding="utf-8") as out:
            out.write("\n" + data["source"] + "\n")
    return root


# --- list: JSON structure ---------------------------------------------------------------


def test_list_json_structure(list_json):
    data = list_json()
    assert list(data) == ["version", "measures", "targets"]
    assert data["version"] == 1
    assert numbers(data) == [4, 5, 6, 22, 43]
    assert all(set(m) == MEASURE_KEYS for m in data["measures"])
    assert all(set(t) == TARGET_KEYS for t in data["targets"])
    listed = [t for m in data["measures"] for t in m["targets"]]
    assert listed == [t["target_id"] for t in data["targets"]]


def test_list_json_threshold_row(list_json):
    row = target(list_json(), "m05-high-voltage-connection-days")
    assert row == row | {
        "measure_number": 5,
        "measure_id": "m05-power-connection-time",
        "kind": "threshold",
        "comparator": "<=",
        "value": 30,
        "unit": "working_day",
        "aggregation": "average",
        "deadline": {"text": "2021年6月底", "due": "2021-06-30", "ongoing": False},
        "due": None,
        "lead": [],
        "responsible": ["economic-development-bureau", "power-supply-company"],
        "quote": "高压用户平均办电时间压缩至30个工作 日以内",
        "strive": False,
        "scope": [],
        "direction": None,
        "limit": None,
    }
    assert row["what"]["zh"].startswith("高压用户平均办电时间")
    assert row["what"]["en"]


def test_list_json_change_milestone_and_frequency_rows(list_json):
    data = list_json()
    change = target(data, "m06-average-outage-time-cut")
    assert (change["kind"], change["direction"], change["comparator"], change["value"]) == (
        "change", "decrease", ">=", 20,
    )  # fmt: skip
    assert change["baseline"] == "previous_year"
    assert change["limit"]["comparator"] == "<=" and change["limit"]["value"] == 8.5
    milestone = target(data, "m04-220kv-line-relocation-start")
    assert milestone["kind"] == "milestone"
    assert milestone["comparator"] is None and milestone["value"] is None
    assert milestone["due"] == "2021-03-31"
    assert milestone["deadline"]["due"] == "2021-12-31"
    frequency = target(data, "m22-annual-policy-clean-up")
    assert (frequency["kind"], frequency["period"]) == ("frequency", "year")
    assert frequency["deadline"] == {"text": "长期推进", "due": None, "ongoing": True}
    assert target(data, "m43-export-refund-days")["deadline"] == {
        "text": "2020年8月底,长期推进", "due": "2020-08-31", "ongoing": True,
    }  # fmt: skip


def test_list_yaml_is_the_same_data(run, list_json):
    result = run("list", "--measures", LISTING, "--format", "yaml", "--chapter", "1")
    assert result.exit_code == 0, result.output
    assert "高压用户平均办电时间" in result.stdout  # allow_unicode: no \u escapes
    assert yaml.safe_load(result.stdout) == list_json("--chapter", "1")


# --- list: filters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--department", "华容区供电公司"], [4, 5, 6]),
        (["--department", "power-supply-company"], [4, 5, 6]),
        (["--department", "区 供电 公司"], [4, 5, 6]),
        (["--department", "经发局"], [4, 5, 6]),  # responsible only
        (["--department", "税务局"], [43]),  # lead only
        (["--department", "市场监管分局"], [22]),
        (["--chapter", "1"], [4, 5, 6]),
        (["--chapter", "3"], [22]),
        (["--chapter", "6"], []),
        (["--section", "2"], [4, 5, 6]),
        (["--ongoing"], [22, 43]),
        (["--no-ongoing"], [4, 5, 6]),
        (["--kind", "frequency"], [22]),
        (["--kind", "change"], [6]),
        (["--due-to", "2020-12-31"], [43]),
        (["--due-from", "2021-06-30", "--due-to", "2021-06-30"], [5, 6]),
        (["--chapter", "1", "--kind", "milestone"], [4, 5]),
    ],
)
def test_list_filters(list_json, args, expected):
    assert numbers(list_json(*args)) == expected


def test_due_range_uses_the_targets_own_dates(list_json):
    data = list_json("--due-from", "2021-03-01", "--due-to", "2021-03-31")
    assert numbers(data) == [4]
    assert [t["target_id"] for t in data["targets"]] == [
        "m04-220kv-line-relocation-start",
        "m04-220kv-lines-relocated-count",
    ]
    assert data["measures"][0]["targets"] == [t["target_id"] for t in data["targets"]]


def test_kind_choices_match_the_models():
    from bizenv_cli.cli.list_cmd import KINDS

    members = typing.get_args(typing.get_args(Target)[0])
    assert set(KINDS) == {typing.get_args(m.model_fields["kind"].annotation)[0] for m in members}


# --- list: errors and table --------------------------------------------------------------


def test_unknown_department_is_usage_error_with_suggestion(run):
    result = run("list", "--measures", LISTING, "--department", "华容区供电")
    assert result.exit_code == 2
    assert "unknown department '华容区供电'" in result.stderr
    assert "did you mean power-supply-company (区供电公司)?" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--due-from", "2021-07-01", "--due-to", "2021-06-30"],
        ["--due-from", "2021/02/30"],  # slashes are fine (tests/test_dates.py), the day is not
        ["--kind", "deadline"],
        ["--chapter", "0"],
        ["--format", "csv"],
    ],
)
def test_bad_options_are_usage_errors(run, args):
    assert run("list", "--measures", LISTING, *args).exit_code == 2


def test_bad_measure_file_exits_3_with_findings(run, tmp_path):
    root = with_extra(tmp_path, "07-unknown-key.yaml")
    result = run("list", "--measures", root)
    assert result.exit_code == 3
    assert "07-unknown-key.yaml:22:5: error S001" in result.stderr
    assert "unknown key 'valeu'" in result.stderr
    assert result.stdout == ""


def test_folder_without_plan_exits_3(run, tmp_path):
    result = run("list", "--measures", tmp_path)
    assert result.exit_code == 3
    assert "no plan.yaml" in result.stderr


def test_missing_folder_exits_3(run, tmp_path):
    # A missing folder inside a measure set must not fall back to the parent's plan.yaml.
    result = run("show", "5", "--measures", LISTING / "nowhere")
    assert result.exit_code == 3
    assert "no such folder" in result.stderr


def test_list_table_is_plain_when_piped(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    result = run("list", "--measures", LISTING)
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["no.", "|", "target", "|", "what", "(zh)", "|", "requirement", "|",
                                "deadline", "|", "lead"]  # fmt: skip
    row = next(line for line in lines if "m05-high-voltage-connection-days" in line)
    assert "<= 30 working_day" in row
    assert "2021年6月底" in row
    assert "(经发局、区供电公司)" in row  # no lead: responsible units in brackets
    assert "税务局" in next(line for line in lines if "m43-export-refund-days" in line)
    assert "decrease >= 20 percent vs previous_year" in result.stdout
    assert lines[-1] == "21 targets in 5 measures"


def test_list_table_with_no_match(run):
    result = run("list", "--measures", LISTING, "--chapter", "6")
    assert result.exit_code == 0
    assert result.stdout == "No targets match these filters.\n"


def test_untrusted_text_is_never_markup(run, tmp_path):
    root = with_extra(tmp_path, "07-rich-markup.yaml")
    listed = run("list", "--measures", root, "--kind", "threshold", "--chapter", "1")
    assert listed.exit_code == 0, listed.output
    assert "办结时间[/]" in listed.stdout
    shown = run("show", "7", "--measures", root)
    assert shown.exit_code == 0, shown.output
    assert "标题[bold]不是样式[/]" in shown.stdout
    assert "Title [link=https://example.com]not a link[/link]" in shown.stdout
    assert "【办结时间压缩至5个工作日以内[red]】" in shown.stdout
    # the Chinese tables name the target by its title: plain text too
    listed_zh = run("list", "--measures", root, "--lang", "zh", "--chapter", "1")
    assert "办结时间[bold]不是样式[/]" in listed_zh.stdout
    shown_zh = run("show", "7", "--measures", root, "--lang", "zh")
    assert "办结时间[bold]不是样式[/]" in shown_zh.stdout


# --- show ----------------------------------------------------------------------------------


def test_show_plain_marks_quotes_with_brackets(run):
    result = run("show", "5", "--measures", LISTING)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\x1b[" not in out
    assert "measure      5. 围绕提升供电效率,优化报装流程" in out
    responsible = "经发局 (economic-development-bureau), 区供电公司 (power-supply-company)"
    assert f"responsible  {responsible}" in out
    assert "deadline     2021年6月底 (due 2021-06-30)" in out
    assert "lead         (none)" in out
    # shown without the PDF's stray space inside 工作日 (the file keeps it)
    assert "【高压用户平均办电时间压缩至30个工作日以内】" in out
    assert out.count("【") == out.count("】") == 6 + 1  # six quotes, plus the legend
    assert "进一步提升“321”服务水平" in out  # unquoted text is unmarked (stray space left out)
    assert "m05-on-site-supply-plan" in out


def test_show_maps_whitespace_insensitive_quotes_onto_the_source(run):
    out = run("show", "4", "--measures", LISTING).stdout
    # The quotes are written without the source's stray spaces; the marks follow the source
    # (its spaces between Chinese characters are left out of the display, beside digits kept).
    assert "一是【争取 2021 年启动罗庄等变电站增容工作】,为我区" in out
    assert "【启动创业大道至五四湖桥头6.5 公里的10千伏电力廊道建设】" in out
    assert "【3月份前完成三安、容百项目外线建设工程】" in out
    # Two targets quote the same words: marked once.
    assert out.count("【4月份前启动大健康产业园4条220千伏线路迁改】") == 1
    assert out.count("【") == out.count("】") == 4 + 1


def test_show_deadline_meanings_and_targets(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    ongoing = run("show", "22", "--measures", LISTING)
    assert "deadline     长期推进 (ongoing, no end date)" in ongoing.stdout
    assert "lead         市场监管分局 (market-supervision-branch)" in ongoing.stdout
    both = run("show", "43", "--measures", LISTING)
    assert "2020年8月底,长期推进 (due 2020-08-31, then ongoing)" in both.stdout
    change = run("show", "6", "--measures", LISTING)
    row = next(line for line in change.stdout.splitlines() if "m06-average-outage-time-cut" in line)
    assert "decrease >= 20 vs previous_year, and <= 8.5 hour" in row
    assert "percent of hour" in row


def test_show_json(run):
    result = run("show", "4", "--measures", LISTING, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["version"] == 1
    measure = data["measure"]
    assert (measure["number"], measure["id"]) == (4, "m04-power-grid-capacity")
    assert measure["section_title"]["zh"] == "提高电力供给质量和效率"
    assert measure["responsible_names"] == ["经发局", "区供电公司"]
    for row in data["targets"]:
        assert set(row) == TARGET_KEYS | {"source_span"}
        start, end = row["source_span"]
        assert "".join(measure["source"][start:end].split()) == "".join(row["quote"].split())


def test_show_unknown_number_gives_the_valid_range(run):
    result = run("show", "99", "--measures", LISTING)
    assert result.exit_code == 2
    assert "there is no measure 99; measures are numbered 4-6, 22, 43" in result.stderr


def test_show_non_number_is_usage_error(run):
    assert run("show", "five", "--measures", LISTING).exit_code == 2


# --- the core pieces behind the highlighting ----------------------------------------------


def test_find_quote_ignores_whitespace_and_maps_back():
    source = "甲乙 丙\n丁戊"
    assert find_quote(source, "乙丙丁") == (1, 6)
    assert find_quote(source, "乙 丙 丁") == (1, 6)
    assert find_quote(source, "丙丁戊己") is None
    assert find_quote(source, "  ") is None


def test_merge_spans_joins_overlaps():
    assert merge_spans([(5, 8), (0, 2), (1, 3), (8, 9)]) == [(0, 3), (5, 9)]


def test_terminal_output_styles_quotes_instead_of_brackets():
    text = marked_source("甲乙丙丁", [(1, 3)], plain=False)
    assert text.plain == "甲乙丙丁"
    assert [(s.start, s.end, str(s.style)) for s in text.spans] == [(1, 3, QUOTE_STYLE)]
    assert marked_source("甲乙丙丁", [(1, 3), (2, 4)], plain=True).plain == "甲【乙丙丁】"


def test_chapter_or_section_outside_the_plan_is_a_usage_error(run):
    for option, value in (("--chapter", "7"), ("--section", "29")):
        result = run("list", option, value)
        assert result.exit_code == 2, result.output
        assert "is not in the plan" in result.stderr
