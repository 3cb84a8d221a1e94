"""`bizenv schema`: generated files, --check, and the real data validating against them."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from bizenv_cli.reading.files import read_document
from bizenv_cli.schemas import SCHEMAS
from conftest import MEASURES, ROOT

SCHEMA_DIR = ROOT / "schemas"
MEASURE_FILES = sorted(MEASURES.glob("[0-9]*.yaml"))


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def errors(name: str, data: object) -> list[str]:
    return [e.message for e in validator(name).iter_errors(data)]


def test_checked_in_schemas_are_current(run):
    result = run("schema", "--check")
    assert result.exit_code == 0, result.output
    assert f"{len(SCHEMAS)} schema files in schemas are up to date" in result.stdout


def test_schema_writes_every_registered_file(run, tmp_path):
    out = tmp_path / "out"
    result = run("schema", "--output-dir", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.schema.json" for n in SCHEMAS)
    assert {"plan", "departments", "measure"} <= set(SCHEMAS)
    for name in SCHEMAS:
        text = (out / f"{name}.schema.json").read_text(encoding="utf-8")
        assert text.endswith("}\n") and not text.endswith("\n\n")
        schema = json.loads(text)
        assert list(schema)[:3] == ["$schema", "$id", "title"]
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"{name}.schema.json"
        assert text == json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    # Chinese descriptions stay readable (ensure_ascii=False).
    assert "牵头单位" in (out / "measure.schema.json").read_text(encoding="utf-8")
    again = run("schema", "--output-dir", out)
    assert again.stdout.count("unchanged ") == len(SCHEMAS)


def test_check_reports_stale_and_missing_files(run, tmp_path):
    out = tmp_path / "schemas"
    assert run("schema", "--output-dir", out).exit_code == 0
    assert run("schema", "--check", "--output-dir", out).exit_code == 0
    measure = out / "measure.schema.json"
    stale = measure.read_text(encoding="utf-8").replace('"integer"', '"string"')
    measure.write_text(stale, encoding="utf-8")
    (out / "plan.schema.json").unlink()
    result = run("schema", "--check", "--output-dir", out)
    assert result.exit_code == 1
    assert f"{measure}: stale" in result.stdout
    assert f"{out / 'plan.schema.json'}: missing" in result.stdout
    assert "departments.schema.json" not in result.stdout
    assert f"2 of {len(SCHEMAS)} schema files are out of date" in result.stderr
    assert not (out / "plan.schema.json").exists()  # --check writes nothing


def test_check_on_missing_folder(run, tmp_path):
    result = run("schema", "--check", "--output-dir", tmp_path / "nowhere")
    assert result.exit_code == 1
    assert result.stdout.count(": missing") == len(SCHEMAS)


@pytest.mark.parametrize("path", MEASURE_FILES, ids=lambda p: p.name)
def test_measure_file_validates_against_json_schema(path: Path):
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/measure.schema.json\n"
    )
    assert errors("measure", read_document(path).data) == []


@pytest.mark.parametrize("name", ["plan", "departments"])
def test_plan_and_departments_validate_against_json_schema(name: str):
    path = MEASURES / f"{name}.yaml"
    assert path.read_text(encoding="utf-8").startswith(
        f"# yaml-language-server: $schema=../schemas/{name}.schema.json\n"
    )
    assert errors(name, read_document(path).data) == []


def test_json_schema_rejects_what_the_model_rejects():
    good = read_document(MEASURES / "05-power-connection-time.yaml").data
    assert errors("measure", good) == []

    extra = copy.deepcopy(good)
    extra["owner"] = "someone"
    assert any("'owner' was unexpected" in m for m in errors("measure", extra))

    text_value = copy.deepcopy(good)
    text_value["targets"][0]["value"] = "30"
    assert errors("measure", text_value)

    bad_kind = copy.deepcopy(good)
    bad_kind["targets"][0]["kind"] = "target"
    assert errors("measure", bad_kind)

    bad_deadline = copy.deepcopy(good)
    bad_deadline["deadline"] = "June 2021"
    assert any("does not match" in m for m in errors("measure", bad_deadline))

    no_targets = copy.deepcopy(good)
    no_targets["targets"] = []
    assert errors("measure", no_targets)
