"""`bizenv show N`: one measure, its source text with the targets' quotes marked, its targets."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bizenv_cli.cli.options import format_option, ids_option, lang_option, measures_option, messages
from bizenv_cli.errors import EXIT_OK


@click.command(
    epilog="Exit codes: 0 shown; 2 usage error (bad option, unknown measure number); "
    "3 measure files that cannot be used; 4 internal error."
)
@click.argument("number", type=int)
@measures_option
@format_option(
    ["text", "json"], "text",
    help="json: the measure and its target rows (as in `bizenv list`), with source spans.",
)
@lang_option
@ids_option
@click.pass_context
def show(
    ctx: click.Context, number: int, measures_dir: Path, fmt: str, lang: str | None, ids: bool
) -> int:
    """Show measure NUMBER with each target's quote highlighted in its text.

    On a terminal the quotes are bold and underlined; in plain output (piped,
    or a dumb terminal) they are wrapped in 【】. Under --lang zh the targets are named
    by their short title (-v adds the id).
    """
    from bizenv_cli.listing import measure_view, number_ranges
    from bizenv_cli.validation.pipeline import load_usable

    mset = load_usable(measures_dir)
    numbers = sorted(mset.by_number())
    if number not in numbers:
        raise click.BadParameter(
            f"there is no measure {number}; measures are numbered {number_ranges(numbers)}",
            ctx=ctx,
            param_hint="NUMBER",
        )
    view = measure_view(mset, number)
    if fmt == "json":
        from bizenv_cli.sanitize import json_safe

        click.echo(json_safe(json.dumps(view, ensure_ascii=False, indent=2)))
        return EXIT_OK
    from rich.text import Text

    from bizenv_cli.output.show.terminal import measure_page
    from bizenv_cli.output.terminal.console import is_plain, make_console

    console = make_console()
    plain = is_plain(console)
    msg = messages(lang)
    for part in measure_page(view, plain=plain, width=console.width, msg=msg, ids=ids):
        console.print(part, soft_wrap=plain and isinstance(part, Text))
    return EXIT_OK
