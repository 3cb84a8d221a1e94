"""`bizenv schema`: write the JSON Schemas from the models, or check they are current."""

from __future__ import annotations

from pathlib import Path

import click

from bizenv_cli.errors import EXIT_FINDINGS, EXIT_OK


@click.command(
    epilog="Exit codes: 0 written (or, with --check, all current); 1 with --check: "
    "files missing or stale; 2 usage error; 3 a file that cannot be written; 4 internal error."
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder for the *.schema.json files.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 listing the files that are missing or stale.",
)
def schema(output_dir: Path, check: bool) -> int:
    """Write (or --check) the JSON Schemas generated from the data models.

    The files are generated, never edited by hand: change the models in
    src/bizenv_cli/models/ and run `bizenv schema` (or `make schemas`).
    """
    from bizenv_cli.sanitize import message, no_commands
    from bizenv_cli.schemas import schema_status, write_schemas

    if check:
        statuses = schema_status(output_dir)
        outdated = [s for s in statuses if s.state != "current"]
        for status in outdated:
            click.echo(no_commands(f"{message(str(status.path))}: {status.state}"))
        if outdated:
            click.echo(
                f"{len(outdated)} of {len(statuses)} schema files are out of date: "
                "run `bizenv schema` (or `make schemas`) and commit the result.",
                err=True,
            )
            return EXIT_FINDINGS
        click.echo(f"{len(statuses)} schema files in {message(str(output_dir))} are up to date.")
        return EXIT_OK
    for status in write_schemas(output_dir):
        verb = "unchanged" if status.state == "current" else "wrote"
        click.echo(no_commands(f"{verb} {message(str(status.path))}"))
    return EXIT_OK
