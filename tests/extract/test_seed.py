"""The seed (the 2021 plan, measures/source/plan.txt) against the measures encoded by hand:
the figures issue 20 asks for, and a draft that `bizenv validate` takes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import MEASURES

from bizenv_cli.extract import extract
from bizenv_cli.extract.compare import Figures, compare
from bizenv_cli.loading.measureset import load_measure_set

SEED = MEASURES / "source" / "plan.txt"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def figures() -> Figures:
    hand, _ = load_measure_set(MEASURES)
    return compare(extract(SEED), hand)


def test_every_measure_found(figures: Figures) -> None:
    assert figures.found == figures.measures == 54


def test_units_and_deadlines_at_least_95_percent(figures: Figures) -> None:
    assert figures.rate(figures.units_right, figures.measures) >= 95
    assert figures.rate(figures.deadlines_right, figures.measures) >= 95


def test_numeric_targets_at_least_85_percent(figures: Figures) -> None:
    assert figures.rate(figures.targets_found, figures.targets) >= 85


def test_nothing_invented(figures: Figures) -> None:
    assert figures.invented == []


def test_draft_passes_validate_with_review_warnings_only(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "draft"
    written = run("extract", SEED, "-o", out)
    assert written.exit_code == 0, written.output
    assert "Wrote" in written.stdout
    result = run("validate", out, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["summary"]["errors"] == 0
    codes = {f["code"] for f in report["findings"]}
    assert codes <= {"R020", "R011"}
    # Every R011 (a deadline before the issue date) has its review entry beside it.
    for finding in report["findings"]:
        if finding["code"] == "R011":
            assert "(R011)" in Path(finding["path"]).read_text(encoding="utf-8")


def test_deleting_review_entries_clears_r018(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "draft"
    assert run("extract", SEED, "-o", out).exit_code == 0
    measure = out / "53-measure.yaml"
    before = run("validate", out, "--format", "json")
    mine = [f for f in json.loads(before.stdout)["findings"] if f["path"].endswith(measure.name)]
    assert mine and all(f["code"] == "R020" for f in mine)
    text = measure.read_text(encoding="utf-8")
    measure.write_text(text[: text.index("\nreview:")] + "\n", encoding="utf-8")
    after = run("validate", out, "--format", "json")
    assert after.exit_code == 0
    left = [f for f in json.loads(after.stdout)["findings"] if f["path"].endswith(measure.name)]
    assert left == []


def test_an_excerpt_keeps_its_numbers(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Measures 12-14 of a plan: plan.yaml lists them as an excerpt, so R001 is content."""
    out = tmp_path / "draft"
    assert run("extract", DATA / "excerpt_midplan.txt", "-o", out).exit_code == 0
    assert sorted(p.name for p in out.glob("[0-9]*.yaml"))[0] == "12-measure.yaml"
    assert "excerpt:\n- 12\n- 13\n- 14" in (out / "plan.yaml").read_text(encoding="utf-8")
    result = run("validate", out, "--format", "json")
    assert "R001" not in {f["code"] for f in json.loads(result.stdout)["findings"]}


def test_r018_is_listed(run) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", "--list-rules")
    assert "R020" in result.stdout
