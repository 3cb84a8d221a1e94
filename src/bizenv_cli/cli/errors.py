"""The single error path: what the user sees, and the exit code, for every failure."""

from __future__ import annotations

import sys
import traceback

import click

from bizenv_cli.errors import EXIT_INTERNAL, EXIT_USAGE, BizenvError


def run(command: click.Command, argv: list[str] | None, *, debug: bool) -> int:
    try:
        result = command.main(args=argv, prog_name="bizenv", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code if exc.exit_code else EXIT_USAGE
    except BizenvError as exc:
        for finding in exc.findings:
            click.echo(
                f"{finding.location()}: {finding.level.value} {finding.code} {finding.message}",
                err=True,
            )
        click.echo(f"bizenv: error: {exc.message}", err=True)
        return exc.exit_code
    except BrokenPipeError:
        # The reader of our output went away (`bizenv list | head`); nothing is wrong.
        from bizenv_cli.stdio import silence_stdout

        silence_stdout()
        return 0
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return 130
    except Exception as exc:
        if debug:
            traceback.print_exc()
        else:
            click.echo(
                f"bizenv: internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in bizenv. Run again with --debug for the traceback and report it.",
                err=True,
            )
        return EXIT_INTERNAL
    sys.stdout.flush()
    return int(result or 0)
