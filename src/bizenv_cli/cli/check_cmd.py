"""`bizenv check`: compare submitted metrics with the plan's targets and deadlines."""

from __future__ import annotations

import importlib
import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bizenv_cli.cli.verbose import set_verbose
from bizenv_cli.errors import EXIT_CODES_HELP, EXIT_FINDINGS, EXIT_OK, BizenvError

if TYPE_CHECKING:
    from bizenv_cli.evaluation.result import CheckResult, Status
    from bizenv_cli.reporters.check_common import ReportContext

FORMATS = ("table", "json", "markdown", "junit", "github")
FAIL_ON = ("pending", "at_risk", "overdue", "not_met", "missing", "never")


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("submissions", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Date to evaluate on. Default: the latest submission's period end (else today).",
)
@click.option(
    "--waivers",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="YAML file of approved waivers (target, reason, approved_by, expires).",
)
@click.option(
    "--measures",
    "measures_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("measures"),
    show_default=True,
    help="Folder with plan.yaml and the measures.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format. Default: table (github when GITHUB_ACTIONS=true).",
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
    "--due-within",
    "due_within",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    metavar="DAYS",
    help="Deadlines this close count as due soon.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Write the output to FILE instead of stdout.",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Say how each file was read (a CSV's encoding, the sheet used).",
)
def check(
    submissions: tuple[Path, ...],
    as_of: datetime | None,
    waivers: Path | None,
    measures_dir: Path,
    fmt: str | None,
    only: str | None,
    fail_on: str,
    due_within: int,
    output: Path | None,
    verbose: bool,
) -> int:
    """Check SUBMISSIONS (files, or folders of .yaml/.json/.xlsx/.csv files) against the plan.

    Every target gets one status on the as-of date: met, at_risk, overdue,
    not_met, missing, pending or waived. When several submissions report a
    target, the latest period's entry is used. See docs/check.md.
    """
    from bizenv_cli.evaluation import evaluate
    from bizenv_cli.evaluation.result import NEEDS_ACTION
    from bizenv_cli.listing import load_usable
    from bizenv_cli.loading.submissions import load_submissions
    from bizenv_cli.reporters.check_common import ReportContext

    set_verbose(verbose)
    measure_set = load_usable(measures_dir)
    day = as_of.date() if as_of else None
    loaded, findings = load_submissions(list(submissions), measure_set, as_of=day)
    waiver_set = None
    if waivers is not None:
        from bizenv_cli.loading.waivers import load_waivers

        waiver_set, waiver_problems = load_waivers(waivers, measure_set)
        findings = sorted(set(findings) | set(waiver_problems))
    if findings:
        files = len({f.path for f in findings})
        raise BizenvError(
            f"{len(findings)} problem(s) in {files} input file(s): nothing was checked",
            findings=findings,
        )
    if day is None:
        # The only wall-clock read, for when no submission gives a date.
        day = max((s.date for s in loaded), default=None) or date.today()
    result = evaluate(measure_set, loaded, as_of=day, waivers=waiver_set, due_within=due_within)
    ctx = ReportContext(
        names={d.id: d.name for d in measure_set.departments.departments},
        failing=failing_statuses(fail_on),
    )
    shown = result
    if only == "failing":
        shown = result.model_copy(
            update={"results": [r for r in result.results if r.status in NEEDS_ACTION]}
        )
    chosen = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "table")
    emit(chosen, shown, ctx, output)
    return EXIT_FINDINGS if any(result.summary.get(s, 0) for s in ctx.failing) else EXIT_OK


def failing_statuses(fail_on: str) -> frozenset[Status]:
    """The statuses that make the check fail for ``--fail-on``."""
    from bizenv_cli.evaluation.result import FAILING_BY_DEFAULT, Status

    extra = {"pending": {Status.pending, Status.at_risk}, "at_risk": {Status.at_risk}}
    if fail_on == "never":
        return frozenset()
    return frozenset(FAILING_BY_DEFAULT) | extra.get(fail_on, set())


def emit(fmt: str, result: CheckResult, ctx: ReportContext, output: Path | None) -> None:
    reporter = importlib.import_module(f"bizenv_cli.reporters.check_{fmt}")
    if fmt == "table" and output is None:
        from bizenv_cli.render.console import make_console

        reporter.print_table(make_console(), result, ctx)
        return
    text: str = reporter.render(result, ctx)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder: never a half-written file."""
    import tempfile

    tmp: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            newline="\n",
            dir=path.parent,
            prefix=f".{path.name}.",
            delete=False,
        ) as handle:
            tmp = Path(handle.name)
            handle.write(text)
        tmp.replace(path)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise BizenvError(f"cannot write {path}: {exc.strerror or exc}") from None
