"""No format lets text from a file start a GitHub workflow command or reach the
terminal raw; the data is the hostile department name of tests/data/hostile/terminal."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import DATA, Result

HOSTILE = DATA / "hostile" / "terminal"
COMMAND_LINE = re.compile(r"^\s*::", re.MULTILINE)
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


@pytest.fixture
def work(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "check" / "measures", tmp_path / "m")
    shutil.copy(HOSTILE / "m" / "departments.yaml", tmp_path / "m" / "departments.yaml")
    shutil.copy(HOSTILE / "power.yaml", tmp_path / "power.yaml")
    return tmp_path


COMMON = ["power.yaml", "--measures", "m", "--as-of", "2021-06-30"]


@pytest.mark.parametrize(
    "args",
    [
        ["check", *COMMON],
        ["check", *COMMON, "--format", "markdown"],
        ["check", *COMMON, "--format", "junit"],
        ["check", *COMMON, "--format", "json"],
        ["report", *COMMON, "--lang", "en", "--width", "60"],
        ["report", *COMMON, "--lang", "zh", "--width", "40", "--by", "overdue"],
        ["list", "--measures", "m", "--department", "power-supply-company"],
        ["show", "5", "--measures", "m"],
    ],
    ids=lambda a: " ".join(a[:1] + a[-4:]),
)
def test_no_line_is_a_workflow_command(
    run: Callable[..., Result], work: Path, args: list[str]
) -> None:
    result = run(*args, cwd=work)
    assert result.exit_code in (0, 1), result.output
    if "--format" not in args:  # JSON and JUnit hold no unit names
        flat = re.sub(r"\s+", "", result.stdout)  # an escape, maybe wrapped over lines
        assert "\\u2" in flat, result.stdout
    assert not COMMAND_LINE.search(result.stdout), result.stdout
    assert not RAW.search(result.stdout)


def test_files_written_hold_no_workflow_command(run: Callable[..., Result], work: Path) -> None:
    result = run("report", *COMMON, "--width", "40", "--markdown", "r.md", "--html", "r.html",
                 cwd=work)
    assert result.exit_code == 0, result.output
    for name in ("r.md",):
        text = (work / name).read_text(encoding="utf-8")
        assert not COMMAND_LINE.search(text) and not RAW.search(text)
    result = run("check", *COMMON, "-o", "t.txt", cwd=work)
    text = (work / "t.txt").read_text(encoding="utf-8")
    assert not COMMAND_LINE.search(text) and not RAW.search(text)


def test_github_annotations_escape_data(run: Callable[..., Result], work: Path) -> None:
    result = run("check", *COMMON, "--format", "github", cwd=work)
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("::")]
    assert lines and all(re.match(r"^::(error|warning) file=|^::warning::", ln) for ln in lines)
    assert not RAW.search(result.stdout)


def test_the_console_net_escapes_what_a_renderer_forgot(capsys: pytest.CaptureFixture[str]) -> None:
    from rich.text import Text

    from bizenv_cli.output.terminal.console import make_console

    console = make_console()
    console.print(Text("a\x1b[31mb\u202ec\n::error::x"))
    out = capsys.readouterr().out
    assert out == "a\\x1b[31mb\\u202ec\n\\::error::x\n"


@pytest.mark.parametrize("fmt", ["json", "yaml", "table"])
def test_list_escapes_bidi_in_measure_text(
    run: Callable[..., Result], tmp_path: Path, fmt: str
) -> None:
    import json

    import yaml

    shutil.copytree(DATA / "check" / "measures", tmp_path / "m")
    measure = tmp_path / "m" / "05-power-connection-time.yaml"
    text = measure.read_text(encoding="utf-8")
    # The loader refuses control characters (L008) but not a bidi override.
    measure.write_text(text.replace("zh: 高压用户", "zh: \u202e高压用户"), encoding="utf-8")
    result = run("list", "--measures", "m", "--format", fmt, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert not RAW.search(result.stdout)
    if fmt != "table":
        data = json.loads(result.stdout) if fmt == "json" else yaml.safe_load(result.stdout)
        assert any(t["what"]["zh"].startswith("\u202e高压用户") for t in data["targets"])
