"""Commands import only what they use (issue 16): each runs in a fresh process, whose modules
are listed afterwards. The times are in benchmarks/bench_startup.py, never in tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import json, runpy, sys
sys.argv = ["bizenv", *json.loads(sys.argv[1])]
try:
    runpy.run_module("bizenv_cli", run_name="__main__")
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(m for m in sys.modules if sys.modules[m])}))
"""


def modules_after(
    args: list[str], pythonpath: Path | None = None, cache: Path | None = None
) -> tuple[int, set[str]]:
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
    if cache is not None:  # an empty cache folder: the calendar is built, not read back
        env["BIZENV_CACHE"] = str(cache)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert done.stdout, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return found["code"], set(found["modules"])


def test_workdays_builds_only_the_calendar_model(tmp_path):
    code, modules = modules_after(["workdays", "2021-06-01", "2021-06-30"], cache=tmp_path)
    assert code == 0
    assert "bizenv_cli.models.calendar" in modules  # measures/calendar.yaml is read
    unused = {
        "bizenv_cli.loading.measureset",  # the measure-set pipeline
        "bizenv_cli.models.measure",
        "bizenv_cli.models.plan",
        "bizenv_cli.models.submission",
        "bizenv_cli.evaluation",
        "rich",
    }
    assert not unused & modules


def test_check_xlsx_does_not_import_numpy(tmp_path):
    """openpyxl imports numpy when it can: a numpy on the path that fails loudly when
    imported shows that it is not."""
    fake = tmp_path / "site"
    (fake / "numpy").mkdir(parents=True)
    (fake / "numpy" / "__init__.py").write_text(
        "raise RuntimeError('numpy was imported')\n", encoding="utf-8"
    )
    args = [
        "check", "examples/2021-Q2", "--waivers", "examples/waivers.yaml",
        "--as-of", "2021-06-30", "--format", "xlsx", "-o", str(tmp_path / "r.xlsx"),
    ]
    code, modules = modules_after(args, pythonpath=fake)
    assert code == 1  # findings: the example quarter has failing targets
    assert "openpyxl" in modules and "numpy" not in modules
    assert (tmp_path / "r.xlsx").stat().st_size > 0


def test_numpy_can_still_be_imported_after_openpyxl(tmp_path):
    from bizenv_cli.spreadsheet.openpyxl_lean import load

    load()
    assert sys.modules.get("numpy", "absent") is not None  # not left hidden


def test_validate_one_file_imports_only_what_it_uses(tmp_path):
    args = ["validate", "measures/05-power-connection-time.yaml"]
    code, modules = modules_after(args, cache=tmp_path)  # an empty cache: validated
    assert code == 0
    assert {"bizenv_cli.models.measure", "bizenv_cli.rules"} <= modules
    unused = {
        "bizenv_cli.validation.submissions",  # the paths are measure files
        "bizenv_cli.loading.submissions",
        "bizenv_cli.models.submission",
        "bizenv_cli.cases",  # the case mapping and the scoring rules: whole folders only
        "bizenv_cli.models.scoring",
        "bizenv_cli.calendar",
        "bizenv_cli.evaluation",
        "polars",
        "openpyxl",
        "rich",
    }
    assert not unused & modules, unused & modules
    code, modules = modules_after(args, cache=tmp_path)  # the same files: kept
    assert code == 0
    kept = {"yaml", "pydantic", "bizenv_cli.models", "bizenv_cli.rules", "bizenv_cli.departments"}
    assert not kept & modules, kept & modules
