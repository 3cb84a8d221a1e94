"""R019 (error): measures/supervision.yaml, when present, must be usable.

The supervision rules (docs/supervision.md) name the issuing office by its department id
and may give targets their own feedback cycle: both must exist in the measure set. Schema
errors are S001 at their line; an unknown unit or target is R019 at its line, with the
closest known one. Only checked when a whole measure folder is validated.
"""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet

CODE = "R019"
LEVEL = Level.error
DESCRIPTION = "supervision.yaml (issuer, rectification periods, lights, feedback) must be usable"
WHOLE_SET = True


def check(mset: MeasureSet) -> Iterator[Finding]:
    from bizenv_cli.loading.submissions import closest_id
    from bizenv_cli.loading.supervision import read_rules_file

    rules, shown, doc, findings = read_rules_file(mset.root)
    yield from findings
    if rules is None or doc is None:
        return
    units = {d.id: d for d in mset.departments.departments}
    if rules.issuer.unit not in units:
        pos = doc.positions.value_pos(("issuer", "unit"))
        close = closest_id(rules.issuer.unit, units)
        hint = f": did you mean {close}?" if close else " (see measures/departments.yaml)"
        yield Finding(
            shown,
            pos.line if pos else 0,
            pos.col if pos else 0,
            CODE,
            f"issuer.unit {rules.issuer.unit!r} is not a department id{hint}",
            LEVEL,
        )
    targets = {t.id: t for m in mset.measures for t in m.measure.targets}
    for target in rules.feedback.targets:
        if target not in targets:
            pos = doc.positions.key_pos(("feedback", "targets", target))
            close = closest_id(target, targets)
            hint = f": did you mean {close}?" if close else " (see `bizenv list`)"
            yield Finding(
                shown,
                pos.line if pos else 0,
                pos.col if pos else 0,
                CODE,
                f"feedback.targets: no target {target!r}{hint}",
                LEVEL,
            )
