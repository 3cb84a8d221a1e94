"""`bizenv score`: load once, evaluate at each period end of the year, score.

The submissions are loaded once without an as-of date and evaluated on each period end
of ``year`` (up to ``as_of``) by check's own ``evaluate``, exactly as `bizenv history`
makes its columns (``history.series.periods_of``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from bizenv_cli.errors import EXIT_USAGE, BizenvError
from bizenv_cli.evaluation import evaluate
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.loading.names import SCORING_FILE, display_path
from bizenv_cli.models.scoring import ScoringRules
from bizenv_cli.scoring.build import build_scores
from bizenv_cli.scoring.model import ScoreResult


def load_rules(path: Path | None, measure_set: MeasureSet) -> tuple[ScoringRules, str]:
    """The rules (``--rules``, else the measure folder's scoring.yaml) and their shown path;
    BizenvError (exit 3) with every problem at file:line:col."""
    from bizenv_cli.validation.scoring import read_rules

    chosen = path or measure_set.root / SCORING_FILE
    shown = display_path(chosen)
    if path is None and not chosen.exists() and not chosen.is_symlink():
        raise BizenvError(
            f"{shown}: no scoring rules: give them with --rules FILE, or put scoring.yaml "
            "beside plan.yaml (docs/score.md)"
        )
    rules, findings = read_rules(chosen, measure_set)
    if rules is None:
        raise BizenvError(f"{shown}: the scoring rules cannot be used", findings=findings)
    return rules, shown


def settings_office(measure_set: MeasureSet) -> str | None:
    """The unit of bizenv.toml's [office] (short_name, else name), when it is one unit."""
    from bizenv_cli.models.plan import DepartmentKind
    from bizenv_cli.settings import configured

    found = configured()
    for key in ("office.short_name", "office.name"):
        name = found.value(key)
        unit = measure_set.index.resolve(name) if name else None
        if unit is not None and unit.kind is not DepartmentKind.collective:
            return unit.id
    return None


def run_score(
    paths: list[Path],
    measures_dir: Path,
    *,
    year: int,
    as_of: date | None,
    waivers: Path | None,
    rules_path: Path | None,
    ledger: Path | None,
    due_within: int = 30,
    warn: Callable[[str], None] = lambda line: None,
) -> tuple[MeasureSet, ScoreResult]:
    from bizenv_cli.checking import load_inputs
    from bizenv_cli.history.series import periods_of
    from bizenv_cli.scoring.supervision import load_items

    last = as_of or date(year, 12, 31)
    measure_set, loaded, waiver_set, notes = load_inputs(
        paths, measures_dir, as_of=None, waivers=waivers, what="nothing was scored"
    )
    items = load_items(ledger, measure_set.root, year, last) if ledger is not None else []
    rules, shown = load_rules(rules_path, measure_set)
    if rules.lead_office is None:
        rules = rules.model_copy(update={"lead_office": settings_office(measure_set)})
    for note in notes:
        warn(note)
    periods = [p for p in periods_of(loaded) if p.as_of.year == year and p.as_of <= last]
    if not periods:
        raise BizenvError(
            f"no period of {year}{f' up to {as_of}' if as_of else ''} among the submissions: "
            "give the year's returns (e.g. examples/2021-Q1 examples/2021-Q2)",
            exit_code=EXIT_USAGE,
        )
    evaluated = [
        (p, evaluate(measure_set, loaded, as_of=p.as_of, waivers=waiver_set,
                     due_within=due_within))
        for p in periods
    ]
    result = build_scores(
        measure_set.departments.departments, rules, shown, year, evaluated, items
    )
    labels = tuple(p.period for p in periods)
    return measure_set, result.framed(labels, periods[-1].as_of)
