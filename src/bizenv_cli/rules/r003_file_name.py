"""R003: the file name agrees with the measure: ``NN-slug.yaml`` holds number NN
and id ``mNN-slug``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import finding

CODE = "R003"
LEVEL = Level.error
DESCRIPTION = "file name NN-slug.yaml agrees with the number (NN) and the id (mNN-slug)"

_NAME = re.compile(r"^(?P<number>[0-9]+)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")


def check(mset: MeasureSet) -> Iterator[Finding]:
    for loaded in mset.measures:
        measure = loaded.measure
        stem = PurePath(loaded.path).stem
        match = _NAME.match(stem)
        expected_prefix = f"{measure.number:02d}"
        if not match:
            yield finding(
                loaded,
                ("number",),
                CODE,
                f"file name {PurePath(loaded.path).name!r} is not NN-slug.yaml: "
                f"rename it to {expected_prefix}-<slug>.yaml (slug in lower-case kebab-case)",
                LEVEL,
            )
            continue
        file_number = int(match.group("number"))
        suffix = PurePath(loaded.path).suffix
        if match.group("number") != expected_prefix and file_number == measure.number:
            yield finding(
                loaded,
                ("number",),
                CODE,
                f"file name {PurePath(loaded.path).name!r} does not start with the two-digit "
                f"number {expected_prefix}-: rename it to {expected_prefix}-{match.group('slug')}"
                ".yaml",
                LEVEL,
            )
        elif match.group("number") != expected_prefix:
            yield finding(
                loaded,
                ("number",),
                CODE,
                f"number {measure.number} does not agree with the file name, which starts with "
                f"{match.group('number')}-: fix the number or rename the file to "
                f"{expected_prefix}-{match.group('slug')}.yaml",
                LEVEL,
            )
        elif suffix not in (".yaml", ".yml"):
            yield finding(
                loaded,
                ("number",),
                CODE,
                f"file name {PurePath(loaded.path).name!r} ends in {suffix!r}: rename it to "
                f"{stem}.yaml",
                LEVEL,
            )
        expected_id = f"m{file_number:02d}-{match.group('slug')}"
        if measure.id != expected_id:
            yield finding(
                loaded,
                ("id",),
                CODE,
                f"id {measure.id!r} does not agree with the file name: expected {expected_id!r} "
                "('m' + the file name without .yaml)",
                LEVEL,
            )
