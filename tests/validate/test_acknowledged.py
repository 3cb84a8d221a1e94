"""Reviewed warnings acknowledged in the measure file: --strict passes on the shipped plan."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import MEASURES


def test_strict_passes_on_the_shipped_measures(run) -> None:
    result = run("validate", "--strict", "measures")
    assert result.exit_code == 0, result.output
    assert "R011" not in result.stdout
    assert "8 acknowledged" in result.stdout


def test_json_lists_the_acknowledged_with_their_reasons(run) -> None:
    data = json.loads(run("validate", "--format", "json", "measures").stdout)
    assert data["summary"] == {"errors": 0, "warnings": 0, "acknowledged": 8}
    assert all(f["code"] != "R011" for f in data["findings"])
    assert {a["code"] for a in data["acknowledged"]} == {"R011"}
    assert all("2021-04-19" in a["reason"] for a in data["acknowledged"])


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "measures"
    shutil.copytree(MEASURES, root)
    return root


def _add(path: Path, code: str) -> None:
    text = path.read_text(encoding="utf-8")
    ack = f"\nacknowledged:\n  - code: {code}\n    reason: test\ndeadline:"
    path.write_text(text.replace("\ndeadline:", ack, 1), encoding="utf-8")


def test_an_acknowledgement_with_no_warning_is_stale(run, tmp_path) -> None:
    root = _copy(tmp_path)
    (five,) = root.glob("05-*.yaml")
    _add(five, "R011")
    result = run("validate", root)
    assert result.exit_code == 0
    assert "warning A001" in result.stdout and five.name in result.stdout
    assert run("validate", "--strict", root).exit_code == 1


def test_an_error_cannot_be_acknowledged(run, tmp_path) -> None:
    root = _copy(tmp_path)
    (five,) = root.glob("05-*.yaml")
    _add(five, "R001")
    result = run("validate", root)
    assert result.exit_code == 1
    assert "error A002" in result.stdout


def test_a_warning_not_acknowledged_is_still_reported(run, tmp_path) -> None:
    root = _copy(tmp_path)
    (twenty,) = root.glob("20-*.yaml")
    text = twenty.read_text(encoding="utf-8")
    start = text.index("acknowledged:")
    end = text.index("\n", text.index("reason:", start))
    twenty.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    result = run("validate", "--strict", root)
    assert result.exit_code == 1
    assert "warning R011" in result.stdout and twenty.name in result.stdout


def test_list_rules_names_the_acknowledgement_codes(run) -> None:
    out = run("validate", "--list-rules").stdout
    assert "A001" in out and "A002" in out
