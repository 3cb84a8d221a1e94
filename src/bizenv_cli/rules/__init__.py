"""Validation rules: one module per rule, registered here by code.

Each rule module has ``CODE``, a one-line ``DESCRIPTION`` (shown by
``bizenv validate --list-rules``), a ``LEVEL`` and ``check(measure_set)``, a
generator of findings. ``WHOLE_SET = True`` marks rules that only make sense
when a whole measure folder is validated (not a few of its files).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules import (
    r001_numbers,
    r002_unique_ids,
    r003_file_name,
    r004_departments,
    r005_chapter_section,
    r006_quotes_in_source,
    r007_source_in_plan,
    r008_value_in_quote,
    r009_units_fit_kind,
    r010_value_ranges,
    r011_deadline_before_issue,
    r012_due_after_deadline,
    r013_target_id_prefix,
    r014_deadline_in_source,
    r015_units_in_source,
    r016_unread_files,
    r017_calendar_file,
    r018_target_title,
    r019_supervision_file,
    r020_review,
)


@dataclass(frozen=True)
class Rule:
    code: str
    description: str
    level: Level
    check: Callable[[MeasureSet], Iterator[Finding]]
    whole_set: bool = False

    @classmethod
    def of(cls, module: ModuleType) -> Rule:
        return cls(
            module.CODE,
            module.DESCRIPTION,
            module.LEVEL,
            module.check,
            getattr(module, "WHOLE_SET", False),
        )


RULES: dict[str, Rule] = {
    "R001": Rule.of(r001_numbers),
    "R002": Rule.of(r002_unique_ids),
    "R003": Rule.of(r003_file_name),
    "R004": Rule.of(r004_departments),
    "R005": Rule.of(r005_chapter_section),
    "R006": Rule.of(r006_quotes_in_source),
    "R007": Rule.of(r007_source_in_plan),
    "R008": Rule.of(r008_value_in_quote),
    "R009": Rule.of(r009_units_fit_kind),
    "R010": Rule.of(r010_value_ranges),
    "R011": Rule.of(r011_deadline_before_issue),
    "R012": Rule.of(r012_due_after_deadline),
    "R013": Rule.of(r013_target_id_prefix),
    "R014": Rule.of(r014_deadline_in_source),
    "R015": Rule.of(r015_units_in_source),
    "R016": Rule.of(r016_unread_files),
    "R017": Rule.of(r017_calendar_file),
    "R018": Rule.of(r018_target_title),
    "R019": Rule.of(r019_supervision_file),
    "R020": Rule.of(r020_review),
}

# Findings the loader reports before any rule runs (see bizenv_cli.loading).
INPUT_CODES: dict[str, str] = {
    "L001": "the file is not UTF-8 (says what it looks like: UTF-16, GBK/GB18030, Latin-1)",
    "L002": "YAML syntax error, or more than one document in a file",
    "L003": "duplicate key in a mapping (names both positions)",
    "L004": "anchor, alias or merge key (<<): not allowed",
    "L005": "file larger than the size cap, or more keys and values than the cap",
    "L006": "nesting deeper than the depth cap",
    "L007": "explicit tag (!!str, !custom ...): not allowed",
    "L008": "control character (raw or escaped), line separator U+2028/U+2029 or stray BOM",
    "L009": "empty file",
    "L010": "the file cannot be read",
    "S001": "schema error: unknown or missing key, wrong type, bad value (e.g. deadline)",
}
