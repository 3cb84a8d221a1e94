"""history evaluates each day on the few submissions that decide it (history/columns.py):
the target results must be exactly `evaluate`'s on every submission, and many periods cost
linear time, with a limit past which the command stops before evaluating."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bizenv_cli.checking import load_inputs
from bizenv_cli.evaluation import evaluate
from bizenv_cli.history.columns import evaluate_each
from bizenv_cli.history.series import MAX_PERIODS
from bizenv_cli.loading.targets import index_targets
from bizenv_cli.models import MilestoneTarget
from conftest import MEASURES, ROOT
from history.conftest import QUARTERS


def _same(measure_set: Any, loaded: Any, waivers: Any, days: list[date]) -> None:
    fast = evaluate_each(measure_set, loaded, days, waivers=waivers, due_within=30)
    for day, got in zip(days, fast, strict=True):
        want = evaluate(measure_set, loaded, as_of=day, waivers=waivers, due_within=30)
        assert [r.model_dump() for r in got.results] == [r.model_dump() for r in want.results], day


def test_the_example_quarters_on_many_days() -> None:
    paths = [ROOT / q for q in QUARTERS]
    measure_set, loaded, waivers, _ = load_inputs(
        paths, MEASURES, as_of=None, waivers=ROOT / "examples" / "waivers.yaml"
    )
    days = [date(2020, 12, 1) + timedelta(days=9 * i) for i in range(50)]
    _same(measure_set, loaded, waivers, [*days, date(2021, 6, 30), date(2021, 3, 31)])


def test_random_reports_of_date_then_ongoing_targets(tmp_path: Path) -> None:
    """The case the shortcut must get right: a "date, then ongoing" target met once is
    judged as ongoing after; milestones done later than the day do not count yet."""
    measure_set, _, _, _ = load_inputs([], MEASURES, as_of=None, waivers=None)
    refs = index_targets(measure_set)
    chosen = [r for r in refs.values() if r.due and r.measure.deadline.ongoing][:6]
    chosen += [r for r in refs.values() if isinstance(r.target, MilestoneTarget)][:3]
    rng = random.Random(15)
    for i, n in enumerate(rng.sample(range(36), 30)):  # one report per month
        month = date(2020 + n // 12, 1 + n % 12, 1)
        lines = ["department: 审批局", f'period: "{month:%Y-%m}"', "entries:"]
        for ref in rng.sample(chosen, 4):
            lines.append(f"  {ref.target.id}:")
            if isinstance(ref.target, MilestoneTarget):  # done inside the month
                done = month.replace(day=rng.randint(1, 28))
                lines += ["    state: done", f"    completed: {done}"]
            else:
                value = float(getattr(ref.target, "value", 1)) * rng.choice([0.5, 0.9, 1, 1.1])
                lines.append(f"    value: {min(value, 100)}")
        (tmp_path / f"r{i:02d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    measure_set, loaded, _, _ = load_inputs([tmp_path], MEASURES, as_of=None, waivers=None)
    days = [*sorted({s.date for s in loaded}), date(2021, 5, 15), date(2023, 1, 1)]
    _same(measure_set, loaded, None, days)


def _daily(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        day = date(2021, 1, 1) + timedelta(days=i)
        (folder / f"r{i:05d}.yaml").write_text(
            f'department: 财金局\nas_of: "{day}"\nentries:\n  m12-loan-documents:\n'
            f"    value: {5 + i % 7}\n",
            encoding="utf-8",
        )


def test_more_periods_than_the_limit_stop_before_evaluating(run: Any, tmp_path: Path) -> None:
    _daily(tmp_path / "daily", MAX_PERIODS + 1)
    result = run("history", tmp_path / "daily")
    assert result.exit_code == 3, result.output
    assert f"{MAX_PERIODS + 1} days the submissions hold on" in result.stderr
    assert "at most 500 columns" in result.stderr
    days = [f"--at={date(2000, 1, 1) + timedelta(days=i)}" for i in range(MAX_PERIODS + 1)]
    result = run("history", *days)
    assert result.exit_code == 2, result.output
    assert "--at days" in result.stderr
