"""`bizenv cases FILE...`: compute targets from case records, write a submission."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from bizenv_cli.cli.options import (
    date_option,
    format_option,
    lang_option,
    measures_option,
    messages,
    output_file_option,
    period_option,
)
from bizenv_cli.errors import EXIT_OK

EPILOG = (
    "Exit codes: 0 computed (cases over the limit and unusable rows are reported, not "
    "failures); 2 usage error; 3 a file, column or mapping that cannot be used, or with "
    "--strict any unusable row; 4 internal error. See docs/cases.md."
)


def _where(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> object:
    pairs = []
    for text in values:
        column, sep, value = text.partition("=")
        if not sep or not column.strip():
            raise click.BadParameter(f"{text!r}: write COLUMN=VALUE", ctx=ctx, param=param)
        pairs.append((column.strip(), value.strip()))
    return pairs


@click.command(epilog=EPILOG)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--mapping",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="The case mapping. Default: cases.yaml in the measure folder.",
)
@period_option("Count the cases that ended in this period (2021, 2021-H1, 2021-Q2, 2021-06).")
@date_option(
    "--as-of",
    "as_of",
    help="The day the figures hold on: later ends are left out, open cases are judged on it. "
    "Default: the end of --period, else today.",
)
@measures_option
@click.option(
    "--target",
    "target",
    metavar="ID",
    help="Without a mapping: the one target to compute (needs --start and --end).",
)
@click.option("--start", metavar="COLUMN", help="With --target: the column of the start.")
@click.option("--end", metavar="COLUMN", help="With --target: the column of the end.")
@click.option("--id", "case_id", metavar="COLUMN", help="With --target: the case id column.")
@click.option(
    "--where",
    multiple=True,
    callback=_where,
    metavar="COLUMN=VALUE",
    help="With --target: only rows whose COLUMN is VALUE (repeatable).",
)
@format_option(["text", "json"], "text", help="json: one object (with --target: that target's).")
@output_file_option(
    "-o",
    "--output",
    help="Write a submission (YAML) that `bizenv check` reads; the table still prints.",
)
@output_file_option(
    "--exceptions", help="Write every case over the limit to FILE (.csv or .xlsx)."
)
@click.option("--strict", is_flag=True, help="Any row that cannot be used is an error (exit 3).")
@lang_option
def cases(
    files: tuple[Path, ...],
    mapping: Path | None,
    period: str | None,
    as_of: date | None,
    measures_dir: Path,
    target: str | None,
    start: str | None,
    end: str | None,
    case_id: str | None,
    where: list[tuple[str, str]],
    fmt: str,
    output: Path | None,
    exceptions: Path | None,
    strict: bool,
    lang: str | None,
) -> int:
    """Compute targets from case records: FILE... are record exports (CSV in UTF-8 or
    GB18030, XLSX, Parquet), one row per case. Prints each target's cases, value, limit
    and the cases over it; -o writes a submission for `bizenv check`.
    """
    from bizenv_cli.cases.job import CaseJob, QuickTarget, execute
    from bizenv_cli.models.periods import period_bounds, period_end
    from bizenv_cli.validation.pipeline import load_usable

    quick = None
    if target is not None:
        if mapping is not None:
            raise click.UsageError("give either --mapping or --target, not both")
        if not start or not end:
            raise click.UsageError("--target needs --start COLUMN and --end COLUMN")
        quick = QuickTarget(target, start, end, case_id, list(where))
    elif start or end or case_id or where:
        raise click.UsageError("--start, --end, --id and --where go with --target")
    day = as_of if as_of else (period_end(period) if period else date.today())
    if period and day < period_bounds(period)[0]:
        raise click.BadParameter(
            f"{day} is before {period} starts: no case of the period has ended yet",
            param_hint="--as-of",
        )
    measure_set = load_usable(measures_dir)
    job = CaseJob(list(files), day, period, mapping, quick, strict)
    run, reporter, read = execute(job, measure_set)
    from bizenv_cli.cli.outputs import guard_outputs, measure_set_files
    from bizenv_cli.output.caps import capped, finding_line
    from bizenv_cli.sanitize import json_safe, message, no_commands

    guard_outputs([*measure_set_files(measure_set), *read])
    from bizenv_cli.cli.lang_of_run import run_lang

    lang = run_lang()  # --lang, else bizenv.toml, else the locale (as messages())
    shown, more = capped(run.findings, lang=lang)
    for line in run.sources if quick is None else []:
        click.echo(message(line), err=True)
    for line in [*(finding_line(f, lang) for f in shown), *more]:
        click.echo(line, err=True)
    if exceptions is not None:
        count = _write_exceptions(exceptions, run.outcomes, measure_set, lang)
        said = (
            f"已写入 {exceptions}：超出时限的案件 {count} 件"
            if lang == "zh"
            else f"wrote {exceptions}: {count} case(s) over the limit"
        )
        click.echo(message(said), err=True)
    if output is not None:
        from bizenv_cli.cases.submission import build, render
        from bizenv_cli.fileio import write_atomic

        write_atomic(output, render(build(run, reporter), run))
        said = (
            f"已写入 {output}：{len(run.outcomes)} 个指标"
            if lang == "zh"
            else f"wrote {output}: {len(run.outcomes)} target(s)"
        )
        click.echo(message(said), err=True)
    from bizenv_cli.cases.report import describe, outcome_dict, run_dict

    if fmt == "json":
        data = outcome_dict(run.outcomes[0]) if quick and run.outcomes else run_dict(run)
        click.echo(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
    else:  # case ids and column names come from the files: never raw to the terminal
        zh = lang == "zh"  # the Chinese table names targets by their short title
        lines = describe(run, messages(lang) if zh else None, _titles(measure_set) if zh else None)
        click.echo("\n".join(no_commands(message(line, limit=2000)) for line in lines))
    return EXIT_OK


def _write_exceptions(path: Path, outcomes: list[Any], measure_set: Any, lang: str) -> int:
    """The exceptions file: under zh an .xlsx is the Chinese workbook, a sheet per unit."""
    if lang == "zh" and path.suffix.lower() == ".xlsx":
        from bizenv_cli.departments import acting_units
        from bizenv_cli.output.cases.exceptions_xlsx import write_exceptions_zh

        departments = measure_set.departments.departments
        units: dict[str, str] = {}
        for loaded in measure_set.measures:
            measure = loaded.measure
            leads, others = acting_units(measure.lead, measure.responsible, departments)
            for target in measure.targets:
                units[target.id] = next(iter([*leads, *others]), "")
        return write_exceptions_zh(path, outcomes, units, departments, _titles(measure_set))
    from bizenv_cli.cases.exports import write_exceptions

    return write_exceptions(path, outcomes)


def _titles(measure_set: Any) -> dict[str, str]:
    """Target id -> its short Chinese title."""
    return {t.id: t.title.zh for m in measure_set.measures for t in m.measure.targets}
