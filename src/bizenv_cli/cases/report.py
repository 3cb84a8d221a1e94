"""What `bizenv cases` prints: a table of targets, the exceptions, the bad rows (text),
or one JSON object. Plain text: no rich, so piping and tests see the same thing."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from bizenv_cli.cases.outcome import REASONS, TargetOutcome, with_texts
from bizenv_cli.cases.run import CaseRun
from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.cases import REASONS_ZH
from bizenv_cli.i18n.dates import day_text
from bizenv_cli.sanitize import clip

EN = Messages("en")

SHOWN_EXCEPTIONS = 10  # per target in the terminal and the JSON; --exceptions FILE writes all
CELL_CHARS = 40  # of a case's id or timestamp as written, in the terminal's table
SHOWN_RANGES = 1000  # row ranges of the evidence per file in the JSON (-o writes them cut too)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(pad + cell if i in right else cell + pad)
        lines.append("  ".join(cells).rstrip())
    return lines


def number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def describe(
    run: CaseRun, msg: Messages | None = None, titles: Mapping[str, str] | None = None
) -> list[str]:
    """The text table (in Chinese with a zh ``msg``: headers, units, dates as 2021年6月30日;
    targets named by ``titles``, id -> short title, when given)."""
    msg = msg or EN
    titles = titles or {}
    zh = msg.lang == "zh"
    scope = msg("cases.scope", period=run.period) if run.period else ""
    lines = [msg("cases.title", scope=scope, as_of=day_text(run.as_of, msg.lang)), ""]
    rows = [msg("cases.head").split("|")]
    for o in run.outcomes:
        if zh:
            label = msg.unit(o.unit) if o.unit != "count" else "件"
            unit = label if label in ("%", "") else f" {label}"
        else:
            unit = "%" if o.unit == "percent" else f" {o.unit}"
        rows.append(
            [
                titles.get(o.target, o.target),
                str(o.sample_size),
                number(o.value) + (unit if o.value is not None else ""),
                f"{o.comparator} {number(o.limit)}{unit}",
                str(o.over_limit),
                str(o.open_cases),
                str(o.open_over),
                str(o.bad_total),
            ]
        )
    lines += _table(rows, right={1, 2, 4, 5, 6, 7})
    for o in run.outcomes:
        if o.exceptions.height:
            label = titles.get(o.target, o.target)
            lines += ["", msg("cases.over", target=label, count=o.exceptions.height)]
            shown = [msg("cases.case_head").split("|")]
            for case in with_texts(o.exceptions.head(SHOWN_EXCEPTIONS)).iter_rows(named=True):
                shown.append(
                    [  # a cell as the file has it, cut to a table's width (the file: whole)
                        clip(case["case_id"], CELL_CHARS),
                        f"{case['file']}:{case['row']}",
                        clip(case["start"] or "", CELL_CHARS),
                        clip(case["end"] or "", CELL_CHARS) or msg("cases.open"),
                        number(case["duration"]),
                        "+" + number(case["over"]),
                    ]
                )
            lines += ["  " + line for line in _table(shown, right={4, 5})]
            if o.exceptions.height > SHOWN_EXCEPTIONS:
                lines.append(msg("cases.more", count=o.exceptions.height - SHOWN_EXCEPTIONS))
        if o.bad:
            if zh:
                counts = "，".join(f"{REASONS_ZH.get(r, r)} {n} 行" for r, n in o.bad.items())
            else:
                counts = ", ".join(f"{n} {REASONS[r]}" for r, n in o.bad.items())
            label = titles.get(o.target, o.target)
            lines += ["", msg("cases.bad", target=label, count=o.bad_total, counts=counts)]
    return lines


def outcome_dict(o: TargetOutcome) -> dict[str, Any]:
    return {
        "target": o.target,
        "value": o.value,
        "sample_size": o.sample_size,
        "unit": o.unit,
        "comparator": o.comparator,
        "limit": o.limit,
        "aggregate": o.aggregate,
        "duration": o.duration,
        "source": o.source,
        "selected_rows": o.selected,
        "over_limit": o.over_limit,
        "within_limit_percent": o.within_share,
        "open_cases": o.open_cases,
        "open_over_limit": o.open_over,
        "outside_period": o.outside,
        "bad_rows": dict(sorted(o.bad.items())),
        "bad_row_examples": [
            {
                "reason": b.reason,
                "file": b.file,
                "row": b.row,
                "column": b.column,
                "message": b.detail,
            }
            for b in o.bad_rows
        ],
        "exceptions": [
            {**case, "over_by": case.pop("over")}
            for case in with_texts(o.exceptions.head(SHOWN_EXCEPTIONS)).to_dicts()
        ],
        "exceptions_not_listed": max(0, o.exceptions.height - SHOWN_EXCEPTIONS),
        "evidence": [
            {
                "file": e.file,
                "sha256": e.sha256,
                "rows": [list(r) for r in e.ranges(SHOWN_RANGES)],
                "ranges_not_listed": max(0, e.rows.height - SHOWN_RANGES),
            }
            for e in o.evidence
        ],
        "notes": o.notes,
    }


def run_dict(run: CaseRun) -> dict[str, Any]:
    return {
        "version": 1,
        "as_of": run.as_of.isoformat(),
        "period": run.period,
        "files": [{"file": t.shown, "sha256": t.sha256, "read_as": t.how} for t in run.tables],
        "targets": [outcome_dict(o) for o in run.outcomes],
    }
