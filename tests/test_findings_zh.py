"""Findings, warnings and usage errors in Chinese under --lang zh (or bizenv.toml's lang):
every finding code has a Chinese message, codes unchanged, JSON unchanged."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from tests.conftest import ROOT

from bizenv_cli.i18n.findings import FINDINGS_ZH

SRC = ROOT / "src" / "bizenv_cli"
CODE = re.compile(r"""["']([A-Z]\d{3})["']""")
HALF_WIDTH = re.compile(r"[,:;()?!]")


def codes_in_source() -> set[str]:
    """Every code string ("C003", CODE = "R018") written anywhere in src."""
    return {c for path in SRC.rglob("*.py") for c in CODE.findall(path.read_text("utf-8"))}


def test_every_finding_code_has_a_chinese_message() -> None:
    codes = codes_in_source()
    assert len(codes) > 50  # the scan finds them (A, C, D, H, K, L, M, R, S, V, X)
    missing = sorted(codes - FINDINGS_ZH.keys())
    assert not missing, f"codes without a Chinese message in i18n/findings.py: {missing}"


def test_chinese_messages_use_full_width_punctuation() -> None:
    for code, text in FINDINGS_ZH.items():
        assert re.search(r"[\u4e00-\u9fff]", text), code
        assert not HALF_WIDTH.search(text), (code, text)


def bad_return(tmp_path: Path) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "department: 区发改局\nperiod: 2021-Q2\nentries:\n  - target: nope\n    value: 3\n",
        encoding="utf-8",
    )
    return path


def test_findings_and_error_line_in_chinese(run, tmp_path: Path) -> None:
    result = run("check", bad_return(tmp_path), "--lang", "zh")
    assert result.exit_code == 3
    assert ":4:3: 错误 S001 不符合格式要求（entries: " in result.stderr
    assert "bizenv：错误：1 个问题，涉及 1 个输入文件，未做检查" in result.stderr
    assert "error S001" not in result.stderr


def test_common_findings_wholly_in_chinese(run, tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        "department: 区发改局\nperiod: 2021-Q2\nentries:\n"
        "  m05-high-voltage-connection-dayz:\n    value: 3\n",
        encoding="utf-8",
    )
    result = run("check", tmp_path / "r.yaml", "--lang", "zh")
    assert result.exit_code == 3
    assert "错误 C002 未知的单位 '区发改局'，是否应为 economic-development-bureau（经发局）？" in (
        result.stderr
    )
    assert (
        "错误 C003 未知的指标编号 'm05-high-voltage-connection-dayz'，"
        "是否应为 'm05-high-voltage-connection-days'？"
    ) in result.stderr
    assert "bizenv：错误：2 个问题，涉及 1 个输入文件，未做检查" in result.stderr


def test_capped_findings_summarised_in_chinese(run, tmp_path: Path) -> None:
    entries = "".join(f"  m05-no-such-target-{i}:\n    value: 3\n" for i in range(25))
    (tmp_path / "r.yaml").write_text(
        f"department: 经发局\nperiod: 2021-Q2\nentries:\n{entries}", encoding="utf-8"
    )
    result = run("check", tmp_path / "r.yaml", "--lang", "zh")
    assert result.exit_code == 3
    assert "本文件从此处起另有 5 条同类问题" in result.stderr
    assert "... and" not in result.stderr


def test_findings_stay_english_by_default(run, tmp_path: Path) -> None:
    result = run("check", bad_return(tmp_path))
    assert result.exit_code == 3
    assert ":4:3: error S001 entries: " in result.stderr
    assert "bizenv: error: " in result.stderr


def test_lang_of_bizenv_toml(run, tmp_path: Path) -> None:
    (tmp_path / "bizenv.toml").write_text('lang = "zh"\n', encoding="utf-8")
    result = run("check", bad_return(tmp_path), "--measures", ROOT / "measures", cwd=tmp_path)
    assert result.exit_code == 3
    assert "错误 S001 不符合格式要求" in result.stderr


def test_warnings_in_chinese(run) -> None:
    result = run(
        "check", ROOT / "examples" / "2021-Q1", ROOT / "examples" / "2021-Q2",
        "--period", "2021-Q2", "--lang", "zh", "--format", "json",
    )
    assert result.exit_code in (0, 1), result.output
    assert "警告 C017 报送文件属于其他期间（" in result.stderr
    assert "warning C017" not in result.stderr
    notes = json.loads(result.stdout)["notes"]  # JSON for programs: unchanged
    assert any("warning C017" in note for note in notes)


def test_validate_findings_in_chinese(run, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "measures", tmp_path / "m")
    (tmp_path / "m" / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    result = run("validate", tmp_path / "m", "--lang", "zh")
    assert "notes.yaml: 警告 R016 措施文件夹中有未读取的 YAML 文件（" in result.stdout
    github = run("validate", tmp_path / "m", "--lang", "zh", "--format", "github")
    assert "::warning" in github.stdout and "未读取" not in github.stdout


def test_usage_errors_in_chinese(run) -> None:
    result = run("check", "--lang", "zh", "--nosuch")
    assert result.exit_code == 2
    assert "用法错误：没有选项 --nosuch" in result.stderr
    bad = run("check", "--lang", "zh", "--format", "xx")
    assert bad.exit_code == 2
    assert "用法错误：'--format' 的值无效：'xx' 不是可选值之一，可选：'table'、" in bad.stderr
    missing = run("diff", "--lang", "zh", "a.json")
    assert missing.exit_code == 2
    assert "用法错误：缺少参数 NEW" in missing.stderr
    history = run("history", "--lang", "zh")
    assert "用法错误：请给出报送文件或文件夹（或用 --at 指定日期）" in history.stderr
    backwards = run("workdays", "2021-06-30", "2021-06-01", "--lang", "zh")
    assert backwards.exit_code == 2
    assert "用法错误：END 2021-06-01 早于 START 2021-06-30" in backwards.stderr
    day = run("check", "--lang", "zh", "--as-of", "2021-02-30")
    assert "用法错误：'--as-of' 的值无效：没有 2021-02-30 这一天" in day.stderr
    assert "用法错误：没有命令 'nosuch'" in run("nosuch", "--lang", "zh").stderr
    english = run("check", "--nosuch")
    assert "Error: No such option" in english.stderr and "用法" not in english.stderr


def test_nothing_read_warning_in_chinese(run) -> None:
    result = run("check", "--as-of", "2021-06-30", "--lang", "zh", "--format", "json")
    assert "bizenv：没有给出报送文件：全部 " in result.stderr
    assert " 个目标在2021年6月30日均按未报送判定" in result.stderr
