"""R015: ``lead`` and ``responsible`` name the units of the source's 牵头单位 and
责任单位, in the plan's order (a trailing 等 is ignored; names resolve through
departments.yaml, aliases included). Skipped for a field with an unknown id (R004)
and for a source without its closing parenthesis (R014)."""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import clip, finding
from bizenv_cli.rules._responsibility import field_text, unit_names

CODE = "R015"
LEVEL = Level.error
DESCRIPTION = "lead and responsible list the source's 牵头单位 and 责任单位, in order"

_LABEL = {"lead": "牵头单位", "responsible": "责任单位"}


def check(mset: MeasureSet) -> Iterator[Finding]:
    index = mset.index
    for loaded in mset.measures:
        source = loaded.measure.source
        if all(field_text(source, f) is None for f in ("lead", "responsible", "deadline")):
            continue  # no closing (牵头单位...完成时限) at all: R014 reports the cut-short source
        for field in ("lead", "responsible"):
            names = unit_names(source, field) or []
            ids: list[str] = getattr(loaded.measure, field)
            if any(dept_id not in index.by_id for dept_id in ids):
                continue  # R004 reports the unknown id
            expected: list[str] = []
            for name in names:
                dept = index.resolve(name)
                if dept is None:
                    yield finding(
                        loaded,
                        (field,),
                        CODE,
                        f"the source's {_LABEL[field]} names {clip(name)!r}, which "
                        "departments.yaml does not know: add it, or the spelling as an alias",
                        LEVEL,
                    )
                    expected = []
                    break
                expected.append(dept.id)
            else:
                if ids == expected:
                    continue
                if sorted(ids) == sorted(expected):
                    problem = "in another order"
                else:
                    problem = f"differently: it says [{clip(', '.join(expected), 400)}]"
                yield finding(
                    loaded,
                    (field,),
                    CODE,
                    f"{field} [{clip(', '.join(ids), 400)}] lists the source's "
                    f"{_LABEL[field]} {problem} ({clip('、'.join(names), 200) or 'none'})",
                    LEVEL,
                )
