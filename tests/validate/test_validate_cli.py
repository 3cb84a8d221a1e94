"""`bizenv validate` as users see it: formats, exit codes, paths, --strict, --list-rules."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "validate"
BASE = DATA / "base"
CASES = DATA / "cases"
ROOT = Path(__file__).resolve().parent.parent.parent
M05 = "05-power-connection-time.yaml"


def measure_set(tmp_path: Path, case: str | None = None) -> Path:
    """tmp/measures: a copy of base/, with a case's files laid over it."""
    root = tmp_path / "measures"
    shutil.copytree(BASE, root, ignore=shutil.ignore_patterns("README.md"))
    if case:
        shutil.copytree(
            CASES / case, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expect.txt")
        )
    return root


# --- formats ---------------------------------------------------------------------------


def test_text_is_plain_without_a_terminal(run, tmp_path):
    measure_set(tmp_path, "R006-quote")
    result = run("validate", cwd=tmp_path)
    assert result.exit_code == 1
    assert "\x1b[" not in result.stdout
    assert len(result.stdout.splitlines()) == 2
    assert result.stdout.endswith("\n6 files, 1 error, 0 warnings\n")
    assert result.stdout.startswith(f"measures/{M05}:29:12: error R006 quote of target ")


def test_json_format(run, tmp_path):
    measure_set(tmp_path, "R012-due-after-deadline")
    result = run("validate", "--format", "json", "measures", cwd=tmp_path)
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc == {
        "version": 1,
        "files": 6,
        "summary": {"errors": 0, "warnings": 1, "acknowledged": 0},
        "findings": [
            {
                "path": f"measures/{M05}",
                "line": 45,
                "column": 10,
                "level": "warning",
                "code": "R012",
                "message": doc["findings"][0]["message"],
            }
        ],
        "acknowledged": [],
    }
    assert (
        "due 2021-12-31, after the measure's deadline 2021年6月底" in doc["findings"][0]["message"]
    )


def test_json_when_clean(run):
    result = run("validate", "--format", "json", BASE)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "version": 1,
        "files": 6,
        "summary": {"errors": 0, "warnings": 0, "acknowledged": 0},
        "findings": [],
        "acknowledged": [],
    }


