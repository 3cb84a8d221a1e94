"""bizenv.toml: found from the current folder upward, options win, every problem at its line."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from tests.conftest import MEASURES, ROOT

EXAMPLES = ROOT / "examples"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder: the measure set under another name, the example quarter, a waivers file."""
    shutil.copytree(MEASURES, tmp_path / "plan-2021")
    shutil.copytree(EXAMPLES / "2021-Q2", tmp_path / "returns")
    shutil.copy(EXAMPLES / "waivers.yaml", tmp_path / "waivers.yaml")
    (tmp_path / "work").mkdir()
    return tmp_path


def write(folder: Path, text: str) -> Path:
    path = folder / "bizenv.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_settings_used_from_a_subfolder(run, folder: Path) -> None:
    write(folder, 'measures = "plan-2021"\nwaivers = "waivers.yaml"\nlang = "zh"\n')
    result = run("check", "../returns", "--as-of", "2021-06-30", cwd=folder / "work")
    assert result.exit_code == 1, result.output  # the example quarter has failures
    assert "已豁免 1" in result.stdout  # the waiver of bizenv.toml applied, in Chinese


def test_options_override_the_file(run, folder: Path) -> None:
    write(folder, 'measures = "plan-2021"\nlang = "zh"\n')
    result = run("check", "../returns", "--as-of", "2021-06-30", "--lang", "en",
                 cwd=folder / "work")
    assert result.exit_code == 1, result.output
    assert "101 targets on 2021-06-30" in result.stdout  # English, as --lang says
    assert "已豁免" not in result.stdout


def test_config_names_each_origin(run, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(folder, 'measures = "plan-2021"\n\n[office]\nshort_name = "区优化办"\n')
    result = run("config", "--format", "json", "--lang", "en", cwd=folder / "work")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    origins = {row["key"]: (row["value"], row["origin"]) for row in data["settings"]}
    assert origins["measures"][1].endswith("bizenv.toml:1")
    assert Path(origins["measures"][0]).name == "plan-2021"
    assert origins["lang"] == ("en", "command line")
    assert origins["office.short_name"][0] == "区优化办"
    assert origins["office.short_name"][1].endswith("bizenv.toml:4")
    assert origins["waivers"] == (None, "default")
    monkeypatch.setenv("BIZENV_MEASURES", str(folder / "plan-2021"))
    data = json.loads(run("config", "--format", "json", cwd=folder / "work").stdout)
    assert data["settings"][0]["origin"] == "environment"


def test_config_in_chinese(run, folder: Path) -> None:
    write(folder, 'measures = "plan-2021"\nlang = "zh"\n')
    result = run("config", cwd=folder / "work")
    assert result.exit_code == 0, result.output
    assert "措施文件夹（measures）：" in result.stdout
    assert "语言（lang）：zh  [" in result.stdout


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('lang = "fr"\n', ":1:1:", "lang: Input should be 'zh' or 'en'"),
        ('measure = "x"\n', ":1:1:", "unknown key measure"),
        ('lang = zh\n', ":1:8:", "not valid TOML"),
        ('[office]\nname = ""\n', ":2:1:", "office.name"),
        ('[office]\nprefix = "x"\n', ":2:1:", "unknown key office.prefix"),
        ('measures = "nope"\n', ":1:1:", "no plan.yaml in"),
        ('lang = "zh"\nlang = "en"\n', ":2:12:", "Cannot overwrite a value"),
    ],
)
def test_bad_settings_named_at_their_line(run, folder: Path, text: str, where: str,
                                          words: str) -> None:
    write(folder, text)
    result = run("list", cwd=folder / "work")
    assert result.exit_code == 3, result.output
    assert f"bizenv.toml{where} error S001" in result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.output


def test_waivers_file_that_does_not_exist(run, folder: Path) -> None:
    write(folder, 'measures = "plan-2021"\nwaivers = "gone.yaml"\n')
    result = run("check", "../returns", "--as-of", "2021-06-30", cwd=folder / "work")
    assert result.exit_code == 3
    assert "bizenv.toml:2:1: error S001 waivers = 'gone.yaml': no such file" in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "loop", "utf16", "huge", "folder"])
def test_hostile_settings_files(run, folder: Path, kind: str) -> None:
    path = folder / "bizenv.toml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "loop":
        path.symlink_to(path)
    elif kind == "utf16":
        path.write_bytes('lang = "zh"\n'.encode("utf-16"))
    elif kind == "huge":
        path.write_text("# x\n" * 100_000)
    else:
        path.mkdir()
    result = run("list", cwd=folder / "work")
    assert result.exit_code == 3, result.output
    assert "bizenv.toml" in result.stderr
    assert "Traceback" not in result.output and "internal error" not in result.output


def test_settings_file_never_modified(run, folder: Path) -> None:
    path = write(folder, 'measures = "plan-2021"\n')
    before = path.stat().st_mtime_ns, path.read_bytes()
    run("config", cwd=folder / "work")
    run("check", "../returns", "--as-of", "2021-06-30", cwd=folder / "work")
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before
