"""`bizenv history`: each target's status per period, its trend and progress to the deadline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from bizenv_cli.cli.options import (
    date_option,
    due_within_option,
    ids_option,
    lang_option,
    measures_option,
    messages,
    output_option,
    waivers_option,
)
from bizenv_cli.errors import EXIT_CODES_HELP, EXIT_OK

FORMATS = ("table", "json", "markdown")


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("submissions", nargs=-1, type=click.Path(path_type=Path))
@date_option(
    "--at",
    "at",
    multiple=True,
    help="Evaluate on this day (repeatable). Default: the end of each period found.",
)
@waivers_option
@measures_option
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True
)
@due_within_option
@lang_option
@ids_option
@output_option("history")
def history(
    submissions: tuple[Path, ...],
    at: tuple[date, ...],
    waivers: Path | None,
    measures_dir: Path,
    fmt: str,
    due_within: int,
    output: Path | None,
    lang: str | None,
    ids: bool,
) -> int:
    """Evaluate SUBMISSIONS (files or folders, several periods) at the end of each period.

    Each period's column is what `bizenv check --as-of` says on that day. Per
    target: the trend of its reported values (improving, worsening, flat) and its
    progress toward the due date (on_track, needs_acceleration, moving_away, met,
    no_data). Exits 0 when the history is printed. See docs/history.md.
    """
    from bizenv_cli.cli.verbose import warn
    from bizenv_cli.history.series import run_history

    if not submissions and not at:
        raise click.UsageError("give submission files or folders (or days with --at)")
    measure_set, result = run_history(
        list(submissions),
        measures_dir,
        at=list(at),
        waivers=waivers,
        due_within=due_within,
        warn=warn,
    )
    from bizenv_cli.cli.outputs import check_inputs, guard_outputs

    guard_outputs(check_inputs(measure_set, submissions, waivers))
    from bizenv_cli.cli.emit import emit

    if fmt == "json":  # for programs: the same whatever --lang
        emit("history", fmt, result, output)
        return EXIT_OK
    from bizenv_cli.output.history.common import Names

    msg = messages(lang)
    titles = {
        target.id: target.title.zh
        for loaded in measure_set.measures
        for target in loaded.measure.targets
    }
    emit("history", fmt, result, output, msg, Names(titles if msg.lang == "zh" else {}, ids))
    return EXIT_OK
