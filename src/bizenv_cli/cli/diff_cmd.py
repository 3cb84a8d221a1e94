"""`bizenv diff OLD.json NEW.json`: what changed between two saved check results."""

from __future__ import annotations

from pathlib import Path

import click

from bizenv_cli.cli.options import format_option, lang_option, messages, output_option
from bizenv_cli.errors import EXIT_CODES_HELP, EXIT_OK

FORMATS = ("table", "json", "markdown")


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@format_option(FORMATS, "table")
@lang_option
@click.option("-v", "--verbose", is_flag=True, help="Under --lang zh, each id beside its title.")
@output_option("changes")
def diff(
    old: Path, new: Path, fmt: str, output: Path | None, lang: str | None, verbose: bool
) -> int:
    """Compare two results saved with `bizenv check --format json` (OLD, then NEW).

    Lists the status transitions (newly met, recovered, newly overdue, newly
    failing, worsened, new targets, targets gone...), the values that moved, and
    a count per transition. Exits 0 when the comparison is printed; 3 when a file
    is not a saved check result or the two are of different plans.
    """
    from bizenv_cli.cli.outputs import guard_outputs
    from bizenv_cli.history.diff import diff as compare
    from bizenv_cli.history.saved import load_saved_check, same_plan

    guard_outputs([old, new])
    before = load_saved_check(old)
    after = load_saved_check(new)
    same_plan(new, after, before.plan)
    result = compare(before, after)
    from bizenv_cli.cli.emit import emit

    if fmt == "json":  # for programs: the same whatever --lang
        emit("diff", fmt, result, output)
    else:  # under zh targets go by the titles the saved results carry (ids with -v)
        saved = [r for r in (*before.results, *after.results) if r.title is not None]
        titles = {r.target: r.title.zh for r in saved if r.title is not None}
        emit("diff", fmt, result, output, messages(lang).titled(titles, verbose))
    return EXIT_OK
