"""R008: a target's value (and each scope or limit value) appears in its quote, as digits
or Chinese numerals (两/二 = 2, 十 = 10, 二十 = 20, 十万 = 100000, 100万 = 1000000).
A typo guard: the number in the data is the number the plan wrote."""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import clip, finding, quoted_items, squash
from bizenv_cli.rules._numerals import appears

CODE = "R008"
LEVEL = Level.error
DESCRIPTION = "each target, scope and limit value appears in its quote (digits or Chinese numerals)"


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def check(mset: MeasureSet) -> Iterator[Finding]:
    for loaded in mset.measures:
        for item in quoted_items(loaded):
            if item.value is None or appears(item.value, squash(item.quote)):
                continue
            yield finding(
                loaded,
                (*item.path, "value"),
                CODE,
                f"value {_show(item.value)} of {item.label} does not appear in its quote "
                f"{clip(item.quote)!r}: check the number, or quote the words that state it",
                LEVEL,
            )
