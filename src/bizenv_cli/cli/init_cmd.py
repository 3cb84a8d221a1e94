"""`bizenv init DIR`: a new data folder to work in (docs/settings.md, README 中文说明)."""

from __future__ import annotations

from pathlib import Path

import click

from bizenv_cli.errors import EXIT_OK
from bizenv_cli.plans import DEFAULT_PLAN, PLANS


@click.command(
    epilog="Exit codes: 0 written; 2 usage error (DIR not empty, an unknown plan); 3 the "
    "files cannot be written. Nothing is left behind when init fails."
)
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option(
    "--plan",
    type=click.Choice(sorted(PLANS)),
    default=DEFAULT_PLAN,
    show_default=True,
    help="The shipped plan whose measures are copied.",
)
@click.option(
    "--empty",
    is_flag=True,
    help="An empty measure set to fill in (or to write with `bizenv extract`), no example.",
)
def init(directory: Path, plan: str, empty: bool) -> int:
    """Write a data folder DIR (new, or an empty folder): measures/ (the shipped plan, or
    an empty skeleton with --empty), bizenv.toml, a README in Chinese saying what to do
    next, an example quarter in returns/ with waivers.yaml, and schemas/ for editors.
    Every command run inside DIR then uses it.
    """
    from bizenv_cli.sanitize import shown
    from bizenv_cli.scaffold import init_folder

    written = init_folder(directory, plan, empty=empty)
    click.echo(f"{shown(directory)}: {len(written)} files written")
    click.echo(f"next: cd {shown(directory)} && bizenv validate" + (
        "" if empty else " && bizenv check returns/2021-Q2 --as-of 2021-06-30"))
    return EXIT_OK
