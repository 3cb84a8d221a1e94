"""The single error path: what the user sees, and the exit code, for every failure."""

from __future__ import annotations

import errno
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import click

from bizenv_cli.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_USAGE, BizenvError
from bizenv_cli.sanitize import message as printable

# Signals that end a run the way Ctrl-C does: `finally` blocks run, so an output being
# written is removed rather than left half-written (exit 128 + the signal's number).
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
# Errors of a write that cannot succeed (stdout on a full disk, `> /dev/full`): exit 3.
FULL = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}


class Stopped(KeyboardInterrupt):
    """A stop signal arrived; a KeyboardInterrupt so everything unwinds as for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: FrameType | None) -> None:
    for other in STOP_SIGNALS:  # a second signal must not interrupt the cleanup
        signal.signal(other, signal.SIG_IGN)
    raise Stopped(signum)


@contextmanager
def stop_signals_unwind() -> Iterator[None]:
    """SIGTERM and SIGHUP raise ``Stopped`` for the duration (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {signum: signal.signal(signum, _stop) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in old.items():
            signal.signal(signum, handler)


def run(command: click.Command, argv: list[str] | None, *, debug: bool) -> int:
    try:
        with stop_signals_unwind():
            return _run(command, argv, debug=debug)
    except Stopped as exc:  # arrived while the error path itself was printing
        return 128 + exc.signum
    except KeyboardInterrupt:
        return 130


def _run(command: click.Command, argv: list[str] | None, *, debug: bool) -> int:
    from bizenv_cli.cli import lang_of_run

    lang_of_run.start(sys.argv[1:] if argv is None else argv)
    try:
        result = command.main(args=argv, prog_name="bizenv", standalone_mode=False)
    except click.exceptions.Abort as exc:  # click's wrapping of a KeyboardInterrupt
        return _interrupted(exc.__cause__ or exc.__context__)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.UsageError as exc:
        exc.message = printable(exc.message)  # type: ignore[misc]  # may quote input
        lang_of_run.show_usage_error(exc)
        return exc.exit_code if exc.exit_code else EXIT_USAGE
    except click.ClickException as exc:
        exc.message = printable(exc.message)  # type: ignore[misc]  # may quote input
        exc.show()
        return exc.exit_code if exc.exit_code else EXIT_USAGE
    except BizenvError as exc:
        print_findings(exc)
        return exc.exit_code
    except BrokenPipeError:
        # The reader of our output went away (`bizenv list | head`); nothing is wrong.
        from bizenv_cli.stdio import silence_stdout

        silence_stdout()
        return 0
    except KeyboardInterrupt as exc:
        return _interrupted(exc)
    except OSError as exc:
        if exc.errno not in FULL:
            return _internal(exc, debug=debug)
        return _output_failed(exc)
    except Exception as exc:
        return _internal(exc, debug=debug)
    try:
        sys.stdout.flush()
    except OSError as exc:
        if exc.errno not in FULL:
            raise
        return _output_failed(exc)
    return int(result or 0)


def _interrupted(exc: BaseException | None) -> int:
    """Ctrl-C: 130; SIGTERM: 143; SIGHUP: 129 (128 + the signal), as shells report them."""
    if isinstance(exc, Stopped):
        click.echo("Terminated." if exc.signum == signal.SIGTERM else "Stopped.", err=True)
        return 128 + exc.signum
    if isinstance(exc, KeyboardInterrupt):
        click.echo("Interrupted.", err=True)
        return 130
    click.echo("Aborted.", err=True)
    return 1


def _output_failed(exc: OSError) -> int:
    """Standard output cannot take more (a full disk): say so, drop what is buffered."""
    from bizenv_cli.stdio import silence_stdout

    silence_stdout()
    click.echo(f"bizenv: error: cannot write the output: {exc.strerror or exc}", err=True)
    return EXIT_INPUT


def _internal(exc: Exception, *, debug: bool) -> int:
    if debug:
        import traceback  # only on the rare path that shows one

        traceback.print_exception(exc)
    else:
        click.echo(
            f"bizenv: internal error: {type(exc).__name__}: {printable(str(exc))}\n"
            "This is a bug in bizenv. Run again with --debug for the traceback and report it.",
            err=True,
        )
    return EXIT_INTERNAL


def print_findings(exc: BizenvError) -> None:
    """The findings of an unusable input (at most 20 per file and code), then the error;
    in Chinese under zh (``i18n.findings``)."""
    from bizenv_cli.cli.lang_of_run import run_lang
    from bizenv_cli.output.caps import capped, finding_line

    lang = run_lang()
    shown, more = capped(exc.findings, lang=lang)
    for finding in shown:
        click.echo(finding_line(finding, lang), err=True)
    for text in more:
        click.echo(text, err=True)
    if lang == "zh":
        from bizenv_cli.i18n.findings import error_line

        click.echo(error_line(printable(exc.message), exc.exit_code), err=True)
    else:
        click.echo(f"bizenv: error: {printable(exc.message)}", err=True)
