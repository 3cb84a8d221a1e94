"""`bizenv validate FOLDER` reads and parses each submission or waivers file once."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import DATA, Result

import bizenv_cli.reading.files as files


def test_each_file_is_parsed_once(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(DATA / "check" / "measures", tmp_path / "measures")
    quarter = tmp_path / "quarter"
    shutil.copytree(DATA / "check" / "quarter", quarter)
    shutil.copy(DATA / "check" / "quarter-waivers.yaml", quarter / "waivers.yaml")
    (quarter / "broken.yaml").write_text('department: "unclosed\n', encoding="utf-8")

    parsed: Counter[str] = Counter()
    real = files.load_yaml

    def counting(text: str, path: str, **kwargs: Any) -> Any:
        parsed[Path(path).name] += 1
        return real(text, path, **kwargs)

    monkeypatch.setattr(files, "load_yaml", counting)
    result = run("validate", "quarter", cwd=tmp_path)

    assert result.exit_code == 1, result.output  # broken.yaml
    assert "4 files" in result.output, result.output
    assert result.output.count("broken.yaml:1:13: error L002") == 1, result.output
    inside = {name: parsed[name] for name in sorted(p.name for p in quarter.iterdir())}
    assert inside == {
        "broken.yaml": 1,
        "power-supply-company.yaml": 1,
        "tax-bureau.yaml": 1,
        "waivers.yaml": 1,
    }
