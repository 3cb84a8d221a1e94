"""Read the scoring rules (``measures/scoring.yaml``) and check them against the measure set.

The file is read like every input (a regular file only, capped, the safe YAML loader) and
validated by ``models.scoring.ScoringRules``; then each name it uses must exist: the
targets and chapters it weighs, the lead office, the rules that withdraw 优秀 eligibility;
and rule names are unique (a line names its rule). Every problem is a finding at
file:line:col. ``bizenv validate`` runs this on a measure folder that has the file;
``bizenv score`` reads its rules through it (docs/score.md).
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING

from bizenv_cli.diagnostics import Finding
from bizenv_cli.loading.names import SCORING_FILE, display_path

if TYPE_CHECKING:
    from bizenv_cli.loading.measureset import MeasureSet
    from bizenv_cli.models.scoring import ScoringRules
    from bizenv_cli.reading.yamlsafe import PathKey, PositionMap

CODE_SCORING = "K001"  # a rule that names a target, chapter, unit or rule that does not exist
MAX_BYTES = 256 * 1024  # a rules file is a page of text: far below this

__all__ = ["CODE_SCORING", "SCORING_FILE", "read_rules", "scoring_findings"]


def read_rules(path: Path, mset: MeasureSet) -> tuple[ScoringRules | None, list[Finding]]:
    """(the rules, or None when a finding is an error; the findings)."""
    from bizenv_cli.loading.locate import validate_document
    from bizenv_cli.models.scoring import ScoringRules
    from bizenv_cli.reading.files import read_document
    from bizenv_cli.reading.yamlsafe import YamlLoadError

    shown = display_path(path)
    try:
        doc = read_document(path, shown, max_bytes=MAX_BYTES)
    except YamlLoadError as exc:
        return None, list(exc.findings)
    rules, findings = validate_document(ScoringRules, doc, shown)
    if rules is None:
        return None, findings
    findings = _names(rules, mset, shown, doc.positions)
    return (None if findings else rules), findings


def scoring_findings(mset: MeasureSet) -> list[Finding]:
    """The findings of the measure folder's scoring.yaml; none when it has none."""
    path = mset.root / SCORING_FILE
    if not path.exists() and not path.is_symlink():
        return []
    return read_rules(path, mset)[1]


def _names(
    rules: ScoringRules, mset: MeasureSet, shown: str, positions: PositionMap
) -> list[Finding]:
    found: list[Finding] = []

    def at(where: PathKey, message: str, *, key: bool = False) -> None:
        pos = positions.key_pos(where) if key else positions.value_pos(where)
        found.append(Finding(shown, pos.line if pos else 0, pos.col if pos else 0,
                             CODE_SCORING, message))

    targets = sorted(t.id for m in mset.measures for t in m.measure.targets)
    for target in rules.weights.targets:
        if target not in targets:
            close = difflib.get_close_matches(target, targets, n=1)
            hint = f"; did you mean {close[0]}?" if close else ""
            at(("weights", "targets", target), f"no target {target!r}{hint}", key=True)
    chapters = {c.number for c in mset.plan.chapters}
    for chapter in rules.weights.chapters:
        if chapter not in chapters:
            at(("weights", "chapters", str(chapter)), f"the plan has no chapter {chapter} "
               f"(chapters 1 to {max(chapters)})", key=True)
    units = {d.id: d for d in mset.departments.departments}
    office = rules.lead_office
    if office is not None and (office not in units or units[office].kind == "collective"):
        what = "is a collective" if office in units else "is not in departments.yaml"
        at(("lead_office",), f"lead_office {office!r} {what}: name one unit by its id")
    seen: dict[str, str] = {}
    for group in ("targets", "returns", "supervision"):
        for i, rule in enumerate(getattr(rules, group)):
            if rule.name in seen:
                at((group, i, "name"), f"rule name {rule.name!r} is used twice (also in "
                   f"{seen[rule.name]}): every line names its rule, so names must be unique")
            seen.setdefault(rule.name, f"{group}[{i}]")
    if rules.excellent is not None:
        for i, name in enumerate(rules.excellent.disqualifying_rules):
            if name not in seen:
                at(("excellent", "disqualifying_rules", i), f"no rule named {name!r} "
                   f"(the rules are: {', '.join(seen) or 'none'})")
    return found