def test_json_reports_unusable_input_with_exit_3(run, tmp_path):
    measure_set(tmp_path, "S001-plan-unusable")
    result = run("validate", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 3
    doc = json.loads(result.stdout)
    assert [(f["path"], f["line"], f["code"]) for f in doc["findings"]] == [
        ("measures/plan.yaml", 13, "S001")
    ]


def test_github_format(run, tmp_path):
    measure_set(tmp_path, "R010-percent")
    result = run("validate", "--format", "github", cwd=tmp_path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    path = "measures/06-power-reliability.yaml"
    assert lines[0].startswith(f"::error file={path},line=24,col=12,title=R008::value 190 ")
    assert lines[1].startswith(f"::error file={path},line=24,col=12,title=R010::")
    assert lines[2] == "6 files, 2 errors, 0 warnings"


def test_github_chosen_on_github_actions(run, tmp_path, monkeypatch):
    measure_set(tmp_path, "R011-deadline-before-issue")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run("validate", cwd=tmp_path)
    assert result.stdout.startswith(
        "::warning file=measures/02-land-use-quota-approval.yaml,line=13,col=11,title=R011::"
    )
    assert run("validate", "--format", "text", cwd=tmp_path).stdout.startswith("measures/02-")


def test_github_escaping():
    from bizenv_cli.diagnostics import Finding, Level
    from bizenv_cli.output.validate.github import command

    finding = Finding("a,b:c%.yaml", 3, 4, "R006", "100% sure\r\nnext, line: x", Level.warning)
    assert command(finding) == (
        "::warning file=a%2Cb%3Ac%25.yaml,line=3,col=4,title=R006::100%25 sure%0D%0Anext, line: x"
    )
    assert command(Finding("big.yaml", 0, 0, "L005", "too big")) == (
        "::error file=big.yaml,title=L005::too big"
    )


def test_colour_on_a_terminal_never_interprets_markup(monkeypatch):
    import io

    from bizenv_cli.diagnostics import Finding
    from bizenv_cli.output.validate.text import write
    from bizenv_cli.validation import Validation

    monkeypatch.delenv("NO_COLOR", raising=False)
    out = io.StringIO()
    message = "quote '[bold red]x[/] [link=http://evil]y[/link]' is not in the source"
    write(Validation(1, [Finding("m.yaml", 2, 3, "R006", message)]), out, color=True)
    text = out.getvalue()
    assert "\x1b[" in text  # coloured
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert f"m.yaml:2:3: error R006 {message}" in plain
    assert "\x1b]8;" not in text  # no hyperlink escape
    assert plain.endswith("1 file, 1 error, 0 warnings\n")


def test_control_characters_in_file_names_never_reach_the_terminal(run, tmp_path):
    """A file name is data too: an ESC in it is printed as an escape in every format."""
    root = measure_set(tmp_path)
    (root / M05).rename(root / "05-\x1b[31mred\x1b]8;;evil\x07.yaml")
    for fmt in ("text", "github"):
        result = run("validate", "--format", fmt, cwd=tmp_path)
        assert result.exit_code == 1
        assert "\x1b" not in result.output
        assert "05-\\x1b[31mred" in result.stdout
    result = run("validate", "--format", "json", cwd=tmp_path)
    assert json.loads(result.stdout)["findings"][0]["path"].startswith("measures/05-\x1b[31m")


def test_colour_output_escapes_control_characters(monkeypatch):
    import io

    from bizenv_cli.diagnostics import Finding
    from bizenv_cli.output.validate.text import write
    from bizenv_cli.validation import Validation

    monkeypatch.delenv("NO_COLOR", raising=False)
    out = io.StringIO()
    finding = Finding("05-\x1b]8;;x\x07.yaml", 2, 3, "R003", "line one\nline two")
    write(Validation(1, [finding]), out, color=True)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())
    assert "\x1b" not in plain and "\x07" not in plain
    assert "05-\\x1b]8;;x\\x07.yaml:2:3: error R003 line one\\nline two\n" in plain


def test_long_quotes_are_clipped_in_messages(run, tmp_path):
    """R008 quotes the target's quote: one of 20,000 characters (the loader's limit) is cut."""
    root = measure_set(tmp_path)
    text = (root / M05).read_text(encoding="utf-8")
    long_quote = "高压用户平均" + "高压" * 9_997
    old = "    quote: 高压用户平均办电时间压缩至30个工作 日以内"
    text = text.replace(old, f"    quote: {long_quote}")
    (root / M05).write_text(text, encoding="utf-8")
    result = run("validate", cwd=tmp_path)
    assert result.exit_code == 1
    assert len(result.stdout) < 2000, result.stdout[:300]
    assert "R008 value 30 of target m05-high-voltage-connection-days" in result.stdout


# --- exit codes and --strict --------------------------------------------------------------


def test_strict_fails_on_warnings(run, tmp_path):
    measure_set(tmp_path, "R011-deadline-before-issue")
    assert run("validate", cwd=tmp_path).exit_code == 0
    result = run("validate", "--strict", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.endswith("6 files, 0 errors, 1 warning\n")


def test_missing_path_is_exit_3(run, tmp_path):
    result = run("validate", "no-such-folder", cwd=tmp_path)
    assert result.exit_code == 3
    assert "bizenv: error: no-such-folder: no such file or folder" in result.stderr


def test_no_measures_folder_here_is_exit_3(run, tmp_path):
    result = run("validate", cwd=tmp_path)
    assert result.exit_code == 3
    assert "no measure set found" in result.stderr
    assert "Pass --measures DIR or set BIZENV_MEASURES" in result.stderr


def test_folder_without_plan_is_exit_3(run, tmp_path):
    result = run("validate", tmp_path)
    assert result.exit_code == 3
    assert "not a measure folder (it has no plan.yaml)" in result.stderr


def test_file_that_is_not_a_measure_is_exit_3(run, tmp_path):
    root = measure_set(tmp_path)
    result = run("validate", root / "source" / "plan.txt")
    assert result.exit_code == 3
    assert "neither a measure folder nor a measure file" in result.stderr
    stray = tmp_path / "05-stray.yaml"
    stray.write_text("number: 5\n", encoding="utf-8")
    result = run("validate", stray)
    assert result.exit_code == 3
    assert "no plan.yaml in its folder or any parent" in result.stderr


def test_unknown_format_is_usage_error(run):
    result = run("validate", "--format", "xml", BASE)
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


def test_a_crashing_rule_is_an_internal_error(run, monkeypatch):
    from bizenv_cli import rules

    def boom(mset):
        raise RuntimeError("rule exploded")

    broken = rules.Rule("R999", "explodes", rules.Level.error, boom)
    monkeypatch.setitem(rules.RULES, "R999", broken)
    result = run("validate", BASE)
    assert result.exit_code == 4
    assert "internal error: RuntimeError: rule exploded" in result.stderr
    assert "Traceback" not in result.output


def test_help_documents_exit_codes(run):
    result = run("validate", "--help")
    assert result.exit_code == 0
    for line in ("0  valid (warnings allowed)", "1  errors found", "2  usage error",
                 "3  input that cannot be read at all", "4  internal error"):  # fmt: skip
        assert line in result.stdout


# --- paths ------------------------------------------------------------------------------


def test_single_files_skip_whole_set_rules(run, tmp_path):
    root = measure_set(tmp_path)
    (root / "03-intensive-land-use.yaml").unlink()  # a gap: R001 for the whole folder
    assert "R001" in run("validate", cwd=tmp_path).stdout
    result = run("validate", root / "04-power-grid-capacity.yaml", root / M05, cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout == "2 files, 0 errors, 0 warnings\n"


def test_folder_and_its_files_validate_the_folder_once(run, tmp_path):
    root = measure_set(tmp_path)
    result = run("validate", root / M05, root, root / M05, cwd=tmp_path)
    assert result.stdout == "6 files, 0 errors, 0 warnings\n"


def test_plan_yaml_as_a_path_validates_its_folder(run, tmp_path):
    root = measure_set(tmp_path)
    (root / "03-intensive-land-use.yaml").unlink()
    result = run("validate", "measures/plan.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert "error R001 measure numbers jump to 4: 3 is missing" in result.stdout


def test_two_measure_folders(run, tmp_path):
    first = measure_set(tmp_path / "a")
    second = measure_set(tmp_path / "b", "R008-value")
    result = run("validate", first, second, cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"b/measures/{M05}:26:12: error R008 value 31 ")
    assert result.stdout.endswith("12 files, 1 error, 0 warnings\n")


# --- rules listing ----------------------------------------------------------------------


def test_list_rules(run):
    from bizenv_cli.acknowledgements import CODES
    from bizenv_cli.rules import INPUT_CODES, RULES

    result = run("validate", "--list-rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(INPUT_CODES) + len(RULES) + len(CODES)
    assert "R011  warning  the deadline's due date is before the plan's issue date" in lines
    assert any(line.startswith("L003  error    duplicate key") for line in lines)
    listed = json.loads(run("validate", "--list-rules", "--format", "json").stdout)
    assert [item["code"] for item in listed] == [*INPUT_CODES, *RULES, *CODES]


def test_rule_registry_matches_modules():
    import importlib
    import pkgutil

    import bizenv_cli.rules as package
    from bizenv_cli.rules import RULES

    modules = [m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")]
    codes = {importlib.import_module(f"bizenv_cli.rules.{name}").CODE for name in modules}
    assert codes == set(RULES)
    for code, rule in RULES.items():
        assert rule.code == code
        assert "\n" not in rule.description and len(rule.description) < 100


# --- the real measures ------------------------------------------------------------------


def test_real_measures_validate(run):
    """The data in measures/ is still being written: only check it validates as a set
    (exit 0 or 1, every line a finding or the summary), not that it is clean."""
    result = run("validate", "measures", cwd=ROOT)
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"\d+ files, \d+ errors?, \d+ warnings?(, \d+ acknowledged)?", lines[-1])
    for line in lines[:-1]:
        assert re.match(r"^measures/\S+:\d+:\d+: (error|warning) [LSRA]\d{3} ", line), line


def test_pre_commit_hooks_run_bizenv_validate():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert by_id["bizenv-validate"]["entry"] == "bizenv validate"
    assert by_id["bizenv-validate"]["pass_filenames"] is False
    assert by_id["bizenv-validate-files"]["entry"] == "bizenv validate"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("压缩至0.5个工作日", 0.5),
        ("不超过2,000千伏安", 2000),
        ("投资100万元", 1_000_000),
        ("投资100万元", 100),
        ("每年集中组织一次", 1),
        ("两个工作日", 2),
        ("二个工作日", 2),
        ("十个工作日", 10),
        ("二十个工作日", 20),
        ("十万元", 100_000),
        ("三百五十项", 350),
        ("一千零五", 1005),
        ("一万二千", 12_000),
        ("零跑腿", 0),
        ("率达到90%", 90),
    ],
)
def test_numbers_in_quotes(text, value):
    from bizenv_cli.rules._numerals import appears

    assert appears(value, text)


@pytest.mark.parametrize(("text", "value"), [("压缩至30个工作日", 3), ("两个", 20), ("8.5小时", 8)])
def test_numbers_not_in_quotes(text, value):
    from bizenv_cli.rules._numerals import appears

    assert not appears(value, text)


def test_docs_list_every_code():
    from bizenv_cli.rules import INPUT_CODES, RULES

    docs = (ROOT / "docs" / "validate.md").read_text(encoding="utf-8")
    for code in [*INPUT_CODES, *RULES]:
        assert f"\n| {code} |" in docs, code


@pytest.mark.parametrize("name", ["calendar.yaml", "cases.yaml"])
def test_the_folders_own_files_validate_the_whole_folder(run, name: str) -> None:
    """calendar.yaml and cases.yaml belong to the measure set: validating one checks the set
    (as plan.yaml does), it is not read as a department's submission."""
    result = run("validate", f"measures/{name}")
    assert result.exit_code == 0, result.output
    assert "S001" not in result.output and "department" not in result.output
    assert result.stdout.splitlines()[-1].startswith("54 files, 0 errors")


def test_summary_line_in_chinese(run) -> None:
    zh = run("validate", "measures", "--lang", "zh")
    en = run("validate", "measures", "--lang", "en")
    assert zh.exit_code == en.exit_code == 0
    assert zh.stdout.endswith("54 个文件, 0 个错误, 0 个警告, 8 个已确认\n")
    assert en.stdout.endswith("54 files, 0 errors, 0 warnings, 8 acknowledged\n")
    # the findings themselves stay English (docs/check.md)
    assert zh.stdout.splitlines()[:-1] == en.stdout.splitlines()[:-1]
    as_json = [run("validate", "measures", "--format", "json", "--lang", lang) for lang in LANGS]
    assert as_json[0].stdout == as_json[1].stdout


LANGS = ("zh", "en")
