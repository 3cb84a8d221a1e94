"""A unit's own figure against the one `bizenv cases -o` computed from its case records: the
computed figure (with evidence) is used, and the warning names both values and both files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

MEASURES = Path(__file__).resolve().parent.parent / "data" / "spreadsheet" / "measures"
TARGET = "m05-residential-connection-days"
COMPUTED = f"""# Computed by `bizenv cases` on 2021-06-30 from: power-connections.csv (UTF-8)
# Do not edit the values: compute them again from the records.
department: optimization-office
period: 2021-Q2
as_of: '2021-06-30'
entries:
  {TARGET}:
    value: 4.0
    sample_size: 37
    evidence: power-connections.csv sha256:{"d0" * 32}
      rows 5, 8-10
"""
UNIT = f"""department: power-supply-company
period: 2021-Q2
entries:
  {TARGET}:
    value: 1.25
"""


def test_the_computed_figure_wins(run: Callable[..., Any], tmp_path: Path) -> None:
    cases, unit = tmp_path / "cases-2021-Q2.yaml", tmp_path / "power.yaml"
    cases.write_text(COMPUTED, encoding="utf-8")
    unit.write_text(UNIT, encoding="utf-8")
    result = run("check", unit, cases, "--measures", MEASURES, "--as-of", "2021-06-30",
                 "--format", "json")
    assert result.exit_code == 1, result.output
    assert "C008" not in result.stderr
    assert (f"{unit}:5:12: warning C019 {TARGET}: power-supply-company reports 1.25 here, "
            f"but 4 is computed from the case records at {cases}:8:12") in result.stderr
    entry = next(r for r in json.loads(result.stdout)["results"] if r["target"] == TARGET)
    assert entry["reported"] == 4 and entry["reported_location"]["path"] == str(cases)


def test_without_evidence_the_ranks_decide(run: Callable[..., Any], tmp_path: Path) -> None:
    cases, unit = tmp_path / "office.yaml", tmp_path / "power.yaml"
    cases.write_text(COMPUTED.replace("sha256:", "sha:"), encoding="utf-8")
    unit.write_text(UNIT, encoding="utf-8")
    result = run("check", unit, cases, "--measures", MEASURES, "--as-of", "2021-06-30")
    assert result.exit_code == 1, result.output
    assert f"{cases}:8:12: warning C008" in result.stderr and "C019" not in result.stderr
