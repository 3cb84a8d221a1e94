"""The glue of `bizenv notices` and `bizenv ledger`: run the supervision room, guard the
outputs, write the files and say what was written (on stderr)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bizenv_cli.cli.verbose import warn
from bizenv_cli.errors import EXIT_OK, EXIT_USAGE, BizenvError
from bizenv_cli.models.supervision import SupervisionRules
from bizenv_cli.sanitize import shown
from bizenv_cli.supervision.notices import Notice
from bizenv_cli.supervision.run import Checked

if TYPE_CHECKING:
    from bizenv_cli.loading.measureset import MeasureSet


def checked(paths: list[Path], measures_dir: Path, as_of: date, waivers: Path | None) -> Checked:
    """The check and its items: no output may name an input (checked before the rules are
    read: a refused output is a usage error whatever else is wrong)."""
    from bizenv_cli.cli.notices_cmd import office_rules
    from bizenv_cli.cli.outputs import check_inputs, guard_outputs
    from bizenv_cli.supervision.run import check_and_find

    def rules_for(measure_set: MeasureSet) -> SupervisionRules:
        guard_outputs(check_inputs(measure_set, paths, waivers))
        return office_rules(measures_dir)

    return check_and_find(paths, measures_dir, rules_for, as_of=as_of, waivers=waivers, warn=warn)


def _department(found: Checked, name: str | None) -> str | None:
    if name is None:
        return None
    from bizenv_cli.cli.options import resolve_department

    return resolve_department(found.measure_set.index, name)


def write_notices(
    paths: list[Path],
    measures_dir: Path,
    as_of: date,
    waivers: Path | None,
    fmt: str,
    out: Path | None,
    ledger_path: Path | None,
    department: str | None,
) -> None:
    from bizenv_cli.supervision.notices import build, number

    found = checked(paths, measures_dir, as_of, waivers)
    rules = found.rules
    unit = _department(found, department)
    items = [f for f in found.found if unit is None or f.unit == unit]
    plan = found.measure_set.plan.title.zh
    notices = build(items, found.departments, rules, as_of, plan)
    if ledger_path is not None:
        from bizenv_cli.supervision.ledger_file import read_ledger, write_ledger

        ledger = read_ledger(ledger_path, missing_ok=True)
        notices, ledger = number(notices, ledger, rules)
        open_keys = {(i.target, i.unit) for i in ledger.items if i.state.value == "open"}
        missing = sum(1 for f in items if (f.target, f.unit) not in open_keys)
        if missing:
            warn(
                f"bizenv: {missing} of the notices' items are not open in the ledger "
                f"{shown(ledger_path)}: run `bizenv ledger update` with the same returns and "
                "--as-of first, so that the ledger follows them"
            )
    if fmt == "json":
        from bizenv_cli.output.supervision.json import dumps, notices_json

        click.echo(dumps(notices_json(notices)), nl=False)
    else:
        assert out is not None
        _write_files(notices, fmt, out)
    if ledger_path is not None:
        write_ledger(ledger_path, ledger)
        click.echo(f"台账已更新：{shown(ledger_path)}", err=True)
    if not notices:
        click.echo(f"{as_of.isoformat()} 没有需要督办的事项：未生成通知。", err=True)


def _write_files(notices: Sequence[Notice], fmt: str, out: Path) -> None:
    from bizenv_cli.fileio import write_atomic
    from bizenv_cli.output.supervision.common import file_stem

    _folder(out)
    font = None
    if fmt == "pdf":
        from bizenv_cli.output.report.fonts import pdf_font

        font = pdf_font()
    for notice in notices:
        path = out / f"{file_stem(notice)}.{fmt}"
        if fmt == "pdf":
            from bizenv_cli.output.supervision.pdf import render as render_pdf

            assert font is not None
            data = render_pdf([notice], font)
        else:
            from bizenv_cli.output.supervision.docx import render as render_docx

            data = render_docx(notice)
        write_atomic(path, data)
        click.echo(
            f"已写入 {shown(path)}（{shown(notice.number)}，{len(notice.items)}项）", err=True
        )


def _folder(out: Path) -> None:
    """``out`` as a folder to write into (created if missing)."""
    if out.exists() and not out.is_dir():
        raise BizenvError(f"--out {shown(out)} is not a folder", exit_code=EXIT_USAGE)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BizenvError(f"cannot create the folder {shown(out)}: {exc.strerror}") from None


def print_reminders(
    paths: list[Path],
    measures_dir: Path,
    as_of: date,
    waivers: Path | None,
    fmt: str | None,
    out: Path | None = None,
) -> int:
    from bizenv_cli.checking import load_inputs
    from bizenv_cli.output.supervision.reminders import reminders_json, reminders_table
    from bizenv_cli.supervision.reminders import reminders
    from bizenv_cli.supervision.run import load_calendar_for

    if fmt not in (None, "table", "json", "docx"):
        raise click.UsageError("--reminders is a table, json, or a docx into --out")
    if fmt == "docx" and out is None:
        raise click.UsageError("--reminders --format docx writes a 催报通知: give --out DIR")
    mset, loaded, _, notes = load_inputs(
        paths, measures_dir, as_of=as_of, waivers=waivers, what="no reminder was listed"
    )
    for note in notes:
        warn(note)
    from bizenv_cli.calendar import CalendarGap
    from bizenv_cli.cli.notices_cmd import office_rules

    rules = office_rules(measures_dir)

    try:
        found = reminders(mset, loaded, rules, load_calendar_for(measures_dir), as_of)
    except CalendarGap as exc:
        raise BizenvError(str(exc)) from None
    if fmt == "json":
        from bizenv_cli.output.supervision.json import dumps

        click.echo(dumps(reminders_json(found, as_of)), nl=False)
    elif fmt == "docx":
        from bizenv_cli.fileio import write_atomic
        from bizenv_cli.output.supervision.reminders_docx import render

        assert out is not None
        _folder(out)
        path = out / f"催报通知-{as_of.isoformat()}.docx"
        write_atomic(path, render(found, as_of, rules))
        click.echo(f"已写入 {shown(path)}（{len(found)}个单位）", err=True)
    else:
        click.echo(reminders_table(found, as_of))
    return EXIT_OK
