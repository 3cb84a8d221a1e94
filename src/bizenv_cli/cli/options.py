"""Options several commands share, declared once so they read the same everywhere."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from bizenv_cli.departments import DepartmentIndex
    from bizenv_cli.i18n import Messages
    from bizenv_cli.loading.measureset import MeasureSet

F = TypeVar("F", bound=Callable[..., Any])

MEASURES_HELP = (
    "Folder with plan.yaml and the measures [default: $BIZENV_MEASURES, else the nearest "
    "measures/ from the current folder upward]."
)


def _locate(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path:
    from bizenv_cli.settings import measures_folder

    return measures_folder(value)


def _waivers(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    from bizenv_cli.settings import waivers_file

    return waivers_file(value)


# The measure set, resolved when the command runs: option, then env var, then bizenv.toml,
# then discovery (docs/settings.md).
measures_option: Callable[[F], F] = click.option(
    "--measures",
    "measures_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    callback=_locate,
    metavar="DIR",
    help=MEASURES_HELP,
)

# The same option left unresolved (None when not given): `validate` resolves it itself,
# since a submission's own tree comes before the current folder.
measures_path_option: Callable[[F], F] = click.option(
    "--measures",
    "measures_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="DIR",
    help=MEASURES_HELP,
)

waivers_option: Callable[[F], F] = click.option(
    "--waivers",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_waivers,
    metavar="FILE",
    help="YAML file of approved waivers (target, reason, approved_by, expires) "
    "[default: bizenv.toml's waivers, else none].",
)

due_within_option: Callable[[F], F] = click.option(
    "--due-within",
    "due_within",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    metavar="DAYS",
    help="Deadlines this close count as due soon.",
)


class OutputFile(click.Path):
    """A file the command writes. Every option of this type is checked by
    ``cli.outputs.guard_outputs`` before anything is written: it must not be a file
    the command reads, nor the file of another output option."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path)


def output_file_option(*names: str, help: str) -> Callable[[F], F]:
    """Any option naming an output file (``-o``, ``--html``...): declare it with this."""
    return click.option(*names, type=OutputFile(), default=None, metavar="FILE", help=help)


def format_option(
    choices: Sequence[str], default: str | None, help: str | None = None
) -> Callable[[F], F]:
    """``--format`` (the ``fmt`` parameter): every command declares it with this. A
    default of None lets the command choose (from -o's suffix, from CI...)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=default is not None,
        help=help,
    )


def output_option(what: str) -> Callable[[F], F]:
    return output_file_option(
        "-o", "--output", help=f"Write the {what} to FILE instead of stdout."
    )


class Day(click.ParamType[date, Any]):
    """A calendar day written as a spreadsheet cell writes one: 2021-06-30, 2021/6/30,
    2021年6月30日, 2021.6.30 (``timestamps.parse_moment``, year first, nothing guessed).
    A day that does not exist (2021-02-30) and a day with a time of day are usage errors."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        from bizenv_cli.sanitize import quoted, shown
        from bizenv_cli.timestamps import MomentError, parse_moment

        text = str(value)
        try:
            found = parse_moment(text)
        except MomentError as error:
            if "no such" in str(error):  # the form is right, the day does not exist
                self.fail(f"{shown(text.strip())}: there is no such day", param, ctx)
            self.fail(
                f"{quoted(text)} is not a date: write 2021-06-30, 2021/6/30, 2021年6月30日 "
                "or 2021.6.30",
                param,
                ctx,
            )
        if isinstance(found, datetime):
            self.fail(f"{quoted(text.strip())} has a time of day: give the day alone", param, ctx)
        return found


DAY = Day()


def date_option(*names: str, help: str, multiple: bool = False) -> Callable[[F], F]:
    """Any option taking a day: declare it with this, so every command reads the same forms."""
    return click.option(*names, type=DAY, multiple=multiple, metavar="YYYY-MM-DD", help=help)


def as_of_option(what: str) -> Callable[[F], F]:
    return click.option(
        "--as-of",
        "as_of",
        type=DAY,
        metavar="YYYY-MM-DD",
        help=f"Date to {what} on. Default: the latest submission's period end (else today).",
    )


def _period(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from bizenv_cli.models.periods import PERIOD_PATTERN

    if value is not None and not re.match(PERIOD_PATTERN, value):
        raise click.BadParameter(
            f"{value!r}: write a year (2021), a half (2021-H1), a quarter (2021-Q2) or a "
            "month (2021-06)",
            ctx=ctx,
            param=param,
        )
    return value


def period_option(help_text: str) -> Callable[[F], F]:
    """``--period P``: 2021, 2021-H1, 2021-Q2 or 2021-06 (a usage error otherwise)."""
    return click.option("--period", callback=_period, metavar="P", help=help_text)


def resolve_department(index: DepartmentIndex, name: str, option: str = "--department") -> str:
    """The id for any spelling of a unit; a usage error with the closest name otherwise."""
    from bizenv_cli.sanitize import quoted

    found = index.resolve(name)
    if found is None:
        hint = index.suggest(name)
        raise click.BadParameter(
            f"unknown department {quoted(name)}" + (f"; did you mean {hint}?" if hint else ""),
            param_hint=option,
        )
    return found.id


lang_option: Callable[[F], F] = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    help="Language of statuses, explanations, units, headers and the summary. "
    "Default: bizenv.toml's lang, else zh when the locale (LC_ALL, LC_MESSAGES, LANG) is "
    "Chinese, else en.",
)

# In Chinese the tables name targets by their short title; -v adds the id beside it
# (the JSON and YAML always hold it; English tables name targets by their id).
ids_option: Callable[[F], F] = click.option(
    "-v",
    "--verbose",
    "ids",
    is_flag=True,
    help="Also show each target's id beside its Chinese title (--lang zh).",
)


def messages(lang: str | None) -> Messages:
    """The catalogue in the language asked for, else the locale's (as `report` does)."""
    import os

    from bizenv_cli.i18n import Messages, detect_lang
    from bizenv_cli.settings import language

    chosen = language(lang)
    return Messages("zh" if chosen == "zh" else "en" if chosen == "en" else detect_lang(os.environ))


def titled(msg: Messages, measure_set: MeasureSet, ids: bool = False) -> Messages:
    """``msg`` naming each target by its Chinese title under zh (``-v``: the id beside it)."""
    titles = {t.id: t.title.zh for m in measure_set.measures for t in m.measure.targets}
    return msg.titled(titles, ids)
