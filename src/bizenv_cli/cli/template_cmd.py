"""`bizenv template`: write a ready-to-fill submission for a department and a period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bizenv_cli.cli.options import (
    format_option,
    lang_option,
    measures_option,
    messages,
    output_option,
    resolve_department,
)
from bizenv_cli.errors import EXIT_OK, EXIT_USAGE, BizenvError

if TYPE_CHECKING:
    from bizenv_cli.loading.measureset import MeasureSet

# format -> writer(measure_set, period, department id or None, output or None) -> text for stdout
Writer = Callable[["MeasureSet", str, "str | None", "Path | None"], str]


def _yaml(
    measure_set: MeasureSet,
    period: str,
    department: str | None,
    output: Path | None,
    lang: str = "en",
) -> str:
    from bizenv_cli.templates.rows import yaml_template

    text = yaml_template(measure_set, period=period, department=department, lang=lang)
    if output is None:
        return text
    from bizenv_cli.fileio import write_atomic

    write_atomic(output, text)
    return ""


def _spreadsheet(fmt: str) -> Writer:
    def write(ms: MeasureSet, period: str, department: str | None, output: Path | None) -> str:
        from bizenv_cli.templates.write import write_template

        return write_template(fmt, ms, period, department, output)

    return write


WRITERS: dict[str, Writer] = {
    "yaml": _yaml,
    "xlsx": _spreadsheet("xlsx"),
    "csv": _spreadsheet("csv"),
}
# The suffixes `bizenv check` reads each format under (loading.submissions.READERS).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "yaml": (".yaml", ".yml"),
    "xlsx": (".xlsx",),
    "csv": (".csv",),
}


def current_quarter(today: date) -> str:
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


@click.command(
    epilog="Exit codes: 0 written; 2 usage error (bad option, unknown department, bad "
    "period, -o suffix that does not match --format, -o naming a measure file); 3 measure "
    "files that cannot be used, or a file that cannot be written; 4 internal error."
)
@click.option(
    "--department",
    "-d",
    metavar="ID",
    default=None,
    help="Only this department's targets (as lead or responsible unit); any id or alias.",
)
@click.option(
    "--period",
    "-p",
    metavar="PERIOD",
    default=None,
    help="Reporting period: 2021-Q2, 2021-H1, 2021-06 or 2021. Default: the current quarter.",
)
@measures_option
@format_option(
    list(WRITERS), None,
    help="Template format. Default: from the -o suffix (.xlsx, .csv), else yaml.",
)
@output_option("template")
@lang_option
def template(
    department: str | None,
    period: str | None,
    measures_dir: Path,
    fmt: str | None,
    output: Path | None,
    lang: str | None,
) -> int:
    """Write a ready-to-fill submission: every target (or one department's) with
    its text, required value, unit and deadline as comments and the values empty.

    Fill it in and run `bizenv check FILE`. --format xlsx or csv writes a
    spreadsheet for a department to fill in (see docs/spreadsheets.md).
    """
    import re

    from bizenv_cli.models.periods import PERIOD_PATTERN
    from bizenv_cli.sanitize import quoted
    from bizenv_cli.validation.pipeline import load_usable

    chosen = period or current_quarter(date.today())  # the wall clock only when no --period
    if not re.match(PERIOD_PATTERN, chosen):
        raise BizenvError(
            f"--period {quoted(chosen)}: use 2021-Q2, 2021-H1, 2021-06 or 2021",
            exit_code=EXIT_USAGE,
        )
    measure_set = load_usable(measures_dir)
    from bizenv_cli.cli.outputs import guard_outputs, measure_set_files

    guard_outputs(measure_set_files(measure_set))
    dept_id = None
    if department is not None:
        dept_id = resolve_department(measure_set.index, department)
    suffix = output.suffix.lower().lstrip(".") if output else ""
    asked = fmt
    fmt = fmt or (suffix if suffix in ("xlsx", "csv") else "yaml")
    # A file to fill in and read back must be named so `check` reads it; a device or a
    # pipe (/dev/stdout, a FIFO) is not read back by name.
    named = output is not None and (output.is_file() or not output.exists())
    if named and output is not None and output.suffix.lower() not in SUFFIXES[fmt]:
        readable = ", ".join(s for suffixes in SUFFIXES.values() for s in suffixes)
        why = f"does not match --format {asked}" if asked else "`bizenv check` could not read it"
        raise click.BadParameter(
            f"{quoted(output.name)} {why}: name a {fmt} template "
            f"{' or '.join(SUFFIXES[fmt])} (check reads returned files by suffix: {readable})",
            param_hint="-o/--output",
        )
    if fmt == "yaml":  # the spreadsheets' headers are bilingual already
        text = _yaml(measure_set, chosen, dept_id, output, messages(lang).lang)
    else:
        text = WRITERS[fmt](measure_set, chosen, dept_id, output)
    if text:
        click.echo(text, nl=False)
    return EXIT_OK
