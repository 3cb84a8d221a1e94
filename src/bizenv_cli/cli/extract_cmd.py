"""`bizenv extract PLAN [-o DIR] [--format json]`: a draft measure set from a plan's text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from bizenv_cli.cli.options import format_option
from bizenv_cli.errors import EXIT_OK


@click.command(
    epilog="Exit codes: 0 read (and written); 2 usage error; 3 a plan that cannot be read "
    "(missing, empty, binary, a FIFO, too large, a damaged .docx, a PDF without text) or "
    "a folder that cannot be written; 4 internal error. See docs/extract.md."
)
@click.argument("plan", type=click.Path(path_type=Path, dir_okay=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the draft measure set into this folder (new or empty; see --force).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace an existing draft folder (one holding plan.yaml, not the plan itself).",
)
@click.option(
    "--issued",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The plan's issue date, when its text does not give it (YYYY-MM-DD).",
)
@format_option(
    ["text", "json"], "text",
    help="text: a review summary; json: what was read, per measure (docs/extract.md).",
)
def extract(plan: Path, output: Path | None, force: bool, issued: object, fmt: str) -> int:
    """Read a plan's text (.txt in UTF-8 or GB18030, .docx, text-layer .pdf) and print
    what it holds, or write it with -o as a draft measure set for `bizenv validate`.
    Everything unsure is marked for review (R020 until a person deletes the entry)."""
    from bizenv_cli.extract import extract as read
    from bizenv_cli.extract.summary import as_json, as_text
    from bizenv_cli.sanitize import message, no_commands

    draft = read(plan)
    when = issued.date() if hasattr(issued, "date") else None
    assert when is None or isinstance(when, date)
    written: list[Path] = []
    if output is not None:
        from bizenv_cli.extract.writer import write_draft
        from bizenv_cli.schemas import write_schemas

        written = write_draft(draft, output, input_path=plan, force=force, issued=when)
        write_schemas(output / "schemas")
    if fmt == "json":
        click.echo(json.dumps(as_json(draft), ensure_ascii=False, indent=2))
    else:
        click.echo(no_commands("\n".join(message(line, 400) for line in as_text(draft))))
        if output is not None:
            click.echo(
                no_commands(
                    f"Wrote {len(written)} files to {message(str(output))}: review them, then "
                    f"run `bizenv validate {message(str(output))}`"
                )
            )
    return EXIT_OK
