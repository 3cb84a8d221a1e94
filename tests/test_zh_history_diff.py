"""`history`, `diff`, `cases` and `workdays` in Chinese (--lang zh), and `history` and
`diff` at 60, 80 and 120 columns: no identifying column dropped, no value cut, no id split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import ROOT

QUARTERS = [ROOT / "examples" / q for q in ("2021-Q1", "2021-Q2", "2021-Q3")]
WAIVERS = ["--waivers", ROOT / "examples" / "waivers.yaml"]
WIDTHS = ["60", "80", "120"]
STATUS_ZH = {"met": "达标", "at_risk": "有风险", "overdue": "逾期", "not_met": "未达标",
             "missing": "未报送", "pending": "未到期", "waived": "已豁免"}


def _titles() -> dict[str, str]:
    from bizenv_cli.validation.pipeline import load_usable

    measures = load_usable(ROOT / "measures").measures
    return {t.id: t.title.zh for m in measures for t in m.measure.targets}


def _fits(out: str, width: int) -> None:
    from rich.cells import cell_len

    assert all(cell_len(line) <= width for line in out.splitlines()), out
    assert "…" not in out  # rich's mark of a cut cell


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_history_at_any_width(run, monkeypatch: pytest.MonkeyPatch, width: str,
                              lang: str) -> None:
    data = json.loads(run("history", *QUARTERS, *WAIVERS, "--format", "json").stdout)
    titles = _titles()
    monkeypatch.setenv("COLUMNS", width)
    result = run("history", *QUARTERS, *WAIVERS, "--lang", lang, "-v")
    assert result.exit_code == 0, result.output
    out = result.stdout
    _fits(out, int(width))
    lines = out.splitlines()
    for row in data["targets"]:
        # The id whole on a line; under zh the title whole, with its measure number.
        assert any(row["target"] in ln.split() for ln in lines), row["target"]
        label = titles[row["target"]] if lang == "zh" else row["target"]
        line = next(i for i, ln in enumerate(lines) if label in ln)
        assert str(row["measure"]) in lines[line].split()
    for period in data["periods"]:
        assert period["period"] in out
    if lang == "zh":
        assert "的历史" in out and "趋势（最近两次报送）" in out
        assert "met" not in out.replace("m", "M").lower().split()  # no English status word
        assert "达标" in out and "向好" in out


def _saved(run, tmp_path: Path, quarter: int, day: str) -> Path:
    out = tmp_path / f"q{quarter}.json"
    result = run("check", *QUARTERS[:quarter], *WAIVERS, "--as-of", day, "--format", "json",
                 "-o", out)
    assert result.exit_code in (0, 1), result.output
    return out


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_diff_at_any_width(run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, width: str,
                           lang: str) -> None:
    old = _saved(run, tmp_path, 1, "2021-03-31")
    new = _saved(run, tmp_path, 2, "2021-06-30")
    data = json.loads(run("diff", old, new, "--format", "json").stdout)
    monkeypatch.setenv("COLUMNS", width)
    result = run("diff", old, new, "--lang", lang)
    assert result.exit_code == 0, result.output
    out = result.stdout
    _fits(out, int(width))
    lines = out.splitlines()
    for change in data["changes"]:
        if lang == "zh":  # under zh targets go by their titles, each whole on a line
            from tests.conftest import zh_title

            title = zh_title(change["target"])
            assert any(title in ln for ln in lines), title
        else:
            assert any(change["target"] in ln.split() for ln in lines), change["target"]
        if change["old_value"] is not None and change["new_value"] is not None:
            old_v, new_v = (f"{change[k]:g}" for k in ("old_value", "new_value"))
            move = f"{old_v} -> {new_v}"
            if change["delta"]:
                move += f"（{change['delta']:+g}）" if lang == "zh" else f" ({change['delta']:+g})"
            assert any(move in ln for ln in lines), move  # never cut, never wrapped
    if lang == "zh":
        assert "2021年3月31日至2021年6月30日的变化" in out
        assert "新达标" in out and "newly_met" not in out


def test_history_and_diff_markdown_in_chinese(run, tmp_path: Path) -> None:
    md = run("history", *QUARTERS, *WAIVERS, "--lang", "zh", "--format", "markdown").stdout
    assert "| 序号 | 目标 | 2021-Q1 | 2021-Q2 | 2021-Q3 | 趋势 | 进展 |" in md
    title = _titles()["m05-high-voltage-connection-days"]
    assert f"| 5 | {title} | 有风险（33） | 达标（27.5） |" in md
    assert "m05-" not in md  # titles, not slugs, under zh (ids with -v)
    with_ids = run("history", *QUARTERS, *WAIVERS, "--lang", "zh", "--format", "markdown",
                   "-v").stdout
    assert f"| 5 | {title} | `m05-high-voltage-connection-days` | 有风险（33） |" in with_ids
    old = _saved(run, tmp_path, 1, "2021-03-31")
    new = _saved(run, tmp_path, 2, "2021-06-30")
    diff_md = run("diff", old, new, "--lang", "zh", "--format", "markdown").stdout
    assert "| 变化 | 目标数 |" in diff_md and "| 新达标 |" in diff_md
    as_json = run("diff", old, new, "--lang", "zh", "--format", "json").stdout
    assert json.loads(as_json)["old_as_of"] == "2021-03-31"  # JSON: unchanged by --lang


def test_workdays_in_chinese(run) -> None:
    result = run("workdays", "2021-09-30", "2021-10-11", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "从2021年9月30日到2021年10月11日：3 个工作日"
    assert "调休上班的周末（计入）：2021年10月9日（周六）" in result.stdout


def test_cases_in_chinese_with_the_exceptions_workbook(run, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "超时案件.xlsx"
    result = run("cases", ROOT / "examples" / "cases", "--period", "2021-Q2", "--as-of",
                 "2021-06-30", "--lang", "zh", "--exceptions", out)
    assert result.exit_code == 0, result.output
    assert "案件计算结果（2021-Q2，截至2021年6月30日）：" in result.stdout
    assert "警告 D003 该行无法使用（" in result.stderr
    assert "1 行未使用：结束早于开始 1 行" in result.stdout
    title = _titles()["m05-high-voltage-connection-days"]
    assert any(line.startswith(title + " ") for line in result.stdout.splitlines())
    assert "m05-" not in result.stdout.replace("examples/cases/", "")
    book = load_workbook(out)
    assert len(book.sheetnames) > 1 and "exceptions" not in book.sheetnames
    sheet = book[book.sheetnames[0]]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["指标", "编号", "案件编号"]
    start = sheet.cell(2, header.index("开始时间") + 1)
    assert start.is_date and start.number_format in ("yyyy-mm-dd hh:mm", "yyyy-mm-dd")
    ids = {sheet.cell(r, 2).value for name in book.sheetnames
           for sheet in [book[name]] for r in range(2, sheet.max_row + 1)}
    assert "m05-high-voltage-connection-days" in ids


def test_exceptions_workbook_keeps_formula_like_case_ids_as_text(run, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    records = tmp_path / "cases.csv"
    records.write_text(
        "编号,受理时间,办结时间\n=1+1,2021-04-01 09:00,2021-05-20 17:00\n", encoding="utf-8"
    )
    out = tmp_path / "x.xlsx"
    result = run("cases", records, "--target", "m05-high-voltage-connection-days",
                 "--start", "受理时间", "--end", "办结时间", "--id", "编号", "--as-of",
                 "2021-06-30", "--lang", "zh", "--exceptions", out)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).worksheets[0]
    cell = sheet.cell(2, 3)
    assert cell.value == "=1+1" and cell.data_type == "s"
    assert sheet.cell(2, 7).is_date


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_by_returns_at_any_width(run, monkeypatch: pytest.MonkeyPatch, width: str,
                                        lang: str) -> None:
    check = json.loads(run("check", QUARTERS[1], *WAIVERS, "--as-of", "2021-06-30",
                           "--format", "json").stdout)
    monkeypatch.setenv("COLUMNS", width)
    result = run("report", QUARTERS[1], *WAIVERS, "--as-of", "2021-06-30", "--by", "returns",
                 "--lang", lang)
    assert result.exit_code in (0, 1), result.output
    _fits(result.stdout, int(width))
    words = {w.strip(",") for line in result.stdout.splitlines() for w in line.split()}
    unreported = {t for unit in check["returns"]["units"] for t in unit.get("unreported", [])}
    assert unreported
    if lang == "en":
        assert unreported <= words  # every unreported id whole on a line
    else:  # under zh targets go by their titles: each whole on a line
        from tests.conftest import MEASURES, zh_title

        lines = result.stdout.splitlines()
        for target in unreported:
            title = zh_title(target, MEASURES)
            assert any(title in line for line in lines), target


def test_every_reason_a_row_is_not_used_has_chinese() -> None:
    from bizenv_cli.cases.outcome import REASONS
    from bizenv_cli.i18n.cases import REASONS_ZH

    assert REASONS.keys() == REASONS_ZH.keys()


def test_diff_in_chinese_names_targets_by_title_and_explains_in_chinese(
    run, tmp_path: Path
) -> None:
    from tests.conftest import zh_title

    old = _saved(run, tmp_path, 1, "2021-03-31")
    new = _saved(run, tmp_path, 2, "2021-06-30")
    out = run("diff", old, new, "--lang", "zh", "--format", "markdown").stdout
    target = "m05-high-voltage-connection-days"
    assert target not in out and "m0" not in out  # titles, not slugs, under zh
    row = next(line for line in out.splitlines() if zh_title(target) in line)
    assert "27.5个工作日，要求不超过30个工作日" in row and "working days" not in row
    with_ids = run("diff", old, new, "--lang", "zh", "--format", "markdown", "-v").stdout
    assert f"{zh_title(target)}（{target}）" in with_ids
    english = run("diff", old, new, "--lang", "en", "--format", "markdown").stdout
    assert target in english and "27.5 working days" in english


def test_diff_of_results_saved_before_titles_were_kept_names_ids(run, tmp_path: Path) -> None:
    """A check result saved by an older bizenv has no title and no Chinese explanation:
    diff still reads it, naming targets by id and explaining in English."""
    old = _saved(run, tmp_path, 1, "2021-03-31")
    new = _saved(run, tmp_path, 2, "2021-06-30")
    for path in (old, new):
        data = json.loads(path.read_text(encoding="utf-8"))
        for result in data["results"]:
            del result["title"], result["explanation_zh"]
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("diff", old, new, "--lang", "zh", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "m05-high-voltage-connection-days" in result.stdout
    assert "27.5 working days" in result.stdout
