"""`bizenv workdays START END`: how many official working days (and office time) between."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bizenv_cli.cli.options import format_option, lang_option, measures_option, messages
from bizenv_cli.errors import EXIT_OK


def _moment(ctx: click.Context, param: click.Parameter, value: str) -> object:
    from bizenv_cli.timestamps import MomentError, parse_moment

    try:
        return parse_moment(value)
    except MomentError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


@click.command(
    epilog="Exit codes: 0 counted; 2 usage error (a date that cannot be read, END before "
    "START); 3 a year no calendar covers, or a calendar.yaml that cannot be used; "
    "4 internal error. See docs/calendar.md."
)
@click.argument("start", callback=_moment)
@click.argument("end", callback=_moment)
@measures_option
@format_option(
    ["text", "json"], "text",
    help='json: {"working_days": N, "calendar_days": ..., "office_hours": ...}.',
)
@lang_option
def workdays(
    start: object, end: object, measures_dir: Path, fmt: str, lang: str | None
) -> int:
    """Official working days from START to END (the start day not counted, the end day
    counted), by the State Council calendar: makeup weekend days count, holiday weekdays
    do not. With a time of day on both ('2021-03-05 09:30') the office time between them
    is shown too. Dates: 2021-06-30, 2021/6/30, 2021年6月30日.
    """
    from datetime import date, datetime

    from bizenv_cli.calendar.explain import count, describe
    from bizenv_cli.calendar.load import load_calendar

    assert isinstance(start, date) and isinstance(end, date)
    if isinstance(start, datetime) != isinstance(end, datetime):
        raise click.UsageError(
            "give a time of day on both START and END, or on neither: a date alone cannot "
            "say how many office hours passed"
        )
    if end < start:  # both dates or both datetimes (checked above)
        raise click.UsageError(f"END {end} is before START {start}")
    from bizenv_cli.calendar import CalendarGap
    from bizenv_cli.errors import BizenvError

    try:
        found = count(load_calendar(measures_dir), start, end)
    except CalendarGap as exc:
        raise BizenvError(str(exc)) from None
    from bizenv_cli.sanitize import clean, json_safe, no_commands

    # The sources quote calendar.yaml's notices: text from a file, sanitized as in check.
    if fmt == "json":
        click.echo(json_safe(json.dumps(found.to_dict(), ensure_ascii=False, indent=2)))
    else:
        if messages(lang).lang == "zh":
            from bizenv_cli.calendar.explain_zh import describe_zh

            lines = describe_zh(found)
        else:
            lines = describe(found)
        click.echo(no_commands("\n".join(clean(line) for line in lines)))
    return EXIT_OK
