"""Template -> filled in as a person would -> `bizenv check --format json` -> the statuses.

What is typed, and the status each target must get, is in tests/data/spreadsheet/fill.yaml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import DATA
from .filling import Layout, fill_csv, fill_xlsx, statuses

FILL = yaml.safe_load((DATA / "fill.yaml").read_text(encoding="utf-8"))["entries"]
CELLS = {target: spec["cells"] for target, spec in FILL.items()}
XLSX_FORMATS = {target: spec["xlsx"] for target, spec in FILL.items() if "xlsx" in spec}
EMPTY_ROW_AT = 9  # an empty row in the middle of the targets


def assert_expected(doc: dict[str, Any], layout: Layout, path: Path) -> None:
    got = statuses(doc)
    results = {r["target"]: r for r in doc["results"]}
    for target, spec in FILL.items():
        assert got[target] == spec["status"], (target, results[target])
        if "reported" in spec:
            assert results[target]["reported"] == pytest.approx(spec["reported"])
        assert results[target]["late"] is spec.get("late", False)
        location = results[target]["reported_location"]
        assert location["path"].endswith(path.name)
        assert location["line"] == layout.rows[target]  # the row of the cell, after the empty row
    unfilled = set(got) - set(FILL)
    assert {got[t] for t in unfilled} <= {"pending", "missing"}
    assert all(results[t]["reported"] is None and results[t]["state"] is None for t in unfilled)


def test_xlsx_round_trip(template, check_json, tmp_path):
    out = tmp_path / "returned.xlsx"
    layout = fill_xlsx(template("xlsx"), out, CELLS, formats=XLSX_FORMATS,
                       empty_row_at=EMPTY_ROW_AT)
    code, doc = check_json(out)
    assert_expected(doc, layout, out)
    assert code == 1  # m04-external-line-works-sanan-rongbai is overdue
    assert doc["summary"]["overdue"] >= 1


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_csv_round_trip(template, check_json, tmp_path, encoding):
    out = tmp_path / f"returned-{encoding}.csv"
    layout = fill_csv(template("csv"), out, CELLS, encoding=encoding, empty_row_at=EMPTY_ROW_AT)
    code, doc = check_json(out)
    assert_expected(doc, layout, out)
    assert code == 1


@pytest.mark.parametrize(("encoding", "shown"), [
    ("utf-8-sig", "read as UTF-8 with BOM"),
    ("gb18030", "read as GB18030 (GBK)"),
    ("utf-16", "read as UTF-16"),
])
def test_verbose_says_which_encoding(run, template, tmp_path, encoding, shown):
    out = tmp_path / "returned.csv"
    fill_csv(template("csv"), out, CELLS, encoding=encoding)
    result = run("check", out, "--measures", DATA / "measures", "--as-of", "2021-06-30",
                 "--format", "json", "-v")
    assert result.exit_code == 1, result.output
    assert f"{out}: {shown}" in result.stderr
    quiet = run("check", out, "--measures", DATA / "measures", "--as-of", "2021-06-30",
                "--format", "json")
    assert "read as" not in quiet.stderr


def test_untouched_template_reports_nothing(template, check_json):
    for fmt in ("xlsx", "csv"):
        _, doc = check_json(template(fmt, name=f"untouched-{fmt}"))
        assert set(statuses(doc).values()) <= {"pending", "missing"}
        assert all(r["reported_location"] is None for r in doc["results"])


def test_xlsx_and_csv_agree_with_yaml(run, template, check_json, tmp_path):
    """The same report as YAML gives the same results as the workbook."""
    entries: dict[str, Any] = {
        "m06-live-working-rate": {"value": 95, "unit": "percent", "sample_size": 40},
        "m05-high-voltage-connection-days": {"value": 25,
                                             "evidence": "供电公司2021年二季度办电台账"},
        "m05-low-voltage-external-works-days": {"value": 12},
        "m04-220kv-line-relocation-start": {"state": "done", "completed": "2021-06-30"},
        "m04-external-line-works-sanan-rongbai": {"state": "in_progress"},
        "m06-average-outage-time-cut": {"value": 8.2, "baseline": {"value": 10.6, "period": "2020"},
                                        "note": "较2020年下降"},
        "m06-outages-per-line-per-year": {"value": 3},
    }
    report = tmp_path / "returned.yaml"
    report.write_text(yaml.safe_dump({"department": "power-supply-company", "period": "2021-Q2",
                                      "entries": entries}, allow_unicode=True), encoding="utf-8")
    _, from_yaml = check_json(report)
    workbook = tmp_path / "returned.xlsx"
    fill_xlsx(template("xlsx"), workbook, CELLS, formats=XLSX_FORMATS)
    _, from_xlsx = check_json(workbook)
    drop = {"reported_location"}
    strip = [{k: v for k, v in r.items() if k not in drop} for r in from_yaml["results"]]
    assert strip == [{k: v for k, v in r.items() if k not in drop} for r in from_xlsx["results"]]


def test_folder_with_workbook_open_in_excel(template, check_json, tmp_path):
    """A folder of returned files is checked; Excel's '~$' lock file beside an open workbook
    is not a submission."""
    folder = tmp_path / "returned"
    folder.mkdir()
    fill_xlsx(template("xlsx"), folder / "区供电公司.xlsx", CELLS, formats=XLSX_FORMATS)
    (folder / "~$区供电公司.xlsx").write_bytes(b"\x0cAnalyst" + bytes(150))
    _, doc = check_json(folder)
    assert statuses(doc)["m06-live-working-rate"] == "met"
