"""Under --lang zh, `bizenv list` and `bizenv show` name targets by their short title
(from the measure files), never by their slug; -v adds the id; JSON keeps both."""

from __future__ import annotations

import json
import re

import pytest

SLUG = re.compile(r"m[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)+")
WIDTHS = ["60", "80", "120", "220"]


@pytest.fixture(scope="module")
def targets() -> list[dict[str, object]]:
    from tests.conftest import MEASURES

    from bizenv_cli.listing import Filters, listing
    from bizenv_cli.validation.pipeline import load_usable

    mset = load_usable(MEASURES)
    rows: list[dict[str, object]] = listing([m.measure for m in mset.measures], Filters())[
        "targets"
    ]
    return rows


def _title(row: dict[str, object]) -> str:
    title = row["title"]
    assert isinstance(title, dict)
    return str(title["zh"])


def _whole_on_a_line(out: str, text: str) -> bool:
    return any(text in line for line in out.splitlines())


@pytest.mark.parametrize("width", WIDTHS)
def test_list_in_chinese_names_every_target_by_its_title(run, monkeypatch, targets, width):
    monkeypatch.setenv("COLUMNS", width)
    result = run("list", "--lang", "zh")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert SLUG.search(out) is None, SLUG.search(out)
    assert max(len(line.rstrip()) for line in out.splitlines()) <= int(width)
    for row in targets:
        assert _whole_on_a_line(out, _title(row)), (width, row["target_id"], _title(row))
    assert out.rstrip().endswith("54 条措施中的 101 项目标")


@pytest.mark.parametrize("width", ["80", "220"])
def test_list_in_chinese_with_v_shows_the_ids_too(run, monkeypatch, targets, width):
    monkeypatch.setenv("COLUMNS", width)
    out = run("list", "--lang", "zh", "-v").stdout
    if width == "220":  # a table: the ids in a column of their own
        assert [h.strip() for h in out.splitlines()[0].split("|")][:3] == ["序号", "目标", "编号"]
    lines = out.splitlines()
    for row in targets:
        at = next(i for i, ln in enumerate(lines) if str(row["target_id"]) in ln)
        # beside its title; a narrow block's head may wrap between title and id
        assert _title(row) in lines[at] or _title(row) in lines[at - 1], (width, row["target_id"])


def test_list_in_chinese_table_row(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "220")
    out = run("list", "--lang", "zh", "--chapter", "1", "--section", "2").stdout
    row = next(ln for ln in out.splitlines() if ln.lstrip().startswith("5 | 高压用户平均办电时间 "))
    assert "高压用户平均办电时间(从提出正式用电申请" in row  # 内容: what, in full
    assert "不超过30个工作日" in row
    assert "m05" not in out


def test_english_tables_keep_the_ids(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "220")
    out = run("list", "--lang", "en", "--chapter", "1", "--section", "2").stdout
    assert "m05-high-voltage-connection-days" in out
    assert "高压用户平均办电时间 " not in out.replace("高压用户平均办电时间(", "")
    assert run("list", "--lang", "en", "-v", "--chapter", "1", "--section", "2").stdout == out


def test_json_and_yaml_keep_the_id_and_carry_the_title(run):
    for lang in ("zh", "en"):
        data = json.loads(run("list", "--format", "json", "--lang", lang).stdout)
        row = next(r for r in data["targets"] if r["target_id"] == "m06-live-working-rate")
        assert row["title"] == {"zh": "全区带电作业率", "en": "Live-working rate, zone-wide"}
    yaml_out = run("list", "--format", "yaml", "--lang", "zh", "--chapter", "1").stdout
    assert "target_id: m05-high-voltage-connection-days" in yaml_out
    assert "zh: 高压用户平均办电时间\n" in yaml_out


@pytest.mark.parametrize("width", ["60", "120"])
@pytest.mark.parametrize("number", ["5", "41", "43"])
def test_show_in_chinese_names_targets_by_title(run, monkeypatch, width, number):
    view = json.loads(run("show", number, "--format", "json").stdout)
    monkeypatch.setenv("COLUMNS", width)
    out = run("show", number, "--lang", "zh").stdout
    found = set(SLUG.findall(out))
    assert found <= {view["measure"]["id"]}, found  # the measure's own id, in its header
    lines = out.splitlines()
    targets_at = next(i for i, ln in enumerate(lines) if ln.startswith("目标("))
    table = "\n".join(lines[targets_at:])
    for row in view["targets"]:
        assert _whole_on_a_line(table, row["title"]["zh"]), (width, row["target_id"])


def test_show_in_chinese_strive_and_v(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = run("show", "43", "--lang", "zh").stdout
    assert "一般政策性退税办结(力争)" in out
    verbose = run("show", "43", "--lang", "zh", "-v").stdout
    assert "编号" in next(ln for ln in verbose.splitlines() if ln.startswith("目标 "))
    row = next(ln for ln in verbose.splitlines() if ln.startswith("一般政策性退税办结"))
    assert "m43-general-policy-refund-days" in row


def test_target_title_helper() -> None:
    from tests.conftest import MEASURES

    from bizenv_cli.models import target_title
    from bizenv_cli.validation.pipeline import load_usable

    five = load_usable(MEASURES).by_number()[5].measure
    first = five.targets[0]
    assert target_title(first, "zh") == "高压用户平均办电时间"
    assert target_title(first, "en") == "High-voltage connection time (average)"
