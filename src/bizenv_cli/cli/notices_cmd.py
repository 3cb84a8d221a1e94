"""`bizenv notices`: a 督办通知 per unit with open items (docx, pdf, json), or the return
reminders (催报). Thin: the supervision room builds, output/supervision writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bizenv_cli.cli.options import (
    DAY,
    format_option,
    measures_option,
    output_file_option,
    waivers_option,
)
from bizenv_cli.errors import EXIT_OK

if TYPE_CHECKING:
    from bizenv_cli.models.supervision import SupervisionRules


def office_rules(measures_dir: Path) -> SupervisionRules:
    """The supervision rules with bizenv.toml's [office] values on top."""
    from bizenv_cli.settings import configured
    from bizenv_cli.supervision.rules import load_rules

    config = configured()
    return load_rules(
        measures_dir,
        name=config.value("office.name"),
        short_name=config.value("office.short_name"),
        number_prefix=config.value("office.notice_prefix"),
    )


@click.command(
    epilog="Exit codes: 0 written; 2 usage error; 3 an input, supervision.yaml or the ledger "
    "cannot be used; 4 internal error. See docs/supervision.md."
)
@click.argument("submissions", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--as-of",
    "as_of",
    type=DAY,
    required=True,
    metavar="YYYY-MM-DD",
    help="The check's date, and the notices' date.",
)
@waivers_option
@measures_option
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Folder for the notices, one file per unit (created if missing).",
)
@format_option(
    ["docx", "pdf", "json", "table"], None,
    help="docx (default) or pdf into --out; json on stdout. With --reminders: table "
    "(default), json, or docx (one 催报通知 into --out).",
)
@output_file_option(
    "--ledger",
    help="The ledger (督办台账): number the notices from it "
    "(no gaps, never twice) and record them there.",
)
@click.option("--department", metavar="NAME", help="Only this unit's notice.")
@click.option(
    "--reminders",
    is_flag=True,
    help="Instead: the units whose return is due soon or late (催报), table or json.",
)
def notices(
    submissions: tuple[Path, ...],
    as_of: date,
    waivers: Path | None,
    measures_dir: Path,
    out: Path | None,
    fmt: str | None,
    ledger: Path | None,
    department: str | None,
    reminders: bool,
) -> int:
    """One supervision notice (督办通知) per unit with open items: the targets the check of
    SUBMISSIONS on --as-of finds overdue, not met or missing, with their rectification
    deadlines in working days (measures/supervision.yaml). Without --ledger the document
    numbers are left blank for the clerk."""
    if reminders:
        from bizenv_cli.cli.supervision_out import print_reminders

        return print_reminders(list(submissions), measures_dir, as_of, waivers, fmt, out)
    chosen = fmt or "docx"
    if chosen == "table":
        raise click.UsageError("--format table is for --reminders; notices are docx, pdf or json")
    if chosen != "json" and out is None:
        raise click.UsageError(f"--format {chosen} writes one file per unit: give --out DIR")
    from bizenv_cli.cli.supervision_out import write_notices

    write_notices(list(submissions), measures_dir, as_of, waivers, chosen, out, ledger, department)
    return EXIT_OK
