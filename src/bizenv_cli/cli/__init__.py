"""The command line: a thin switchboard. Subcommands are imported only when run,
so ``bizenv --help`` and ``--version`` load neither pydantic, yaml nor rich."""

from __future__ import annotations

import gc
import importlib
import importlib.util
import os
import sys
from typing import Any

import click

from bizenv_cli import __version__
from bizenv_cli.errors import EXIT_CODES_HELP

# The first generation is collected after this many allocations (Python's default: 700,
# or 2,000 from 3.12): large enough that a run rarely collects, still bounded.
GC_THRESHOLDS = (100_000, 50, 100)

# name -> (module, attribute, one-line help shown by `bizenv --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "validate": (
        "bizenv_cli.cli.validate_cmd",
        "validate",
        "Validate measure files (and submissions).",
    ),
    "check": (
        "bizenv_cli.cli.check_cmd",
        "check",
        "Compare submitted metrics with targets and deadlines.",
    ),
    "report": (
        "bizenv_cli.cli.report_cmd",
        "report",
        "Print a progress report for meetings (zh/en).",
    ),
    "history": (
        "bizenv_cli.cli.history_cmd",
        "history",
        "Statuses per period, trends and progress toward each deadline.",
    ),
    "diff": (
        "bizenv_cli.cli.diff_cmd",
        "diff",
        "Compare two saved check results: what got better or worse.",
    ),
    "score": (
        "bizenv_cli.cli.score_cmd",
        "score",
        "Each unit's score for the year (年度考核), every point traced to its line.",
    ),
    "template": (
        "bizenv_cli.cli.template_cmd",
        "template",
        "Write a ready-to-fill submission template.",
    ),
    "list": ("bizenv_cli.cli.list_cmd", "list_", "List measures and their targets."),
    "show": ("bizenv_cli.cli.show_cmd", "show", "Show one measure with its targets highlighted."),
    "workdays": (
        "bizenv_cli.cli.workdays_cmd",
        "workdays",
        "Count official working days (and office time) between two dates.",
    ),
    "cases": (
        "bizenv_cli.cli.cases_cmd",
        "cases",
        "Compute targets from case records (CSV, XLSX, Parquet); write a submission.",
    ),
    "notices": (
        "bizenv_cli.cli.notices_cmd",
        "notices",
        "Write a supervision notice (督办通知) per unit with open items; --reminders: 催报.",
    ),
    "ledger": (
        "bizenv_cli.cli.ledger_cmd",
        "ledger",
        "The supervision ledger (督办台账): update from a check, record feedback, show lights.",
    ),
    "init": (
        "bizenv_cli.cli.init_cmd",
        "init",
        "Start a data folder: the shipped measures, bizenv.toml, an example quarter.",
    ),
    "extract": (
        "bizenv_cli.cli.extract_cmd",
        "extract",
        "Draft a measure set from a plan's text (.txt, .docx, .pdf), marked for review.",
    ),
    "config": (
        "bizenv_cli.cli.config_cmd",
        "config",
        "Show the settings in force (bizenv.toml, options) and where each came from.",
    ),
    "schema": (
        "bizenv_cli.cli.schema_cmd",
        "schema",
        "Write (or --check) the JSON Schemas in schemas/.",
    ),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self._available(name)]

    def _available(self, name: str) -> bool:
        module = COMMANDS[name][0]
        return importlib.util.find_spec(module) is not None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not self._available(cmd_name):
            return None
        module, attr, _ = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    epilog=EXIT_CODES_HELP,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", prog_name="bizenv")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """bizenv: check the Gedian Development Zone business-environment plan
    (葛店开发区打造一流营商环境实施方案, 2021) against what departments report.

    Start with `bizenv validate measures`, then `bizenv check examples/2021-Q2`.
    """
    ctx.obj = {"debug": debug}
    if ctx.invoked_subcommand is None:  # bare `bizenv`: the help is the answer, not an error
        click.echo(ctx.get_help())


def main(argv: list[str] | None = None) -> Any:
    """Entry point: one place turns exceptions into messages and exit codes."""
    from bizenv_cli.cli.errors import run

    # bizenv uses no pydantic plugins; looking them up scans every installed
    # package's entry points (~20 ms of each run).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

    # One run, then exit: the cyclic collector would walk the ever-growing heap of parsed
    # measures and findings again and again (validate of 5,400 measures spent a third
    # of its time in it). Freeze what start-up made and collect rarely.
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)

    debug = "--debug" in (argv if argv is not None else sys.argv[1:]) or bool(
        os.environ.get("BIZENV_DEBUG")
    )
    sys.exit(run(cli, argv, debug=debug))
