"""The shipped example workbook, and openpyxl staying out of startup."""

from __future__ import annotations

import json
import subprocess
import sys

from openpyxl import load_workbook

from .conftest import DATA
from .filling import header_cols

EXAMPLE = DATA.parent.parent.parent / "examples" / "spreadsheet" / "water-company.xlsx"


def test_example_workbook_is_checked(run):
    result = run("check", EXAMPLE, "--as-of", "2021-06-30", "--format", "json")
    assert result.exit_code == 1, result.output  # one target missed
    doc = json.loads(result.stdout)
    reported = {r["target"]: r["status"] for r in doc["results"] if r["reported_location"]}
    assert reported == {
        "m08-water-connection-one-day": "met",
        "m08-water-connection-zero-documents": "met",
        "m08-water-connection-zero-visits": "overdue",
        "m08-water-external-works-zero-investment": "met",
    }
    assert {r["reporter"] for r in doc["results"] if r["reported_location"]} == {"water-company"}


def test_example_workbook_has_the_template_columns(template):
    fresh = header_cols(load_workbook(template("xlsx"))["区供电公司"])
    example = load_workbook(EXAMPLE)
    assert example.sheetnames == ["区自来水公司", "填写说明"]
    assert header_cols(example["区自来水公司"]) == fresh


def test_openpyxl_is_imported_only_for_spreadsheets():
    code = (
        "import sys\n"
        "import bizenv_cli.cli.check_cmd, bizenv_cli.cli.template_cmd\n"
        "import bizenv_cli.cli.validate_cmd\n"
        "import bizenv_cli.loading.submissions, bizenv_cli.loading.spreadsheet\n"
        "import bizenv_cli.templates.write\n"
        "print('openpyxl' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
