"""Options several commands share, declared once so they read the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from bizenv_cli.departments import DepartmentIndex

F = TypeVar("F", bound=Callable[..., Any])

MEASURES_HELP = (
    "Folder with plan.yaml and the measures [default: $BIZENV_MEASURES, else the nearest "
    "measures/ from the current folder upward]."
)


def _locate(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path:
    from bizenv_cli.loading.discover import locate_measures

    return locate_measures(value)


# The measure set, resolved when the command runs: option, then env var, then discovery.
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
    metavar="FILE",
    help="YAML file of approved waivers (target, reason, approved_by, expires).",
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


def output_option(what: str) -> Callable[[F], F]:
    return output_file_option(
        "-o", "--output", help=f"Write the {what} to FILE instead of stdout."
    )


def as_of_option(what: str) -> Callable[[F], F]:
    return click.option(
        "--as-of",
        "as_of",
        type=click.DateTime(["%Y-%m-%d"]),
        metavar="YYYY-MM-DD",
        help=f"Date to {what} on. Default: the latest submission's period end (else today).",
    )


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
