"""The one error type that stops a command, and the exit codes (a public contract)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # not imported at start-up: `bizenv --help` needs neither
    from bizenv_cli.diagnostics import Finding

EXIT_OK = 0  # nothing to report (warnings allowed)
EXIT_FINDINGS = 1  # findings: validation errors, failing targets
EXIT_USAGE = 2  # bad command line (click's own code)
EXIT_INPUT = 3  # input that cannot be used at all
EXIT_INTERNAL = 4  # a bug in bizenv

EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 findings (errors, or failing targets); 2 usage error; "
    "3 input that cannot be used; 4 internal error."
)


class BizenvError(Exception):
    """A fatal problem the user can fix. Carries the exit code and, if any, findings."""

    def __init__(
        self, message: str, *, exit_code: int = EXIT_INPUT, findings: list[Finding] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.findings = findings or []
