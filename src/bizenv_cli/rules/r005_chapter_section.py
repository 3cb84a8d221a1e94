"""R005: the chapter and the section exist in plan.yaml and the section is in the chapter."""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import finding

CODE = "R005"
LEVEL = Level.error
DESCRIPTION = "chapter and section exist in plan.yaml and the section belongs to the chapter"


def check(mset: MeasureSet) -> Iterator[Finding]:
    chapters = {c.number: c for c in mset.plan.chapters}
    section_chapter = {s.number: c.number for c in mset.plan.chapters for s in c.sections}
    for loaded in mset.measures:
        measure = loaded.measure
        if measure.chapter not in chapters:
            yield finding(
                loaded,
                ("chapter",),
                CODE,
                f"chapter {measure.chapter} is not in {mset.plan_path} "
                f"(chapters: {', '.join(map(str, sorted(chapters)))})",
                LEVEL,
            )
        if measure.section not in section_chapter:
            yield finding(
                loaded,
                ("section",),
                CODE,
                f"section {measure.section} is not in {mset.plan_path} "
                f"(sections: 1-{max(section_chapter)})",
                LEVEL,
            )
        elif measure.chapter in chapters and section_chapter[measure.section] != measure.chapter:
            yield finding(
                loaded,
                ("section",),
                CODE,
                f"section {measure.section} belongs to chapter {section_chapter[measure.section]}, "
                f"not chapter {measure.chapter}",
                LEVEL,
            )
