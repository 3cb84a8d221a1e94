"""`bizenv score`: each unit's points for the year, every point traceable to a line."""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

import click

from bizenv_cli.cli.options import (
    as_of_option,
    format_option,
    lang_option,
    measures_option,
    messages,
    output_option,
    resolve_department,
    titled,
    waivers_option,
)
from bizenv_cli.errors import EXIT_CODES_HELP, EXIT_OK

FORMATS = ("table", "json", "xlsx", "pdf")
FILES_ONLY = ("xlsx", "pdf")


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("periods", nargs=-1, type=click.Path(path_type=Path))
@click.option("--year", type=click.IntRange(1000, 9999), required=True,
              help="The year scored: its period ends among the submissions are evaluated.")
@as_of_option("score")
@waivers_option
@click.option("--ledger", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="The supervision ledger (督办台账), for the supervision rules.")
@click.option("--rules", "rules_path", type=click.Path(dir_okay=False, path_type=Path),
              metavar="FILE", help="The scoring rules [default: scoring.yaml beside plan.yaml].")
@measures_option
@format_option(
    FORMATS, None,
    help="table (default), json, xlsx or pdf (both need -o FILE; -o FILE.xlsx or "
    "FILE.pdf alone picks the format).",
)
@output_option("scores")
@lang_option
@click.option("--department", metavar="NAME",
              help="Only this unit's statement, every line (id, Chinese name or alias).")
def score(
    periods: tuple[Path, ...],
    year: int,
    as_of: date | None,
    waivers: Path | None,
    ledger: Path | None,
    rules_path: Path | None,
    measures_dir: Path,
    fmt: str | None,
    output: Path | None,
    lang: str | None,
    department: str | None,
) -> int:
    """Score each unit for YEAR from PERIOD_DIRS (the year's returns, files or folders).

    Each period end is evaluated as `bizenv check --as-of` would; the rules
    (scoring.yaml) turn every target outcome and return into lines; a unit's score
    is its base plus its lines, caps included. Collectives get no row. Exits 0 when
    the scores are written. See docs/score.md.
    """
    from bizenv_cli.cli.verbose import warn
    from bizenv_cli.scoring.run import run_score

    chosen = _format(fmt, output)
    if not periods:
        raise click.UsageError("give the year's submission files or folders (e.g. "
                               "examples/2021-Q1 examples/2021-Q2)")
    measure_set, result = run_score(
        list(periods), measures_dir, year=year, as_of=as_of, waivers=waivers,
        rules_path=rules_path, ledger=ledger, warn=warn,
    )
    from bizenv_cli.cli.outputs import check_inputs, guard_outputs

    inputs = check_inputs(measure_set, periods, waivers)
    guard_outputs([*inputs, *(p for p in (rules_path, ledger) if p is not None)])
    if department is not None:
        unit = resolve_department(measure_set.index, department)
        if unit not in {u.unit for u in result.units}:
            from bizenv_cli.sanitize import quoted

            raise click.BadParameter(
                f"{quoted(department)} gets no score: a collective, or a unit no target names",
                param_hint="--department")
        result = result.for_unit(unit)
    msg = titled(messages("en" if chosen == "json" else lang), measure_set)  # zh: titles
    _emit(chosen, result, msg, output)
    return EXIT_OK


def _format(fmt: str | None, output: Path | None) -> str:
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    if fmt in FILES_ONLY and output is None:
        raise click.UsageError(f"--format {fmt} writes a file: give it with -o FILE.{fmt}")
    if suffix in FILES_ONLY and fmt not in (None, suffix):
        raise click.UsageError(f"--format {fmt} does not write a .{suffix} file: use "
                               f"--format {suffix}")
    return fmt or (suffix if suffix in FILES_ONLY else "table")


def _emit(fmt: str, result: object, msg: object, output: Path | None) -> None:
    from bizenv_cli.stdio import reader_may_leave

    reporter = importlib.import_module(f"bizenv_cli.output.score.{fmt}")
    with reader_may_leave():
        if fmt in FILES_ONLY and output is not None:
            reporter.write(result, msg, output)
            return
        if fmt == "table" and output is None:
            from bizenv_cli.output.terminal.console import make_console

            reporter.print_table(make_console(), result, msg)
            return
        text: str = reporter.render(result, msg)
        if output is None:
            click.echo(text, nl=False)
        else:
            from bizenv_cli.fileio import write_atomic

            write_atomic(output, text)
