"""`bizenv ledger update|feedback|show`: the supervision ledger (督办台账). Thin: the
supervision room merges and lights, output/supervision formats."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from bizenv_cli.cli.options import (
    DAY,
    OutputFile,
    format_option,
    lang_option,
    measures_option,
    output_option,
    waivers_option,
)
from bizenv_cli.errors import EXIT_OK

LEDGER_HELP = "The ledger file (YAML, created by the first update)."


_ledger_option = click.option(
    "--ledger", "ledger", type=OutputFile(), required=True, metavar="FILE", help=LEDGER_HELP
)


@click.group(
    epilog="Exit codes: 0 done; 2 usage error; 3 an input or the ledger cannot be "
    "used (each problem at file:line); 4 internal error. See docs/supervision.md."
)
def ledger() -> None:
    """The supervision ledger (督办台账): items opened by a check's failures, closed when a
    later check shows them met, with the units' feedback, extensions and warning lights."""


@ledger.command()
@click.argument("submissions", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--as-of", "as_of", type=DAY, required=True, metavar="YYYY-MM-DD", help="The check's date."
)
@waivers_option
@measures_option
@_ledger_option
def update(
    submissions: tuple[Path, ...],
    as_of: date,
    waivers: Path | None,
    measures_dir: Path,
    ledger: Path,
) -> int:
    """Open an item for each new failure of the check of SUBMISSIONS on --as-of, keep the
    open ones, close those now met (with the date and evidence), mark those past their
    rectification deadline. Staff's feedback, extensions and notes are kept."""
    from bizenv_cli.cli.supervision_out import checked
    from bizenv_cli.sanitize import shown
    from bizenv_cli.supervision.ledger_file import read_ledger, write_ledger
    from bizenv_cli.supervision.update import last_update
    from bizenv_cli.supervision.update import update as merge

    found = checked(list(submissions), measures_dir, as_of, waivers)  # guards --ledger
    book = read_ledger(ledger, missing_ok=True)
    last = last_update(book)
    if last is not None and as_of < last:
        raise click.BadParameter(
            f"the ledger was last updated on {last}: an update on an earlier day would "
            "close and open items against an older check",
            param_hint="--as-of",
        )
    names = {unit: d.name for unit, d in found.departments.items()}
    book, changes = merge(book, found.found, found.result, names)
    write_ledger(ledger, book)
    click.echo(
        f"{shown(ledger)}：新增{changes.opened}项，办结{changes.closed}项，"
        f"继续督办{changes.still_open}项，其中新超过整改时限{changes.past_deadline}项。",
        err=True,
    )
    return EXIT_OK


@ledger.command()
@click.argument("item")
@click.option(
    "--date",
    "day",
    type=DAY,
    required=True,
    metavar="YYYY-MM-DD",
    help="The day the feedback came in (or the extension was agreed).",
)
@click.option("--text", help="The unit's feedback (整改情况).")
@click.option(
    "--extend-to",
    "extend_to",
    type=DAY,
    metavar="YYYY-MM-DD",
    help="An agreed new rectification deadline (延期); needs --reason.",
)
@click.option("--reason", help="Why the extension was agreed.")
@_ledger_option
def feedback(
    item: str,
    day: date,
    text: str | None,
    extend_to: date | None,
    reason: str | None,
    ledger: Path,
) -> int:
    """Record a unit's feedback on ITEM (DB2021-001), or an agreed extension: the old
    deadline is kept beside the new one."""
    from bizenv_cli.sanitize import clean, shown
    from bizenv_cli.supervision.feedback import LateExtension, UnknownItem, record
    from bizenv_cli.supervision.ledger_file import read_ledger, write_ledger

    if not (text and text.strip()) and extend_to is None:
        raise click.UsageError("give --text (the feedback) or --extend-to with --reason")
    if extend_to is not None and not (reason and reason.strip()):
        raise click.UsageError("--extend-to needs --reason: an extension is agreed for a reason")
    for option, value in (("--text", text), ("--reason", reason)):
        if value is not None and len(value) > 2000:
            raise click.BadParameter("at most 2,000 characters", param_hint=option)
    book = read_ledger(ledger)
    try:
        book = record(
            book,
            item,
            day,
            clean(text.strip()) if text and text.strip() else None,
            extend_to,
            clean(reason.strip()) if reason else None,
        )
    except UnknownItem as exc:
        raise click.BadParameter(shown(str(exc), 300), param_hint="ITEM") from None
    except LateExtension as exc:
        raise click.BadParameter(shown(str(exc), 300), param_hint="--extend-to") from None
    write_ledger(ledger, book)
    click.echo(f"{shown(ledger)}：{shown(item)} 已记录。", err=True)
    return EXIT_OK


@ledger.command()
@click.option(
    "--as-of",
    "as_of",
    type=DAY,
    required=True,
    metavar="YYYY-MM-DD",
    help="The day the lights are for.",
)
@click.option(
    "--ledger",
    "ledger",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    metavar="FILE",
    help="The ledger file.",
)
@measures_option
@format_option(["table", "json", "xlsx"], "table", help="xlsx needs -o FILE.")
@lang_option
@output_option("output")
def show(
    as_of: date,
    ledger: Path,
    measures_dir: Path,
    fmt: str,
    lang: str | None,
    output: Path | None,
) -> int:
    """The items with their light (green, yellow, red), working days left or overdue,
    feedback and history: red first."""
    from bizenv_cli.cli.notices_cmd import office_rules
    from bizenv_cli.cli.options import messages
    from bizenv_cli.cli.outputs import guard_outputs
    from bizenv_cli.supervision.ledger_file import read_ledger
    from bizenv_cli.supervision.run import load_calendar_for
    from bizenv_cli.supervision.view import show as view

    if fmt == "xlsx" and output is None:
        raise click.UsageError("--format xlsx writes a workbook: give -o FILE.xlsx")
    guard_outputs([ledger])
    rules = office_rules(measures_dir)
    book = read_ledger(ledger)
    from bizenv_cli.calendar import CalendarGap
    from bizenv_cli.errors import BizenvError

    try:
        rows = view(book, as_of, rules, load_calendar_for(measures_dir))
    except CalendarGap as exc:
        raise BizenvError(str(exc)) from None
    names, titles = _names(measures_dir)
    if fmt == "xlsx":
        from bizenv_cli.fileio import write_atomic
        from bizenv_cli.output.supervision.xlsx import render
        from bizenv_cli.supervision.wording import zh_date

        assert output is not None
        write_atomic(output, render(rows, names, zh_date(as_of), titles))
        return EXIT_OK
    if fmt == "json":
        from bizenv_cli.output.supervision.json import dumps
        from bizenv_cli.output.supervision.ledger import ledger_json

        text = dumps(ledger_json(rows))
    else:
        from bizenv_cli.output.supervision.ledger import ledger_table

        text = ledger_table(rows, names, messages(lang).lang == "zh", titles) + "\n"
    _write(text, output)
    return EXIT_OK


def _names(measures_dir: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The units' Chinese names and the targets' Chinese titles, by id."""
    from bizenv_cli.validation.pipeline import load_usable

    mset = load_usable(measures_dir)
    titles = {t.id: t.title.zh for m in mset.measures for t in m.measure.targets}
    return {d.id: d.name for d in mset.departments.departments}, titles


def _write(text: str, output: Path | None) -> None:
    """Echoed (a reader may leave early), or written whole to ``output``."""
    from bizenv_cli.stdio import reader_may_leave

    if output is not None:
        from bizenv_cli.fileio import write_atomic

        write_atomic(output, text)
        return
    with reader_may_leave():
        click.echo(text, nl=False)
