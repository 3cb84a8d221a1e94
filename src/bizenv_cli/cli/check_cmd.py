"""`bizenv check`: compare submitted metrics with the plan's targets and deadlines."""

from __future__ import annotations

import importlib
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bizenv_cli.cli.options import (
    as_of_option,
    due_within_option,
    format_option,
    lang_option,
    measures_option,
    messages,
    output_option,
    period_option,
    resolve_department,
    titled,
    waivers_option,
)
from bizenv_cli.cli.verbose import set_verbose, warn
from bizenv_cli.errors import EXIT_CODES_HELP, EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from bizenv_cli.evaluation.result import CheckResult, Status
    from bizenv_cli.output.check.common import ReportContext

FORMATS = ("table", "json", "markdown", "junit", "github", "xlsx")
FAIL_ON = ("pending", "at_risk", "overdue", "not_met", "missing", "never")


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("submissions", nargs=-1, type=click.Path(path_type=Path))
@as_of_option("evaluate")
@period_option(
    "The period checked (2021-Q2, 2021-H1, 2021-06, 2021): of a returned file that states "
    "none, and the default --as-of (its last day); a file for another period is a warning."
)
@waivers_option
@measures_option
@format_option(
    FORMATS, None,
    help="Output format. Default: table (github when GITHUB_ACTIONS=true). "
    "xlsx (needs -o FILE): a workbook in Chinese, a sheet per unit with its actions.",
)
@click.option(
    "--only",
    type=click.Choice(["failing"]),
    default=None,
    help="'failing': show only targets that need action (overdue, not_met, missing, at_risk).",
)
@click.option(
    "--fail-on",
    "fail_on",
    type=click.Choice(FAIL_ON),
    default="overdue",
    show_default=True,
    help="Exit 1 when a target has this status or a worse one "
    "(pending < at_risk < overdue = not_met = missing); 'never': only 0 or 3.",
)
@click.option(
    "--department",
    metavar="NAME",
    help="Only the targets this unit leads or is responsible for (id, Chinese name or "
    "alias); the summary and the exit code are judged on them alone.",
)
@due_within_option
@lang_option
@output_option("output")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="OLD.json",
    help="A saved `check --format json`: fail only on failures that are new or worse than "
    "there (known failures are listed on stderr). See docs/history.md.",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Say how each file was read (a CSV's encoding, the sheet used); under --lang zh "
    "(and in the xlsx workbook) also each target's id beside its title.",
)
def check(
    submissions: tuple[Path, ...],
    as_of: date | None,
    period: str | None,
    waivers: Path | None,
    measures_dir: Path,
    fmt: str | None,
    only: str | None,
    fail_on: str,
    due_within: int,
    department: str | None,
    lang: str | None,
    output: Path | None,
    baseline: Path | None,
    verbose: bool,
) -> int:
    """Check SUBMISSIONS (files, or folders of .yaml/.json/.xlsx/.csv files) against the plan.

    Every target gets one status on the as-of date: met, at_risk, overdue,
    not_met, missing, pending or waived. When several submissions report a
    target, the latest period's entry is used. See docs/check.md.
    """
    from bizenv_cli.checking import run_check
    from bizenv_cli.evaluation.result import NEEDS_ACTION
    from bizenv_cli.output.check.common import ReportContext

    fmt = _workbook_format(fmt, output)
    set_verbose(verbose)
    saved = None
    if baseline is not None:
        from bizenv_cli.history.saved import load_saved_check

        saved = load_saved_check(baseline)  # a bad baseline stops before anything is checked
    measure_set, result = run_check(
        list(submissions),
        measures_dir,
        as_of=as_of,
        waivers=waivers,
        due_within=due_within,
        today=date.today,  # the only wall-clock read: when no date is given or reported
        warn=warn,
        period=period,
    )
    from bizenv_cli.supervision.returns_due import attach

    # the returns' due dates by supervision.yaml's feedback cycle (docs/supervision.md)
    result = result.model_copy(
        update={"returns": attach(result.returns, measure_set, result.as_of)}
    )
    from bizenv_cli.cli.outputs import check_inputs, guard_outputs

    inputs = check_inputs(measure_set, submissions, waivers)
    guard_outputs([*inputs, baseline] if baseline is not None else inputs)
    if department is not None:
        result = result.for_department(resolve_department(measure_set.index, department))
    chosen = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "table")
    ctx = ReportContext(
        names={d.id: d.name for d in measure_set.departments.departments},
        failing=failing_statuses(fail_on),
        departments=tuple(measure_set.departments.departments),
        # junit and github are read by CI tools, JSON by programs: English whatever --lang
        # under zh the people's formats name targets by title; -v keeps the ids beside them
        msg=titled(messages(_lang(lang, chosen)), measure_set, verbose),
    )
    shown = result
    if only == "failing":
        shown = result.model_copy(
            update={"results": [r for r in result.results if r.status in NEEDS_ACTION]}
        )
    from bizenv_cli.stdio import reader_may_leave

    if saved is not None and baseline is not None:
        from bizenv_cli.history.saved import same_plan

        same_plan(baseline, saved, result.plan)
    with reader_may_leave():
        emit(chosen, shown, ctx, output)
    if saved is not None:
        from bizenv_cli.history.baseline import gate, gate_lines

        found = gate(result, saved, ctx.failing)
        click.echo("\n".join(gate_lines(found, str(baseline), saved)), err=True)
        return EXIT_FINDINGS if found.new else EXIT_OK
    return EXIT_FINDINGS if any(result.summary.get(s, 0) for s in ctx.failing) else EXIT_OK


def _lang(lang: str | None, fmt: str) -> str | None:
    """--lang for the formats people read (the workbook is Chinese whatever it says); machines
    read English."""
    return lang if fmt in ("table", "markdown", "xlsx") else "en"


def _workbook_format(fmt: str | None, output: Path | None) -> str | None:
    """xlsx needs -o; ``-o FILE.xlsx`` alone means xlsx; text in a .xlsx file is refused."""
    workbook = output is not None and output.suffix.lower() == ".xlsx"
    if fmt == "xlsx" and output is None:
        raise click.UsageError("--format xlsx writes a workbook: give the file with -o FILE.xlsx")
    if workbook and fmt not in (None, "xlsx"):
        raise click.UsageError(
            f"--format {fmt} writes text, not a workbook: use --format xlsx for -o FILE.xlsx"
        )
    return "xlsx" if workbook else fmt


def failing_statuses(fail_on: str) -> frozenset[Status]:
    """The statuses that make the check fail for ``--fail-on``."""
    from bizenv_cli.evaluation.result import FAILING_BY_DEFAULT, Status

    extra = {"pending": {Status.pending, Status.at_risk}, "at_risk": {Status.at_risk}}
    if fail_on == "never":
        return frozenset()
    return frozenset(FAILING_BY_DEFAULT) | extra.get(fail_on, set())


def emit(fmt: str, result: CheckResult, ctx: ReportContext, output: Path | None) -> None:
    reporter = importlib.import_module(f"bizenv_cli.output.check.{fmt}")
    if fmt == "table" and output is None:
        from bizenv_cli.output.terminal.console import make_console

        reporter.print_table(make_console(), result, ctx)
        return
    if fmt == "xlsx" and output is not None:
        reporter.write(result, ctx, output)
        return
    text: str = reporter.render(result, ctx)
    if output is None:
        click.echo(text, nl=False)
    else:
        from bizenv_cli.fileio import write_atomic

        write_atomic(output, text)
