"""``bizenv validate``: options in, exit code out; the work is in bizenv_cli.validation."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TextIO

import click

from bizenv_cli.cli.options import format_option, lang_option, measures_path_option, messages
from bizenv_cli.output.validate import FORMATS

EPILOG = """\b
Exit codes:
  0  valid (warnings allowed)
  1  errors found (or warnings, with --strict)
  2  usage error
  3  input that cannot be read at all: a missing path, a path that is neither a
     measure folder nor a measure file, an unusable plan.yaml, departments.yaml
     or plan text
  4  internal error (a bug in bizenv; run with --debug for the traceback)

See docs/validate.md for the rules and the JSON format."""


def _auto_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _use_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or (hasattr(stream, "isatty") and stream.isatty())


def _list_rules(fmt: str, stream: TextIO) -> None:
    from bizenv_cli.acknowledgements import CODES
    from bizenv_cli.rules import INPUT_CODES, RULES

    rows = [(code, "error", text) for code, text in INPUT_CODES.items()]
    rows += [(r.code, r.level.value, r.description) for r in RULES.values()]
    rows += [(code, level.value, text) for code, (level, text) in CODES.items()]
    if fmt == "json":
        items = [{"code": c, "level": lv, "description": d} for c, lv, d in rows]
        json.dump(items, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    for code, level, description in rows:
        stream.write(f"{code}  {level:<7}  {description}\n")


@click.command(epilog=EPILOG, context_settings={"max_content_width": 100})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option(
    list(FORMATS), None,
    help="Output format [default: github when GITHUB_ACTIONS=true, else text].",
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option("--list-rules", is_flag=True, help="List the finding codes and rules, then exit.")
@measures_path_option
@lang_option
def validate(
    paths: tuple[Path, ...],
    fmt: str | None,
    strict: bool,
    list_rules: bool,
    measures_dir: Path | None,
    lang: str | None,
) -> int:
    """Validate measure files: schema, then the rules (see --list-rules).

    PATHS are measure folders (holding plan.yaml) or measure files (NN-slug.yaml);
    default: --measures, else $BIZENV_MEASURES, else the nearest measures/ from the
    current folder upward. Cross-file rules (contiguous numbers) run only when a whole
    folder is validated. Submission and waivers files (or folders of them) are
    validated too, against --measures (else $BIZENV_MEASURES, else the measure set of
    their own tree, else the nearest measures/; see docs/check.md).
    """
    from bizenv_cli.output.validate import write
    from bizenv_cli.validation import exit_code
    from bizenv_cli.validation import validate as run_validation

    fmt = fmt or _auto_format()
    stream = sys.stdout
    if list_rules:
        _list_rules(fmt, stream)
        return 0
    result = run_validation(list(paths), measures_dir)
    color = fmt == "text" and _use_color(stream)
    write(fmt, result, stream, color=color, lang=messages(lang).lang)
    return exit_code(result, strict=strict)
