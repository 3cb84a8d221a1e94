"""`bizenv config`: the settings in force and where each came from (docs/settings.md)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bizenv_cli.cli.options import format_option, lang_option, measures_path_option, messages
from bizenv_cli.errors import EXIT_OK


@click.command(
    epilog="Exit codes: 0 shown; 2 usage error; 3 a bizenv.toml that cannot be used "
    "(named at its line). See docs/settings.md."
)
@measures_path_option
@click.option(
    "--waivers",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Show what a command given this --waivers would use.",
)
@lang_option
@format_option(
    ["text", "json"], "text",
    help='json: {"file": PATH|null, "settings": [{"key", "value", "origin"}]}.',
)
def config(measures_dir: Path | None, waivers: Path | None, lang: str | None, fmt: str) -> int:
    """Print the settings in force: the measure folder, the waivers file, the language and
    the issuing office, each with where it came from (the command line, the environment,
    bizenv.toml and its line, or the default). bizenv.toml is found from the current folder
    upward; options override it.
    """
    from bizenv_cli.i18n.catalogue import MESSAGES
    from bizenv_cli.sanitize import json_safe, no_commands, shown
    from bizenv_cli.settings.report import in_force

    path, rows = in_force(measures_dir, waivers, lang)
    if fmt == "json":
        data = {
            "file": path,
            "settings": [{"key": r.key, "value": r.value, "origin": r.origin} for r in rows],
        }
        click.echo(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
        return EXIT_OK
    msg = messages(lang)
    lines = [msg("config.file", path=shown(path)) if path else msg("config.no_file"), ""]
    colon, left, right = ("：", "（", "）") if msg.lang == "zh" else (": ", " (", ")")
    for row in rows:
        origin_key = f"origin.{row.origin}"
        origin = msg(origin_key) if origin_key in MESSAGES else shown(row.origin)
        value = shown(row.value) if row.value is not None else msg("config.unset")
        label = msg(f"config.key.{row.key}")
        lines.append(f"{label}{left}{row.key}{right}{colon}{value}  [{origin}]")
    click.echo(no_commands("\n".join(lines)))
    return EXIT_OK
