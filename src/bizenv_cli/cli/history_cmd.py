"""`bizenv history`: each target's status per period, its trend and progress to the deadline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from bizenv_cli.cli.options import (
    date_option,
    due_within_option,
    format_option,
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
@format_option(FORMATS, "table")
@due_within_option
@lang_option
@ids_option
@output_option("history")
@click.option(
    "--ledger",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="With --item: the supervision ledger (督办台账) the item is in.",
)
@click.option(
    "--item",
    metavar="ID",
    help="Show one supervision item's whole life (DB2021-001) from --ledger, instead of "
    "the targets' history: opened, notices, feedback, extensions, closed.",
)
def history(
    submissions: tuple[Path, ...],
    at: tuple[date, ...],
    waivers: Path | None,
    measures_dir: Path,
    fmt: str,
    due_within: int,
    output: Path | None,
    ledger: Path | None,
    item: str | None,
    lang: str | None,
    ids: bool,
) -> int:
    """Evaluate SUBMISSIONS (files or folders, several periods) at the end of each period.

    Each period's column is what `bizenv check --as-of` says on that day. Per
    target: the trend of its reported values (improving, worsening, flat) and its
    progress toward the due date (on_track, needs_acceleration, moving_away, met,
    no_data). Exits 0 when the history is printed. See docs/history.md.
    """
    if item is not None or ledger is not None:
        return _item_life(item, ledger, measures_dir, submissions, fmt, output, lang)
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


def _item_life(
    item: str | None,
    ledger: Path | None,
    measures_dir: Path,
    submissions: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    lang: str | None,
) -> int:
    """``--ledger FILE --item ID``: one supervision item's whole life (docs/supervision.md)."""
    from bizenv_cli.sanitize import shown
    from bizenv_cli.supervision.feedback import UnknownItem
    from bizenv_cli.supervision.ledger_file import read_ledger
    from bizenv_cli.supervision.life import find_item, life

    if item is None or ledger is None:
        raise click.UsageError("--item and --ledger go together: --ledger FILE --item ID")
    if submissions or fmt == "markdown":
        raise click.UsageError(
            "--item shows the ledger's item: no SUBMISSIONS; --format table or json"
        )
    from bizenv_cli.cli.outputs import guard_outputs

    guard_outputs([ledger])
    try:
        found = find_item(read_ledger(ledger), item)
    except UnknownItem as exc:
        raise click.BadParameter(shown(str(exc), 300), param_hint="--item") from None
    from bizenv_cli.fileio import write_atomic
    from bizenv_cli.output.supervision.life import life_json, life_text

    if fmt == "json":
        text = life_json(found, life(found))
    else:
        from bizenv_cli.validation.pipeline import load_usable

        mset = load_usable(measures_dir)
        names = {d.id: d.name for d in mset.departments.departments}
        titles = {t.id: t.title for m in mset.measures for t in m.measure.targets}
        chosen = messages(lang).lang
        title = titles[found.target].zh if chosen == "zh" and found.target in titles else None
        text = life_text(found, life(found), names, chosen, title)
    if output is None:
        click.echo(text)
    else:
        write_atomic(output, text + "\n")
    return EXIT_OK
